/**
 * The payment endpoints, {@code POST /api/v1/payments} and {@code /batch} (a JSON array or NDJSON):
 * {@code PaymentIntake} validates each payment ({@code PaymentRequestParser}) and publishes it to
 * {@code payments.initiated.v1}, keyed by account, and answers once the broker acknowledged it (or at once with
 * {@code ?async=true}).
 */
package dev.paymon.publisher.payments;
