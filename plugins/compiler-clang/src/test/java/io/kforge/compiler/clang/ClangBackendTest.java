package io.kforge.compiler.clang;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.kforge.core.Workspace;
import io.kforge.core.spi.BuildRequest;
import io.kforge.core.spi.Command;
import io.kforge.core.spi.CommandRunner;
import io.kforge.core.spi.SourceTree;
import io.kforge.core.spi.StageListener;
import io.kforge.testkit.TestCache;
import io.kforge.testkit.TestKernels;
import io.kforge.testkit.TestTrees;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ClangBackendTest {

    @TempDir
    Path folder;

    private final ClangBackend backend = new ClangBackend();

    @Test
    void toolchainSetsLlvmForEveryMakeCallAndRecordsTheLlvmVersions() {
        var toolchain = backend.toolchain(tree(), "x86_64");

        assertEquals(List.of("ARCH=x86_64", "LLVM=1"), toolchain.makeArguments());
        assertTrue(toolchain.versions().get("clang").matches("\\d+\\.\\d+\\.\\d+"), toolchain.versions().toString());
        assertTrue(toolchain.versions().containsKey("ld.lld"), toolchain.versions().toString());
    }

    @Test
    void arm64UsesClangsOwnTargetWithoutACrossToolchain() throws Exception {
        var toolchain = backend.toolchain(tree(), "arm64");
        var make = Command.of("make", "-C", tree().path().toString(), "O=" + folder).plus(toolchain.makeArguments());

        for (var target : List.of("tinyconfig", "olddefconfig")) {
            var result = CommandRunner.local().run(make.plus(List.of(target)), line -> { });
            assertTrue(result.ok(), result.failure());
        }

        assertEquals(List.of("ARCH=arm64", "LLVM=1"), toolchain.makeArguments());
        var config = Files.readString(folder.resolve(".config"));
        assertTrue(config.contains("CONFIG_ARM64=y"));
        assertTrue(config.contains("CONFIG_CC_IS_CLANG=y"));
    }

    @Test
    void realBuildIsAClangBuildFromTheConfigurationStepOn() throws Exception {
        var entry = entry();

        var config = Files.readString(entry.resolve("config"));
        var makeLines = Files.readAllLines(entry.resolve("build.log")).stream()
                .filter(l -> l.startsWith("$ ") && l.contains("/make -C ")).toList();
        var json = new ObjectMapper().readTree(entry.resolve("build.json").toFile());

        assertTrue(config.contains("CONFIG_CC_IS_CLANG=y"));
        assertTrue(config.contains("CONFIG_LD_IS_LLD=y"));
        assertEquals(2, makeLines.size(), makeLines.toString());
        assertTrue(makeLines.stream().allMatch(l -> l.contains(" ARCH=x86_64 LLVM=1 ")), makeLines.toString());
        assertEquals(List.of("ARCH=x86_64", "LLVM=1"), new ObjectMapper().convertValue(
                json.at("/inputs/makeArguments"), List.class));
        var image = Files.readAllBytes(entry.resolve("bzImage"));
        assertEquals("HdrS", new String(image, 0x202, 4, StandardCharsets.US_ASCII));
    }

    @Test
    void unchangedRebuildIsACacheHit() {
        var before = entry();

        var again = backend.build(request(), Workspace.at(built()).context("build", StageListener.NONE));

        assertTrue(again.cached());
        assertEquals(before.resolve("bzImage"), again.image());
    }

    /** The clang build of {@code tinyconfig} plus {@code qemu-minimal}, made once per test run. */
    private Path built() {
        return TestCache.entry("kforge-clang-build", dir -> new ClangBackend().build(request(),
                Workspace.at(dir).context("build", StageListener.NONE)));
    }

    private BuildRequest request() {
        return new BuildRequest(tree(), TestKernels.qemuMinimal().config(), backend.toolchain(tree(), "x86_64"),
                "bzImage", Runtime.getRuntime().availableProcessors());
    }

    /** Returns the entry of the shared build, through a build of the same request: a cache hit. */
    private Path entry() {
        return backend.build(request(), Workspace.at(built()).context("build", StageListener.NONE)).image()
                .getParent();
    }

    private static SourceTree tree() {
        return new SourceTree(TestTrees.linux612(), "6.12", "linux-source-6.12", Optional.empty(), List.of());
    }
}
