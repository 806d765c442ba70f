package io.kforge.archive;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * What one unpack put on disk.
 *
 * @param target the folder the archive was unpacked into
 * @param files regular files written
 * @param directories folders created
 * @param symlinks symbolic links created
 * @param hardLinks hard links created
 * @param bytes bytes of file content written
 * @param skipped entries not unpacked (devices, FIFOs), each as {@code name (kind)}
 * @param took wall time of the unpack
 */
public record UnpackSummary(Path target, long files, long directories, long symlinks, long hardLinks, long bytes,
                            List<String> skipped, Duration took) {

    /** Copies the list. */
    public UnpackSummary {
        skipped = List.copyOf(skipped);
    }

    /**
     * Returns the number of entries put on disk, of every kind.
     *
     * @return files, folders and links together
     */
    public long entries() {
        return files + directories + symlinks + hardLinks;
    }
}
