package dev.paymon.subscriber.config;

import java.net.URI;
import java.util.Locale;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;

/** The {@code type} URIs of the problem details (RFC 9457) this service answers with. */
public final class ProblemTypes {

    public static final URI DATABASE_UNAVAILABLE = of("database-unavailable");

    private ProblemTypes() {
    }

    /** For errors with no type of their own (404, 405, 500, ...): named after the status, e.g. {@code not-found}. */
    public static URI forStatus(HttpStatusCode status) {
        HttpStatus known = HttpStatus.resolve(status.value());
        return of(known == null ? "http-" + status.value()
                : known.getReasonPhrase().toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-"));
    }

    private static URI of(String name) {
        return URI.create("https://paymon.dev/problems/" + name);
    }
}
