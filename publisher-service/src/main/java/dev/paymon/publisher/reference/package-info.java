/**
 * The reference-data endpoints, {@code PUT /api/v1/accounts/{accountId}} and {@code PUT /api/v1/fx-rates/{currency}}:
 * {@code ReferenceRequestParser} turns them into account profiles and FX rates (quoted against the base currency),
 * which are published to their compacted topics and answered 202 once the broker acknowledged them.
 */
package dev.paymon.publisher.reference;
