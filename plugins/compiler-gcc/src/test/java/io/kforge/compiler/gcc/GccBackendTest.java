package io.kforge.compiler.gcc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.kforge.core.Workspace;
import io.kforge.core.spi.BuildRequest;
import io.kforge.core.spi.InvalidInputException;
import io.kforge.core.spi.KforgeException;
import io.kforge.core.spi.SourceTree;
import io.kforge.core.spi.StageListener;
import io.kforge.core.spi.Toolchain;
import io.kforge.testkit.TestKernels;
import io.kforge.testkit.TestTrees;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class GccBackendTest {

    @TempDir
    Path folder;

    private final GccBackend backend = new GccBackend();

    @Test
    void toolchainPassesTheArchitectureToMakeAndRecordsVersions() {
        var toolchain = backend.toolchain(tree(), "x86_64");

        assertEquals(List.of("ARCH=x86_64"), toolchain.makeArguments());
        assertTrue(toolchain.versions().get("gcc").contains("gcc"), toolchain.versions().toString());
        assertTrue(toolchain.versions().get("make").startsWith("GNU Make"), toolchain.versions().toString());
    }

    @Test
    void unsupportedArchitectureIsAnInputError() {
        var error = assertThrows(InvalidInputException.class, () -> backend.toolchain(tree(), "sparc"));

        assertTrue(error.getMessage().contains("sparc"), error.getMessage());
    }

    @Test
    void failingBuildShowsItsFirstCompilerErrorAndKeepsTheLog() throws Exception {
        var base = backend.toolchain(tree(), "x86_64");
        var broken = new Toolchain(base.compiler(), base.arch(), base.makeArguments(),
                Map.of("KCFLAGS", "-include /kforge-no-such-header.h"), base.versions());
        var workspace = Workspace.at(folder);
        var config = TestKernels.qemuMinimal().config();

        var error = assertThrows(KforgeException.class, () -> backend.build(
                new BuildRequest(tree(), config, broken, "bzImage", 2), workspace.context("build", StageListener.NONE)));

        var first = error.getMessage().lines().findFirst().orElseThrow();
        assertTrue(first.startsWith("build failed: "), first);
        assertTrue(first.contains("fatal error: /kforge-no-such-header.h: No such file or directory"), first);
        var log = Path.of(error.getMessage().substring(error.getMessage().lastIndexOf("whole log: ") + 11).strip());
        assertTrue(Files.readString(log).contains("kforge-no-such-header.h"));
        try (var entries = Files.list(folder.resolve("entries"))) {
            assertFalse(entries.anyMatch(p -> p.getFileName().toString().equals("build")), "no half-written entry");
        }
    }

    private static SourceTree tree() {
        return new SourceTree(TestTrees.linux612(), "6.12", "test", Optional.empty(), List.of());
    }
}
