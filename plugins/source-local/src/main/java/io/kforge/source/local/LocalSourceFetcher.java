package io.kforge.source.local;

import io.kforge.archive.TarUnpacker;
import io.kforge.archive.UnpackSummary;
import io.kforge.core.spi.InvalidInputException;
import io.kforge.core.spi.KforgeException;
import io.kforge.core.spi.Probe;
import io.kforge.core.spi.SourceFetcher;
import io.kforge.core.spi.SourceSpec;
import io.kforge.core.spi.SourceTree;
import io.kforge.core.spi.StageContext;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The {@code local} source fetcher: a kernel tarball or tree already on this machine.
 *
 * <p>The location is, in this order of checks:
 * <ul>
 *   <li>empty: the newest {@code /usr/src/linux-source-X.Y.tar.xz} (Debian's {@code linux-source-X.Y} package);</li>
 *   <li>a folder: used in place, once its top {@code Makefile} shows it is a kernel tree; nothing is copied;</li>
 *   <li>a {@code .tar.xz}, {@code .txz}, {@code .tar.gz}, {@code .tgz} or {@code .tar} file: its SHA-256 is computed
 *       (and compared with the {@code sha256} option when given), then it is unpacked, safely, into the workspace
 *       entry named by that SHA-256, once: a later fetch of the same bytes is a cache hit. The archive must hold one
 *       top folder with the kernel tree.</li>
 * </ul>
 * A relative location is taken from the current folder; a leading {@code ~/} means the home folder.
 */
public final class LocalSourceFetcher implements SourceFetcher {

    private static final System.Logger LOG = System.getLogger(LocalSourceFetcher.class.getName());
    private static final List<String> ARCHIVE_SUFFIXES = List.of(".tar.xz", ".txz", ".tar.gz", ".tgz", ".tar");
    private static final String SHA256_OPTION = "sha256";
    private static final Set<String> OPTIONS = Set.of(SHA256_OPTION);

    private final DebianSources debian;
    private final TarUnpacker unpacker = new TarUnpacker();

    /** Creates the fetcher that looks for Debian's tarballs in {@code /usr/src}. */
    public LocalSourceFetcher() {
        this(DebianSources.USR_SRC);
    }

    /**
     * Creates a fetcher that looks for Debian's tarballs elsewhere, for tests.
     *
     * @param debianFolder the folder holding {@code linux-source-X.Y.tar.xz} files
     */
    LocalSourceFetcher(Path debianFolder) {
        this.debian = new DebianSources(debianFolder);
    }

    @Override
    public String id() {
        return "local";
    }

    @Override
    public boolean supports(SourceSpec spec) {
        return id().equals(spec.kind());
    }

    /**
     * Reports the Debian kernel tarballs found, the default source; nothing else is needed from the host.
     *
     * @return the tarballs found as {@code linux-source-X.Y} to their path, nothing missing
     */
    @Override
    public Probe probe() {
        var found = debian.tarballs().stream().collect(Collectors.toMap(
                file -> file.getFileName().toString().replace(".tar.xz", ""), Path::toString));
        return new Probe(found, List.of());
    }

    @Override
    public SourceTree fetch(SourceSpec spec, StageContext context) {
        checkOptions(spec.options());
        var location = spec.location().isBlank() ? debian.newest() : pathOf(spec.location());
        if (!Files.exists(location)) {
            throw new InvalidInputException("source location " + location + " does not exist");
        }
        if (Files.isDirectory(location)) {
            return inPlace(location, context);
        }
        if (Files.isRegularFile(location) && isArchiveName(location)) {
            return unpacked(location, Optional.ofNullable(spec.options().get(SHA256_OPTION)), context);
        }
        throw new InvalidInputException("source location " + location + " is neither a kernel tree folder nor a"
                + " .tar.xz, .tar.gz or .tar archive");
    }

    private SourceTree inPlace(Path folder, StageContext context) {
        var version = KernelMakefile.version(folder).orElseThrow(() -> new InvalidInputException("source location "
                + folder + " is not a kernel tree: it has no top Makefile with VERSION and PATCHLEVEL"));
        context.log("using the Linux " + version + " tree in place: " + folder);
        return new SourceTree(folder, version, folder.toString(), Optional.empty(), List.of("kernel-makefile"));
    }

    private SourceTree unpacked(Path archive, Optional<String> expected, StageContext context) {
        var started = System.nanoTime();
        var sha256 = ArchiveDigest.sha256(archive);
        context.log(String.format(Locale.ROOT, "sha256 %s of %s (%.1f s)", sha256, archive, seconds(started)));
        var verified = new ArrayList<>(List.of("sha256-computed"));
        if (expected.isPresent()) {
            if (!expected.get().equalsIgnoreCase(sha256)) {
                throw new KforgeException(archive + " has SHA-256 " + sha256 + " but the recipe expects "
                        + expected.get() + ": the file is not the one the recipe names (fetch it again or fix the"
                        + " sha256 option)");
            }
            verified.add("sha256-matched");
        }

        var summary = new AtomicReference<UnpackSummary>();
        var entry = context.cached(sha256, folder -> {
            summary.set(unpacker.unpack(archive, folder, context::progress));
            topFolder(folder, archive);
        });
        var tree = topFolder(entry, archive);
        if (summary.get() == null) {
            note(context, "cache hit: " + archive + " was unpacked before into " + tree);
        } else {
            var done = summary.get();
            note(context, String.format(Locale.ROOT, "unpacked %s: %d files, %d folders, %d links, %.0f MB in %.1f s",
                    archive, done.files(), done.directories(), done.symlinks() + done.hardLinks(),
                    done.bytes() / 1e6, done.took().toMillis() / 1e3));
            done.skipped().forEach(skipped -> context.warn("not unpacked from " + archive + ": " + skipped));
        }
        verified.add("archive-entries-contained");
        verified.add("kernel-makefile");
        var version = KernelMakefile.version(tree).orElseThrow();
        return new SourceTree(tree, version, archive.toString(), Optional.of(sha256), verified);
    }

    /**
     * Returns the one top folder of an unpacked archive, checking that it is a kernel tree.
     *
     * @param folder the folder the archive was unpacked into
     * @param archive the archive, for errors
     * @return the kernel tree
     * @throws KforgeException when the archive did not hold exactly one folder with a kernel tree
     */
    private static Path topFolder(Path folder, Path archive) {
        List<Path> top;
        try (Stream<Path> children = Files.list(folder)) {
            top = children.sorted().toList();
        } catch (IOException e) {
            throw new KforgeException("cannot list " + folder + ": " + e.getMessage(), e);
        }
        if (top.size() != 1 || !Files.isDirectory(top.getFirst())) {
            throw new KforgeException(archive + " should hold one top folder with the kernel tree, but holds "
                    + top.stream().map(path -> path.getFileName().toString()).limit(5).toList());
        }
        if (KernelMakefile.version(top.getFirst()).isEmpty()) {
            throw new KforgeException(archive + " holds no kernel tree: " + top.getFirst().getFileName()
                    + "/Makefile is missing or has no VERSION and PATCHLEVEL");
        }
        return top.getFirst();
    }

    private static void note(StageContext context, String milestone) {
        LOG.log(System.Logger.Level.INFO, milestone);
        context.log(milestone);
    }

    private static void checkOptions(Map<String, String> options) {
        for (var key : options.keySet()) {
            if (!OPTIONS.contains(key)) {
                throw new InvalidInputException("source option '" + key + "' is not known to the 'local' source"
                        + " (known: " + String.join(", ", OPTIONS) + ")");
            }
        }
    }

    private static Path pathOf(String location) {
        var path = location.startsWith("~/")
                ? Path.of(System.getProperty("user.home"), location.substring(2))
                : Path.of(location);
        return path.toAbsolutePath().normalize();
    }

    private static boolean isArchiveName(Path file) {
        var name = file.getFileName().toString().toLowerCase(Locale.ROOT);
        return ARCHIVE_SUFFIXES.stream().anyMatch(name::endsWith);
    }

    private static double seconds(long since) {
        return (System.nanoTime() - since) / 1e9;
    }
}
