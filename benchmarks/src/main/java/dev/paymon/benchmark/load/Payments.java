package dev.paymon.benchmark.load;

import static java.nio.charset.StandardCharsets.UTF_8;

import dev.paymon.load.Payment;
import dev.paymon.load.PaymentRequests;
import java.time.Instant;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Realistic payment requests for the publisher's API: a fresh random paymentId (UUID) each, EUR amounts between
 * 0.01 and 99.99, spread evenly over {@value #ACCOUNTS} accounts (so, below some 50,000 payments/s, no account
 * trips VELOCITY more than once a window), occurredAt the intended send time.
 */
public final class Payments {

    public static final int ACCOUNTS = 10_000;
    public static final String JSON = PaymentRequests.JSON;
    public static final String NDJSON = "application/x-ndjson";
    private static final Pattern ACCEPTED = Pattern.compile("\"accepted\"\\s*:\\s*(\\d+)");
    private static final String[] CHANNELS = {"CARD_PRESENT", "ECOMMERCE", "TRANSFER", "ATM"};

    private final PaymentRequests requests;
    private final AtomicLong sequence = new AtomicLong();

    /** @param host the {@code Host} header, e.g. {@code localhost:8081} */
    public Payments(String host, String apiKey) {
        this.requests = new PaymentRequests(host, apiKey).accepting(JSON);
    }

    /** One payment per request, as JSON, to {@code path} (the publisher's or the echo endpoint). */
    public RequestSource single(String path) {
        return intended -> new Request(requests.post(path, JSON, payment(intended).getBytes(UTF_8)), 1);
    }

    /** Batches of {@code size} payments, a JSON array or NDJSON, to the publisher's batch endpoint. */
    public RequestSource batch(String path, int size, boolean ndjson) {
        RequestSource source = intended -> {
            StringBuilder body = new StringBuilder(size * 240);
            body.append(ndjson ? "" : "[");
            for (int i = 0; i < size; i++) {
                if (i > 0) {
                    body.append(ndjson ? "\n" : ",");
                }
                body.append(payment(intended));
            }
            body.append(ndjson ? "\n" : "]");
            return new Request(requests.post(path, ndjson ? NDJSON : JSON, body.toString().getBytes(UTF_8)), size);
        };
        return RequestSource.counting(source, Payments::acceptedIn);
    }

    /** The {@code accepted} count of a batch response; 0 when it has none. */
    static int acceptedIn(String batchResponse) {
        Matcher m = ACCEPTED.matcher(batchResponse);
        return m.find() ? Integer.parseInt(m.group(1)) : 0;
    }

    String payment(long occurredAtEpochMillis) {
        long n = sequence.getAndIncrement();
        ThreadLocalRandom random = ThreadLocalRandom.current();
        UUID id = new UUID((random.nextLong() & ~0xF000L) | 0x4000L,
                (random.nextLong() & 0x3FFFFFFFFFFFFFFFL) | 0x8000000000000000L);
        int cents = random.nextInt(1, 10_000);
        return new Payment(id.toString(), "bench-acc-" + (n % ACCOUNTS), cents, "m-" + (n % 500),
                CHANNELS[(int) (n % CHANNELS.length)], Instant.ofEpochMilli(occurredAtEpochMillis)).json();
    }
}
