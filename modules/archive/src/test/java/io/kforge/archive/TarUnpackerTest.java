package io.kforge.archive;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.kforge.archive.TestArchive.Packing;
import io.kforge.core.spi.KforgeException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class TarUnpackerTest {

    @TempDir
    Path temp;

    private Path archives;
    private Path parent;
    private Path target;

    @BeforeEach
    void folders() throws IOException {
        archives = Files.createDirectory(temp.resolve("archives"));
        parent = Files.createDirectory(temp.resolve("out"));
        target = parent.resolve("tree");
    }

    private static TestArchive kernelLike() {
        return new TestArchive()
                .folder("linux/", 0755)
                .file("linux/Makefile", 0644, "VERSION = 6\n")
                .file("linux/scripts/config.sh", 0755, "#!/bin/sh\necho ok\n")
                .file("linux/read-only.txt", 0444, "do not touch\n")
                .symlink("linux/scripts/Makefile.link", "../Makefile")
                .hardLink("linux/Makefile.hard", "linux/Makefile")
                .folder("linux/private/", 0700);
    }

    @ParameterizedTest
    @EnumSource(Packing.class)
    void goodArchiveKeepsContentModesLinksAndMtimes(Packing packing) throws IOException {
        var archive = kernelLike().writeTo(archives.resolve("linux.tar"), packing);

        var summary = new TarUnpacker().unpack(archive, target);

        var tree = target.resolve("linux");
        assertEquals("VERSION = 6\n", Files.readString(tree.resolve("Makefile")));
        assertEquals("rwxr-xr-x", permissions(tree.resolve("scripts/config.sh")));
        assertEquals("rw-r--r--", permissions(tree.resolve("Makefile")));
        assertEquals("r--r--r--", permissions(tree.resolve("read-only.txt")));
        assertEquals("rwx------", permissions(tree.resolve("private")));
        assertEquals(Path.of("../Makefile"), Files.readSymbolicLink(tree.resolve("scripts/Makefile.link")));
        assertEquals("VERSION = 6\n", Files.readString(tree.resolve("scripts/Makefile.link")));
        assertEquals(Files.readAttributes(tree.resolve("Makefile"), "unix:ino").get("ino"),
                Files.readAttributes(tree.resolve("Makefile.hard"), "unix:ino").get("ino"));
        assertEquals(TestArchive.MTIME, Files.getLastModifiedTime(tree.resolve("scripts/config.sh")));
        assertEquals(TestArchive.MTIME, Files.getLastModifiedTime(tree));
        assertEquals(List.of(3L, 3L, 1L, 1L), List.of(summary.files(), summary.directories(), summary.symlinks(),
                summary.hardLinks()));
        assertEquals(List.of(target), listing(parent));
    }

    @Test
    void multiBlockXzIsDecodedOnSeveralThreadsInOrder() throws IOException {
        var archive = new TestArchive();
        for (var i = 0; i < 300; i++) {
            archive.file("tree/file-" + i, 0644, ("content of file " + i + "\n").repeat(i));
        }
        var packed = archive.writeTo(archives.resolve("many.tar.xz"), Packing.XZ, 16 * 1024);
        var other = parent.resolve("sequential");

        new TarUnpacker(3).unpack(packed, target);
        new TarUnpacker(1).unpack(packed, other);

        assertTrue(XzBlocks.open(packed.toFile(), 3).isPresent(), "the test archive should have several blocks");
        for (var i = 0; i < 300; i++) {
            var expected = ("content of file " + i + "\n").repeat(i);
            assertEquals(expected, Files.readString(target.resolve("tree/file-" + i)));
            assertArrayEquals(Files.readAllBytes(other.resolve("tree/file-" + i)),
                    Files.readAllBytes(target.resolve("tree/file-" + i)));
        }
    }

    @Test
    void progressClimbsToTheArchiveSize() throws IOException {
        var archive = new TestArchive();
        for (var i = 0; i < 200; i++) {
            archive.file("tree/file-" + i, 0644, ("line " + i + " of many\n").repeat(500));
        }
        var packed = archive.writeTo(archives.resolve("progress.tar.gz"), Packing.GZIP);
        var reports = new ArrayList<long[]>();

        new TarUnpacker().unpack(packed, target, (read, total) -> reports.add(new long[] {read, total}));

        var size = Files.size(packed);
        assertTrue(reports.size() > 1, "expected several reports, got " + reports.size());
        for (var i = 1; i < reports.size(); i++) {
            assertTrue(reports.get(i)[0] >= reports.get(i - 1)[0], "progress went backwards");
            assertEquals(size, reports.get(i)[1]);
        }
        assertArrayEquals(new long[] {size, size}, reports.getLast());
    }

    @Test
    void rejectsEntryWithDotDot() {
        var archive = kernelLike().file("linux/../../kforge-evil", 0644, "x")
                .writeTo(archives.resolve("a.tar"), Packing.PLAIN);

        assertRejected(archive, "linux/../../kforge-evil");
    }

    @Test
    void rejectsEntryWithAbsolutePath() {
        var archive = kernelLike().file("/tmp/kforge-evil", 0644, "x")
                .writeTo(archives.resolve("a.tar.xz"), Packing.XZ);

        assertRejected(archive, "/tmp/kforge-evil");
    }

    @Test
    void rejectsSymlinkToAbsolutePath() {
        var archive = kernelLike().symlink("linux/etc", "/etc").writeTo(archives.resolve("a.tar.gz"), Packing.GZIP);

        assertRejected(archive, "linux/etc");
    }

    @Test
    void rejectsSymlinkClimbingOut() {
        var archive = kernelLike().symlink("linux/scripts/up", "../../..").writeTo(archives.resolve("a.tar"),
                Packing.PLAIN);

        assertRejected(archive, "linux/scripts/up");
    }

    @Test
    void rejectsSymlinkClimbingOutThroughAnotherLink() {
        var archive = kernelLike()
                .symlink("linux/sub/up", "..")
                .symlink("linux/deep", "sub/up")
                .symlink("linux/out", "deep/../..")
                .writeTo(archives.resolve("a.tar"), Packing.PLAIN);

        assertRejected(archive, "linux/out");
    }

    @Test
    void rejectsHardLinkClimbingOut() {
        var archive = kernelLike().hardLink("linux/passwd", "linux/../../etc/passwd")
                .writeTo(archives.resolve("a.tar"), Packing.PLAIN);

        assertRejected(archive, "linux/passwd");
    }

    @Test
    void rejectsHardLinkToAbsolutePath() {
        var archive = kernelLike().hardLink("linux/passwd", "/etc/passwd").writeTo(archives.resolve("a.tar"),
                Packing.PLAIN);

        assertRejected(archive, "linux/passwd");
    }

    @Test
    void rejectsWriteThroughSymlinkToAbsolutePath() {
        var archive = kernelLike().symlink("a", "/etc").file("a/kforge-evil", 0644, "x")
                .writeTo(archives.resolve("a.tar"), Packing.PLAIN);

        assertRejected(archive, "a");
    }

    @Test
    void rejectsWriteThroughSymlinkToParent() {
        var archive = kernelLike().symlink("a", "..").file("a/kforge-evil", 0644, "x")
                .writeTo(archives.resolve("a.tar"), Packing.PLAIN);

        assertRejected(archive, "a");
    }

    @Test
    void rejectsWriteThroughSymlinkThatPointsInside() {
        var archive = kernelLike().symlink("linux/alias", "scripts").file("linux/alias/sneaky", 0644, "x")
                .writeTo(archives.resolve("a.tar"), Packing.PLAIN);

        assertRejected(archive, "linux/alias/sneaky");
    }

    @Test
    void laterFileReplacesEarlierSymlinkWithoutFollowingIt() throws IOException {
        var archive = kernelLike().symlink("linux/alias", "Makefile").file("linux/alias", 0644, "replaced\n")
                .writeTo(archives.resolve("a.tar"), Packing.PLAIN);

        new TarUnpacker().unpack(archive, target);

        assertFalse(Files.isSymbolicLink(target.resolve("linux/alias")));
        assertEquals("replaced\n", Files.readString(target.resolve("linux/alias")));
        assertEquals("VERSION = 6\n", Files.readString(target.resolve("linux/Makefile")));
    }

    @Test
    void truncatedArchiveFailsAndLeavesNothing() throws IOException {
        var archive = new TestArchive();
        for (var i = 0; i < 50; i++) {
            archive.file("tree/file-" + i, 0644, ("random-ish " + i * 7919 + "\n").repeat(200));
        }
        var packed = archive.writeTo(archives.resolve("cut.tar.xz"), Packing.XZ);
        var bytes = Files.readAllBytes(packed);
        Files.write(packed, java.util.Arrays.copyOf(bytes, bytes.length / 2));

        var error = assertThrows(KforgeException.class, () -> new TarUnpacker().unpack(packed, target));

        assertTrue(error.getMessage().contains(packed.toString()), error.getMessage());
        assertEquals(List.of(), listing(parent));
    }

    @Test
    void fileThatIsNoTarArchiveIsRefused() throws IOException {
        var text = Files.writeString(archives.resolve("notes.tar"), "just some text\n".repeat(100));

        var error = assertThrows(KforgeException.class, () -> new TarUnpacker().unpack(text, target));

        assertTrue(error.getMessage().contains("is not a tar archive"), error.getMessage());
        assertEquals(List.of(), listing(parent));
    }

    @Test
    void targetThatIsNotEmptyIsRefused() throws IOException {
        var archive = kernelLike().writeTo(archives.resolve("a.tar"), Packing.PLAIN);
        Files.createDirectories(target);
        Files.writeString(target.resolve("mine.txt"), "keep me");

        var error = assertThrows(KforgeException.class, () -> new TarUnpacker().unpack(archive, target));

        assertTrue(error.getMessage().contains("not an empty folder"), error.getMessage());
        assertEquals(List.of(target.resolve("mine.txt")), listing(target));
        assertEquals(List.of(target), listing(parent));
    }

    @Test
    void emptyTargetFolderIsReplacedByTheTree() throws IOException {
        var archive = kernelLike().writeTo(archives.resolve("a.tar"), Packing.PLAIN);
        Files.createDirectories(target);

        new TarUnpacker().unpack(archive, target);

        assertEquals(List.of(target.resolve("linux")), listing(target));
        assertEquals(List.of(target), listing(parent));
    }

    @Test
    void folderListedAfterItsContentStillGetsItsMode() throws IOException {
        var archive = new TestArchive().file("linux/private/key", 0600, "secret\n").folder("linux/private/", 0700)
                .writeTo(archives.resolve("a.tar"), Packing.PLAIN);

        new TarUnpacker().unpack(archive, target);

        assertEquals("rwx------", permissions(target.resolve("linux/private")));
        assertEquals(TestArchive.MTIME, Files.getLastModifiedTime(target.resolve("linux/private")));
    }

    @Test
    void missingArchiveIsNamed() {
        var missing = archives.resolve("missing.tar.xz");

        var error = assertThrows(KforgeException.class, () -> new TarUnpacker().unpack(missing, target));

        assertEquals("archive " + missing + " does not exist", error.getMessage());
        assertEquals(List.of(), listing(parent));
    }

    @Test
    void devicesAreSkippedAndListed() throws IOException {
        var archive = kernelLike().device("linux/null").writeTo(archives.resolve("a.tar"), Packing.PLAIN);

        var summary = new TarUnpacker().unpack(archive, target);

        assertEquals(List.of("linux/null (character device)"), summary.skipped());
        assertFalse(Files.exists(target.resolve("linux/null"), LinkOption.NOFOLLOW_LINKS));
    }

    private void assertRejected(Path archive, String entry) {
        var error = assertThrows(UnsafeEntryException.class, () -> new TarUnpacker().unpack(archive, target));

        assertEquals(entry, error.entry());
        assertEquals(archive, error.archive());
        assertTrue(error.getMessage().contains(archive.toString()) && error.getMessage().contains("'" + entry + "'"),
                error.getMessage());
        assertEquals(List.of(), listing(parent), "nothing may be left after a rejected archive");
        assertFalse(Files.exists(Path.of("/tmp/kforge-evil"), LinkOption.NOFOLLOW_LINKS));
        assertFalse(Files.exists(temp.resolve("kforge-evil"), LinkOption.NOFOLLOW_LINKS));
    }

    private static String permissions(Path path) throws IOException {
        return PosixFilePermissions.toString(Files.getPosixFilePermissions(path, LinkOption.NOFOLLOW_LINKS));
    }

    private static List<Path> listing(Path folder) {
        try (Stream<Path> children = Files.list(folder)) {
            return children.sorted().toList();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
