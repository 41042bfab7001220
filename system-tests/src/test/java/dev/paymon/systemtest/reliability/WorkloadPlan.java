package dev.paymon.systemtest.reliability;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * A deterministic workload: accounts (some with profiles), FX rates, and per account payments at known event times
 * in fixed tumbling windows {@code [start + w * size, start + (w + 1) * size)}, with known amounts and planted
 * fraud patterns, one account each:
 * <ol>
 *   <li>{@code LARGE_AMOUNT}: one payment over the account's daily limit (which also crosses {@code DAILY_LIMIT});</li>
 *   <li>{@code VELOCITY}: seven payments in the first window (more than five);</li>
 *   <li>{@code IMPOSSIBLE_TRAVEL}: one payment from FR among payments from DE minutes apart;</li>
 *   <li>{@code DAILY_LIMIT}: a limit in USD that the account's spend crosses part way;</li>
 *   <li>payments in USD, converted with a rate that needs rounding;</li>
 *   <li>payments in CHF, a currency without a rate: dead-lettered as {@code UNKNOWN_FX_RATE}, every time.</li>
 * </ol>
 * The other accounts pay a few EUR amounts per window, under every threshold. Each sender (client thread) owns whole
 * partitions of {@code payments.initiated.v1} and sends its payments when they happen, by the wall clock, as real
 * clients do (event time never ahead of it), so every partition receives its payments in event-time order unless a
 * fault makes clients send some again later.
 */
