package dev.paymon.publisher;

import static java.nio.charset.StandardCharsets.UTF_8;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Random;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

/**
 * Makes random payment requests from valid ones, reproducibly from a seed: each case is a valid payment with one to
 * three mutations (a field dropped, set to null or to another type, to random Unicode or an extreme number, fields
 * added, swapped, nested, duplicated, made huge; raw bytes that are not UTF-8; the body truncated) on distinct fields,
 * and what it must be answered: accepted ({@link Expect#VALID}), refused with 400 ({@link Expect#INVALID}), or either
 * when only the full validation can tell (random text in an id may or may not be a valid id).
 */
final class PaymentFuzzer {

    enum Expect { VALID, EITHER, INVALID }

    /** One request: its number in the run, the mutations made, the exact body, and the expected outcome. */
    record FuzzCase(int number, List<String> mutations, byte[] body, Expect expect) {

        String bodyText() {
            String text = new String(body, UTF_8);
            return text.length() <= 400 ? text : text.substring(0, 400) + "... (" + body.length + " bytes)";
        }
    }

    private static final List<String> REQUIRED = List.of("accountId", "amount", "currency", "merchantId",
            "merchantCategory", "country", "channel");
    private static final List<String> OPTIONAL = List.of("paymentId", "occurredAt");
    private static final List<String> ALL = concat(REQUIRED, OPTIONAL);
    private static final List<String> IDENTIFIERS = List.of("paymentId", "accountId", "merchantId", "merchantCategory");
    private static final List<String> CURRENCIES = List.of("EUR", "USD", "GBP", "CHF", "JPY", "SEK");
    private static final List<String> COUNTRIES = List.of("DE", "FR", "US", "GB", "JP", "CH", "NL");
    private static final List<String> CHANNELS = List.of("CARD_PRESENT", "ECOMMERCE", "TRANSFER", "ATM");
    private static final List<String> BAD_AMOUNTS = List.of("0", "-0", "0.00", "-1", "-0.01", "0.001", "1.005",
            "1e400", "-1e400", "1e-400", "1e99999999999", "1E-99999999999", "9999999999999999",
            "123456789012345678901234567890", "-9223372036854775809", "\"NaN\"", "\"-Infinity\"", "\"0x10\"",
            "\"1_000\"", "\" \"", "\"\"", "\"1,50\"", "\"12.50 EUR\"");
    private static final List<String> OTHER_TYPES = List.of("true", "false", "[]", "{}", "[\"EUR\"]",
            "{\"value\":\"x\"}", "[1,2,3]");
    /** Mutations that keep a payment valid come more often, so that about a third of the cases are accepted. */
    private static final List<Mutation> WEIGHTED = weighted(Map.of(Mutation.EDGE_VALUE, 8, Mutation.EXTRA_FIELDS, 4,
            Mutation.SHUFFLE, 3, Mutation.RANDOM_UNICODE, 2, Mutation.ID_LENGTH, 2));

    private final Random random;
    private final String run;
    private int extraFields;

    PaymentFuzzer(long seed) {
        this.random = new Random(seed);
        this.run = Long.toString(Math.abs(seed), 36);
    }

    FuzzCase next(int number) {
        FuzzPayment payment = validPayment(number);
        Set<String> touched = new HashSet<>();
        List<String> applied = new ArrayList<>();
        Expect expect = Expect.VALID;
        boolean truncate = false;
        for (int mutations = 1 + random.nextInt(3); mutations > 0; mutations--) {
            Mutation mutation = pick(WEIGHTED);
            if (mutation == Mutation.TRUNCATE) {
                truncate = true;
                applied.add("body truncated");
                expect = Expect.INVALID;
                continue;
            }
            // Each mutation changes fields no other one of the case changed, so that none undoes another.
            List<String> untouched = ALL.stream().filter(f -> !touched.contains(f)).toList();
            String field = mutation == Mutation.EVENT_TIME ? "occurredAt" : pick(untouched);
            String other = pick(untouched.stream().filter(f -> !f.equals(field)).toList());
            if (touched.contains(field)) {
                continue;
            }
            Outcome outcome = mutation.apply(this, payment, field, other);
            touched.addAll(outcome.touched());
            applied.add(outcome.description());
            expect = worse(expect, outcome.expect());
        }
        byte[] body = payment.render();
        if (truncate) {
            body = Arrays.copyOf(body, random.nextInt(body.length - 1));
        }
        return new FuzzCase(number, applied, body, expect);
    }

