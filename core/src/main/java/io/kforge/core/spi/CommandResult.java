package io.kforge.core.spi;

import java.time.Duration;
import java.util.List;

/**
 * How an external command ended.
 *
 * @param command the command that ran
 * @param exitCode its exit code, or -1 when it was killed
 * @param took its wall time
 * @param timedOut true when it was killed for running past its time limit
 * @param tail the last lines it printed (standard output and error together), for error messages
 */
public record CommandResult(Command command, int exitCode, Duration took, boolean timedOut, List<String> tail) {

    /** Copies the tail. */
    public CommandResult {
        tail = List.copyOf(tail);
    }

    /**
     * Tells whether the command ended by itself with exit code 0.
     *
     * @return true on success
     */
    public boolean ok() {
        return exitCode == 0 && !timedOut;
    }

    /**
     * Returns a one-line description of a failure for an error message.
     *
     * @return what failed and how, with the last line it printed
     */
    public String failure() {
        var how = timedOut ? "was stopped after " + took.toSeconds() + " s" : "exited with " + exitCode;
        var last = tail.isEmpty() ? "" : ": " + tail.getLast();
        return "'" + command.display() + "' " + how + last;
    }
}
