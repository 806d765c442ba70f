package io.kforge.archive;

import io.kforge.core.spi.KforgeException;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.UUID;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;

/**
 * Unpacks a tar archive ({@code .tar.xz}, {@code .tar.gz} or plain {@code .tar}, told apart by content) into a
 * folder, safely and fast.
 *
 * <p>Safe: every entry is checked before it is written (see {@link UnsafeEntryException} for what is refused); the
 * archive is unpacked into a hidden sibling of the target folder that is moved into place only when the whole
 * archive is on disk, and deleted on any failure, so a rejected, corrupt or interrupted archive leaves nothing
 * behind. Kept: file and folder permission bits (without set-user-ID, set-group-ID and sticky), mtimes, symbolic
 * and hard links inside the tree. Not kept: owners (files belong to the user who unpacks), devices and FIFOs (listed
 * in {@link UnpackSummary#skipped()}).
 *
 * <p>Fast: decompression runs on other threads than the file writes; a multi-block {@code .xz} file is decoded on
 * several threads at once. Instances hold no state between calls and may be shared.
 */
public final class TarUnpacker {

    private static final System.Logger LOG = System.getLogger(TarUnpacker.class.getName());
    private static final int QUEUED_CHUNKS = 16;

    private final int decoders;

    /** Creates an unpacker that decodes on up to as many threads as there are processors, at most 4. */
    public TarUnpacker() {
        this(Math.min(4, Runtime.getRuntime().availableProcessors()));
    }

    /**
     * Creates an unpacker with a given number of decoding threads.
     *
     * @param decoders threads that may decode {@code .xz} blocks at once; 1 decodes as one stream
     */
    public TarUnpacker(int decoders) {
        if (decoders < 1) {
            throw new IllegalArgumentException("decoders must be at least 1, not " + decoders);
        }
        this.decoders = decoders;
    }

    /**
     * Unpacks an archive into a folder, without progress reports.
     *
     * @param archive the archive file
     * @param target the folder to create; it must not exist or be empty
     * @return what was unpacked
     * @throws UnsafeEntryException when an entry would land outside the folder
     * @throws KforgeException when the archive cannot be read or the tree cannot be written
     */
    public UnpackSummary unpack(Path archive, Path target) {
        return unpack(archive, target, UnpackProgress.NONE);
    }

    /**
     * Unpacks an archive into a folder.
     *
     * @param archive the archive file
     * @param target the folder to create; it must not exist or be an empty folder, which is then replaced
     * @param progress receives bytes of the archive file read so far
     * @return what was unpacked
     * @throws UnsafeEntryException when an entry would land outside the folder; nothing is left on disk
     * @throws KforgeException when the archive cannot be read or the tree cannot be written; nothing is left on disk
     */
    public UnpackSummary unpack(Path archive, Path target, UnpackProgress progress) {
        var started = System.nanoTime();
        var compression = Compression.of(archive);
        var total = sizeOf(archive);
        var scratch = scratchFor(target);
        try {
            var summary = unpackInto(archive, compression, scratch, target, total, progress, started);
            Files.move(scratch, target, StandardCopyOption.ATOMIC_MOVE);
            LOG.log(System.Logger.Level.DEBUG, "unpacked {0} entries ({1} bytes) of {2} into {3} in {4} ms",
                    summary.entries(), summary.bytes(), archive, target, summary.took().toMillis());
            return summary;
        } catch (DirectoryNotEmptyException e) {
            throw discard(scratch, new KforgeException("cannot unpack " + archive + ": " + target
                    + " was filled by someone else meanwhile", e));
        } catch (IOException e) {
            throw discard(scratch, new KforgeException("cannot move the unpacked " + archive + " to " + target
                    + ": " + e.getMessage(), e));
        } catch (RuntimeException e) {
            throw discard(scratch, e);
        } catch (Error e) {
            throw discard(scratch, e);
        }
    }

    private UnpackSummary unpackInto(Path archive, Compression compression, Path scratch, Path target, long total,
                                     UnpackProgress progress, long started) {
        var step = Math.max(total / 500, 1);
        var reported = 0L;
        try (var decoded = decode(archive, compression);
             var tar = new TarArchiveInputStream(decoded, StandardCharsets.UTF_8.name())) {
            var extraction = new Extraction(archive, scratch);
            for (var entry = tar.getNextEntry(); entry != null; entry = tar.getNextEntry()) {
                if (!tar.canReadEntryData(entry)) {
                    throw new KforgeException(archive + ": entry '" + entry.getName() + "' uses a tar feature"
                            + " that cannot be read (an old sparse format); unpack it with GNU tar instead");
                }
                extraction.add(entry, tar);
                if (decoded.compressedPosition() - reported >= step) {
                    reported = decoded.compressedPosition();
                    progress.update(reported, total);
                }
                if (Thread.interrupted()) {
                    throw new InterruptedIOException("interrupted");
                }
            }
            var summary = extraction.finish(target, Duration.ofNanos(System.nanoTime() - started));
            progress.update(total, total);
            return summary;
        } catch (InterruptedIOException e) {
            Thread.currentThread().interrupt();
            throw new KforgeException("unpacking " + archive + " was interrupted", e);
        } catch (IOException e) {
            throw new KforgeException("cannot unpack " + archive + ": " + e.getMessage()
                    + " (the file may be truncated or corrupt)", e);
        }
    }

    private DecodedStream decode(Path archive, Compression compression) throws IOException {
        var name = "kforge-unpack-" + archive.getFileName();
        if (compression == Compression.XZ) {
            var blocks = XzBlocks.open(archive.toFile(), decoders);
            if (blocks.isPresent()) {
                return DecodedStream.start(name, 1, blocks.get());
            }
        }
        return DecodedStream.start(name, QUEUED_CHUNKS, DecodedStream.sequential(archive, compression));
    }

    private static long sizeOf(Path archive) {
        try {
            return Files.size(archive);
        } catch (IOException e) {
            throw new KforgeException("cannot read archive " + archive + ": " + e.getMessage(), e);
        }
    }

    /**
     * Checks the target and creates the hidden sibling folder the archive goes into first.
     *
     * @param target the target folder
     * @return the new, empty sibling
     */
    private static Path scratchFor(Path target) {
        var absolute = target.toAbsolutePath().normalize();
        var parent = absolute.getParent();
        if (parent == null) {
            throw new KforgeException("cannot unpack into " + absolute + ": it has no parent folder");
        }
        try {
            if (Files.exists(absolute, LinkOption.NOFOLLOW_LINKS) && !isEmptyFolder(absolute)) {
                throw new KforgeException("cannot unpack into " + absolute + ": it exists and is not an empty folder");
            }
            Files.createDirectories(parent);
            return Files.createDirectory(parent.resolve("." + absolute.getFileName() + ".unpacking-"
                    + UUID.randomUUID().toString().substring(0, 8)));
        } catch (IOException e) {
            throw new KforgeException("cannot unpack into " + absolute + ": " + e.getMessage(), e);
        }
    }

    private static boolean isEmptyFolder(Path folder) throws IOException {
        if (!Files.isDirectory(folder, LinkOption.NOFOLLOW_LINKS)) {
            return false;
        }
        try (var children = Files.list(folder)) {
            return children.findAny().isEmpty();
        }
    }

    private static <T extends Throwable> T discard(Path scratch, T failure) {
        try {
            FolderRemoval.delete(scratch);
        } catch (IOException e) {
            failure.addSuppressed(e);
        }
        return failure;
    }
}
