package io.kforge.sysctl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.kforge.core.Workspace;
import io.kforge.core.spi.InvalidInputException;
import io.kforge.core.spi.StageContext;
import io.kforge.core.spi.SysctlRequest;
import io.kforge.core.spi.SysctlTarget;
import io.kforge.core.spi.SysctlWinner;
import io.kforge.testkit.RecordingListener;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SysctlPersisterTest {

    @TempDir
    Path temp;

    @Test
    void writesOneFileAndShowsWhichFileWinsForEachKeyAtBoot() throws IOException {
        var root = Files.createDirectories(temp.resolve("root"));
        write(root, "etc/sysctl.d/99-zz-override.conf", "net.core.somaxconn = 1024\n");
        write(root, "usr/lib/sysctl.d/99-zz-masked.conf", "net.core.rmem_max = 1\n");
        Files.createSymbolicLink(root.resolve("etc/sysctl.d/99-zz-masked.conf"), Path.of("/dev/null"));
        write(root, "run/sysctl.d/10-early.conf", "net.core.wmem_max = 5\n");
        write(root, "etc/sysctl.conf", "net.ipv4.tcp_wmem = 1 2 3\n");
        Files.createSymbolicLink(root.resolve("etc/sysctl.d/99-sysctl.conf"), Path.of("../sysctl.conf"));
        var mine = write(temp, "mine.conf", "net.core.somaxconn = 8192\n");
        var listener = new RecordingListener();

        var persisted = SysctlPersister.persist(new SysctlRequest(List.of("containers", mine.toString()),
                new SysctlTarget.Image(root)), Workspace.at(temp.resolve("workspace")).context("sysctl", listener));

        assertEquals(root.resolve("etc/sysctl.d/99-kforge.conf"), persisted.file());
        var winners = persisted.winners().stream().collect(Collectors.toMap(SysctlWinner::key, Function.identity()));
        assertTrue(winners.get("net.core.rmem_max").ours());
        assertTrue(winners.get("net.core.wmem_max").ours());
        assertTrue(winners.get("net.ipv4.tcp_rmem").ours());
        assertEquals(new SysctlWinner("net.ipv4.tcp_wmem", "4096 65536 33554432", "/etc/sysctl.d/99-sysctl.conf:1",
                "1 2 3", false), winners.get("net.ipv4.tcp_wmem"));
        assertEquals(new SysctlWinner("net.core.somaxconn", "8192", "/etc/sysctl.d/99-zz-override.conf:1", "1024",
                false), winners.get("net.core.somaxconn"));
        assertEquals(2, persisted.warnings().size(), persisted.warnings().toString());
        assertTrue(persisted.warnings().stream().anyMatch(w -> w.startsWith("net.core.somaxconn: "
                + "/etc/sysctl.d/99-zz-override.conf:1 sets 1024 and wins at boot over kforge's 8192")));
        assertEquals(persisted.warnings(), listener.warnings());
    }

    @Test
    void theFileReadsBackAsTheProfilesAndNoTemporaryFileIsLeft() throws IOException {
        var root = Files.createDirectories(temp.resolve("root"));

        var persisted = SysctlPersister.persist(new SysctlRequest(List.of("containers"), new SysctlTarget.Image(root)),
                context());

        var written = SysctlFileParser.parse("99-kforge.conf", Files.readString(persisted.file()));
        assertEquals(List.of(), written.problems());
        assertEquals(Map.of("net.core.rmem_max", "33554432", "net.core.wmem_max", "33554432",
                        "net.ipv4.tcp_rmem", "4096 87380 33554432", "net.ipv4.tcp_wmem", "4096 65536 33554432"),
                written.settings().stream().collect(Collectors.toMap(s -> s.key().dotted(),
                        s -> s.value().orElseThrow())));
        try (Stream<Path> files = Files.list(root.resolve("etc/sysctl.d"))) {
            assertEquals(List.of("99-kforge.conf"), files.map(f -> f.getFileName().toString()).toList());
        }
        assertTrue(persisted.winners().stream().allMatch(SysctlWinner::ours));
    }

    @Test
    void C12ProfileWithProblemsWritesNothingAndListsEveryProblem() throws IOException {
        var root = Files.createDirectories(temp.resolve("root"));
        var c12 = write(temp, "c12.conf", "net.ipv4.tcp_rmem = \"4096 87380 33554432\"\n");
        var unordered = write(temp, "unordered.conf", "net.ipv4.tcp_wmem = 4096 65536 1024\n");

        var error = assertThrows(InvalidInputException.class, () -> SysctlPersister.persist(
                new SysctlRequest(List.of(c12.toString(), unordered.toString()), new SysctlTarget.Image(root)),
                context()));

        assertTrue(error.getMessage().contains("nothing was written. 2 problems:"), error.getMessage());
        assertTrue(error.getMessage().contains(c12 + ":1: net.ipv4.tcp_rmem: the value"), error.getMessage());
        assertTrue(error.getMessage().contains(unordered + ":1: net.ipv4.tcp_wmem = 4096 65536 1024 is not ordered"));
        assertFalse(Files.exists(root.resolve("etc/sysctl.d/99-kforge.conf")));
    }

    @Test
    void onlyAnImageFolderCanBePersistedInto() {
        var error = assertThrows(InvalidInputException.class, () -> SysctlPersister.persist(
                new SysctlRequest(List.of("containers"), new SysctlTarget.NetworkNamespace("x")),
                context()));

        assertTrue(error.getMessage().contains("use an image:PATH target"), error.getMessage());
    }

    /** The context the pipeline would give the sysctl stage, on a workspace in this test's folder. */
    private StageContext context() {
        return Workspace.at(temp.resolve("workspace")).context("sysctl", new RecordingListener());
    }

    private static Path write(Path root, String relative, String text) throws IOException {
        var file = root.resolve(relative);
        Files.createDirectories(file.getParent());
        return Files.writeString(file, text);
    }
}
