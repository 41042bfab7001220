package dev.paymon.systemtest.reliability;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;

/**
 * The processor settings a recomputation needs: the base currency, the windows and the rule thresholds. The
 * fault tests run the processor with {@link #FAULT_TESTS}' windows and the default thresholds.
 */
record Rules(String baseCurrency, Duration windowSize, Duration grace, BigDecimal largeAmountDefault,
             int velocityMaxPayments, Duration travelMaxGap, BigDecimal dailyLimitDefault) {

    /** Windows of 10 s with 5 s grace, so a 30 s run closes several windows per account; rules as by default. */
    static final Rules FAULT_TESTS = new Rules("EUR", Duration.ofSeconds(10), Duration.ofSeconds(5),
            new BigDecimal("10000"), 5, Duration.ofMinutes(10), new BigDecimal("10000"));

    /** The processor's command-line arguments for these windows. */
    List<String> processorArguments() {
        return List.of("--paymon.processor.windows.size=" + windowSize.toMillis() + "ms",
                "--paymon.processor.windows.grace=" + grace.toMillis() + "ms");
    }
}
