package io.kforge.archive;

import io.kforge.core.spi.KforgeException;
import java.nio.file.Path;

/**
 * Signals an archive entry that would land, or let a later entry land, outside the target folder.
 *
 * <p>The whole archive is rejected and nothing of it stays on disk.
 */
public final class UnsafeEntryException extends KforgeException {

    private static final long serialVersionUID = 1L;

    private final transient Path archive;
    private final String entry;

    /**
     * Creates the exception.
     *
     * @param archive the archive file
     * @param entry the entry's name as the archive spells it
     * @param reason why it cannot be unpacked, completing "entry X ..."
     */
    public UnsafeEntryException(Path archive, String entry, String reason) {
        super(archive + ": entry '" + entry + "' " + reason + "; the archive is unsafe, nothing was unpacked"
                + " (get it again from a source you trust)");
        this.archive = archive;
        this.entry = entry;
    }

    /**
     * Returns the archive that was rejected.
     *
     * @return the archive file
     */
    public Path archive() {
        return archive;
    }

    /**
     * Returns the entry that was rejected.
     *
     * @return the entry's name as the archive spells it
     */
    public String entry() {
        return entry;
    }
}
