package dev.paymon.load;

import java.time.Instant;

/**
 * A payment as {@code POST /api/v1/payments} takes it: in EUR (no FX rate needed), merchant category 5411, in DE.
 * The ids and names go into the JSON as they are, so none may hold a character JSON escapes.
 *
 * @param amountCents the amount in cents, e.g. 1234 for {@code "12.34"}
 * @param occurredAt  the event time, or null to send none (the publisher stamps its own)
 */
public record Payment(String paymentId, String accountId, long amountCents, String merchantId, String channel,
                      Instant occurredAt) {

    /** The JSON body, fields in the API's order; built without a JSON library, as it is made for every request. */
    public String json() {
        long cents = amountCents % 100;
        StringBuilder json = new StringBuilder(256)
                .append("{\"paymentId\":\"").append(paymentId)
                .append("\",\"accountId\":\"").append(accountId)
                .append("\",\"amount\":\"").append(amountCents / 100).append(cents < 10 ? ".0" : ".").append(cents)
                .append("\",\"currency\":\"EUR\",\"merchantId\":\"").append(merchantId)
                .append("\",\"merchantCategory\":\"5411\",\"country\":\"DE\",\"channel\":\"").append(channel);
        if (occurredAt != null) {
            json.append("\",\"occurredAt\":\"").append(occurredAt);
        }
        return json.append("\"}").toString();
    }
}
