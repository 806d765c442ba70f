package io.kforge.kbuild;

import io.kforge.core.spi.Command;
import io.kforge.core.spi.KforgeException;
import io.kforge.core.spi.Probe;
import io.kforge.core.spi.ToolCheck;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The check behind {@code kforge doctor}: every tool a kernel build with one compiler needs, its version against the
 * tree's own minimum, and the package to install when it is missing or too old.
 */
public final class HostCheck {

    private static final List<String> LLVM_TOOLS = List.of("llvm-ar", "llvm-nm", "llvm-objcopy", "llvm-objdump",
            "llvm-readelf", "llvm-strip");
    private static final Pattern QUOTED = Pattern.compile("\"([^\"]*)\"");

    private final HostTools tools;
    private final Distro distro;
    private final Optional<TreeRequirements> tree;
    private final List<ToolCheck> rows = new ArrayList<>();
    private final List<String> packages = new ArrayList<>();

    HostCheck(HostTools tools, Distro distro, Optional<TreeRequirements> tree) {
        this.tools = tools;
        this.distro = distro;
        this.tree = tree;
    }

    /**
     * Checks the host for a build: every tool, as {@code kforge doctor} shows them.
     *
     * @param compiler the compiler
     * @param treeFolder the kernel tree, for its minimum versions and its Rust check; empty to check presence only
     * @param arch the target architecture
     * @param config the options wanted, or {@link ConfigValues#none()}
     * @param tools the host's tools
     * @param distro the distribution, for the package names
     * @return one row per tool and the command that installs every missing package
     */
    public static Probe run(Compiler compiler, Optional<Path> treeFolder, Arch arch, ConfigValues config,
                            HostTools tools, Distro distro) {
        var check = new HostCheck(tools, distro, treeFolder.map(t -> TreeRequirements.of(t, arch.name(), tools)));
        check.compilers(compiler, arch);
        check.buildTools(compiler, arch, config);
        if (compiler == Compiler.RUST || config.on("RUST")) {
            new RustCheck(check, tools, compiler, arch, treeFolder).addRows();
        }
        check.tool("ccache", "ccache", "ccache", List.of("--version"), Optional.empty(), false,
                "caches compiled objects; needed when the recipe sets build.ccache: true");
        check.boot(arch);
        return Probe.of(check.rows, distro.installCommand(check.packages));
    }

    /**
     * Checks only the tools whose versions shape the kernel: the compiler, its binutils or LLVM tools, {@code make},
     * and for Rust the Rust tools with the tree's verdict. This is what a toolchain records for the cache key; it
     * skips the rest so that a cache hit stays fast, and the build checks the rest before compiling.
     *
     * @param compiler the compiler
     * @param treeFolder the kernel tree
     * @param arch the target architecture
     * @param tools the host's tools
     * @param distro the distribution, for the package names
     * @return the rows of those tools
     */
    public static Probe toolchain(Compiler compiler, Path treeFolder, Arch arch, HostTools tools, Distro distro) {
        var check = new HostCheck(tools, distro, Optional.of(TreeRequirements.of(treeFolder, arch.name(), tools)));
        check.compilers(compiler, arch);
        check.tool("make", "make", "make", List.of("--version"), check.minimum("make"), true, "");
        if (compiler == Compiler.RUST) {
            new RustCheck(check, tools, compiler, arch, Optional.of(treeFolder)).addRows();
        }
        return Probe.of(check.rows, distro.installCommand(check.packages));
    }

