package dev.paymon.benchmark;

import dev.paymon.benchmark.report.DocsSection;
import dev.paymon.benchmark.report.Report;
import dev.paymon.benchmark.stack.BenchStack;
import dev.paymon.benchmark.stack.Database;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.apache.kafka.common.utils.AppInfoParser;
import org.springframework.boot.SpringBootVersion;

/**
 * The one-command benchmark ({@code ./benchmark.sh}): starts its own broker, services and echo endpoint on this
 * machine, runs each section for the rounds asked for, and prints a markdown table of the medians with their ratios
 * to the baselines and the targets (stdout, and {@code --out}); progress goes to stderr.
 */
public final class Benchmark {

    private Benchmark() {
    }

    public static void main(String[] args) {
        Path root = Path.of(System.getProperty("paymon.root", ".")).toAbsolutePath().normalize();
        Options options;
        try {
            options = Options.parse(List.of(args), root);
        } catch (IllegalArgumentException e) {
            System.err.println(e.getMessage());
            System.exit(2);
            return;
        }
        Report report = run(options, root, "./benchmark.sh " + String.join(" ", args));
        System.out.print(report.markdown());
        System.out.flush();
        System.exit(report.missing().isEmpty() ? 0 : 1);
    }

    /** Runs the benchmark and writes its report to {@code options.out()}; a failing section leaves its rows empty. */
    public static Report run(Options options, Path root, String command) {
        Instant started = Instant.now();
        Database database = database(options);
        Path dataDir = dataDir(root);
        Progress.log("benchmark: %d round(s)%s, sections %s, subscriber on %s, data in %s", options.rounds(),
                options.quick() ? ", quick" : "", options.sections(), database.description(), dataDir);
        List<String> failures = new ArrayList<>();
        PipelineBenchmark pipeline = null;
        try (BenchStack stack = new BenchStack(root, dataDir, database, options.serviceArguments())) {
            Thread cleanup = new Thread(stack::close, "benchmark-cleanup");
            Runtime.getRuntime().addShutdownHook(cleanup);
            Bench bench = new Bench(options, stack, root);
            try {
                Progress.log("starting the Kafka broker");
                stack.startBroker();
                section(options, "kafka", failures, () -> new KafkaBaselines(bench).run());
                section(options, "http", failures, () -> new HttpBenchmark(bench).run());
                section(options, "batch", failures, () -> new BatchBenchmark(bench).run());
                section(options, "sustained", failures, () -> new SustainedRate(bench).run());
                pipeline = new PipelineBenchmark(bench);
                PipelineBenchmark latencies = pipeline;
                section(options, "pipeline", failures, latencies::run);
                section(options, "startup", failures, () -> new StartupBenchmark(bench).run());
            } finally {
                bench.close();
                Progress.log("stopping the stack");
            }
            Runtime.getRuntime().removeShutdownHook(cleanup);
            Duration wall = Duration.between(started, Instant.now());
            Report report = new Report(header(options, database, started, command, wall), Figures.rows(),
                    bench.results, Notes.of(options, pipeline, failures));
            write(options.out(), report.markdown());
            if (options.docs()) {
                DocsSection.write(root.resolve(DocsSection.DOCUMENT), report.figures());
            }
            Progress.log("done in %d min %02d s; report in %s", wall.toMinutes(), wall.toSecondsPart(),
                    options.out());
            return report;
        }
    }

    private static void section(Options options, String name, List<String> failures, Runnable section) {
        if (!options.runs(name)) {
            return;
        }
        Progress.log("section %s", name);
        try {
            section.run();
        } catch (RuntimeException e) {
            Progress.log("section %s FAILED: %s", name, e);
            e.printStackTrace();
            failures.add(name + ": " + e);
        }
    }

    private static Database database(Options options) {
        if (options.h2()) {
            return Database.h2("");
        }
        try {
            return Database.freshPostgres(options.postgresUrl(), options.postgresUser(), options.postgresPassword());
        } catch (SQLException e) {
            Progress.log("PostgreSQL not reachable at %s (%s): the subscriber uses H2", options.postgresUrl(),
                    e.getMessage());
            return Database.h2("PostgreSQL at " + options.postgresUrl() + " not reachable");
        }
    }

    private static Path dataDir(Path root) {
        try {
            Path target = root.resolve("benchmarks").resolve("target");
            Files.createDirectories(target);
            return Files.createTempDirectory(target, "bench-run-");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static List<String> header(Options options, Database database, Instant started, String command,
                                       Duration wall) {
        Machine machine = Machine.here();
        return List.of(
                "Date: " + started.truncatedTo(ChronoUnit.SECONDS),
                "Command: `" + command.trim() + "`" + (options.quick() ? " (quick: short runs, rough figures)" : ""),
                "Machine: " + machine.describe(),
                "Java: " + machine.java() + "; services with `" + String.join(" ", BenchStack.SERVICE_JVM) + "`",
                "Kafka " + AppInfoParser.getVersion() + " (one KRaft broker, local disk), Spring Boot "
                        + SpringBootVersion.getVersion(),
                "Subscriber database: " + database.description(),
                String.format(Locale.ROOT, "Rounds: %d (each figure is the median of its rounds)", options.rounds()),
                String.format(Locale.ROOT, "Wall time: %d min %02d s", wall.toMinutes(), wall.toSecondsPart()));
    }

    private static void write(Path out, String markdown) {
        try {
            Files.createDirectories(out.toAbsolutePath().getParent());
            Files.writeString(out, markdown);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
