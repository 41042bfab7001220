package dev.paymon.publisher;

import static dev.paymon.testing.BadRequest.JSON;
import static dev.paymon.testing.BadRequest.NDJSON;
import static dev.paymon.testing.BadRequest.of;
import static java.nio.charset.StandardCharsets.ISO_8859_1;
import static java.nio.charset.StandardCharsets.UTF_16LE;
import static java.nio.charset.StandardCharsets.UTF_8;

import dev.paymon.testing.BadRequest;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The publisher's bad-input catalog: malformed requests against every endpoint family (payments, batches as JSON
 * and NDJSON, account profiles, FX rates, simulations) and the 4xx each must get. Every row reads: name, method,
 * path, content type, body, status. {@link BadInputIT} sends them to the running service.
 */
final class PublisherBadRequests {

    static final String PAYMENTS = "/api/v1/payments";
    static final String BATCH = "/api/v1/payments/batch";
    static final String ACCOUNT = "/api/v1/accounts/acc-bad-input";
    static final String FX_RATE = "/api/v1/fx-rates/USD";
    static final String SIMULATIONS = "/api/v1/simulations";

    private static final String POST = "POST";
    private static final String PUT = "PUT";
    private static final String GET = "GET";
    private static final String DELETE = "DELETE";

    /** A valid payment, field by field (each value as raw JSON). */
    private static final Map<String, String> PAYMENT = fields("accountId", "\"acc-bad-input\"", "amount", "\"12.50\"",
            "currency", "\"EUR\"", "merchantId", "\"m-1\"", "merchantCategory", "\"5411\"", "country", "\"DE\"",
            "channel", "\"CARD_PRESENT\"");
    private static final String ACCOUNT_PROFILE =
            "{\"homeCountry\":\"DE\",\"riskTier\":\"LOW\",\"dailyLimit\":\"500.00\",\"currency\":\"EUR\"}";
    private static final String OUT_OF_RANGE = "1e99999999999";
    private static final String TINY = "1e-999999999";

    private PublisherBadRequests() {
    }

    static List<BadRequest> all() {
        return Stream.of(wrongTypes(), boundaries(), hugeAndDeep(), duplicatesAndNulls(), emptyAndTruncated(),
                encodings(), contentTypes(), pathsAndQueries(), batches(), referenceData(), simulations(),
                methodsAndSizes()).flatMap(List::stream).toList();
    }

    static List<BadRequest> wrongTypes() {
        return List.of(
                of("accountId a number", POST, PAYMENTS, JSON, payment("accountId", "42"), 400),
                of("amount a boolean", POST, PAYMENTS, JSON, payment("amount", "true"), 400),
                of("amount an array", POST, PAYMENTS, JSON, payment("amount", "[\"12.50\"]"), 400),
                of("channel an object", POST, PAYMENTS, JSON, payment("channel", "{\"name\":\"ATM\"}"), 400),
                of("occurredAt epoch millis", POST, PAYMENTS, JSON, payment("occurredAt", "1767225600000"), 400),
                of("every field of another type", POST, PAYMENTS, JSON,
                        "{\"accountId\":[1],\"amount\":{\"x\":1},\"channel\":5,\"occurredAt\":true}", 400),
                of("a string, not an object", POST, PAYMENTS, JSON, "\"payment\"", 400),
                of("an array, not an object", POST, PAYMENTS, JSON, "[" + payment() + "]", 400),
                of("a number, not an object", POST, PAYMENTS, JSON, "42", 400));
    }

