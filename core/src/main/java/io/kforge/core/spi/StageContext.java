package io.kforge.core.spi;

import java.nio.file.Path;
import java.util.function.Consumer;

/**
 * What the pipeline gives a provider while it works: a listener, a command runner and a place in the workspace.
 */
public interface StageContext {

    /**
     * Returns the label of the stage being run ({@code source}, {@code config}...).
     *
     * @return the stage label used in events
     */
    String stage();

    /**
     * Returns the listener that receives this stage's events.
     *
     * @return the listener
     */
    StageListener listener();

    /**
     * Returns the runner for external commands.
     *
     * @return the command runner
     */
    CommandRunner commands();

    /**
     * Returns a workspace entry, producing it first when it does not exist.
     *
     * <p>The producer writes into an empty temporary folder; only when it returns normally is that folder moved
     * into place, atomically, so an interrupted or failed producer leaves nothing behind and two runs never share a
     * half-written entry.
     *
     * @param key what identifies the content, usually a hash of every input that shapes it
     * @param producer fills the folder it is given
     * @return the folder of the finished entry
     */
    Path cached(String key, Consumer<Path> producer);

    /**
     * Tells whether a workspace entry already exists, without producing it.
     *
     * @param key the entry's key
     * @return true when a finished entry is there
     */
    boolean isCached(String key);

    /**
     * Creates a new, empty folder in the workspace for what this run keeps outside the cache (a console log, a
     * configuration and its report).
     *
     * @param label a word for the folder's name
     * @return the new folder
     */
    Path newRunFolder(String label);

    /**
     * Passes a line to the listener.
     *
     * @param line the line
     */
    default void log(String line) {
        listener().log(stage(), line);
    }

    /**
     * Passes a warning to the listener.
     *
     * @param message one plain sentence
     */
    default void warn(String message) {
        listener().warning(stage(), message);
    }

    /**
     * Passes progress to the listener.
     *
     * @param done units done
     * @param total units in all, or 0 when unknown
     */
    default void progress(long done, long total) {
        listener().progress(stage(), done, total);
    }
}
