package io.kforge.compiler.rust;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.kforge.core.Workspace;
import io.kforge.core.spi.BuildRequest;
import io.kforge.core.spi.Command;
import io.kforge.core.spi.CommandRunner;
import io.kforge.core.spi.KforgeException;
import io.kforge.core.spi.SourceTree;
import io.kforge.core.spi.StageListener;
import io.kforge.core.spi.Toolchain;
import io.kforge.kbuild.HostTools;
import io.kforge.testkit.TestKernels;
import io.kforge.testkit.TestTrees;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The Rust path as far as this host allows: Debian's rustc-web (1.96) and rust-web-src are accepted, but the only
 * bindgen here is Debian's 0.60.1 while 6.12 needs 0.65.1, so no Rust kernel is built; the diagnosis is tested.
 */
class RustBackendTest {

    /** Debian's tools first: its rustc with its library source, and its bindgen. */
    private static final Map<String, String> DEBIAN = Map.of("PATH", "/usr/bin:/bin");

    @TempDir
    Path folder;

    @Test
    void bindgenTooOldIsNamedWithBothVersionsAndTheTreesOwnVerdict() {
        var backend = new RustBackend(HostTools.with(DEBIAN));

        var error = assertThrows(KforgeException.class, () -> backend.toolchain(tree(), "x86_64"));

        var message = error.getMessage();
        assertTrue(message.contains("bindgen: found 0.60.1, needs 0.65.1 or newer"), message);
        assertTrue(message.contains("cargo install --locked bindgen-cli --version 0.65.1"), message);
        assertTrue(message.contains("CONFIG_RUST would fall back to n: bindgen 0.60.1 is older than the 0.65.1 this"
                + " tree needs (make rustavailable says: Rust bindings generator 'bindgen' is too old."), message);
        assertTrue(!message.contains("rustc:") && !message.contains("Rust library source:"),
                "rustc 1.96 and its library source are accepted: " + message);
    }

    @Test
    void c08BindgenThatCannotLoadLibclangSaysSoAndWhereOneIs() {
        var environment = Map.of("PATH", "/usr/bin:/bin", "LIBCLANG_PATH", folder.resolve("nowhere").toString());
        var probe = new RustBackend(HostTools.with(environment)).check(tree(), Optional.empty(), "x86_64");

        var libclang = probe.rows().stream().filter(r -> r.tool().equals("libclang (for bindgen)")).findFirst()
                .orElseThrow();

        assertTrue(libclang.found().isEmpty());
        var nowhere = folder.resolve("nowhere");
        assertTrue(libclang.detail().startsWith("bindgen cannot load libclang: LIBCLANG_PATH=" + nowhere
                + " holds no usable libclang.so; point LIBCLANG_PATH at a folder holding libclang.so, such as"
                + " LIBCLANG_PATH=/usr/lib/llvm-"), libclang.detail());
        assertEquals("", libclang.install(), "libclang is installed; only the variable is wrong");
    }

    @Test
    void missingBindgenNamesItsPackage() throws Exception {
        var path = Files.createDirectories(folder.resolve("bin"));
        for (var program : List.of("rustc", "clang", "ld.lld", "make", "sh", "sed", "cat", "dirname", "cut")) {
            Files.createSymbolicLink(path.resolve(program), Path.of("/usr/bin", program));
        }
        var probe = new RustBackend(HostTools.with(Map.of("PATH", path.toString()))).check(tree(), Optional.empty(),
                "x86_64");

        var bindgen = probe.rows().stream().filter(r -> r.tool().equals("bindgen")).findFirst().orElseThrow();

        assertTrue(bindgen.found().isEmpty());
        assertEquals("apt-get install -y bindgen", bindgen.install().replace("sudo ", ""));
        assertTrue(probe.missing().stream().anyMatch(l -> l.contains("CONFIG_RUST would fall back to n: bindgen is"
                + " missing")), probe.missing().toString());
    }

    @Test
    void missingLibrarySourceIsNamedWithWhereItWasLookedFor() {
        var environment = Map.of("PATH", "/usr/bin:/bin", "RUST_LIB_SRC", folder.resolve("src").toString());
        var probe = new RustBackend(HostTools.with(environment)).check(tree(), Optional.empty(), "x86_64");

        var source = probe.rows().stream().filter(r -> r.tool().equals("Rust library source")).findFirst()
                .orElseThrow();

        assertTrue(!source.ok());
        assertEquals("no core/src/lib.rs under " + folder.resolve("src") + " (RUST_LIB_SRC)", source.detail());
    }

    @Test
    void buildStopsBeforeMakeWithTheDiagnosis() throws Exception {
        var backend = new RustBackend(HostTools.with(DEBIAN));
        var toolchain = new Toolchain("rust", "x86_64", List.of("ARCH=x86_64", "LLVM=1"), DEBIAN, Map.of());
        var workspace = Workspace.at(folder.resolve("ws"));
        var request = new BuildRequest(tree(), TestKernels.qemuMinimal().config(), toolchain, "bzImage", 2);

        var error = assertThrows(KforgeException.class, () -> backend.build(request,
                workspace.context("build", StageListener.NONE)));

        assertTrue(error.getMessage().startsWith("not building: "), error.getMessage());
        assertTrue(error.getMessage().contains("bindgen: found 0.60.1, needs 0.65.1"), error.getMessage());
        try (Stream<Path> runs = Files.list(workspace.root().resolve("runs"))) {
            assertEquals(0, runs.count());
        }
    }

    @Test
    void c06RustFallingBackToNIsExplainedFromTheTreesKconfig() throws Exception {
        var backend = new RustBackend(HostTools.with(DEBIAN));
        var config = olddefconfig(Files.readString(TestKernels.qemuMinimal().config())
                + "CONFIG_MODULES=y\nCONFIG_MODVERSIONS=y\nCONFIG_RUST=y\n");
        var toolchain = new Toolchain("rust", "x86_64", List.of("ARCH=x86_64", "LLVM=1"), DEBIAN, Map.of());

        var why = backend.whyRustIsOff(new BuildRequest(tree(), config, toolchain, "bzImage", 2), config)
                .orElseThrow();

        assertTrue(why.startsWith("unmet-dependency: "), why);
        assertTrue(why.contains("MODVERSIONS"), why);
        assertTrue(why.contains("RUST_IS_AVAILABLE"), why);
        assertTrue(why.contains("bindgen 0.60.1 is older than the 0.65.1 this tree needs"), why);
    }

    private Path olddefconfig(String text) throws IOException {
        var out = Files.createDirectories(folder.resolve("out"));
        Files.writeString(out.resolve(".config"), text);
        var result = CommandRunner.local().run(Command.of("make", "-C", tree().path().toString(), "O=" + out,
                "ARCH=x86_64", "LLVM=1", "olddefconfig").withEnvironment(DEBIAN), line -> { });
        assertTrue(result.ok(), result.failure());
        return out.resolve(".config");
    }

    private static SourceTree tree() {
        return new SourceTree(TestTrees.linux612(), "6.12", "linux-source-6.12", Optional.empty(), List.of());
    }
}