    private void compilers(Compiler compiler, Arch arch) {
        if (!compiler.llvm()) {
            var cross = arch.isCross() ? "-" + arch.name() : "";
            tool(compiler.cc(arch), "gcc" + cross, compiler.cc(arch), List.of("--version"), minimum("gcc"), true,
                    "the C compiler");
            var ld = (arch.isCross() ? arch.crossPrefix() : "") + "ld";
            tool(ld, "binutils" + cross, ld, List.of("-v"), minimum("binutils"), true, "GNU binutils");
            return;
        }
        tool("clang", "clang", "clang", List.of("--version"), minimum("llvm"), true, "the C compiler (LLVM=1)");
        tool("ld.lld", "lld", "ld.lld", List.of("--version"), minimum("llvm"), true, "the linker (LLVM=1)");
        for (var program : LLVM_TOOLS) {
            tool(program, "llvm", program, List.of("--version"), minimum("llvm"), true, "LLVM binutils (LLVM=1)");
        }
    }

    private void buildTools(Compiler compiler, Arch arch, ConfigValues config) {
        tool("make", "make", "make", List.of("--version"), minimum("make"), true, "");
        tool("flex", "flex", "flex", List.of("--version"), minimum("flex"), true, "Kconfig and dtc need it");
        tool("bison", "bison", "bison", List.of("--version"), minimum("bison"), true, "Kconfig and dtc need it");
        tool("bc", "bc", "bc", List.of("--version"), minimum("bc"), true, "kernel/time needs it");
        header("libelf headers", "libelf", compiler, List.of("gelf.h", "elfutils/version.h"), "_ELFUTILS_VERSION",
                arch.sourceArch().equals("x86"), "objtool and resolve_btfids build against libelf");
        var signing = config.on("MODULE_SIG") || config.on("SYSTEM_TRUSTED_KEYRING");
        header("openssl headers", "openssl", compiler, List.of("openssl/opensslv.h"), "OPENSSL_VERSION_TEXT",
                signing, signing ? "CONFIG_MODULE_SIG or CONFIG_SYSTEM_TRUSTED_KEYRING is on"
                        : "only for module signing and trusted keys");
        if (config.on("DEBUG_INFO_BTF")) {
            var dwarf5 = config.on("DEBUG_INFO_DWARF5");
            var needed = tree.flatMap(t -> t.paholeForBtf(dwarf5));
            tool("pahole", "pahole", "pahole", List.of("--version"), needed, true,
                    "CONFIG_DEBUG_INFO_BTF=y" + (dwarf5 ? " with DWARF 5" : "")
                            + " needs it; or turn CONFIG_DEBUG_INFO_BTF off");
        }
        tool("cpio", "cpio", "cpio", List.of("--version"), minimum("cpio"), config.on("IKHEADERS"),
                config.on("IKHEADERS") ? "CONFIG_IKHEADERS is on" : "packs initramfs archives and kernel headers");
    }

    private void boot(Arch arch) {
        tool(arch.qemu(), arch.qemu(), arch.qemu(), List.of("--version"), Optional.empty(), false,
                "boots the kernel (kforge up, kforge boot); not needed to build");
        if (arch.isCross()) {
            return;
        }
        var kvm = Path.of("/dev/kvm");
        var usable = Files.isReadable(kvm) && Files.isWritable(kvm);
        var why = !Files.exists(kvm)
                ? "no /dev/kvm: turn on virtualization in the firmware and load kvm_intel or kvm_amd; guests run"
                        + " under TCG, far slower"
                : "/dev/kvm is not read-write for this user: sudo usermod -aG kvm $USER, then log in again";
        add(new ToolCheck("KVM access", usable ? Optional.of("read-write") : Optional.empty(), "any", usable,
                false, "", usable ? "" : why), Optional.empty());
    }

    /**
     * Adds the row of a program with a version.
     *
     * @param label the tool's name in the table
     * @param key the package key for {@link Distro#packageFor}
     * @param program the program to run
     * @param arguments the arguments that make it print its version
     * @param minimum the oldest version accepted, or empty for any
     * @param required whether the build cannot go on without it
     * @param why why it is needed
     */
    void tool(String label, String key, String program, List<String> arguments, Optional<Version> minimum,
              boolean required, String why) {
        var output = tools.run(program, arguments);
        var found = output.flatMap(HostTools.Output::version);
        var ok = output.isPresent() && found.map(v -> minimum.map(v::atLeast).orElse(true))
                .orElse(minimum.isEmpty() && output.get().ok());
        var shown = found.map(Version::toString).or(() -> output.map(o -> "unknown version"));
        add(new ToolCheck(label, shown, minimum.map(Version::toString).orElse("any"), ok, required,
                ok ? "" : distro.installLine(key), why), ok ? Optional.empty() : Optional.of(key));
    }

