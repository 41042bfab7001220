package dev.paymon.events;

import static java.nio.charset.StandardCharsets.UTF_8;

import java.nio.ByteBuffer;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/**
 * What makes two payments with one {@code paymentId} the same payment: what the client says was paid (account, amount
 * equal in value, so {@code 10.5} and {@code 10.50} are the same, currency, merchant, category, country, channel),
 * reduced to the first 64 bits of their SHA-256. One id is one payment: the processor and the subscriber drop a
 * payment again under its id as a duplicate only when the fingerprints agree, and dead-letter it
 * ({@link DeadLetterReason#PAYMENT_ID_CONFLICT}) otherwise.
 *
 * <p>{@code occurredAt} is not part of it: a client that leaves it out gets the publisher's time of receipt, so the
 * same request retried after a 503 whose first attempt was written after all carries another {@code occurredAt}, and
 * is the same payment. (A different payment that differs from the first in its time alone is taken for a retry.)
 */
public final class PaymentFingerprint {

    private PaymentFingerprint() {
    }

    public static long of(PaymentInitiated payment) {
        String canonical = String.join("\u0000", payment.paymentId(), payment.accountId(),
                payment.amount().stripTrailingZeros().toPlainString(), payment.currency(), payment.merchantId(),
                payment.merchantCategory(), payment.country(), payment.channel().name());
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(canonical.getBytes(UTF_8));
            return ByteBuffer.wrap(digest).getLong();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform has SHA-256", e);
        }
    }
}
