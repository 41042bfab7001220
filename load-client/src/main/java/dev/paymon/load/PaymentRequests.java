package dev.paymon.load;

import static java.nio.charset.StandardCharsets.UTF_8;

import java.net.URI;

/**
 * The bytes of complete HTTP/1.1 requests to the publisher with an API key, as {@link HttpConnection} writes them:
 * {@code POST /api/v1/payments} for one {@link Payment}, or any body to another path (a batch, an echo endpoint).
 */
public final class PaymentRequests {

    public static final String PAYMENTS_PATH = "/api/v1/payments";
    public static final String API_KEY_HEADER = "X-API-Key";
    public static final String JSON = "application/json";

    private final String host;
    private final String apiKey;
    private final String accept;

    /** @param host the {@code Host} header, e.g. {@code localhost:8081} */
    public PaymentRequests(String host, String apiKey) {
        this(host, apiKey, null);
    }

    private PaymentRequests(String host, String apiKey, String accept) {
        this.host = host;
        this.apiKey = apiKey;
        this.accept = accept;
    }

    /** Requests to the publisher at {@code publisher} (e.g. {@code http://localhost:8081}). */
    public static PaymentRequests to(URI publisher, String apiKey) {
        return new PaymentRequests(publisher.getAuthority(), apiKey);
    }

    /** The same requests with an {@code Accept} header (none by default). */
    public PaymentRequests accepting(String mediaType) {
        return new PaymentRequests(host, apiKey, mediaType);
    }

    /** {@code POST /api/v1/payments} with the payment as JSON. */
    public byte[] payment(Payment payment) {
        return post(PAYMENTS_PATH, JSON, payment.json().getBytes(UTF_8));
    }

    /** {@code POST path} with {@code body}, of {@code contentType}, and its exact {@code Content-Length}. */
    public byte[] post(String path, String contentType, byte[] body) {
        byte[] head = ("POST " + path + " HTTP/1.1\r\nHost: " + host + "\r\n" + API_KEY_HEADER + ": " + apiKey
                + "\r\nContent-Type: " + contentType + (accept == null ? "" : "\r\nAccept: " + accept)
                + "\r\nContent-Length: " + body.length + "\r\n\r\n").getBytes(UTF_8);
        byte[] request = new byte[head.length + body.length];
        System.arraycopy(head, 0, request, 0, head.length);
        System.arraycopy(body, 0, request, head.length, body.length);
        return request;
    }
}
