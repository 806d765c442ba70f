package io.kforge.kbuild;

import io.kforge.core.spi.Command;
import io.kforge.core.spi.KforgeException;
import io.kforge.core.spi.ToolCheck;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The Rust part of the host check: rustc, bindgen, the libclang bindgen loads and the standard library source, each
 * checked on its own against the tree's minimums, then the tree's own verdict, {@code make rustavailable}, with the
 * reason it gives and, when its output is only noise, the reason kforge found.
 */
final class RustCheck {

    /** The row that carries the tree's verdict. */
    static final String VERDICT = "Rust support (make rustavailable)";

    private static final Pattern LIBCLANG_VERSION = Pattern.compile("clang version (\\d+\\.\\d+\\.\\d+)");
    private static final List<String> LIBCLANG_FOLDERS = List.of("/usr/lib", "/usr/lib64", "/usr/local/lib");

    private final HostCheck check;
    private final HostTools tools;
    private final Compiler compiler;
    private final Arch arch;
    private final Optional<Path> tree;
    private final List<ToolCheck> rustRows = new ArrayList<>();

    RustCheck(HostCheck check, HostTools tools, Compiler compiler, Arch arch, Optional<Path> tree) {
        this.check = check;
        this.tools = tools;
        this.compiler = compiler;
        this.arch = arch;
        this.tree = tree;
    }

    void addRows() {
        var rustc = tools.variable("RUSTC").orElse("rustc");
        var bindgen = tools.variable("BINDGEN").orElse("bindgen");
        tool("rustc", "rustc", rustc, "rustc", "the Rust compiler");
        tool("bindgen", "bindgen", bindgen, "bindgen", "the Rust bindings generator");
        var row = check.lastRow();
        var minimum = check.minimum("bindgen");
        if (!row.ok() && row.found().isPresent() && minimum.isPresent()) {
            var cargo = "cargo install --locked bindgen-cli --version " + minimum.get();
            var replaced = new ToolCheck(row.tool(), row.found(), row.needed(), false, true, cargo,
                    "the packaged bindgen is older than this tree accepts; build one with cargo");
            check.replaceLast(replaced);
            rustRows.set(rustRows.size() - 1, replaced);
        }
        libclang(bindgen);
        librarySource(rustc);
        tree.ifPresent(this::verdict);
    }

    private void tool(String label, String key, String program, String minimumOf, String why) {
        check.tool(label, key, program, List.of("--version"), check.minimum(minimumOf), true, why);
        rustRows.add(check.lastRow());
    }

    private void libclang(String bindgen) {
        var label = "libclang (for bindgen)";
        var minimum = check.minimum("llvm");
        var needed = minimum.map(Version::toString).orElse("any");
        var header = tree.map(t -> t.resolve("scripts/rust_is_available_bindgen_libclang.h"))
                .filter(Files::isRegularFile);
        if (tools.find(bindgen).isEmpty() || header.isEmpty()) {
            add(new ToolCheck(label, Optional.empty(), needed, false, true, "",
                    tools.find(bindgen).isEmpty() ? "checked through bindgen, which is missing"
                            : "checked with the tree's scripts/rust_is_available_bindgen_libclang.h"),
                    Optional.empty());
            return;
        }
        var output = tools.run(bindgen, List.of(header.get().toString())).orElseThrow();
        var version = output.lines().stream().map(LIBCLANG_VERSION::matcher).filter(java.util.regex.Matcher::find)
                .map(m -> Version.parse(m.group(1))).findFirst();
        if (!output.ok() || version.isEmpty()) {
            var text = String.join(" ", output.lines());
            var cannotLoad = text.contains("Unable to find libclang") || text.contains("libclang.so")
                    || text.contains("couldn't find any valid shared libraries");
            var why = cannotLoad ? cannotLoad() : "bindgen failed on the tree's libclang probe: " + firstLines(output);
            var installed = cannotLoad && !libclangFolders().isEmpty();
            add(new ToolCheck(label, Optional.empty(), needed, false, true,
                    installed ? "" : check.installLine("libclang"), why),
                    installed ? Optional.empty() : Optional.of("libclang"));
            return;
        }
        var ok = minimum.map(version.get()::atLeast).orElse(true);
        add(new ToolCheck(label, Optional.of(version.get().toString()), needed, ok, true,
                ok ? "" : check.installLine("libclang"), "bindgen loads it to read the kernel's C headers"),
                ok ? Optional.empty() : Optional.of("libclang"));
    }

    private String cannotLoad() {
        var configured = tools.variable("LIBCLANG_PATH");
        var candidates = libclangFolders();
        var where = candidates.isEmpty() ? "install libclang (" + check.installLine("libclang") + ")"
                : "point LIBCLANG_PATH at a folder holding libclang.so, such as LIBCLANG_PATH=" + candidates.getFirst();
        return configured.map(p -> "bindgen cannot load libclang: LIBCLANG_PATH=" + p + " holds no usable"
                        + " libclang.so; " + where + (candidates.isEmpty() ? "" : ", or unset LIBCLANG_PATH"))
                .orElse("bindgen cannot load libclang: no libclang.so where it looks; " + where);
    }

