package dev.paymon.systemtest.reliability;

import dev.paymon.systemtest.Http;
import dev.paymon.launcher.Service;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * The services' own counters the checker holds against what it found, as Prometheus exposes them on the management
 * ports ({@code /actuator/prometheus}, summed over the series of the name that carry {@link #label}).
 */
enum Meter {

    PUBLISHER_ACCEPTED(Kind.PUBLISHER, "paymon_publisher_payments_total", "outcome=\"accepted\""),
    PROCESSOR_PROCESSED(Kind.PROCESSOR, "paymon_processor_payments_processed_total", null),
    PROCESSOR_DEAD_LETTERS(Kind.PROCESSOR, "paymon_processor_dlq_records_total", null),
    PROCESSOR_ALERTS(Kind.PROCESSOR, "paymon_processor_alerts_total", null),
    SUBSCRIBER_PAYMENTS(Kind.SUBSCRIBER, "paymon_subscriber_payments_stored_total", null),
    SUBSCRIBER_ALERTS(Kind.SUBSCRIBER, "paymon_subscriber_alerts_stored_total", null),
    SUBSCRIBER_ACTIVITY(Kind.SUBSCRIBER, "paymon_subscriber_activity_stored_total", null),
    SUBSCRIBER_DEAD_LETTERS(Kind.SUBSCRIBER, "paymon_subscriber_processor_dead_letters_stored_total", null);

    enum Kind { PUBLISHER, PROCESSOR, SUBSCRIBER }

    final Kind kind;
    final String name;
    final String label;

    Meter(Kind kind, String name, String label) {
        this.kind = kind;
        this.name = name;
        this.label = label;
    }

    /** This kind's meters, read from one instance; a meter not registered yet (nothing counted) reads 0. */
    static Map<Meter, Double> scrape(Kind kind, Service service) {
        Http.Answer answer = Http.anonymous().get(service.metricsUrl());
        if (answer.status() != 200) {
            throw new IllegalStateException(service.name() + " metrics: " + answer.status());
        }
        List<String> lines = answer.raw().body().lines().filter(line -> !line.startsWith("#")).toList();
        Map<Meter, Double> values = new EnumMap<>(Meter.class);
        for (Meter meter : values()) {
            if (meter.kind == kind) {
                values.put(meter, lines.stream().filter(meter::matches)
                        .mapToDouble(line -> Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1))).sum());
            }
        }
        return values;
    }

    private boolean matches(String line) {
        return (line.startsWith(name + "{") || line.startsWith(name + " ")) && (label == null || line.contains(label));
    }
}
