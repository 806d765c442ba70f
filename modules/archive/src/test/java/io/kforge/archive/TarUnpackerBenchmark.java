package io.kforge.archive;

import io.kforge.core.spi.Command;
import io.kforge.core.spi.CommandRunner;
import io.kforge.core.spi.KforgeException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFileAttributes;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * Compares {@link TarUnpacker} with {@code tar -xJf} on a big archive, by default Debian's kernel tarball.
 *
 * <p>Each round unpacks the archive with both into fresh temporary folders (alternating which goes first, with a
 * {@code sync} after each so that one's write-back does not slow the other), checks that both trees have the same
 * paths, kinds, sizes, modes, link targets and file mtimes, and prints both times and their ratio. Folder mtimes
 * are not compared: GNU tar restores them before it creates its delayed symbolic links, so a folder holding a link
 * gets the time of the unpack from tar, and the archive's time from kforge.
 *
 * <p>Run: {@code java -cp <module classes, test classes and dependencies> io.kforge.archive.TarUnpackerBenchmark
 * [archive] [rounds]}.
 */
public final class TarUnpackerBenchmark {

    private TarUnpackerBenchmark() {
    }

    /**
     * Runs the benchmark.
     *
     * @param args the archive (default {@code /usr/src/linux-source-6.12.tar.xz}) and the number of rounds (1)
     * @throws IOException when the temporary folders cannot be used
     */
    public static void main(String[] args) throws IOException {
        var archive = Path.of(args.length > 0 ? args[0] : "/usr/src/linux-source-6.12.tar.xz");
        var rounds = args.length > 1 ? Integer.parseInt(args[1]) : 1;
        var work = Files.createTempDirectory("kforge-unpack-benchmark-");
        System.out.printf("archive %s, %.1f MB, %d processors%n", archive, Files.size(archive) / 1e6,
                Runtime.getRuntime().availableProcessors());
        try {
            for (var round = 1; round <= rounds; round++) {
                var tarTree = work.resolve("tar-" + round);
                var kforgeTree = work.resolve("kforge-" + round);
                double tarSeconds;
                double kforgeSeconds;
                if (round % 2 == 1) {
                    tarSeconds = timeTar(archive, tarTree);
                    kforgeSeconds = timeKforge(archive, kforgeTree);
                } else {
                    kforgeSeconds = timeKforge(archive, kforgeTree);
                    tarSeconds = timeTar(archive, tarTree);
                }
                var entries = compare(tarTree, kforgeTree);
                System.out.printf("round %d: kforge %.2f s, tar -xJf %.2f s, ratio kforge/tar %.2f; %d entries"
                        + " identical (paths, kinds, sizes, modes, link targets, file mtimes)%n",
                        round, kforgeSeconds, tarSeconds, kforgeSeconds / tarSeconds, entries);
                run(Command.of("rm", "-rf", tarTree.toString(), kforgeTree.toString()));
                run(Command.of("sync"));
            }
        } finally {
            run(Command.of("rm", "-rf", work.toString()));
        }
    }

    private static double timeTar(Path archive, Path tree) throws IOException {
        Files.createDirectories(tree);
        var started = System.nanoTime();
        run(Command.of("tar", "-xJf", archive.toString(), "-C", tree.toString()));
        var seconds = (System.nanoTime() - started) / 1e9;
        run(Command.of("sync"));
        return seconds;
    }

    private static double timeKforge(Path archive, Path tree) {
        var started = System.nanoTime();
        var summary = new TarUnpacker().unpack(archive, tree);
        var seconds = (System.nanoTime() - started) / 1e9;
        System.out.printf("kforge: %d files, %d folders, %d symlinks, %d hard links, %.1f MB%n", summary.files(),
                summary.directories(), summary.symlinks(), summary.hardLinks(), summary.bytes() / 1e6);
        run(Command.of("sync"));
        return seconds;
    }

    private static int compare(Path expectedTree, Path actualTree) {
        var expected = describe(expectedTree);
        var actual = describe(actualTree);
        if (!expected.equals(actual)) {
            var report = new StringBuilder("trees differ:\n");
            expected.forEach((path, what) -> {
                if (!what.equals(actual.get(path))) {
                    report.append("  tar:    ").append(path).append(' ').append(what).append('\n')
                            .append("  kforge: ").append(path).append(' ').append(actual.get(path)).append('\n');
                }
            });
            actual.keySet().stream().filter(path -> !expected.containsKey(path))
                    .forEach(path -> report.append("  only kforge: ").append(path).append('\n'));
            throw new IllegalStateException(report.substring(0, Math.min(report.length(), 4000)));
        }
        return expected.size();
    }

    private static Map<String, String> describe(Path tree) {
        var described = new TreeMap<String, String>();
        try (Stream<Path> all = Files.walk(tree)) {
            all.filter(path -> !path.equals(tree)).forEach(path -> {
                try {
                    var attributes = Files.readAttributes(path, PosixFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
                    var kind = attributes.isDirectory() ? "folder" : attributes.isSymbolicLink() ? "link" : "file";
                    var what = kind + " " + PosixFilePermissions.toString(attributes.permissions())
                            + (attributes.isRegularFile() ? " " + attributes.size() : "")
                            + (attributes.isSymbolicLink() ? " -> " + Files.readSymbolicLink(path) : "")
                            + (attributes.isRegularFile() ? " " + attributes.lastModifiedTime().toMillis() / 1000 : "");
                    described.put(tree.relativize(path).toString(), what);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return described;
    }

    private static void run(Command command) {
        var result = CommandRunner.local().run(command, System.out::println);
        if (!result.ok()) {
            throw new KforgeException(String.join(" ", command.arguments()) + " failed: " + result.failure());
        }
    }
}
