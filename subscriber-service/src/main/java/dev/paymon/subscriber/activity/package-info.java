/**
 * Account activity: {@code ActivityProjection} projects {@code accounts.activity.v1} (each window's final result) into
 * the {@code account_activity} table through the {@link dev.paymon.subscriber.projection.Projector}, and
 * {@code ActivityController} serves an account's closed windows by start, in pages.
 */
package dev.paymon.subscriber.activity;
