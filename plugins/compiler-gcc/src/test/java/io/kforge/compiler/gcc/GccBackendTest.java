package io.kforge.compiler.gcc;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.kforge.core.Workspace;
import io.kforge.core.spi.BuildFailedException;
import io.kforge.core.spi.BuildRequest;
import io.kforge.core.spi.Command;
import io.kforge.core.spi.CommandRunner;
import io.kforge.core.spi.InvalidInputException;
import io.kforge.core.spi.KforgeException;
import io.kforge.core.spi.StageListener;
import io.kforge.core.spi.Toolchain;
import io.kforge.kbuild.HostTools;
import io.kforge.testkit.TestKernels;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class GccBackendTest {

    @TempDir
    Path folder;

    private final GccBackend backend = new GccBackend();

    @Test
    void toolchainPassesTheArchitectureToMakeAndRecordsVersions() {
        var toolchain = backend.toolchain(GccBuilds.tree(), "x86_64");

        assertEquals(List.of("ARCH=x86_64"), toolchain.makeArguments());
        assertTrue(toolchain.versions().get("gcc").matches("\\d+\\.\\d+.*"), toolchain.versions().toString());
        assertTrue(toolchain.versions().containsKey("make"), toolchain.versions().toString());
    }

    @Test
    void unsupportedArchitectureIsAnInputError() {
        var error = assertThrows(InvalidInputException.class, () -> backend.toolchain(GccBuilds.tree(), "sparc"));

        assertTrue(error.getMessage().contains("sparc"), error.getMessage());
    }

    @Test
    void arm64CrossArgumentsReachTheConfigurationStep() throws Exception {
        var toolchain = backend.toolchain(GccBuilds.tree(), "arm64");
        var make = Command.of("make", "-C", GccBuilds.tree().path().toString(), "O=" + folder)
                .plus(toolchain.makeArguments());

        for (var target : List.of("tinyconfig", "olddefconfig")) {
            var result = CommandRunner.local().run(make.plus(List.of(target)), line -> { });
            assertTrue(result.ok(), result.failure());
        }

        assertEquals(List.of("ARCH=arm64", "CROSS_COMPILE=aarch64-linux-gnu-"), toolchain.makeArguments());
        var config = Files.readString(folder.resolve(".config"));
        assertTrue(config.contains("CONFIG_ARM64=y"));
        assertTrue(config.contains("CONFIG_CC_VERSION_TEXT=\"aarch64-linux-gnu-gcc "), "the cross gcc configured it");
    }

    @Test
    void c07BtfWithoutPaholeStopsBeforeCompiling() throws Exception {
        var config = Files.writeString(folder.resolve("btf.config"), Files.readString(TestKernels.qemuMinimal()
                .config()) + "CONFIG_DEBUG_INFO=y\nCONFIG_DEBUG_INFO_DWARF5=y\nCONFIG_DEBUG_INFO_BTF=y\n");
        var noPahole = new GccBackend(HostTools.with(Map.of("PATH", "/usr/bin:/bin")));
        var workspace = Workspace.at(folder.resolve("ws"));
        var request = new BuildRequest(GccBuilds.tree(), config, noPahole.toolchain(GccBuilds.tree(), "x86_64"),
                "bzImage", 2);

        var error = assertThrows(KforgeException.class,
                () -> noPahole.build(request, workspace.context("build", StageListener.NONE)));

        assertTrue(error.getMessage().contains("pahole: not found, needs 1.21 or newer"), error.getMessage());
        assertTrue(error.getMessage().contains("apt-get install -y dwarves"), error.getMessage());
        assertTrue(error.getMessage().contains("or turn CONFIG_DEBUG_INFO_BTF off"), error.getMessage());
        try (Stream<Path> runs = Files.list(workspace.root().resolve("runs"))) {
            assertEquals(0, runs.count(), "make never ran");
        }
    }

    @Test
    void buildKeepsTheImageTheLogAndBuildJson() throws Exception {
        var entry = firstEntry();

        var json = new ObjectMapper().readTree(entry.resolve("build.json").toFile());

        var image = Files.readAllBytes(entry.resolve("bzImage"));
        assertEquals("HdrS", new String(image, 0x202, 4, StandardCharsets.US_ASCII), "a bzImage setup header");
        assertTrue(json.get("ok").asBoolean());
        assertEquals(List.of("ARCH=x86_64", "CC=ccache gcc"), new ObjectMapper().convertValue(
                json.at("/inputs/makeArguments"), List.class));
        assertTrue(json.at("/inputs/sourceHash").asText().startsWith("files:"));
        assertEquals(64, json.at("/inputs/configSha256").asText().length());
        assertTrue(json.at("/inputs/toolchain/gcc").isTextual());
        assertEquals(0, json.get("errors").asInt());
        assertTrue(json.at("/durations/compile").asDouble() > 0);
        assertTrue(json.at("/units/compiled").asInt() > 500);
        assertTrue(json.get("reproduce").asText().contains("make -C " + GccBuilds.tree().path() + " O=OUT"
                + " ARCH=x86_64 'CC=ccache gcc' -j"), json.get("reproduce").asText());
        assertTrue(Files.readString(entry.resolve("build.log")).contains("  CC      init/main.o"));
    }

    @Test
    void progressFollowsTheBuildAndTheEstimateIsCloseToTheEnd() throws Exception {
        var events = Files.readAllLines(GccBuilds.folder().resolve("progress.txt"));

        var last = events.getLast().split(" ");
        var first = events.getFirst().split(" ");
        var done = Long.parseLong(last[0]);
        var firstTotal = Long.parseLong(first[1]);
        assertTrue(events.size() > 100, events.size() + " progress events");
        assertTrue(Math.abs(firstTotal - done) <= done / 10, "estimated " + firstTotal + " at the start, " + done
                + " compiled");
    }

    @Test
    void unchangedRebuildIsACacheHit() throws Exception {
        var folder = GccBuilds.folder();
        var backend = GccBuilds.backend(folder);
        var workspace = Workspace.at(folder.resolve("first"));
        var before = backend.build(GccBuilds.request(backend), workspace.context("build", StageListener.NONE));

        var again = backend.build(GccBuilds.request(backend), workspace.context("build", StageListener.NONE));

        assertTrue(again.cached());
        assertEquals(before.image(), again.image());
        assertEquals(before.took(), again.took(), "the original build's time");
        assertFalse(new ObjectMapper().readTree(again.metadata().toFile()).at("/cache/hit").asBoolean(),
                "the entry is the original build's");
    }

    @Test
    void reproducibleBuildsInTwoBuildFoldersGiveTheSameImage() throws Exception {
        var second = GccBuilds.entry("second");

        var first = Files.readAllBytes(firstEntry().resolve("bzImage"));
        var again = Files.readAllBytes(second.resolve("bzImage"));

        assertArrayEquals(first, again);
        var banner = new String(first, StandardCharsets.ISO_8859_1);
        assertTrue(banner.contains("(kforge@kforge) #1 "), "user, host and build number pinned in the banner");
        var json = new ObjectMapper().readTree(second.resolve("build.json").toFile());
        assertTrue(json.at("/cache/ccache/hitRate").asDouble() > 0.9, json.at("/cache").toString());
        assertFalse(json.at("/cache/buildFolder").asText().equals(new ObjectMapper()
                .readTree(firstEntry().resolve("build.json").toFile()).at("/cache/buildFolder").asText()));
    }

    @Test
    void failingBuildShowsItsFirstCompilerErrorAndKeepsTheLog() throws Exception {
        var header = Files.writeString(folder.resolve("kforge-broken.h"), "int kforge_broken = ;\n");
        var base = GccBuilds.request(GccBuilds.backend(GccBuilds.folder()));
        var broken = new Toolchain(base.toolchain().compiler(), base.toolchain().arch(),
                base.toolchain().makeArguments(), Map.of("KCFLAGS", "-include " + header), base.toolchain().versions());
        var workspace = Workspace.at(GccBuilds.folder().resolve("first"));

        var error = assertThrows(BuildFailedException.class, () -> backend.build(new BuildRequest(GccBuilds.tree(),
                base.config(), broken, "bzImage", 2), workspace.context("build", StageListener.NONE)));

        var first = error.getMessage().lines().findFirst().orElseThrow();
        assertTrue(first.startsWith("build failed: " + header + ":1: expected expression"), first);
        assertTrue(error.firstError().orElseThrow().startsWith(header + ":1: "), error.firstError().toString());
        assertTrue(error.errors() >= 1);
        assertTrue(Files.readString(error.log()).contains("kforge-broken.h"));
        var json = new ObjectMapper().readTree(error.metadata().toFile());
        assertFalse(json.get("ok").asBoolean());
        assertEquals(1, json.at("/firstError/line").asInt());
    }

    private static Path firstEntry() {
        return GccBuilds.entry("first");
    }
}
