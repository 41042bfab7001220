package dev.paymon.benchmark.stack;

import dev.paymon.benchmark.pipeline.PrometheusText;
import dev.paymon.launcher.Service;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Samples each service once a second while it runs: heap in use (the sum of {@code jvm_memory_used_bytes} with
 * {@code area="heap"} on its management port) and resident set size ({@code VmRSS} of its process in
 * {@code /proc/<pid>/status}), keeping the peak of each.
 */
public final class Footprint implements AutoCloseable {

    /** Peak heap in use and peak RSS, in bytes (NaN when never sampled). */
    public record Peak(double heapBytes, double rssBytes) {
    }

    private final Map<String, Service> services;
    private final Map<String, Double> heap = new ConcurrentHashMap<>();
    private final Map<String, Double> rss = new ConcurrentHashMap<>();
    private final ScheduledExecutorService sampler;
    private volatile String lastError;

    private Footprint(Map<String, Service> services) {
        this.services = services;
        // A thread per service, so a slow scrape of one does not delay the others' samples.
        this.sampler = Executors.newScheduledThreadPool(services.size(), r -> {
            Thread thread = new Thread(r, "footprint");
            thread.setDaemon(true);
            return thread;
        });
    }

    public static Footprint sample(Map<String, Service> services) {
        Footprint footprint = new Footprint(new LinkedHashMap<>(services));
        footprint.services.forEach((name, service) -> footprint.sampler.scheduleAtFixedRate(
                () -> footprint.sample(name, service), 0, 1, TimeUnit.SECONDS));
        return footprint;
    }

    private void sample(String name, Service service) {
        double resident = rssBytes(service.process().pid());
        if (!Double.isNaN(resident)) {
            rss.merge(name, resident, Math::max);
        }
        try {
            List<PrometheusText.Sample> samples = PrometheusText.scrape(service.metricsUrl());
            heap.merge(name, PrometheusText.sum(samples, "jvm_memory_used_bytes", "area", "heap"), Math::max);
        } catch (RuntimeException e) {
            lastError = name + ": " + e.getMessage();
        }
    }

    /** VmRSS of a process in bytes; NaN where /proc is not there. */
    static double rssBytes(long pid) {
        Path status = Path.of("/proc", String.valueOf(pid), "status");
        try {
            for (String line : Files.readAllLines(status)) {
                if (line.startsWith("VmRSS:")) {
                    return Long.parseLong(line.replaceAll("[^0-9]", "")) * 1024.0;
                }
            }
        } catch (IOException | NumberFormatException notThere) {
            return Double.NaN;
        }
        return Double.NaN;
    }

    /** Stops sampling and returns the peaks per service. */
    public Map<String, Peak> peaks() {
        close();
        Map<String, Peak> peaks = new LinkedHashMap<>();
        services.keySet().forEach(name -> peaks.put(name,
                new Peak(heap.getOrDefault(name, Double.NaN), rss.getOrDefault(name, Double.NaN))));
        return peaks;
    }

    /** The last failed scrape, or null. */
    public String lastError() {
        return lastError;
    }

    @Override
    public void close() {
        sampler.shutdown();
        try {
            sampler.awaitTermination(15, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