record WorkloadPlan(String run, Instant start, Shape shape, int partitions, List<PlannedAccount> accounts,
                    List<PlannedPayment> payments, Map<String, BigDecimal> fxRates) {

    static final String HOME = "DE";
    static final String ABROAD = "FR";
    /** Not the trivial 0.5: amounts in USD need rounding half-even to cents. */
    static final BigDecimal USD_RATE = new BigDecimal("0.9137");
    static final String UNRATED_CURRENCY = "CHF";

    /**
     * How big a workload is.
     *
     * @param windows             event-time windows every account pays in
     * @param accountsPerPartition accounts on each partition of the input topic
     * @param paymentsPerWindow   payments of an ordinary account per window (at most 5, under VELOCITY)
     * @param senders             client threads
     */
    record Shape(int windows, Duration windowSize, Duration grace, int accountsPerPartition, int paymentsPerWindow,
                 int senders) {

        Duration span() {
            return windowSize.multipliedBy(windows);
        }
    }

    static WorkloadPlan build(String run, Instant start, Shape shape, int partitions) {
        if (start.toEpochMilli() % shape.windowSize().toMillis() != 0) {
            throw new IllegalArgumentException(start + " is not the start of a window of " + shape.windowSize());
        }
        List<PlannedAccount> accounts = new ArrayList<>();
        List<PlannedPayment> payments = new ArrayList<>();
        for (int slot = 0; slot < shape.accountsPerPartition(); slot++) {
            for (int partition = 0; partition < partitions; partition++) {
                int index = accounts.size();
                PlannedAccount account = new PlannedAccount(KeyPartitions.nameOn(run + "-a", partition, partitions, slot),
                        partition, partition % shape.senders(), profile(index));
                accounts.add(account);
                payments.addAll(paymentsOf(run, index, account, start, shape));
            }
        }
        payments.sort(Comparator.comparing(PlannedPayment::occurredAt).thenComparing(PlannedPayment::paymentId));
        Map<String, BigDecimal> rates = new LinkedHashMap<>();
        rates.put("USD", USD_RATE);
        return new WorkloadPlan(run, start, shape, partitions, List.copyOf(accounts), List.copyOf(payments), rates);
    }

    /** The first window start at or after {@code earliest}. */
    static Instant windowStartAtOrAfter(Instant earliest, Duration windowSize) {
        long size = windowSize.toMillis();
        long millis = earliest.toEpochMilli();
        return Instant.ofEpochMilli(millis % size == 0 ? millis : millis - millis % size + size);
    }

    /** Where the last window ends; the next workload's payments must not be earlier. */
    Instant end() {
        return start.plus(shape.span());
    }

    /** The event time that makes every window of this plan final: the end of the last one plus the grace. */
    Instant closingTime() {
        return end().plus(shape.grace());
    }

    /**
     * This plan with one more account whose client's clock runs {@code ahead}: it pays every {@code every} through the
     * plan's span, each payment stamped {@code ahead} of the moment it is sent, from the first sender, on partition 0
     * (with the plan's accounts of that partition). Its windows lie that far in the future.
     */
    WorkloadPlan withFastClock(Duration ahead, Duration every) {
        String fast = KeyPartitions.nameOn(run + "-fast", 0, partitions, 0);
        List<PlannedAccount> withFast = new ArrayList<>(accounts);
        withFast.add(new PlannedAccount(fast, 0, 0, null));
        List<PlannedPayment> all = new ArrayList<>(payments);
        int n = 0;
        for (Instant sendAt = start; sendAt.isBefore(end()); sendAt = sendAt.plus(every)) {
            all.add(new PlannedPayment(run + "-fast-" + n++, fast, new BigDecimal("2.00"), "EUR", HOME,
                    sendAt.plus(ahead), 0, sendAt));
        }
        all.sort(Comparator.comparing(PlannedPayment::sendAt).thenComparing(PlannedPayment::paymentId));
        return new WorkloadPlan(run, start, shape, partitions, List.copyOf(withFast), List.copyOf(all), fxRates);
    }

    PlannedAccount account(String accountId) {
        return accounts.stream().filter(a -> a.accountId().equals(accountId)).findFirst().orElseThrow();
    }

    private static PlannedAccount.Profile profile(int index) {
        return switch (index) {
            case 0 -> new PlannedAccount.Profile(HOME, "MEDIUM", new BigDecimal("1000.00"), "EUR");
            case 3 -> new PlannedAccount.Profile(HOME, "LOW", new BigDecimal("600.00"), "USD");
            case 4 -> new PlannedAccount.Profile(HOME, "LOW", new BigDecimal("5000.00"), "EUR");
            default -> index % 2 == 0 ? new PlannedAccount.Profile(HOME, index % 4 == 0 ? "HIGH" : "LOW",
                    new BigDecimal("5000.00"), "EUR") : null;
        };
    }

    private static List<PlannedPayment> paymentsOf(String run, int index, PlannedAccount account, Instant start,
                                                   Shape shape) {
        Random random = new Random(index);
        List<PlannedPayment> payments = new ArrayList<>();
        long size = shape.windowSize().toMillis();
        for (int window = 0; window < shape.windows(); window++) {
            int count = index == 5 ? 1 : index == 1 && window == 0 ? 7 : shape.paymentsPerWindow();
            long slot = size / count;
            // Account 0 pays exactly at each window start; the others a little later, each its own shift.
            long shift = index * 113L % slot;
            for (int j = 0; j < count; j++) {
                Instant occurredAt = start.plusMillis(window * size + j * slot + shift);
                String paymentId = run + "-" + index + "-" + payments.size();
                payments.add(new PlannedPayment(paymentId, account.accountId(), amount(index, window, j, random),
                        currency(index), index == 2 && window == 1 && j == 1 ? ABROAD : HOME, occurredAt,
                        account.sender()));
            }
        }
        return payments;
    }

    private static BigDecimal amount(int index, int window, int j, Random random) {
        if (index == 0 && window == 1 && j == 0) {
            return new BigDecimal("1500.00");
        }
        int cents = index == 3 ? 6_000 + random.nextInt(4_000) : 100 + random.nextInt(9_900);
        return BigDecimal.valueOf(cents, 2);
    }

    private static String currency(int index) {
        return switch (index) {
            case 4 -> "USD";
            case 5 -> UNRATED_CURRENCY;
            default -> "EUR";
        };
    }
}
