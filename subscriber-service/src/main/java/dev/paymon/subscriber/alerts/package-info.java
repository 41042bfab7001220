/**
 * Fraud alerts: {@code AlertProjection} projects {@code fraud.alerts.v1} into the {@code alerts} table through the
 * {@link dev.paymon.subscriber.projection.Projector} (a replay never reopens an acknowledged alert), and
 * {@code AlertController} lists alerts and acknowledges them.
 */
package dev.paymon.subscriber.alerts;
