package dev.paymon.support.web;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import tools.jackson.core.StreamReadConstraints;
import tools.jackson.core.exc.StreamConstraintsException;
import tools.jackson.core.json.JsonFactory;

/**
 * Limits on the JSON a service reads from requests ({@code paymon.json.*}), enforced by Jackson while it parses
 * (StreamReadConstraints), so that no request can make it build deep recursion, huge strings or numbers that take
 * long to convert. Well above what any valid request of this API needs; Jackson's own defaults are far larger
 * (depth 500, strings of 20 million characters, numbers of 1000 digits).
 *
 * @param maxNestingDepth  arrays and objects nested in each other (default 32; the deepest valid request has 3)
 * @param maxStringLength  characters of one string value (default 10,000; identifiers allow 64, texts 256)
 * @param maxNumberLength  characters of one number (default 100; amounts allow 15 integer digits)
 */
@ConfigurationProperties("paymon.json")
public record JsonLimits(
        @DefaultValue("32") int maxNestingDepth,
        @DefaultValue("10000") int maxStringLength,
        @DefaultValue("100") int maxNumberLength) {

    /** The defaults, for code that reads JSON outside a Spring context (tests). */
    public static final JsonLimits DEFAULTS = new JsonLimits(32, 10_000, 100);

    public JsonLimits {
        if (maxNestingDepth < 1 || maxStringLength < 1 || maxNumberLength < 1) {
            throw new IllegalArgumentException("paymon.json.max-nesting-depth, max-string-length and max-number-length"
                    + " must be positive");
        }
    }

    public StreamReadConstraints constraints() {
        return StreamReadConstraints.builder()
                .maxNestingDepth(maxNestingDepth)
                .maxStringLength(maxStringLength)
                .maxNumberLength(maxNumberLength)
                .build();
    }

    /** A JSON factory that enforces these limits. */
    public JsonFactory jsonFactory() {
        return JsonFactory.builder().streamReadConstraints(constraints()).build();
    }

    /**
     * What a client is told about a violation: which limit and its property, without Jackson's wording (which names
     * its own classes).
     */
    public String describe(StreamConstraintsException e) {
        String message = String.valueOf(e.getOriginalMessage()).toLowerCase();
        if (message.contains("nesting depth")) {
            return "The JSON is nested deeper than " + maxNestingDepth + " levels (paymon.json.max-nesting-depth)";
        }
        if (message.contains("string value length")) {
            return "A JSON string is longer than " + maxStringLength + " characters (paymon.json.max-string-length)";
        }
        if (message.contains("number value length")) {
            return "A JSON number is longer than " + maxNumberLength + " characters (paymon.json.max-number-length)";
        }
        return "The JSON exceeds a size limit";
    }
}
