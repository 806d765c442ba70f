package io.kforge.testkit;

import io.kforge.core.spi.StageListener;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * A stage listener for tests that keeps what a provider reports (log lines, warnings, progress and finished events),
 * so a test can check what the user would have been told.
 *
 * <p>Give it to {@code Workspace.at(folder).context(stage, listener)} to drive one provider alone. Events may come
 * from any thread; the accessors return copies taken at the time of the call.
 */
public final class RecordingListener implements StageListener {

    private final List<String> lines = new ArrayList<>();
    private final List<String> warnings = new ArrayList<>();
    private final List<Progress> progress = new ArrayList<>();
    private final List<Finished> finished = new ArrayList<>();

    /**
     * Creates a listener that has recorded nothing yet.
     */
    public RecordingListener() {
    }

    /**
     * One progress event.
     *
     * @param stage the stage that reported it
     * @param done units done so far
     * @param total units expected in all, or 0 when unknown
     */
    public record Progress(String stage, long done, long total) {
    }

    /**
     * One finished event.
     *
     * @param stage the stage that ended
     * @param took its wall time
     * @param summary its one-line summary
     */
    public record Finished(String stage, Duration took, String summary) {
    }

    @Override
    public synchronized void log(String stage, String line) {
        lines.add(line);
    }

    @Override
    public synchronized void warning(String stage, String message) {
        warnings.add(message);
    }

    @Override
    public synchronized void progress(String stage, long done, long total) {
        progress.add(new Progress(stage, done, total));
    }

    @Override
    public synchronized void finished(String stage, Duration took, String summary) {
        finished.add(new Finished(stage, took, summary));
    }

    /**
     * Returns the log lines received so far, in order.
     *
     * @return a copy of the lines
     */
    public synchronized List<String> lines() {
        return List.copyOf(lines);
    }

    /**
     * Returns the warnings received so far, in order.
     *
     * @return a copy of the warning messages
     */
    public synchronized List<String> warnings() {
        return List.copyOf(warnings);
    }

    /**
     * Returns the progress events received so far, in order.
     *
     * @return a copy of the events
     */
    public synchronized List<Progress> progress() {
        return List.copyOf(progress);
    }

    /**
     * Returns the finished events received so far, in order.
     *
     * @return a copy of the events
     */
    public synchronized List<Finished> finished() {
        return List.copyOf(finished);
    }
}
