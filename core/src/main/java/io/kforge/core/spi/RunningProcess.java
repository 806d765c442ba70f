package io.kforge.core.spi;

import java.time.Duration;
import java.util.Optional;

/**
 * A command started in the background; closing it kills its whole process tree if it still runs.
 */
public interface RunningProcess extends AutoCloseable {

    /**
     * Returns the operating system's id of the process.
     *
     * @return the process id
     */
    long pid();

    /**
     * Tells whether the process still runs.
     *
     * @return true while it runs
     */
    boolean isAlive();

    /**
     * Waits for the process to end by itself.
     *
     * @param limit how long to wait
     * @return its result, or empty when it still runs after the limit
     */
    Optional<CommandResult> waitFor(Duration limit);

    /** Kills the process and everything it started, then waits for them to be gone. Does nothing if it ended. */
    @Override
    void close();
}
