/**
 * The payment load the benchmark and the system tests send: {@link HttpConnection}, a cheap HTTP/1.1 keep-alive
 * client over a plain socket; {@link PaymentRequests}, the bytes of {@code POST /api/v1/payments} for a
 * {@link Payment}; and {@link LoadLoop}, load threads in an open loop (no coordinated omission) or a closed one.
 */
package dev.paymon.load;
