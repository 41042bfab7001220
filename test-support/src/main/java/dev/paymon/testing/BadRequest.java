package dev.paymon.testing;

import static java.nio.charset.StandardCharsets.UTF_8;

import java.util.ArrayList;
import java.util.List;

/**
 * One row of a bad-input catalog: a malformed HTTP request and the 4xx status it must be answered with (always as an
 * RFC 9457 problem detail, see {@link BadRequests}). Read a catalog as a table: name, method, path (with its query),
 * content type, body bytes, expected status.
 *
 * @param contentType the {@code Content-Type} header, or {@code null} to send none
 * @param body        the exact bytes sent, which need not be valid UTF-8; empty for none
 * @param headers     further headers as name, value, name, value, ...
 * @param key         the API key sent as {@code X-API-Key}; the all-roles test key by default
 */
public record BadRequest(String name, String method, String path, String contentType, byte[] body, int status,
                         List<String> headers, String key) {

    public static final String JSON = "application/json";
    public static final String NDJSON = "application/x-ndjson";

    public BadRequest {
        if (status < 400 || status > 499) {
            throw new IllegalArgumentException(name + ": a bad request is answered with a 4xx, not " + status);
        }
        headers = List.copyOf(headers);
    }

    /** A request with a text body (sent as UTF-8). */
    public static BadRequest of(String name, String method, String path, String contentType, String body, int status) {
        return of(name, method, path, contentType, body == null ? new byte[0] : body.getBytes(UTF_8), status);
    }

    /** A request with a body of exact bytes. */
    public static BadRequest of(String name, String method, String path, String contentType, byte[] body, int status) {
        return new BadRequest(name, method, path, contentType, body, status, List.of(), TestApiKeys.ALL);
    }

    /** A request without a body or content type. */
    public static BadRequest of(String name, String method, String path, int status) {
        return of(name, method, path, null, new byte[0], status);
    }

    /** The same request with one more header. */
    public BadRequest withHeader(String header, String value) {
        List<String> more = new ArrayList<>(headers);
        more.add(header);
        more.add(value);
        return new BadRequest(name, method, path, contentType, body, status, more, key);
    }

    /** The same request sent with another API key. */
    public BadRequest withKey(String apiKey) {
        return new BadRequest(name, method, path, contentType, body, status, headers, apiKey);
    }

    /** The body as UTF-8 text (a byte that is not UTF-8 shows as U+FFFD), shortened: for failure messages. */
    public String bodyText() {
        String text = new String(body, UTF_8);
        return text.length() <= 300 ? text : text.substring(0, 300) + "... (" + body.length + " bytes)";
    }

    /** The name alone, so that a parameterised test shows it. */
    @Override
    public String toString() {
        return name;
    }
}
