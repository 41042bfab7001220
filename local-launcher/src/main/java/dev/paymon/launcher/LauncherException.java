package dev.paymon.launcher;

/** Something the launcher needs failed: a process did not start or did not become ready in time. */
public class LauncherException extends RuntimeException {

    public LauncherException(String message) {
        super(message);
    }

    public LauncherException(String message, Throwable cause) {
        super(message, cause);
    }
}
