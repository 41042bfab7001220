package dev.paymon.benchmark;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** What the report says about the machine: cores, CPU model, memory, operating system, Java. */
record Machine(int cores, String cpuModel, double memoryGib, String os, String java) {

    static Machine here() {
        return new Machine(Runtime.getRuntime().availableProcessors(),
                field(Path.of("/proc/cpuinfo"), "model name").orElse("unknown CPU"),
                field(Path.of("/proc/meminfo"), "MemTotal").map(Machine::kibToGib).orElse(Double.NaN),
                System.getProperty("os.name") + " " + System.getProperty("os.version"),
                System.getProperty("java.vm.name") + " " + System.getProperty("java.runtime.version"));
    }

    String describe() {
        return String.format(Locale.ROOT, "%d cores (%s), %.1f GiB memory, %s", cores, cpuModel, memoryGib, os);
    }

    /** The value of the first {@code name: value} line of a /proc file. */
    static Optional<String> field(Path file, String name) {
        try {
            List<String> lines = Files.readAllLines(file);
            return lines.stream().filter(line -> line.startsWith(name)).findFirst()
                    .map(line -> line.substring(line.indexOf(':') + 1).trim());
        } catch (IOException notLinux) {
            return Optional.empty();
        }
    }

    /** {@code 24568320 kB} in GiB. */
    static double kibToGib(String value) {
        return Long.parseLong(value.replaceAll("[^0-9]", "")) / 1024.0 / 1024.0;
    }
}
