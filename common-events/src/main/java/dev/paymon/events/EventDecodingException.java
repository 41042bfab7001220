package dev.paymon.events;

/** The bytes of a record are not a readable event of the expected type (not JSON, wrong shape, unknown version). */
public class EventDecodingException extends RuntimeException {

    public EventDecodingException(String message, Throwable cause) {
        super(message, cause);
    }

    public EventDecodingException(String message) {
        super(message);
    }
}
