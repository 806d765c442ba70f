package io.kforge.archive;

/**
 * Receives how far an unpack has come, in bytes of the archive file read so far, for a progress bar.
 *
 * <p>Calls come from the thread that called {@link TarUnpacker#unpack}, a few hundred times per archive at most,
 * the last one with {@code read == total}.
 */
@FunctionalInterface
public interface UnpackProgress {

    /** Progress that goes nowhere. */
    UnpackProgress NONE = (read, total) -> { };

    /**
     * Reports progress.
     *
     * @param read bytes of the (compressed) archive file whose content is on disk now
     * @param total size of the archive file in bytes
     */
    void update(long read, long total);
}
