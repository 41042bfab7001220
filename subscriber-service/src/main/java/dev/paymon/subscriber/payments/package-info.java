/**
 * Payments: {@code PaymentProjection} projects {@code payments.enriched.v1} into the {@code payments} table through the
 * {@link dev.paymon.subscriber.projection.Projector}, and updates each account's running totals
 * ({@code AccountTotalsRepository}, the only writer of {@code account_summaries}); the controllers serve single
 * payments and an account's payment history, in pages.
 */
package dev.paymon.subscriber.payments;