    /** The ways a case departs from a valid payment; each returns what it changed and what that makes the case. */
    private enum Mutation {
        DROP {
            @Override
            Outcome apply(PaymentFuzzer fuzzer, FuzzPayment payment, String field, String other) {
                payment.remove(field);
                return new Outcome("drop " + field, field, OPTIONAL.contains(field) ? Expect.VALID : Expect.INVALID);
            }
        },
        NULL {
            @Override
            Outcome apply(PaymentFuzzer fuzzer, FuzzPayment payment, String field, String other) {
                payment.set(field, "null");
                return new Outcome(field + " null", field, OPTIONAL.contains(field) ? Expect.VALID : Expect.INVALID);
            }
        },
        WRONG_TYPE {
            @Override
            Outcome apply(PaymentFuzzer fuzzer, FuzzPayment payment, String field, String other) {
                String value = field.equals("amount") || fuzzer.random.nextBoolean()
                        ? fuzzer.pick(OTHER_TYPES) : Integer.toString(fuzzer.random.nextInt());
                payment.set(field, value);
                return new Outcome(field + " as " + value, field, Expect.INVALID);
            }
        },
        RANDOM_UNICODE {
            @Override
            Outcome apply(PaymentFuzzer fuzzer, FuzzPayment payment, String field, String other) {
                String value = fuzzer.unicode(fuzzer.random.nextInt(24));
                payment.set(field, value);
                return new Outcome(field + " random text " + value, field, Expect.EITHER);
            }
        },
        EXTREME_NUMBER {
            @Override
            Outcome apply(PaymentFuzzer fuzzer, FuzzPayment payment, String field, String other) {
                String value = fuzzer.pick(BAD_AMOUNTS);
                // Another field gets a number (never valid there) rather than a string, which could be a valid id.
                payment.set(field, field.equals("amount") || !value.startsWith("\"") ? value : "1e400");
                return new Outcome(field + " = " + payment.get(field), field, Expect.INVALID);
            }
        },
        EXTRA_FIELDS {
            @Override
            Outcome apply(PaymentFuzzer fuzzer, FuzzPayment payment, String field, String other) {
                int count = 1 + fuzzer.random.nextInt(5);
                for (int i = 0; i < count; i++) {
                    payment.add("x_" + fuzzer.run + "_" + fuzzer.extraFields++, fuzzer.anyValue(3));
                }
                return new Outcome(count + " extra fields", List.of(), Expect.VALID);
            }
        },
        DEEP_NESTING {
            @Override
            Outcome apply(PaymentFuzzer fuzzer, FuzzPayment payment, String field, String other) {
                int depth = 33 + fuzzer.random.nextInt(300);
                payment.add("x_deep", "[".repeat(depth) + "]".repeat(depth));
                return new Outcome("an extra field nested " + depth + " deep", List.of(), Expect.INVALID);
            }
        },
        SWAP {
            @Override
            Outcome apply(PaymentFuzzer fuzzer, FuzzPayment payment, String field, String other) {
                String first = Objects.requireNonNullElse(payment.get(field), "null");
                String second = Objects.requireNonNullElse(payment.get(other), "null");
                payment.set(field, second);
                payment.set(other, first);
                return new Outcome("swap " + field + " and " + other, List.of(field, other), Expect.EITHER);
            }
        },
        NEST {
            @Override
            Outcome apply(PaymentFuzzer fuzzer, FuzzPayment payment, String field, String other) {
                String value = payment.get(field) == null ? "\"x\"" : payment.get(field);
                payment.set(field, fuzzer.random.nextBoolean() ? "[" + value + "]" : "{\"value\":" + value + "}");
                return new Outcome(field + " nested", field, Expect.INVALID);
            }
        },
        DUPLICATE {
            @Override
            Outcome apply(PaymentFuzzer fuzzer, FuzzPayment payment, String field, String other) {
                String value = Objects.requireNonNullElse(payment.get(field), "\"x\"");
                if (payment.get(field) == null) {
                    payment.add(field, value);
                }
                payment.add(field, fuzzer.random.nextBoolean() ? value : fuzzer.anyValue(1));
                return new Outcome(field + " twice", field, Expect.INVALID);
            }
        },
        HUGE_STRING {
            @Override
            Outcome apply(PaymentFuzzer fuzzer, FuzzPayment payment, String field, String other) {
                int length = 10_001 + fuzzer.random.nextInt(40_000);
                payment.set(field, "\"" + "x".repeat(length) + "\"");
                return new Outcome(field + " of " + length + " characters", field, Expect.INVALID);
            }
        },
        ID_LENGTH {
            @Override
            Outcome apply(PaymentFuzzer fuzzer, FuzzPayment payment, String field, String other) {
                if (!IDENTIFIERS.contains(field)) {
                    payment.set(field, "\"\"");
                    return new Outcome(field + " empty", field, Expect.INVALID);
                }
                int length = fuzzer.random.nextBoolean() ? 64 : 65;
                payment.set(field, "\"" + fuzzer.run + "-" + "b".repeat(length - fuzzer.run.length() - 1) + "\"");
                return new Outcome(field + " of " + length + " characters", field,
                        length == 64 ? Expect.VALID : Expect.INVALID);
            }
        },
        EVENT_TIME {
            @Override
            Outcome apply(PaymentFuzzer fuzzer, FuzzPayment payment, String field, String other) {
                List<String> times = List.of("1970-01-01T00:00:00Z", "0001-01-01T00:00:00Z", "+10000-01-01T00:00:00Z",
                        Instant.now().plus(Duration.ofDays(2)).toString(), "2026-02-30T00:00:00Z",
                        "2026-01-01T00:00:00+25:00", "2026-01-01 00:00:00Z");
                int choice = fuzzer.random.nextInt(times.size());
                payment.set("occurredAt", "\"" + times.get(choice) + "\"");
                return new Outcome("occurredAt " + times.get(choice), "occurredAt",
                        choice < 2 ? Expect.VALID : Expect.INVALID);
            }
        },
        NOT_UTF8 {
            @Override
            Outcome apply(PaymentFuzzer fuzzer, FuzzPayment payment, String field, String other) {
                List<byte[]> sequences = List.of(new byte[] {(byte) 0xff}, new byte[] {(byte) 0xc0, (byte) 0xaf},
                        new byte[] {(byte) 0xe2, (byte) 0x82}, new byte[] {(byte) 0x80},
                        new byte[] {(byte) 0xf8, (byte) 0x88}, new byte[] {(byte) 0xf4, (byte) 0x90, (byte) 0x80});
                int choice = fuzzer.random.nextInt(sequences.size());
                payment.raw(field, sequences.get(choice));
                return new Outcome(field + " with bytes that are not UTF-8 (#" + choice + ")", field, Expect.INVALID);
            }
        },
        EDGE_VALUE {
            @Override
            Outcome apply(PaymentFuzzer fuzzer, FuzzPayment payment, String field, String other) {
                boolean yen = "\"JPY\"".equals(payment.get("currency"));
                List<String> values = switch (field) {
                    case "amount" -> yen ? List.of("1", "\"1\"", "999999999999999", "1e2", "\" 70 \"", "\"100.00\"")
                            : List.of("0.01", "\"0.01\"", "999999999999999.99", "\"12.5000\"", "1e2", "\"1E+2\"",
                                    "\" 7.10 \"");
                    case "accountId", "paymentId" -> List.of("\"a.b_c:d-e\"", "\"0\"", "\"" + fuzzer.run + ":Z-9\"");
                    case "merchantId", "merchantCategory" -> List.of("\"Caf\u00e9 \u6771\u4eac \ud83c\udf63\"",
                            "\"" + "\u00e9".repeat(64) + "\"", "\"a\\\"b\\\\c\"", "\"<script>\"", "\"' OR '1'='1\"");
                    case "currency" -> yen ? List.of("\"JPY\"") : List.of("\"CHF\"", "\"SEK\"");
                    case "country" -> List.of("\"JP\"", "\"BR\"", "\"ZA\"");
                    case "channel" -> CHANNELS.stream().map(channel -> "\"" + channel + "\"").toList();
                    default -> List.of("\"" + Instant.now().minusSeconds(1) + "\"", "\"2026-01-01T00:00:00.123456789Z\"");
                };
                String value = fuzzer.pick(values);
                payment.set(field, value);
                return new Outcome(field + " = " + value, field, Expect.VALID);
            }
        },
        SHUFFLE {
            @Override
            Outcome apply(PaymentFuzzer fuzzer, FuzzPayment payment, String field, String other) {
                payment.shuffle(fuzzer.random);
                return new Outcome("fields shuffled", List.of(), Expect.VALID);
            }
        },
        TRUNCATE {
            @Override
            Outcome apply(PaymentFuzzer fuzzer, FuzzPayment payment, String field, String other) {
                throw new UnsupportedOperationException("applied to the rendered body");
            }
        };

