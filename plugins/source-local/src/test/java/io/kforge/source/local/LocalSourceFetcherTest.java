package io.kforge.source.local;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.kforge.core.PluginRegistry;
import io.kforge.core.Workspace;
import io.kforge.core.spi.Command;
import io.kforge.core.spi.CommandRunner;
import io.kforge.core.spi.InvalidInputException;
import io.kforge.core.spi.KforgeException;
import io.kforge.core.spi.SourceSpec;
import io.kforge.core.spi.SourceTree;
import io.kforge.testkit.TestTrees;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * Fetches Debian's real {@code linux-source-6.12} tarball into a temporary workspace, once for the whole class.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class LocalSourceFetcherTest {

    @TempDir
    static Path temp;

    private Workspace workspace;
    private RecordingContext firstContext;
    private SourceTree first;
    private long firstMillis;

    @BeforeAll
    void fetchTheDebianTarballOnce() {
        workspace = Workspace.at(temp.resolve("workspace"));
        firstContext = new RecordingContext(workspace);

        var started = System.nanoTime();
        first = new LocalSourceFetcher().fetch(spec(""), firstContext);
        firstMillis = (System.nanoTime() - started) / 1_000_000;

        System.out.println("first fetch of " + first.origin() + ": " + firstMillis + " ms; " + firstContext.lines());
    }

    private static SourceSpec spec(String location) {
        return new SourceSpec("local", location, Map.of());
    }

    @Test
    void emptyLocationFetchesTheNewestDebianTarball() {
        assertEquals(TestTrees.DEBIAN_TARBALL.toString(), first.origin());
        assertTrue(first.version().matches("6\\.12\\.\\d+"), first.version());
        assertTrue(first.path().startsWith(workspace.entry("source", first.sha256().orElseThrow())), first.path()
                .toString());
        assertTrue(Files.isRegularFile(first.path().resolve("Makefile")));
        assertEquals(List.of("sha256-computed", "archive-entries-contained", "kernel-makefile"), first.verified());
    }

    @Test
    void reportedSha256IsTheArchiveDigest() {
        var output = new StringBuilder();
        var result = CommandRunner.local().run(Command.of("sha256sum", TestTrees.DEBIAN_TARBALL.toString()),
                output::append);

        assertTrue(result.ok(), result.failure());
        assertEquals(Optional.of(output.toString().split("\\s+")[0]), first.sha256());
    }

    @Test
    void scriptsStayExecutable() throws IOException {
        var script = first.path().resolve("scripts/kconfig/merge_config.sh");

        var permissions = Files.getPosixFilePermissions(script, LinkOption.NOFOLLOW_LINKS);

        assertTrue(permissions.contains(PosixFilePermission.OWNER_EXECUTE), permissions.toString());
        assertTrue(Files.isExecutable(script));
    }

    @Test
    void unpackingReportsProgressUpToTheArchiveSize() throws IOException {
        var size = Files.size(TestTrees.DEBIAN_TARBALL);

        var reports = firstContext.progress();

        assertTrue(reports.size() > 10, "only " + reports.size() + " progress reports");
        assertEquals(size, reports.getLast()[0]);
        assertEquals(size, reports.getLast()[1]);
        assertTrue(firstContext.lines().stream().anyMatch(line -> line.startsWith("unpacked ")),
                firstContext.lines().toString());
    }

    @Test
    void secondFetchIsACacheHit() throws IOException {
        var inode = Files.readAttributes(first.path(), "unix:ino").get("ino");
        var mtime = Files.getLastModifiedTime(first.path().getParent());
        var context = new RecordingContext(workspace);

        var started = System.nanoTime();
        var second = new LocalSourceFetcher().fetch(spec(""), context);
        var millis = (System.nanoTime() - started) / 1_000_000;

        System.out.println("cached fetch: " + millis + " ms (first fetch " + firstMillis + " ms); " + context.lines());
        assertEquals(first, second);
        assertEquals(inode, Files.readAttributes(second.path(), "unix:ino").get("ino"));
        assertEquals(mtime, Files.getLastModifiedTime(second.path().getParent()));
        var lines = context.lines();
        assertTrue(lines.stream().anyMatch(line -> line.startsWith("cache hit: ")), lines.toString());
        assertFalse(lines.stream().anyMatch(line -> line.startsWith("unpacked ")), lines.toString());
        assertEquals(List.of(), context.progress());
    }

    @Test
    void folderIsUsedInPlace() {
        var tree = TestTrees.linux612();

        var fetched = new LocalSourceFetcher().fetch(spec(tree.toString()), new RecordingContext(workspace));

        assertEquals(tree, fetched.path());
        assertEquals(first.version(), fetched.version());
        assertEquals(Optional.empty(), fetched.sha256());
        assertEquals(List.of("kernel-makefile"), fetched.verified());
    }

    @Test
    void folderThatIsNoKernelTreeIsRefused() throws IOException {
        var folder = Files.createDirectories(temp.resolve("not-a-tree"));
        Files.writeString(folder.resolve("Makefile"), "all:\n\techo hello\n");

        var error = assertThrows(InvalidInputException.class,
                () -> new LocalSourceFetcher().fetch(spec(folder.toString()), new RecordingContext(workspace)));

        assertTrue(error.getMessage().contains(folder + " is not a kernel tree"), error.getMessage());
    }

    @Test
    void missingPathIsRefused() {
        var missing = temp.resolve("no/such/linux-6.12.tar.xz");

        var error = assertThrows(InvalidInputException.class,
                () -> new LocalSourceFetcher().fetch(spec(missing.toString()), new RecordingContext(workspace)));

        assertTrue(error.getMessage().contains(missing + " does not exist"), error.getMessage());
    }

    @Test
    void fileOfAnotherKindIsRefused() throws IOException {
        var zip = Files.writeString(temp.resolve("linux-6.12.zip"), "PK not really");

        var error = assertThrows(InvalidInputException.class,
                () -> new LocalSourceFetcher().fetch(spec(zip.toString()), new RecordingContext(workspace)));

        assertTrue(error.getMessage().contains(zip + " is neither a kernel tree folder nor"), error.getMessage());
    }

    @Test
    void noDebianTarballAsksToInstallOne() throws IOException {
        var emptyUsrSrc = Files.createDirectories(temp.resolve("usr-src"));

        var error = assertThrows(InvalidInputException.class,
                () -> new LocalSourceFetcher(emptyUsrSrc).fetch(spec(""), new RecordingContext(workspace)));

        assertTrue(error.getMessage().contains("apt-get install linux-source-6.12"), error.getMessage());
        assertTrue(error.getMessage().contains("give a .tar.xz"), error.getMessage());
    }

    @Test
    void smallArchiveIsUnpackedAndItsTopFolderIsTheTree() throws IOException {
        var archive = tarOf("linux-9.1", "VERSION = 9\nPATCHLEVEL = 1\nSUBLEVEL = 0\nEXTRAVERSION = -rc2\n");

        var tree = new LocalSourceFetcher().fetch(spec(archive.toString()), new RecordingContext(workspace));

        assertEquals("9.1.0-rc2", tree.version());
        assertEquals("linux-9.1", tree.path().getFileName().toString());
        assertEquals(archive.toString(), tree.origin());
    }

    @Test
    void archiveWithoutOneKernelTreeIsRefusedAndNotCached() throws IOException {
        var archive = tarOf("not-linux", "all:\n");
        var context = new RecordingContext(workspace);

        var error = assertThrows(KforgeException.class,
                () -> new LocalSourceFetcher().fetch(spec(archive.toString()), context));

        assertTrue(error.getMessage().contains(archive + " holds no kernel tree"), error.getMessage());
        var sha256 = context.lines().getFirst().split(" ")[1];
        assertFalse(workspace.has("source", sha256));
    }

    @Test
    void archiveNotMatchingTheExpectedSha256IsRefused() throws IOException {
        var archive = tarOf("linux-9.2", "VERSION = 9\nPATCHLEVEL = 2\n");
        var wrong = "0".repeat(64);
        var spec = new SourceSpec("local", archive.toString(), Map.of("sha256", wrong));

        var error = assertThrows(KforgeException.class,
                () -> new LocalSourceFetcher().fetch(spec, new RecordingContext(workspace)));

        assertTrue(error.getMessage().contains("the recipe expects " + wrong), error.getMessage());
    }

    @Test
    void unknownOptionIsRefused() {
        var spec = new SourceSpec("local", "", Map.of("branch", "master"));

        var error = assertThrows(InvalidInputException.class,
                () -> new LocalSourceFetcher().fetch(spec, new RecordingContext(workspace)));

        assertTrue(error.getMessage().contains("'branch'"), error.getMessage());
    }

    @Test
    void registrySeesTheBuiltInProvider() {
        var registry = PluginRegistry.builtIn();

        var fetcher = registry.sourceFetcher(spec(""));

        assertEquals(LocalSourceFetcher.class, fetcher.getClass());
    }

    /** Packs a folder holding one Makefile into a .tar.gz with GNU tar. */
    private Path tarOf(String top, String makefile) throws IOException {
        var source = Files.createDirectories(temp.resolve("src-" + top).resolve(top));
        Files.writeString(source.resolve("Makefile"), makefile);
        var archive = temp.resolve(top + ".tar.gz");
        var result = CommandRunner.local().run(Command.of("tar", "-czf", archive.toString(), "-C",
                source.getParent().toString(), top), line -> { });
        assertTrue(result.ok(), result.failure());
        return archive;
    }
}
