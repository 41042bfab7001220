package dev.paymon.subscriber;

import static dev.paymon.testing.BadRequest.JSON;
import static dev.paymon.testing.BadRequest.of;

import dev.paymon.testing.BadRequest;
import java.util.List;
import java.util.stream.Stream;

/**
 * The subscriber's bad-input catalog: malformed requests against every endpoint family (a payment, an account's
 * summary, payments and activity, alerts, acknowledging one, stats, the live stream, the rebuild) and the 4xx each
 * must get. Every row reads: name, method, path (with its query), status. {@link BadInputPostgresIT} sends them to the
 * running service. None of them may start a live stream or a rebuild.
 */
final class SubscriberBadRequests {

    static final String ACCOUNT = "/api/v1/accounts/acc-bad-input";
    private static final String PAYMENTS = "/api/v1/payments/";
    private static final String ALERTS = "/api/v1/alerts";
    private static final String STREAM = "/api/v1/stream";
    private static final String REBUILD = "/api/v1/admin/rebuild";
    private static final String GET = "GET";
    private static final String POST = "POST";

    /** Beyond what any database holds: year 999,999,999, and before year 1. */
    private static final String FAR_FUTURE = "%2B999999999-12-31T23:59:59Z";
    private static final String FAR_PAST = "-999999999-01-01T00:00:00Z";

    private SubscriberBadRequests() {
    }

    static List<BadRequest> all() {
        return Stream.of(payment(), summary(), accountPayments(), activity(), alerts(), acknowledge(), stream(),
                statsAndRebuild()).flatMap(List::stream).toList();
    }

    static List<BadRequest> payment() {
        return List.of(
                of("unknown payment", GET, PAYMENTS + "no-such-payment", 404),
                of("SQL quote in a payment id", GET, PAYMENTS + "x'%20OR%20'1'='1", 404),
                of("SQL comment in a payment id", GET, PAYMENTS + "x'--", 404),
                of("encoded semicolon in a payment id", GET, PAYMENTS + "x%3BDROP%20TABLE%20payments", 400),
                of("payment id of 1,000 characters", GET, PAYMENTS + "p".repeat(1000), 404),
                of("payment id over the header limit", GET, PAYMENTS + "p".repeat(9000), 400),
                of("NUL in a payment id", GET, PAYMENTS + "pay%00", 400),
                of("control character in a payment id", GET, PAYMENTS + "pay%01", 404),
                of("Unicode payment id", GET, PAYMENTS + "%C3%A9%E2%82%AC", 404),
                of("invalid percent-encoding", GET, PAYMENTS + "%FF%FE", 400),
                of("encoded slash", GET, PAYMENTS + "a%2Fb", 400),
                of("encoded backslash", GET, PAYMENTS + "a%5Cb", 400),
                of("../ in the path", GET, PAYMENTS + "../stats", 400),
                of("encoded dots", GET, PAYMENTS + "%2e%2e", 400),
                of("double slash", GET, "/api/v1//payments/x", 400),
                of("DELETE a payment", "DELETE", PAYMENTS + "x", 405),
                of("POST a payment", POST, PAYMENTS + "x", JSON, "{}", 405));
    }

    static List<BadRequest> summary() {
        String summary = ACCOUNT + "/summary";
        return List.of(
                of("summary: asOf not an instant", GET, summary + "?asOf=yesterday", 400),
                of("summary: asOf without an offset", GET, summary + "?asOf=2026-03-01T10:00:00", 400),
                of("summary: asOf repeated", GET, summary + "?asOf=2026-03-01T10:00:00Z&asOf=2026-03-02T10:00:00Z",
                        400),
                of("summary: asOf in year 999,999,999", GET, summary + "?asOf=" + FAR_FUTURE, 400),
                of("summary: asOf before year 1", GET, summary + "?asOf=" + FAR_PAST, 400),
                of("summary: asOf NUL", GET, summary + "?asOf=%00", 400),
                of("summary: unknown account", GET, "/api/v1/accounts/no-such-account/summary", 404),
                of("summary: SQL quote in the account id", GET, "/api/v1/accounts/a'%20OR%20'1'='1/summary", 404),
                of("summary: NUL in the account id", GET, "/api/v1/accounts/a%00/summary", 400));
    }

    static List<BadRequest> accountPayments() {
        String payments = ACCOUNT + "/payments";
        return List.of(
                of("account payments: limit 0", GET, payments + "?limit=0", 400),
                of("account payments: limit 501", GET, payments + "?limit=501", 400),
                of("account payments: limit -1", GET, payments + "?limit=-1", 400),
                of("account payments: limit 2^31", GET, payments + "?limit=2147483648", 400),
                of("account payments: limit 1e2", GET, payments + "?limit=1e2", 400),
                of("account payments: limit repeated", GET, payments + "?limit=1&limit=2", 400),
                of("account payments: before an unknown payment", GET, payments + "?before=no-such-payment", 400),
                of("account payments: before a SQL quote", GET, payments + "?before=x'%20OR%20'1'='1", 400),
                of("account payments: before NUL", GET, payments + "?before=%00", 400),
                of("account payments: before year 999,999,999", GET, payments + "?before=" + FAR_FUTURE, 400));
    }