        abstract Outcome apply(PaymentFuzzer fuzzer, FuzzPayment payment, String field, String other);
    }

    private record Outcome(String description, List<String> touched, Expect expect) {

        Outcome(String description, String field, Expect expect) {
            this(description, List.of(field), expect);
        }
    }

    private FuzzPayment validPayment(int number) {
        FuzzPayment payment = new FuzzPayment();
        String currency = pick(CURRENCIES);
        int cents = 1 + random.nextInt(999_999);
        String amount = currency.equals("JPY") ? Integer.toString(cents)
                : cents / 100 + "." + String.format("%02d", cents % 100);
        payment.add("paymentId", "\"fuzz-" + run + "-" + number + "\"");
        payment.add("accountId", "\"fuzz-acc-" + random.nextInt(20) + "\"");
        payment.add("amount", random.nextBoolean() ? "\"" + amount + "\"" : amount);
        payment.add("currency", "\"" + currency + "\"");
        payment.add("merchantId", "\"m-" + random.nextInt(1000) + "\"");
        payment.add("merchantCategory", "\"" + (1000 + random.nextInt(9000)) + "\"");
        payment.add("country", "\"" + pick(COUNTRIES) + "\"");
        payment.add("channel", "\"" + pick(CHANNELS) + "\"");
        if (random.nextBoolean()) {
            payment.add("occurredAt", "\"" + Instant.now().minusSeconds(random.nextInt(864_000)) + "\"");
        }
        return payment;
    }

