package dev.paymon.publisher.web;

/** A request body (or NDJSON line) is not well-formed JSON; answered with 400. */
public class MalformedJsonException extends RuntimeException {

    public MalformedJsonException(String message) {
        super(message);
    }
}
