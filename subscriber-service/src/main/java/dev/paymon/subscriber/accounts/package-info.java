/**
 * Account summaries, {@code GET /api/v1/accounts/{accountId}/summary}: an account's payments and open alerts, now from
 * {@code account_summaries} or as they stood at an instant from the stored history. It only reads: the payments
 * projection writes those totals.
 */
package dev.paymon.subscriber.accounts;
