package dev.paymon.support.web;

import java.net.URI;
import java.util.Locale;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;

/** The {@code type} URIs of the problem details (RFC 9457) the services answer with. */
public final class ProblemTypes {

    private static final String BASE = "https://paymon.dev/problems/";

    private ProblemTypes() {
    }

    /** A service's own problem type, e.g. {@code of("validation")}. */
    public static URI of(String name) {
        return URI.create(BASE + name);
    }

    /** For errors with no type of their own (404, 405, 415, 500, ...): named after the status, e.g. {@code not-found}. */
    public static URI forStatus(HttpStatusCode status) {
        HttpStatus known = HttpStatus.resolve(status.value());
        return of(known == null ? "http-" + status.value()
                : known.getReasonPhrase().toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-"));
    }
}