    static List<BadRequest> activity() {
        String activity = ACCOUNT + "/activity";
        return List.of(
                of("activity: limit 10,001", GET, activity + "?limit=10001", 400),
                of("activity: from after to", GET, activity + "?from=2026-03-02T00:00:00Z&to=2026-03-01T00:00:00Z",
                        400),
                of("activity: from not an instant", GET, activity + "?from=2026-13-01T00:00:00Z", 400),
                of("activity: to NUL", GET, activity + "?to=%00", 400),
                of("activity: from before year 1", GET, activity + "?from=" + FAR_PAST, 400),
                of("activity: to in year 999,999,999", GET, activity + "?to=" + FAR_FUTURE, 400),
                of("activity: query string over the header limit", GET, activity + "?from=" + "1".repeat(9000), 400));
    }

    static List<BadRequest> alerts() {
        return List.of(
                of("alerts: limit 0", GET, ALERTS + "?limit=0", 400),
                of("alerts: limit 501", GET, ALERTS + "?limit=501", 400),
                of("alerts: limit too big for an int", GET, ALERTS + "?limit=99999999999999999999", 400),
                of("alerts: limit not a number", GET, ALERTS + "?limit=ten", 400),
                of("alerts: unknown rule and status", GET, ALERTS + "?rule=THEFT&status=LOST", 400),
                of("alerts: rule in lower case", GET, ALERTS + "?rule=velocity", 400),
                of("alerts: rule repeated", GET, ALERTS + "?rule=VELOCITY&rule=LARGE_AMOUNT", 400),
                of("alerts: rule not UTF-8", GET, ALERTS + "?rule=%FF", 400),
                of("alerts: before a bad cursor", GET, ALERTS + "?before=2026-13-45", 400),
                of("alerts: before NUL", GET, ALERTS + "?before=%00", 400),
                of("alerts: before year 999,999,999", GET, ALERTS + "?before=" + FAR_FUTURE, 400),
                of("alerts: accountId NUL", GET, ALERTS + "?accountId=acc%00", 400));
    }

    static List<BadRequest> acknowledge() {
        return List.of(
                of("acknowledge: unknown alert", POST, ALERTS + "/no-such-alert/acknowledge", 404),
                of("acknowledge: SQL quote in the alert id", POST, ALERTS + "/a'%20OR%20'1'='1/acknowledge", 404),
                of("acknowledge: NUL in the alert id", POST, ALERTS + "/a%00/acknowledge", 400),
                of("acknowledge: with a body", POST, ALERTS + "/no-such-alert/acknowledge", JSON,
                        "{\"status\":\"ACKNOWLEDGED\"}", 404),
                of("acknowledge: GET", GET, ALERTS + "/no-such-alert/acknowledge", 405));
    }

    static List<BadRequest> stream() {
        return List.of(
                of("stream: unknown event name", GET, STREAM + "?events=payment,refund", 400),
                of("stream: lastEventId negative", GET, STREAM + "?lastEventId=-1", 400),
                of("stream: lastEventId not a number", GET, STREAM + "?lastEventId=abc", 400),
                of("stream: lastEventId beyond a long", GET, STREAM + "?lastEventId=9223372036854775808", 400),
                of("stream: lastEventId repeated", GET, STREAM + "?lastEventId=1&lastEventId=2", 400),
                of("stream: Last-Event-ID header not a number", GET, STREAM, 400)
                        .withHeader("Last-Event-ID", "'; DROP TABLE stream_events; --"),
                of("stream: accountId NUL", GET, STREAM + "?accountId=acc%00&lastEventId=0", 400));
    }

    static List<BadRequest> statsAndRebuild() {
        return List.of(
                of("stats: PUT", "PUT", "/api/v1/stats", JSON, "{}", 405),
                of("stats: only XML accepted", GET, "/api/v1/stats", 406).withHeader("Accept", "application/xml"),
                of("stats: unknown method", "BREW", "/api/v1/stats", 400),
                of("rebuild: force not a boolean", POST, REBUILD + "?force=maybe", 400),
                of("rebuild: force NUL", POST, REBUILD + "?force=%00", 400),
                of("rebuild: PUT", "PUT", REBUILD, JSON, "{}", 405),
                of("rebuild: DELETE", "DELETE", REBUILD, 405),
                of("unknown API path", GET, "/api/v1/refunds", 404));
    }
}
