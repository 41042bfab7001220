package dev.paymon.publisher.web;

import static java.nio.charset.StandardCharsets.UTF_8;

import dev.paymon.support.web.JsonLimits;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CoderResult;
import org.springframework.stereotype.Component;
import tools.jackson.core.JacksonException;
import tools.jackson.core.StreamReadFeature;
import tools.jackson.core.TokenStreamLocation;
import tools.jackson.core.exc.StreamConstraintsException;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.cfg.JsonNodeFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads request bodies into JSON trees, strictly: UTF-8 only, decimals exactly as sent (never through a binary
 * float), duplicate keys and trailing content refused, and within {@link JsonLimits} ({@code paymon.json.*}:
 * nesting depth, string and number length). Controllers take the raw bytes and parse here, so that every field
 * can then be checked with {@link JsonFields}, collecting all errors at once.
 */
@Component
public class RequestJson {

    private final JsonLimits limits;
    private final JsonMapper mapper;

    public RequestJson(JsonLimits limits) {
        this.limits = limits;
        this.mapper = JsonMapper.builder(limits.jsonFactory())
                .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS, DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
                .enable(JsonNodeFeature.USE_BIG_DECIMAL_FOR_FLOATS)
                .disable(JsonNodeFeature.STRIP_TRAILING_BIGDECIMAL_ZEROES)
                .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
                .build();
    }

    /**
     * @throws JsonLimitException     when the JSON exceeds one of the limits
     * @throws MalformedJsonException when the bytes are empty, not one JSON value, or hold a number out of range
     */
    public JsonNode read(byte[] body) {
        String text = utf8(body);
        JsonNode tree;
        try {
            tree = mapper.readTree(text);
        } catch (StreamConstraintsException e) {
            throw new JsonLimitException(limits.describe(e));
        } catch (JacksonException e) {
            throw new MalformedJsonException("Malformed JSON" + where(e.getLocation()) + ": "
                    + withoutInternals(e.getOriginalMessage()));
        } catch (NumberFormatException e) {
            // Jackson throws this one unwrapped for a number no BigDecimal can hold, e.g. 1e99999999999.
            throw new MalformedJsonException(
                    "Malformed JSON: a number is out of range (its exponent is too large or too small)");
        }
        if (tree == null || tree.isMissingNode()) {
            throw new MalformedJsonException("Malformed JSON: the body is empty");
        }
        return tree;
    }

    /**
     * The body as text. JSON is UTF-8 (RFC 8259), and Jackson's own decoder is lenient: it guesses UTF-16 and 32 from
     * the first bytes, and reads overlong encodings ({@code C0 AF} as {@code /}) and sequences beyond U+10FFFF. Java's
     * decoder refuses every byte sequence that is not UTF-8.
     */
    private static String utf8(byte[] body) {
        ByteBuffer bytes = ByteBuffer.wrap(body);
        CharBuffer text = CharBuffer.allocate(body.length);
        CoderResult result = UTF_8.newDecoder().decode(bytes, text, true);
        if (result.isError()) {
            throw new MalformedJsonException("Malformed JSON: not UTF-8 at byte " + (bytes.position() + 1));
        }
        return text.flip().toString();
    }

    /**
     * Jackson's description of a syntax error without what it adds for developers: the names of its own classes and
     * features (in backticks), and the location details already given as line and column.
     */
    static String withoutInternals(String message) {
        if (message.startsWith("Trailing token")) {
            return "unexpected content after the JSON value";
        }
        String clean = message
                .replaceAll("\\s*\\((?:start marker at|for \\w+ starting at) \\[Source:.*$", "")
                .replaceAll("\\s*\\(not recognized as one since .*\\)$", "")
                .replaceAll(":?\\s*enable `[^`]*` to allow", "");
        int internal = clean.indexOf('`');
        return internal < 0 ? clean : clean.substring(0, internal).strip();
    }

    private static String where(TokenStreamLocation location) {
        return location == null || location.getLineNr() < 0
                ? ""
                : " at line " + location.getLineNr() + ", column " + location.getColumnNr();
    }
}