    /**
     * Adds a row and, when it fails, its package to the install command.
     *
     * @param row the row
     * @param packageKey the package key, or empty when no package fixes it
     */
    void add(ToolCheck row, Optional<String> packageKey) {
        rows.add(row);
        packageKey.flatMap(distro::packageFor).ifPresent(packages::add);
    }

    /**
     * Replaces the row added last, dropping the package it asked for: for a tool whose package cannot help.
     *
     * @param row the new row
     */
    void replaceLast(ToolCheck row) {
        var old = rows.removeLast();
        if (!old.ok() && !packages.isEmpty() && !old.install().isEmpty()) {
            packages.removeLast();
        }
        rows.add(row);
    }

    /**
     * Returns the row added last.
     *
     * @return the row
     */
    ToolCheck lastRow() {
        return rows.getLast();
    }

    /**
     * Returns the install line of a package key on this distribution.
     *
     * @param key the package key
     * @return the command line, or empty text
     */
    String installLine(String key) {
        return distro.installLine(key);
    }

    /**
     * Returns a minimum version the tree states.
     *
     * @param tool the tool, as {@link TreeRequirements#minimum} names it
     * @return the minimum, or empty without a tree or when the tree states none
     */
    Optional<Version> minimum(String tool) {
        return tree.flatMap(t -> t.minimum(tool));
    }

    private void header(String label, String key, Compiler compiler, List<String> includes, String macro,
                        boolean required, String why) {
        var found = preprocess(compiler.hostCc(), includes, macro);
        var version = found.flatMap(text -> Version.find(text)
                .or(() -> text.matches("\\d+") ? Optional.of(Version.of(0, Integer.parseInt(text), 0))
                        : Optional.empty()));
        var minimum = minimum(key);
        var ok = found.isPresent() && minimum.map(m -> version.map(v -> v.atLeast(m)).orElse(true)).orElse(true);
        add(new ToolCheck(label, found.map(f -> version.map(Version::toString).orElse(f)),
                minimum.map(Version::toString).orElse("any"), ok, required, ok ? "" : distro.installLine(key),
                ok ? why : found.isPresent() ? "too old; " + why
                        : "the host C compiler cannot find " + String.join(", ", includes) + "; " + why),
                ok ? Optional.empty() : Optional.of(key));
    }

    private Optional<String> preprocess(String cc, List<String> includes, String macro) {
        var compiler = tools.find(cc);
        if (compiler.isEmpty()) {
            return Optional.empty();
        }
        Path source = null;
        try {
            source = Files.createTempFile("kforge-header-", ".c");
            var text = new StringBuilder();
            includes.forEach(i -> text.append("#include <").append(i).append(">\n"));
            text.append("kforge_found ").append(macro).append('\n');
            Files.writeString(source, text);
            var output = tools.run(Command.of(compiler.get().toString(), "-E", "-P", source.toString()));
            return output.filter(HostTools.Output::ok).flatMap(o -> o.lines().stream()
                    .filter(l -> l.startsWith("kforge_found ")).findFirst())
                    .map(l -> l.substring("kforge_found ".length()).strip())
                    .map(v -> {
                        var quoted = QUOTED.matcher(v);
                        return quoted.find() ? quoted.group(1) : v;
                    });
        } catch (IOException e) {
            throw new KforgeException("cannot write a probe file for " + String.join(", ", includes) + ": "
                    + e.getMessage(), e);
        } finally {
            if (source != null) {
                source.toFile().delete();
            }
        }
    }
}
