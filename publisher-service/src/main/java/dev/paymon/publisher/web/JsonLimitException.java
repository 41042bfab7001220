package dev.paymon.publisher.web;

/**
 * A request body exceeds a limit of {@code paymon.json.*} (nesting depth, string or number length); answered with
 * 400. A kind of malformed JSON, so that a batch line over a limit is rejected as that item alone.
 */
public class JsonLimitException extends MalformedJsonException {

    public JsonLimitException(String message) {
        super(message);
    }
}
