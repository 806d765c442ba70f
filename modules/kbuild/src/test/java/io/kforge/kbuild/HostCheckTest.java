package io.kforge.kbuild;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.kforge.core.spi.Probe;
import io.kforge.core.spi.ToolCheck;
import io.kforge.testkit.TestTrees;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class HostCheckTest {

    private static final Distro DEBIAN = new Distro("debian", "12", true);

    @TempDir
    Path folder;

    private final java.util.List<ToolFolder> paths = new java.util.ArrayList<>();

    @AfterEach
    void deletePaths() {
        paths.forEach(ToolFolder::close);
    }

    private ToolFolder path(Set<String> removed) {
        var path = ToolFolder.without(removed);
        paths.add(path);
        return path;
    }

    @Test
    void everyToolOfAGccBuildIsFoundOnThisHost() {
        var probe = check(Compiler.GCC, "x86_64", ConfigValues.none(), HostTools.system());

        assertTrue(probe.usable(), probe.missing().toString());
        assertEquals(List.of("gcc", "ld", "make", "flex", "bison", "bc", "libelf headers"),
                probe.rows().stream().filter(ToolCheck::required).map(ToolCheck::tool).toList());
        assertEquals("5.1.0", row(probe, "gcc").needed());
        assertTrue(row(probe, "gcc").found().isPresent());
        assertTrue(probe.install().isEmpty(), probe.install().toString());
    }

    @Test
    void aRemovedToolIsMissingWithItsPackage() {
        var tools = path(Set.of("flex", "bison")).tools();

        var probe = check(Compiler.GCC, "x86_64", ConfigValues.none(), tools);

        assertFalse(probe.usable());
        var flex = row(probe, "flex");
        assertFalse(flex.ok());
        assertTrue(flex.found().isEmpty());
        assertEquals("2.5.35", flex.needed());
        assertEquals("apt-get install -y flex", flex.install());
        assertEquals(List.of("apt-get", "install", "-y", "flex", "bison"), probe.install());
        assertTrue(probe.missing().getFirst().startsWith("flex: not found, needs 2.5.35 or newer"),
                probe.missing().getFirst());
    }

    @Test
    void aToolOlderThanTheTreeAcceptsIsNotOk() {
        var tools = path(Set.of()).fake("gcc", "gcc (GCC) 4.9.2").tools();

        var gcc = row(check(Compiler.GCC, "x86_64", ConfigValues.none(), tools), "gcc");

        assertFalse(gcc.ok());
        assertEquals(Optional.of("4.9.2"), gcc.found());
        assertEquals("5.1.0", gcc.needed());
        assertEquals("apt-get install -y gcc", gcc.install());
    }

    @Test
    void c07BtfWithoutPaholeNamesTheVersionThePackageAndTheWayOut() throws Exception {
        var config = ConfigValues.read(Files.writeString(folder.resolve("btf.config"),
                "CONFIG_DEBUG_INFO=y\nCONFIG_DEBUG_INFO_DWARF5=y\nCONFIG_DEBUG_INFO_BTF=y\n"));
        var tools = path(Set.of("pahole")).tools();

        var probe = check(Compiler.GCC, "x86_64", config, tools);

        var pahole = row(probe, "pahole");
        assertFalse(probe.usable());
        assertTrue(pahole.required());
        assertEquals("1.21", pahole.needed(), "DWARF 5 needs pahole 1.21, from lib/Kconfig.debug");
        assertEquals("apt-get install -y dwarves", pahole.install());
        assertTrue(pahole.detail().contains("turn CONFIG_DEBUG_INFO_BTF off"), pahole.detail());
    }

    @Test
    void c07APaholeTooOldForDwarf5IsNotOk() throws Exception {
        var config = ConfigValues.read(Files.writeString(folder.resolve("btf.config"),
                "CONFIG_DEBUG_INFO_DWARF5=y\nCONFIG_DEBUG_INFO_BTF=y\n"));
        var old = path(Set.of()).fake("pahole", "v1.19").tools();

        var pahole = row(check(Compiler.GCC, "x86_64", config, old), "pahole");

        assertFalse(pahole.ok());
        assertEquals(Optional.of("1.19"), pahole.found());
    }

    @Test
    void withoutBtfPaholeIsNotChecked() {
        var probe = check(Compiler.GCC, "x86_64", ConfigValues.none(), HostTools.system());

        assertTrue(probe.rows().stream().noneMatch(r -> r.tool().equals("pahole")));
    }

    @Test
    void clangChecksTheLlvmToolsAgainstTheTreesLlvmMinimum() {
        var tools = path(Set.of("ld.lld")).tools();

        var probe = check(Compiler.CLANG, "x86_64", ConfigValues.none(), tools);

        assertEquals("13.0.1", row(probe, "clang").needed());
        assertTrue(row(probe, "clang").ok());
        assertTrue(row(probe, "llvm-objcopy").ok());
        assertFalse(row(probe, "ld.lld").ok());
        assertEquals(List.of("apt-get", "install", "-y", "lld"), probe.install());
    }

    @Test
    void arm64WithGccChecksTheCrossToolchainAndTheMatchingQemu() {
        var probe = check(Compiler.GCC, "arm64", ConfigValues.none(), HostTools.system());

        assertTrue(row(probe, "aarch64-linux-gnu-gcc").ok(), row(probe, "aarch64-linux-gnu-gcc").toString());
        assertTrue(row(probe, "aarch64-linux-gnu-ld").ok());
        assertTrue(row(probe, "qemu-system-aarch64").ok());
        assertTrue(probe.rows().stream().noneMatch(r -> r.tool().equals("KVM access")), "no KVM for another arch");
    }

    @Test
    void aMissingCrossCompilerNamesTheCrossPackage() {
        var tools = path(Set.of("aarch64-linux-gnu-gcc", "qemu-system-aarch64")).tools();

        var probe = check(Compiler.GCC, "arm64", ConfigValues.none(), tools);

        assertEquals("apt-get install -y gcc-aarch64-linux-gnu", row(probe, "aarch64-linux-gnu-gcc").install());
        assertFalse(row(probe, "qemu-system-aarch64").required(), "QEMU is not needed to build");
        assertEquals(List.of("apt-get", "install", "-y", "gcc-aarch64-linux-gnu", "qemu-system-arm"), probe.install());
        assertEquals(1, probe.missing().size(), probe.missing().toString());
    }

    @Test
    void fedoraGetsDnfAndItsPackageNames() throws Exception {
        var osRelease = Files.writeString(folder.resolve("os-release"), "NAME=\"Fedora Linux\"\nID=fedora\n"
                + "VERSION_ID=41\n");
        var fedora = Distro.from(osRelease, false);
        var tools = path(Set.of("flex")).tools();

        var probe = HostCheck.run(Compiler.GCC, Optional.of(TestTrees.linux612()), Arch.of("x86_64"),
                ConfigValues.none(), tools, fedora);

        assertEquals("fedora", fedora.family());
        assertEquals(List.of("sudo", "dnf", "install", "-y", "flex"), probe.install());
        assertEquals("elfutils-libelf-devel", fedora.packageFor("libelf").orElseThrow());
    }

    private static Probe check(Compiler compiler, String arch, ConfigValues config, HostTools tools) {
        return HostCheck.run(compiler, Optional.of(TestTrees.linux612()), Arch.of(arch), config, tools, DEBIAN);
    }

    private static ToolCheck row(Probe probe, String tool) {
        return probe.rows().stream().filter(r -> r.tool().equals(tool)).findFirst()
                .orElseThrow(() -> new AssertionError("no row " + tool + " in " + probe.rows()));
    }
}
