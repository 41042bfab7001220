package dev.paymon.launcher;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A child JVM whose output goes to a log file. Stopping it sends SIGTERM, waits for a clean exit
 * and kills it only if the grace period runs out, so no process outlives its launcher.
 */
public final class ManagedProcess {

    private final String name;
    private final Process process;
    private final Path log;

    private ManagedProcess(String name, Process process, Path log) {
        this.name = name;
        this.process = process;
        this.log = log;
    }

    static ManagedProcess start(String name, List<String> command, Path workDir, Path log) {
        try {
            Files.createDirectories(log.getParent());
            Process process = new ProcessBuilder(command)
                    .directory(workDir.toFile())
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()))
                    .start();
            return new ManagedProcess(name, process, log);
        } catch (IOException e) {
            throw new LauncherException("cannot start " + name + ": " + e.getMessage(), e);
        }
    }

    /** The path of the java executable running this JVM, so children use the same JDK. */
    static String javaExecutable() {
        return ProcessHandle.current().info().command()
                .orElse(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    }

    public String name() {
        return name;
    }

    public Path log() {
        return log;
    }

    public long pid() {
        return process.pid();
    }

    public boolean isAlive() {
        return process.isAlive();
    }

    /** Fails fast with the log's last lines when the process has exited while we wait for it. */
    void checkAlive() {
        if (!process.isAlive()) {
            throw new LauncherException(name + " exited with code " + process.exitValue() + "; last lines of "
                    + log + ":\n" + Logs.tail(log, 30));
        }
    }

    /** SIGTERM, then SIGKILL after the grace period. Returns the exit code. */
    public int stop(Duration grace) {
        if (process.isAlive()) {
            process.destroy();
        }
        return awaitExit(grace);
    }

    /** SIGTERM without waiting, to stop several processes at once; {@link #stop(Duration)} then waits. */
    public void terminate() {
        if (process.isAlive()) {
            process.destroy();
        }
    }

    /** Waits for the process to end by itself (killing it after the timeout). Returns the exit code. */
    public int waitFor(Duration timeout) {
        return awaitExit(timeout);
    }

    /** SIGKILL at once, as a crash would. */
    public int kill() {
        process.destroyForcibly();
        return awaitExit(Duration.ofSeconds(30));
    }

    private int awaitExit(Duration grace) {
        try {
            if (!process.waitFor(grace.toMillis(), TimeUnit.MILLISECONDS)) {
                process.destroyForcibly();
                process.waitFor(30, TimeUnit.SECONDS);
            }
            return process.exitValue();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
            return -1;
        }
    }
}
