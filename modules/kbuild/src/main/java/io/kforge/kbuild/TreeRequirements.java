package io.kforge.kbuild;

import io.kforge.core.spi.Command;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The minimum tool versions a kernel tree states for itself: {@code scripts/min-tool-version.sh} for the compilers,
 * binutils, Rust and bindgen; the table in {@code Documentation/process/changes.rst} for the other tools; and the
 * {@code PAHOLE_VERSION} terms of {@code CONFIG_DEBUG_INFO_BTF} in {@code lib/Kconfig.debug}.
 */
public final class TreeRequirements {

    /** The tools {@code scripts/min-tool-version.sh} answers for. */
    private static final List<String> SCRIPT_TOOLS = List.of("binutils", "gcc", "llvm", "rustc", "bindgen");
    /** kforge's tool names to the program names of the {@code changes.rst} table. */
    private static final Map<String, String> TABLE_NAMES = Map.of(
            "make", "GNU make", "flex", "flex", "bison", "bison", "bc", "bc", "pahole", "pahole", "cpio", "cpio",
            "openssl", "openssl & libcrypto", "gcc", "GNU C", "llvm", "Clang/LLVM", "binutils", "binutils");
    private static final Pattern TABLE_ROW = Pattern.compile("^(\\S.*?)\\s{2,}(\\S+)\\s{2,}\\S.*$");
    private static final Pattern PAHOLE_TERM = Pattern.compile("PAHOLE_VERSION\\s*>=\\s*(\\d+)");

    private final Path tree;
    private final Map<String, Optional<Version>> scripted = new HashMap<>();
    private final Map<String, String> table;

    private TreeRequirements(Path tree, Map<String, String> table) {
        this.tree = tree;
        this.table = table;
    }

    /**
     * Reads the requirements of a tree for an architecture.
     *
     * @param tree the tree's top folder
     * @param arch the {@code ARCH} value
     * @param tools runs the tree's script
     * @return the requirements
     */
    public static TreeRequirements of(Path tree, String arch, HostTools tools) {
        var requirements = new TreeRequirements(tree, readTable(tree.resolve("Documentation/process/changes.rst")));
        var script = tree.resolve("scripts/min-tool-version.sh");
        if (Files.isRegularFile(script)) {
            var env = Map.of("ARCH", arch, "SRCARCH", Arch.of(arch).sourceArch());
            for (var tool : SCRIPT_TOOLS) {
                var answer = tools.run(Command.of("sh", script.toString(), tool).withEnvironment(env));
                requirements.scripted.put(tool, answer.filter(HostTools.Output::ok)
                        .flatMap(HostTools.Output::version));
            }
        }
        return requirements;
    }

    /**
     * Returns the minimum version of a tool, from the script when it knows the tool, else from the table.
     *
     * @param tool {@code gcc}, {@code binutils}, {@code llvm}, {@code rustc}, {@code bindgen}, {@code make},
     *             {@code flex}, {@code bison}, {@code bc}, {@code pahole}, {@code cpio} or {@code openssl}
     * @return the minimum, or empty when the tree states none (any version will do)
     */
    public Optional<Version> minimum(String tool) {
        var fromScript = scripted.getOrDefault(tool, Optional.empty());
        if (fromScript.isPresent()) {
            return fromScript;
        }
        return Optional.ofNullable(TABLE_NAMES.get(tool)).map(table::get).flatMap(Version::find);
    }

    /**
     * Returns the {@code pahole} that {@code CONFIG_DEBUG_INFO_BTF} needs, from its {@code depends on} lines.
     *
     * @param dwarf5 true when the configuration asks for DWARF 5 debug information rather than DWARF 4
     * @return the minimum, or the table's {@code pahole} row when the Kconfig file states none
     */
    public Optional<Version> paholeForBtf(boolean dwarf5) {
        var block = configBlock(tree.resolve("lib/Kconfig.debug"), "DEBUG_INFO_BTF");
        Optional<Version> needed = Optional.empty();
        for (var line : block) {
            var term = PAHOLE_TERM.matcher(line);
            if (!line.strip().startsWith("depends on") || !term.find()) {
                continue;
            }
            var plain = !line.contains("||");
            if (plain || (dwarf5 && line.contains("DEBUG_INFO_DWARF4"))) {
                var number = Integer.parseInt(term.group(1));
                var version = Version.of(number / 100, number % 100, 0);
                needed = needed.filter(v -> v.atLeast(version)).or(() -> Optional.of(version));
            }
        }
        return needed.or(() -> minimum("pahole"));
    }

    private static List<String> configBlock(Path kconfig, String symbol) {
        try {
            var lines = Files.readAllLines(kconfig);
            var start = lines.indexOf("config " + symbol);
            if (start < 0) {
                return List.of();
            }
            var end = start + 1;
            while (end < lines.size() && !lines.get(end).startsWith("config ") && !lines.get(end).startsWith("menu")) {
                end++;
            }
            return lines.subList(start + 1, end);
        } catch (IOException e) {
            return List.of();
        }
    }

    private static Map<String, String> readTable(Path changes) {
        var table = new HashMap<String, String>();
        try {
            for (var line : Files.readAllLines(changes)) {
                var row = TABLE_ROW.matcher(line);
                if (row.matches() && !line.startsWith("=")) {
                    var name = row.group(1).replaceAll("\\s*\\(optional\\)", "").replaceAll("\\\\?\\s*\\[#.*", "")
                            .strip().toLowerCase(Locale.ROOT);
                    table.putIfAbsent(name, row.group(2));
                }
            }
        } catch (IOException e) {
            return Map.of();
        }
        var lowered = new HashMap<String, String>();
        TABLE_NAMES.values().forEach(n -> Optional.ofNullable(table.get(n.toLowerCase(Locale.ROOT)))
                .ifPresent(v -> lowered.put(n, v)));
        return lowered;
    }
}