    static List<BadRequest> boundaries() {
        return List.of(
                of("amount 0", POST, PAYMENTS, JSON, payment("amount", "\"0\""), 400),
                of("amount 0.00 as a number", POST, PAYMENTS, JSON, payment("amount", "0.00"), 400),
                of("amount negative", POST, PAYMENTS, JSON, payment("amount", "\"-0.01\""), 400),
                of("amount with 3 decimals", POST, PAYMENTS, JSON, payment("amount", "\"1.001\""), 400),
                of("amount 1e400 as a number", POST, PAYMENTS, JSON, payment("amount", "1e400"), 400),
                of("amount 1e400 as a string", POST, PAYMENTS, JSON, payment("amount", "\"1e400\""), 400),
                of("amount 1e-400", POST, PAYMENTS, JSON, payment("amount", "1e-400"), 400),
                of("amount with an exponent out of range", POST, PAYMENTS, JSON, payment("amount", OUT_OF_RANGE), 400),
                of("amount with 16 integer digits", POST, PAYMENTS, JSON, payment("amount", "\"1234567890123456\""),
                        400),
                of("amount NaN as a string", POST, PAYMENTS, JSON, payment("amount", "\"NaN\""), 400),
                of("amount Infinity as a string", POST, PAYMENTS, JSON, payment("amount", "\"Infinity\""), 400),
                of("amount with cents in yen", POST, PAYMENTS, JSON,
                        payment(Map.of("amount", "\"100.50\"", "currency", "\"JPY\"")), 400),
                of("accountId of 65 characters", POST, PAYMENTS, JSON, payment("accountId", quoted("a".repeat(65))),
                        400),
                of("paymentId of 65 characters", POST, PAYMENTS, JSON, payment("paymentId", quoted("p".repeat(65))),
                        400),
                of("merchantId empty", POST, PAYMENTS, JSON, payment("merchantId", "\"\""), 400),
                of("merchantId blank", POST, PAYMENTS, JSON, payment("merchantId", "\"   \""), 400),
                of("merchantCategory of 257 characters", POST, PAYMENTS, JSON,
                        payment("merchantCategory", quoted("5".repeat(257))), 400),
                of("currency in lower case", POST, PAYMENTS, JSON, payment("currency", "\"eur\""), 400),
                of("currency not in ISO 4217", POST, PAYMENTS, JSON, payment("currency", "\"ABC\""), 400),
                of("country of three letters", POST, PAYMENTS, JSON, payment("country", "\"DEU\""), 400),
                of("channel unknown", POST, PAYMENTS, JSON, payment("channel", "\"WIRE\""), 400),
                of("occurredAt 4 minutes ahead", POST, PAYMENTS, JSON,
                        payment("occurredAt", quoted(Instant.now().plus(Duration.ofMinutes(4)).toString())), 400),
                of("occurredAt not an instant", POST, PAYMENTS, JSON, payment("occurredAt", "\"yesterday\""), 400),
                of("occurredAt without an offset", POST, PAYMENTS, JSON,
                        payment("occurredAt", "\"2026-01-01T00:00:00\""), 400));
    }

    static List<BadRequest> hugeAndDeep() {
        return List.of(
                of("huge string", POST, PAYMENTS, JSON, payment("merchantId", quoted("m".repeat(20_000))), 400),
                of("number of 501 digits", POST, PAYMENTS, JSON, payment("amount", "1" + "0".repeat(500)), 400),
                of("huge exponent", POST, PAYMENTS, JSON, payment("amount", "1e999999999"), 400),
                of("deep nesting", POST, PAYMENTS, JSON, "{\"a\":".repeat(100) + "1" + "}".repeat(100), 400),
                of("deep nesting in a field", POST, PAYMENTS, JSON,
                        payment("amount", "[".repeat(40) + "]".repeat(40)), 400));
    }

    static List<BadRequest> duplicatesAndNulls() {
        return List.of(
                of("duplicate amount (never last-wins)", POST, PAYMENTS, JSON,
                        payment().replace("}", ",\"amount\":\"9999.00\"}"), 400),
                of("duplicate keys with equal values", POST, PAYMENTS, JSON,
                        payment().replace("}", ",\"currency\":\"EUR\"}"), 400),
                of("duplicate keys nested", POST, PAYMENTS, JSON, payment("x", "{\"a\":1,\"a\":1}"), 400),
                of("every field null", POST, PAYMENTS, JSON, PAYMENT.keySet().stream()
                        .map(field -> "\"" + field + "\":null").collect(Collectors.joining(",", "{", "}")), 400),
                of("amount null", POST, PAYMENTS, JSON, payment("amount", "null"), 400),
                of("accountId missing", POST, PAYMENTS, JSON, paymentWithout("accountId"), 400),
                of("JSON null", POST, PAYMENTS, JSON, "null", 400));
    }

