package io.kforge.core.spi;

import java.time.Duration;

/**
 * Receives what a stage reports while it runs: start, progress, log lines, warnings and the end with figures.
 *
 * <p>Every method has an empty default, so a listener implements only what it shows. Calls may come from any
 * thread; implementations synchronise what they share.
 */
public interface StageListener {

    /** A listener that ignores everything. */
    StageListener NONE = new StageListener() { };

    /**
     * Reports that a stage started.
     *
     * @param stage the stage's kind label ({@code build}, {@code boot}...)
     * @param what one line saying what the stage works on
     */
    default void started(String stage, String what) { }

    /**
     * Reports progress in units of the stage's own choosing.
     *
     * @param stage the stage's kind label
     * @param done units done so far
     * @param total units expected in all, or 0 when unknown
     */
    default void progress(String stage, long done, long total) { }

    /**
     * Passes on one line of a tool's output or of the stage's own log.
     *
     * @param stage the stage's kind label
     * @param line the line, without its line break
     */
    default void log(String stage, String line) { }

    /**
     * Reports something the user should know that does not stop the stage (TCG instead of KVM, a dropped option).
     *
     * @param stage the stage's kind label
     * @param message one plain sentence
     */
    default void warning(String stage, String message) { }

    /**
     * Reports that a stage ended successfully.
     *
     * @param stage the stage's kind label
     * @param took wall time of the stage
     * @param summary one line with the stage's main figures
     */
    default void finished(String stage, Duration took, String summary) { }
}
