package dev.paymon.systemtest.reliability;

import dev.paymon.launcher.Service;
import java.util.EnumMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

/**
 * Adds up the services' counters over one workload across restarts. Counters start from zero in every new process,
 * so each process contributes its last reading minus its reading at the start (zero if it started later). When a
 * process stops during the workload, its last reading is taken just before the stop and misses what it did in its
 * last moments; a process that crashes on its own gives no last reading at all. So a service that ran through is
 * held to {@link Mode#EXACT}, one that was stopped or crashed to {@link Mode#AT_MOST} (never more than happened). A
 * processor killed with {@code -9} is not held to anything ({@link Mode#NOT_COMPARED}): it counts work of
 * transactions that the kill aborts and its successor redoes, so its counters can exceed what was committed; nor is a
 * subscriber whose projections were rebuilt ({@link #replayed}).
 */
final class CounterLedger {

    enum Mode { EXACT, AT_MOST, NOT_COMPARED }

    private final Map<Service, Map<Meter, Double>> startOf = new IdentityHashMap<>();
    private final Map<Meter, Double> total = new EnumMap<>(Meter.class);
    private final Map<Meter.Kind, Mode> modes = new EnumMap<>(Meter.Kind.class);

    /** Reads every running instance at the start of the workload. */
    CounterLedger(Map<Meter.Kind, List<Service>> running) {
        for (Meter meter : Meter.values()) {
            total.put(meter, 0.0);
        }
        for (Meter.Kind kind : Meter.Kind.values()) {
            modes.put(kind, Mode.EXACT);
        }
        running.forEach((kind, services) -> services.forEach(service -> startOf.put(service, Meter.scrape(kind, service))));
    }

    /** Call right before stopping ({@code killed}: with {@code -9}) an instance; it may start again afterwards. */
    void beforeStop(Meter.Kind kind, Service service, boolean killed) {
        close(kind, service, Meter.scrape(kind, service));
        weaken(kind, killed && kind == Meter.Kind.PROCESSOR ? Mode.NOT_COMPARED : Mode.AT_MOST);
    }

    /** An instance ended without warning (it halted itself): what it counted since its start is lost. */
    void crashed(Meter.Kind kind, Service service) {
        startOf.remove(service);
        weaken(kind, kind == Meter.Kind.PROCESSOR ? Mode.NOT_COMPARED : Mode.AT_MOST);
    }

    /**
     * The service's projections were rebuilt during the workload: they stored every row again, and their counters
     * count those too, so they say nothing about the workload's rows (the tables are compared with the topics instead).
     */
    void replayed(Meter.Kind kind) {
        weaken(kind, Mode.NOT_COMPARED);
    }

    /** Reads every running instance: the counters' totals over the workload so far. Changes nothing. */
    Map<Meter, Double> finish(Map<Meter.Kind, List<Service>> running) {
        Map<Meter, Double> sum = new EnumMap<>(total);
        running.forEach((kind, services) -> services.forEach(service -> {
            Map<Meter, Double> first = startOf.get(service);
            Meter.scrape(kind, service).forEach((meter, value) ->
                    sum.merge(meter, value - (first == null ? 0 : first.get(meter)), Double::sum));
        }));
        return sum;
    }

    /** The readings taken at the start, summed over the instances. */
    Map<Meter, Double> startReadings() {
        Map<Meter, Double> sum = new EnumMap<>(Meter.class);
        startOf.values().forEach(reading -> reading.forEach((meter, value) -> sum.merge(meter, value, Double::sum)));
        return sum;
    }

    Mode mode(Meter.Kind kind) {
        return modes.get(kind);
    }

    private void close(Meter.Kind kind, Service service, Map<Meter, Double> last) {
        Map<Meter, Double> first = startOf.remove(service);
        last.forEach((meter, value) -> total.merge(meter, value - (first == null ? 0 : first.get(meter)), Double::sum));
    }

    private void weaken(Meter.Kind kind, Mode mode) {
        if (mode.ordinal() > modes.get(kind).ordinal()) {
            modes.put(kind, mode);
        }
    }
}