    static List<BadRequest> emptyAndTruncated() {
        String payment = payment();
        return List.of(
                of("empty body", POST, PAYMENTS, JSON, "", 400),
                of("whitespace only", POST, PAYMENTS, JSON, " \n\t ", 400),
                of("empty object", POST, PAYMENTS, JSON, "{}", 400),
                of("truncated in the middle", POST, PAYMENTS, JSON, payment.substring(0, payment.length() / 2), 400),
                of("truncated inside a string", POST, PAYMENTS, JSON, "{\"accountId\":\"acc", 400),
                of("last brace missing", POST, PAYMENTS, JSON, payment.substring(0, payment.length() - 1), 400),
                of("trailing content", POST, PAYMENTS, JSON, payment + " {}", 400),
                of("malformed JSON", POST, PAYMENTS, JSON, "{\"accountId\": ", 400),
                of("single quotes", POST, PAYMENTS, JSON, "{'accountId': 'a'}", 400),
                of("NaN literal", POST, PAYMENTS, JSON, payment("amount", "NaN"), 400),
                of("leading zeros", POST, PAYMENTS, JSON, payment("amount", "0012"), 400),
                of("plus sign", POST, PAYMENTS, JSON, payment("amount", "+1"), 400),
                of("comment", POST, PAYMENTS, JSON, "//c\n" + payment, 400),
                of("mismatched close", POST, PAYMENTS, JSON, "{\"a\":[}", 400),
                of("raw control character in a string", POST, PAYMENTS, JSON, payment("merchantId", "\"m\u0001\""),
                        400),
                of("escaped NUL in an id", POST, PAYMENTS, JSON, payment("accountId", "\"acc\\u0000\""), 400));
    }

    static List<BadRequest> encodings() {
        return List.of(
                of("invalid UTF-8 bytes", POST, PAYMENTS, JSON, withBytes("merchantId", 0xff, 0xfe), 400),
                of("overlong UTF-8 encoding", POST, PAYMENTS, JSON, withBytes("merchantId", 0xc0, 0xaf), 400),
                of("truncated UTF-8 sequence", POST, PAYMENTS, JSON, withBytes("merchantId", 0xe2, 0x82), 400),
                of("UTF-8 continuation byte alone", POST, PAYMENTS, JSON, withBytes("merchantId", 0x80), 400),
                of("UTF-8 encoded surrogate", POST, PAYMENTS, JSON, withBytes("merchantId", 0xed, 0xa0, 0x80), 400),
                of("UTF-8 beyond U+10FFFF", POST, PAYMENTS, JSON, withBytes("merchantId", 0xf4, 0x90, 0x80, 0x80), 400),
                of("UTF-16 without a byte order mark", POST, PAYMENTS, JSON, payment().getBytes(UTF_16LE), 400));
    }

    static List<BadRequest> contentTypes() {
        String payment = payment();
        return List.of(
                of("no content type", POST, PAYMENTS, null, payment, 415),
                of("text/plain", POST, PAYMENTS, "text/plain", payment, 415),
                of("form encoded", POST, PAYMENTS, "application/x-www-form-urlencoded", "accountId=a&amount=1", 415),
                of("XML", POST, PAYMENTS, "application/xml", "<payment><amount>1</amount></payment>", 415),
                of("multipart", POST, PAYMENTS, "multipart/form-data; boundary=x", payment, 415),
                of("unparsable content type", POST, PAYMENTS, "json", payment, 415),
                of("unknown charset", POST, PAYMENTS, "application/json; charset=klingon", payment, 415),
                of("NDJSON to the single-payment endpoint", POST, PAYMENTS, NDJSON, payment, 415),
                of("text/plain to the batch endpoint", POST, BATCH, "text/plain", "[" + payment + "]", 415),
                of("only XML accepted", POST, PAYMENTS, JSON, payment, 406).withHeader("Accept", "application/xml"));
    }

