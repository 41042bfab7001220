package dev.paymon.systemtest.overload;

import dev.paymon.systemtest.Http;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Follows a service's heap from its Prometheus endpoint ({@code jvm_memory_used_bytes{area="heap"}}, summed over
 * the pools) every {@value #EVERY_MILLIS} ms and keeps the highest value seen. A scrape that fails (the service is
 * too busy to answer in time) is counted, not fatal.
 */
final class HeapWatch implements AutoCloseable {

    private static final long EVERY_MILLIS = 250;
    private static final String USED = "jvm_memory_used_bytes{";
    private static final String HEAP = "area=\"heap\"";

    private final String metricsUrl;
    private final ScheduledExecutorService scraper = Executors.newSingleThreadScheduledExecutor();
    private final AtomicLong maxUsed = new AtomicLong();
    private final AtomicInteger scrapes = new AtomicInteger();
    private final AtomicInteger failed = new AtomicInteger();

    HeapWatch(String metricsUrl) {
        this.metricsUrl = metricsUrl;
        scraper.scheduleWithFixedDelay(this::scrape, 0, EVERY_MILLIS, TimeUnit.MILLISECONDS);
    }

    private void scrape() {
        try {
            long used = heapUsed(Http.anonymous().get(metricsUrl).raw().body());
            maxUsed.accumulateAndGet(used, Math::max);
            scrapes.incrementAndGet();
        } catch (RuntimeException e) {
            failed.incrementAndGet();
        }
    }

    static long heapUsed(String prometheusText) {
        return (long) prometheusText.lines().filter(line -> line.startsWith(USED) && line.contains(HEAP))
                .mapToDouble(line -> Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1))).sum();
    }

    long maxUsedBytes() {
        return maxUsed.get();
    }

    int scrapes() {
        return scrapes.get();
    }

    int failedScrapes() {
        return failed.get();
    }

    @Override
    public void close() {
        scraper.shutdownNow();
    }
}
