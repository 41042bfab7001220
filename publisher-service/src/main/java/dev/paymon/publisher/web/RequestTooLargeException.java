package dev.paymon.publisher.web;

/** A request body or batch exceeds a configured limit; answered with 413. */
public class RequestTooLargeException extends RuntimeException {

    public RequestTooLargeException(String message) {
        super(message);
    }
}