    static List<BadRequest> pathsAndQueries() {
        String payment = payment();
        return List.of(
                of("async not a boolean", POST, PAYMENTS + "?async=maybe", JSON, payment, 400),
                of("async NUL", POST, PAYMENTS + "?async=%00", JSON, payment, 400),
                of("async repeated with other values", POST, PAYMENTS + "?async=true&async=false", JSON, payment, 400),
                of("async repeated on a batch", POST, BATCH + "?async=false&async=false", JSON, "[]", 400),
                of("query string over the header limit", POST, PAYMENTS + "?q=" + "a".repeat(9_000), JSON, payment,
                        400),
                of("SQL quote in the account id", PUT, "/api/v1/accounts/acc'%20OR%20'1'='1", JSON, ACCOUNT_PROFILE,
                        400),
                of("../ in the path", PUT, "/api/v1/accounts/../fx-rates/USD", JSON, "{\"rateToBase\":\"1\"}", 400),
                of("encoded dots in the path", PUT, "/api/v1/accounts/%2e%2e", JSON, ACCOUNT_PROFILE, 400),
                of("encoded slash in the path", PUT, "/api/v1/accounts/a%2Fb", JSON, ACCOUNT_PROFILE, 400),
                of("encoded backslash in the path", PUT, "/api/v1/accounts/a%5Cb", JSON, ACCOUNT_PROFILE, 400),
                of("NUL in the path", PUT, "/api/v1/accounts/acc%00", JSON, ACCOUNT_PROFILE, 400),
                of("invalid percent-encoding in the path", PUT, "/api/v1/accounts/%FF%FE", JSON, ACCOUNT_PROFILE, 400),
                of("path parameter", PUT, "/api/v1/fx-rates/USD;jsessionid=x", JSON, "{\"rateToBase\":\"1\"}", 400),
                of("double slash", PUT, "/api//v1/fx-rates/USD", JSON, "{\"rateToBase\":\"1\"}", 400),
                of("account id of 65 characters in the path", PUT, "/api/v1/accounts/" + "a".repeat(65), JSON,
                        ACCOUNT_PROFILE, 400),
                of("space in the account id", PUT, "/api/v1/accounts/acc%20bad", JSON, ACCOUNT_PROFILE, 400),
                of("currency of six letters in the path", PUT, "/api/v1/fx-rates/USDUSD", JSON,
                        "{\"rateToBase\":\"1\"}", 400),
                of("SQL quote in a simulation id", GET, SIMULATIONS + "/x'%20OR%201=1--", 404),
                of("unknown simulation", GET, SIMULATIONS + "/no-such-simulation", 404),
                of("stopping an unknown simulation", DELETE, SIMULATIONS + "/no-such-simulation", 404));
    }

    static List<BadRequest> batches() {
        String payment = payment();
        return List.of(
                of("batch: an object, not an array", POST, BATCH, JSON, payment, 400),
                of("batch: unclosed array", POST, BATCH, JSON, "[", 400),
                of("batch: truncated", POST, BATCH, JSON, "[" + payment + "," + payment.substring(0, 30), 400),
                of("batch: empty body", POST, BATCH, JSON, "", 400),
                of("batch: deep nesting", POST, BATCH, JSON, "[".repeat(1000) + "]".repeat(1000), 400),
                of("batch: duplicate key in an item", POST, BATCH, JSON,
                        "[" + payment.replace("}", ",\"amount\":\"1.00\"}") + "]", 400),
                of("batch: exponent out of range in an item", POST, BATCH, JSON,
                        "[" + payment("amount", OUT_OF_RANGE) + "]", 400),
                of("batch: 1,001 items", POST, BATCH, JSON, "[" + "{},".repeat(1000) + "{}]", 413),
                of("NDJSON batch: 1,001 lines", POST, BATCH, NDJSON, "{}\n".repeat(1001), 413));
    }

    static List<BadRequest> referenceData() {
        return List.of(
                of("account: riskTier unknown", PUT, ACCOUNT, JSON, ACCOUNT_PROFILE.replace("LOW", "EXTREME"), 400),
                of("account: dailyLimit negative", PUT, ACCOUNT, JSON, ACCOUNT_PROFILE.replace("500.00", "-1"), 400),
                of("account: dailyLimit out of range", PUT, ACCOUNT, JSON,
                        ACCOUNT_PROFILE.replace("\"500.00\"", OUT_OF_RANGE), 400),
                of("account: dailyLimit tiny", PUT, ACCOUNT, JSON, ACCOUNT_PROFILE.replace("\"500.00\"", TINY), 400),
                of("account: homeCountry null", PUT, ACCOUNT, JSON, ACCOUNT_PROFILE.replace("\"DE\"", "null"), 400),
                of("account: duplicate dailyLimit", PUT, ACCOUNT, JSON,
                        ACCOUNT_PROFILE.replace("}", ",\"dailyLimit\":\"1.00\"}"), 400),
                of("account: empty body", PUT, ACCOUNT, JSON, "", 400),
                of("account: not JSON", PUT, ACCOUNT, JSON, "riskTier=LOW", 400),
                of("fx rate: 0", PUT, FX_RATE, JSON, "{\"rateToBase\":\"0\"}", 400),
                of("fx rate: negative", PUT, FX_RATE, JSON, "{\"rateToBase\":-0.5}", 400),
                of("fx rate: 11 decimals", PUT, FX_RATE, JSON, "{\"rateToBase\":\"0.12345678901\"}", 400),
                of("fx rate: a boolean", PUT, FX_RATE, JSON, "{\"rateToBase\":true}", 400),
                of("fx rate: out of range", PUT, FX_RATE, JSON, "{\"rateToBase\":" + OUT_OF_RANGE + "}", 400),
                of("fx rate: tiny", PUT, FX_RATE, JSON, "{\"rateToBase\":" + TINY + "}", 400),
                of("fx rate: wrong content type", PUT, FX_RATE, "text/plain", "{\"rateToBase\":\"1\"}", 415));
    }

