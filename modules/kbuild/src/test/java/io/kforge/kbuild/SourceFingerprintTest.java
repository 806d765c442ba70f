package io.kforge.kbuild;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.kforge.core.spi.SourceTree;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SourceFingerprintTest {

    @TempDir
    Path tree;

    @Test
    void anArchiveTreeIsItsArchiveHash() {
        var unpacked = new SourceTree(tree, "6.12", "linux.tar.xz", Optional.of("ab12"), List.of());

        assertEquals("sha256:ab12", SourceFingerprint.of(unpacked));
    }

    @Test
    void aTreeInPlaceChangesWithAnEditButNotWithItsGitFolder() throws Exception {
        Files.createDirectories(tree.resolve("init"));
        var main = Files.writeString(tree.resolve("init/main.c"), "int x;\n");
        Files.createDirectories(tree.resolve(".git"));
        var inPlace = new SourceTree(tree, "6.12", tree.toString(), Optional.empty(), List.of());
        var before = SourceFingerprint.of(inPlace);

        Files.writeString(tree.resolve(".git/index"), "changed");
        var gitOnly = SourceFingerprint.of(inPlace);
        Files.writeString(main, "int y;\n");
        Files.setLastModifiedTime(main, FileTime.from(Instant.parse("2030-01-01T00:00:00Z")));
        var edited = SourceFingerprint.of(inPlace);

        assertTrue(before.startsWith("files:"), before);
        assertEquals(before, gitOnly);
        assertNotEquals(before, edited);
    }
}
