package io.kforge.cli;

import io.kforge.core.spi.StageListener;
import java.io.PrintWriter;
import java.time.Duration;

/**
 * Shows the stages' progress on standard error: a line that updates in place on a terminal, plain lines elsewhere.
 * Tool output is not shown; it stays in the logs the stages keep.
 */
final class ProgressListener implements StageListener, AutoCloseable {

    private final PrintWriter err;
    private final boolean terminal;
    private long stageStarted = System.nanoTime();
    private long lastPrinted;
    private long lastPlainLine;
    private boolean midLine;

    ProgressListener(PrintWriter err, boolean show) {
        this.err = err;
        this.terminal = show && System.console() != null;
    }

    @Override
    public synchronized void started(String stage, String what) {
        endLine();
        stageStarted = System.nanoTime();
        lastPlainLine = stageStarted;
        err.printf("[%s] %s%n", stage, what);
        err.flush();
    }

    @Override
    public synchronized void progress(String stage, long done, long total) {
        var now = System.nanoTime();
        if (now - lastPrinted < 500_000_000L) {
            return;
        }
        lastPrinted = now;
        var elapsed = Duration.ofNanos(now - stageStarted).toSeconds();
        var amount = total > 0 ? String.format("%d/%d (%d%%)", done, total, done * 100 / total) : done + " units";
        if (terminal) {
            err.printf("\r[%s] %s, %dm%02ds ", stage, amount, elapsed / 60, elapsed % 60);
            midLine = true;
        } else if (now - lastPlainLine >= 30_000_000_000L) {
            lastPlainLine = now;
            err.printf("[%s] %s, %d s%n", stage, amount, elapsed);
        }
        err.flush();
    }

    @Override
    public synchronized void warning(String stage, String message) {
        endLine();
        err.printf("[%s] warning: %s%n", stage, message);
        err.flush();
    }

    @Override
    public synchronized void finished(String stage, Duration took, String summary) {
        endLine();
        err.printf("[%s] done in %.1f s: %s%n", stage, took.toMillis() / 1000.0, summary);
        err.flush();
    }

    private void endLine() {
        if (midLine) {
            err.println();
            midLine = false;
        }
    }

    @Override
    public synchronized void close() {
        endLine();
        err.flush();
    }
}