    static List<BadRequest> simulations() {
        return List.of(
                of("simulation: unknown setting", POST, SIMULATIONS, JSON, "{\"ratePerSecnd\":5}", 400),
                of("simulation: wrong types", POST, SIMULATIONS, JSON, "{\"rate\":\"fast\",\"fraudShare\":[1]}", 400),
                of("simulation: rate 0", POST, SIMULATIONS, JSON, "{\"ratePerSecond\":0}", 400),
                of("simulation: rate tiny", POST, SIMULATIONS, JSON, "{\"ratePerSecond\":" + TINY + "}", 400),
                of("simulation: accounts tiny", POST, SIMULATIONS, JSON, "{\"accounts\":" + TINY + "}", 400),
                of("simulation: seed out of range", POST, SIMULATIONS, JSON, "{\"seed\":" + OUT_OF_RANGE + "}", 400),
                of("simulation: fraud shares over 1", POST, SIMULATIONS, JSON,
                        "{\"fraudShare\":{\"largeAmount\":0.6,\"burst\":0.6}}", 400),
                of("simulation: currency listed twice", POST, SIMULATIONS, JSON, "{\"currencies\":[\"EUR\",\"EUR\"]}",
                        400),
                of("simulation: malformed JSON", POST, SIMULATIONS, JSON, "{\"accounts\":", 400),
                of("simulation: wrong media type", POST, SIMULATIONS, "text/plain", "{}", 415));
    }

    static List<BadRequest> methodsAndSizes() {
        return List.of(
                of("GET on payments", GET, PAYMENTS, 405),
                of("DELETE on an FX rate", DELETE, FX_RATE, 405),
                of("PATCH on an account", "PATCH", ACCOUNT, JSON, ACCOUNT_PROFILE, 405),
                of("body over the limit", POST, PAYMENTS, JSON, " ".repeat(1024 * 1024 + 1), 413));
    }

    /** The valid payment as JSON. */
    static String payment() {
        return render(PAYMENT);
    }

    /** The valid payment with one field set to a raw JSON value (added when the payment has no such field). */
    static String payment(String field, String rawJson) {
        return payment(Map.of(field, rawJson));
    }

    private static String payment(Map<String, String> changes) {
        Map<String, String> fields = new LinkedHashMap<>(PAYMENT);
        fields.putAll(changes);
        return render(fields);
    }

    private static String paymentWithout(String field) {
        Map<String, String> fields = new LinkedHashMap<>(PAYMENT);
        fields.remove(field);
        return render(fields);
    }

    /** The valid payment with {@code field} holding a string of these bytes, whatever they are. */
    private static byte[] withBytes(String field, int... bytes) {
        String marker = "@BYTES@";
        byte[] json = payment(field, quoted(marker)).getBytes(UTF_8);
        int at = new String(json, ISO_8859_1).indexOf(marker);
        byte[] result = new byte[json.length - marker.length() + bytes.length];
        System.arraycopy(json, 0, result, 0, at);
        for (int i = 0; i < bytes.length; i++) {
            result[at + i] = (byte) bytes[i];
        }
        System.arraycopy(json, at + marker.length(), result, at + bytes.length, json.length - at - marker.length());
        return result;
    }

    private static String render(Map<String, String> fields) {
        return fields.entrySet().stream().map(field -> "\"" + field.getKey() + "\":" + field.getValue())
                .collect(Collectors.joining(",", "{", "}"));
    }

    private static String quoted(String text) {
        return "\"" + text + "\"";
    }

    private static Map<String, String> fields(String... namesAndValues) {
        Map<String, String> fields = new LinkedHashMap<>();
        for (int i = 0; i < namesAndValues.length; i += 2) {
            fields.put(namesAndValues[i], namesAndValues[i + 1]);
        }
        return fields;
    }
}