    /** A JSON string of random code points from many scripts, control characters and lone surrogates included. */
    private String unicode(int length) {
        StringBuilder text = new StringBuilder("\"");
        boolean escapeAll = random.nextInt(4) == 0;
        for (int i = 0; i < length; i++) {
            int codePoint = switch (random.nextInt(9)) {
                case 0 -> 0x20 + random.nextInt(0x5f);
                case 1 -> random.nextInt(0x20);
                case 2 -> 0x7f + random.nextInt(0x21);
                case 3 -> 0xa0 + random.nextInt(0xe0);
                case 4 -> 0x4e00 + random.nextInt(0x5200);
                case 5 -> 0x1f300 + random.nextInt(0x400);
                case 6 -> pick(List.of(0x200b, 0x202e, 0xfeff, 0xfffd, 0xffff, 0x0660 + random.nextInt(10)));
                case 7 -> 0xd800 + random.nextInt(0x800);
                default -> "AZaz09._:-".charAt(random.nextInt(10));
            };
            if (codePoint == '"' || codePoint == '\\') {
                text.append('\\').appendCodePoint(codePoint);
            } else if (codePoint < 0x20 || codePoint >= 0xd800 && codePoint <= 0xdfff || escapeAll && codePoint > 0x7e) {
                Character.toString(codePoint).chars().forEach(unit -> text.append(String.format("\\u%04x", unit)));
            } else {
                text.appendCodePoint(codePoint);
            }
        }
        return text.append('"').toString();
    }

    /** A random JSON value nested at most {@code depth} deep. */
    private String anyValue(int depth) {
        int kind = random.nextInt(depth > 0 ? 8 : 6);
        return switch (kind) {
            case 0 -> "null";
            case 1 -> Boolean.toString(random.nextBoolean());
            case 2 -> Long.toString(random.nextLong());
            case 3 -> random.nextDouble() * 1e6 + "";
            case 4 -> unicode(random.nextInt(12));
            case 5 -> "\"\"";
            case 6 -> IntStream.range(0, random.nextInt(4)).mapToObj(i -> anyValue(depth - 1))
                    .collect(Collectors.joining(",", "[", "]"));
            default -> IntStream.range(0, random.nextInt(4)).mapToObj(i -> "\"k" + i + "\":" + anyValue(depth - 1))
                    .collect(Collectors.joining(",", "{", "}"));
        };
    }

    private <T> T pick(List<T> values) {
        return values.isEmpty() ? null : values.get(random.nextInt(values.size()));
    }

    private static Expect worse(Expect a, Expect b) {
        return a.compareTo(b) >= 0 ? a : b;
    }

    private static List<Mutation> weighted(Map<Mutation, Integer> weights) {
        List<Mutation> all = new ArrayList<>();
        for (Mutation mutation : Mutation.values()) {
            all.addAll(Collections.nCopies(weights.getOrDefault(mutation, 1), mutation));
        }
        return List.copyOf(all);
    }

    private static List<String> concat(List<String> a, List<String> b) {
        List<String> all = new ArrayList<>(a);
        all.addAll(b);
        return List.copyOf(all);
    }
}
