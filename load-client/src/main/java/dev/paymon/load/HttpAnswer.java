package dev.paymon.load;

import static java.nio.charset.StandardCharsets.UTF_8;

/**
 * An answer read by {@link HttpConnection}: its status, its {@code Content-Type} ("" when it has none) and, when
 * asked for, its body (else empty).
 */
public record HttpAnswer(int status, String contentType, byte[] body) {

    static final byte[] NO_BODY = new byte[0];

    public boolean successful() {
        return status >= 200 && status < 300;
    }

    /** Whether the body is a problem detail ({@code application/problem+json}). */
    public boolean problem() {
        return contentType.startsWith("application/problem+json");
    }

    /** The body as UTF-8 text. */
    public String text() {
        return new String(body, UTF_8);
    }
}