    private static List<String> libclangFolders() {
        var found = new ArrayList<String>();
        for (var base : LIBCLANG_FOLDERS) {
            try (Stream<Path> all = Files.walk(Path.of(base), 3)) {
                all.filter(p -> p.getFileName().toString().matches("libclang(-[\\d.]+)?\\.so(\\.[\\d.]+)?"))
                        .map(p -> p.getParent().toString()).sorted().distinct().forEach(found::add);
            } catch (IOException | java.io.UncheckedIOException e) {
                continue;
            }
        }
        return found;
    }

    private void librarySource(String rustc) {
        var label = "Rust library source";
        var configured = tools.variable("RUST_LIB_SRC").map(Path::of);
        var sysroot = tools.run(rustc, List.of("--print", "sysroot")).filter(HostTools.Output::ok)
                .flatMap(o -> o.lines().stream().findFirst()).map(String::strip).map(Path::of);
        var library = configured.or(() -> sysroot.map(s -> s.resolve("lib/rustlib/src/rust/library")));
        var ok = library.map(l -> Files.isRegularFile(l.resolve("core/src/lib.rs"))).orElse(false);
        var rustup = sysroot.map(s -> s.toString().contains("/.rustup/")).orElse(false);
        var install = ok ? "" : rustup ? "rustup component add rust-src" : check.installLine("rust-src");
        var why = library.map(l -> ok ? "the core library is compiled from " + l
                        : "no core/src/lib.rs under " + l + (configured.isPresent() ? " (RUST_LIB_SRC)" : ""))
                .orElse("rustc is missing, so its sysroot is unknown");
        add(new ToolCheck(label, ok ? library.map(Path::toString) : Optional.empty(), "any", ok, true, install, why),
                ok || rustup ? Optional.empty() : Optional.of("rust-src"));
    }

    private void verdict(Path treeFolder) {
        var make = tools.find("make");
        if (make.isEmpty()) {
            add(new ToolCheck(VERDICT, Optional.empty(), "yes", false, true, "", "make is missing"), Optional.empty());
            return;
        }
        Path out = null;
        try {
            out = Files.createTempDirectory("kforge-rustavailable-");
            var command = Command.of(make.get().toString(), "-C", treeFolder.toString(), "O=" + out)
                    .plus(compiler.makeArguments(arch)).plus(List.of("rustavailable"));
            var output = tools.run(command).orElseThrow(() -> new KforgeException("cannot run " + make.get()));
            if (output.ok()) {
                add(new ToolCheck(VERDICT, Optional.of("yes"), "yes", true, true, "", "Rust is available"),
                        Optional.empty());
                return;
            }
            var said = output.lines().stream().filter(l -> l.startsWith("***")).map(l -> l.substring(3).strip())
                    .filter(l -> !l.isEmpty() && !l.startsWith("Please see") && !l.startsWith("on how to"))
                    .map(l -> l.replaceAll("\\s+", " ")).collect(Collectors.joining(" "));
            var own = rustRows.stream().filter(r -> !r.ok()).findFirst().map(RustCheck::reason);
            var tree = said.isEmpty() ? "" : "make rustavailable says: " + said;
            var why = own.map(r -> r + (tree.isEmpty() ? "" : " (" + tree + ")"))
                    .orElse(tree.isEmpty() ? "make rustavailable failed: " + firstLines(output) : tree);
            add(new ToolCheck(VERDICT, Optional.of("no"), "yes", false, true, "",
                    "CONFIG_RUST would fall back to n: " + why), Optional.empty());
        } catch (IOException e) {
            throw new KforgeException("cannot create a folder for make rustavailable: " + e.getMessage(), e);
        } finally {
            if (out != null) {
                deleteQuietly(out);
            }
        }
    }

    /**
     * Says in a few words why a failing row stops Rust.
     *
     * @param row a failing row
     * @return the tool and what is wrong with it
     */
    static String reason(ToolCheck row) {
        if (row.found().isEmpty() && (row.detail().startsWith("bindgen ") || row.detail().startsWith("no core/"))) {
            return row.detail();
        }
        return row.found().map(f -> row.tool() + " " + f + " is older than the " + row.needed() + " this tree needs")
                .orElse(row.tool() + " is missing");
    }

    private void add(ToolCheck row, Optional<String> packageKey) {
        check.add(row, packageKey);
        rustRows.add(row);
    }

    private static String firstLines(HostTools.Output output) {
        return output.lines().stream().limit(3).collect(Collectors.joining(" / "));
    }

    private static void deleteQuietly(Path folder) {
        try (Stream<Path> all = Files.walk(folder)) {
            all.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            folder.toFile().deleteOnExit();
        }
    }
}
