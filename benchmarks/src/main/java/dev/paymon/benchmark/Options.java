package dev.paymon.benchmark;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The command line of {@code ./benchmark.sh}.
 *
 * @param rounds   rounds of each figure (its median is reported)
 * @param quick    short durations and small counts: checks the harness, figures are rough
 * @param sections the sections to run, in {@link #SECTIONS} order
 * @param out      where the markdown goes too
 * @param docs     also write the figures table into {@code docs/benchmarks.md} between its markers
 * @param h2       the subscriber on H2 instead of PostgreSQL
 * @param serviceArguments extra command-line arguments by service ({@code publisher}, {@code processor},
 *                 {@code subscriber}), after the benchmark's own: to measure a setting
 */
public record Options(int rounds, boolean quick, Set<String> sections, Path out, boolean docs, boolean h2,
                      String postgresUrl, String postgresUser, String postgresPassword,
                      Map<String, List<String>> serviceArguments) {

    public static final List<String> SERVICES = List.of("publisher", "processor", "subscriber");

    public static final List<String> SECTIONS = List.of("kafka", "http", "batch", "sustained", "pipeline",
            "startup");
    static final String USAGE = """
            usage: ./benchmark.sh [--rounds=N] [--quick] [--only=section,...] [--out=FILE] [--docs] [--h2]
                                  [--postgres=jdbc:postgresql://127.0.0.1:5432/] [--postgres-user=postgres]
                                  [--postgres-password=] [--service-arg=SERVICE:ARGUMENT ...]
              --rounds=N  rounds per figure, the median is reported (default 3)
              --quick     short runs (about 4 minutes in all): checks the harness, rough figures
              --only=...  some of: kafka, http, batch, sustained, pipeline (latencies and footprint), startup
              --out=FILE  also write the markdown there (default benchmarks/target/benchmark-results.md)
              --docs      also write the figures table into docs/benchmarks.md (between its markers)
              --h2        the subscriber on its embedded H2 database instead of a fresh PostgreSQL database
                          paymon_bench (used anyway, and said so, when PostgreSQL cannot be reached)
              --service-arg=SERVICE:ARGUMENT
                          one more argument for publisher, processor or subscriber, e.g.
                          --service-arg=processor:--spring.kafka.streams.properties.commit.interval.ms=50
                          (repeatable; the report's command line shows them)
            """;

    public static Options parse(List<String> args, Path root) {
        int rounds = 3;
        boolean quick = false;
        Set<String> sections = new LinkedHashSet<>(SECTIONS);
        Path out = root.resolve("benchmarks/target/benchmark-results.md");
        boolean docs = false;
        boolean h2 = false;
        String url = "jdbc:postgresql://127.0.0.1:5432/";
        String user = "postgres";
        String password = "";
        Map<String, List<String>> serviceArguments = new LinkedHashMap<>();
        for (String arg : args) {
            String value = arg.contains("=") ? arg.substring(arg.indexOf('=') + 1) : "";
            if (arg.startsWith("--rounds=")) {
                rounds = Integer.parseInt(value);
                if (rounds < 1) {
                    throw new IllegalArgumentException("--rounds must be at least 1");
                }
            } else if (arg.equals("--quick")) {
                quick = true;
            } else if (arg.startsWith("--only=")) {
                sections = new LinkedHashSet<>();
                for (String section : value.split(",")) {
                    if (!SECTIONS.contains(section.trim())) {
                        throw new IllegalArgumentException("unknown section " + section + "\n" + USAGE);
                    }
                    sections.add(section.trim());
                }
                Set<String> ordered = new LinkedHashSet<>(SECTIONS);
                ordered.retainAll(sections);
                sections = ordered;
            } else if (arg.startsWith("--out=")) {
                out = Path.of(value).toAbsolutePath();
            } else if (arg.equals("--docs")) {
                docs = true;
            } else if (arg.equals("--h2")) {
                h2 = true;
            } else if (arg.startsWith("--postgres=")) {
                url = value;
            } else if (arg.startsWith("--postgres-user=")) {
                user = value;
            } else if (arg.startsWith("--postgres-password=")) {
                password = value;
            } else if (arg.startsWith("--service-arg=")) {
                int colon = value.indexOf(':');
                String service = colon < 0 ? "" : value.substring(0, colon);
                if (!SERVICES.contains(service) || colon == value.length() - 1) {
                    throw new IllegalArgumentException("--service-arg needs SERVICE:ARGUMENT with SERVICE one of "
                            + SERVICES + ", was " + value + "\n" + USAGE);
                }
                serviceArguments.computeIfAbsent(service, name -> new ArrayList<>()).add(value.substring(colon + 1));
            } else {
                throw new IllegalArgumentException("unknown option " + arg + "\n" + USAGE);
            }
        }
        serviceArguments.replaceAll((service, arguments) -> List.copyOf(arguments));
        return new Options(rounds, quick, Set.copyOf(sections), out, docs, h2, url, user, password,
                Map.copyOf(serviceArguments));
    }

    public boolean runs(String section) {
        return sections.contains(section);
    }

    /** {@code full} normally, {@code quick} with --quick. */
    Duration pick(Duration full, Duration quickly) {
        return quick ? quickly : full;
    }

    long pick(long full, long quickly) {
        return quick ? quickly : full;
    }
}
