package io.kforge.kconfig;

import io.kforge.core.spi.KforgeException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The Kconfig model of one kernel tree for one architecture: every symbol with its entries, every choice, and who
 * selects or implies what. It is read from the tree itself, so dependencies are the tree's, never kforge's.
 */
public final class KconfigTree {

    private static final Pattern MAKEFILE_VARIABLE = Pattern.compile("^(VERSION|PATCHLEVEL|SUBLEVEL|EXTRAVERSION)"
            + "[ \\t]*=[ \\t]*(.*)$", Pattern.MULTILINE);

    private final Path root;
    private final String version;
    private final String arch;
    private final Map<String, KconfigSymbol> symbols;
    private final List<Choice> choices;
    private final String modules;
    private final int files;
    private final Map<String, List<Reverse>> selectedBy = new HashMap<>();
    private final Map<String, List<Reverse>> impliedBy = new HashMap<>();

    KconfigTree(Path root, String version, String arch, Map<String, KconfigSymbol> symbols, List<Choice> choices,
                String modules, int files) {
        this.root = root;
        this.version = version;
        this.arch = arch;
        this.symbols = Collections.unmodifiableMap(symbols);
        this.choices = List.copyOf(choices);
        this.modules = modules;
        this.files = files;
        for (var symbol : symbols.values()) {
            for (var entry : symbol.entries()) {
                entry.selects().forEach(p -> reverse(selectedBy, symbol.name(), p));
                entry.implies().forEach(p -> reverse(impliedBy, symbol.name(), p));
            }
        }
    }

    /**
     * Reads the Kconfig files of a tree for an architecture, starting from the top {@code Kconfig}.
     *
     * @param root the tree's top folder
     * @param arch the {@code ARCH} given to {@code make} ({@code x86_64}, {@code arm64}...)
     * @return the model
     * @throws io.kforge.core.spi.InvalidInputException naming file and line when a Kconfig file is malformed
     */
    public static KconfigTree load(Path root, String arch) {
        var version = version(root);
        var environment = Map.of("ARCH", arch, "SRCARCH", sourceArch(arch), "srctree", root.toString(),
                "KERNELVERSION", version, "HEADER_ARCH", sourceArch(arch));
        return KconfigParser.parse(root, environment, version, arch);
    }

    /**
     * Returns the folder under {@code arch/} that the kernel's {@code Makefile} uses for an {@code ARCH} value.
     *
     * @param arch the {@code ARCH} value
     * @return {@code x86} for {@code x86_64} and {@code i386}, and so on
     */
    public static String sourceArch(String arch) {
        return switch (arch) {
            case "i386", "x86_64" -> "x86";
            case "sparc32", "sparc64" -> "sparc";
            case "parisc64" -> "parisc";
            case "sh64" -> "sh";
            default -> arch;
        };
    }

    /**
     * Returns a symbol the tree defines.
     *
     * @param name the name without {@code CONFIG_}
     * @return the symbol, empty when no entry defines it for this architecture
     */
    public Optional<KconfigSymbol> symbol(String name) {
        return Optional.ofNullable(symbols.get(name));
    }

    /**
     * Returns every defined symbol, in the order the tree defines them.
     *
     * @return the symbols
     */
    public Collection<KconfigSymbol> symbols() {
        return symbols.values();
    }

    /**
     * Returns every choice.
     *
     * @return the choices, in the order they close
     */
    public List<Choice> choices() {
        return choices;
    }

    /**
     * Returns the choice a symbol belongs to.
     *
     * @param member the symbol name
     * @return the choice, empty when the symbol is not a choice member
     */
    public Optional<Choice> choiceOf(String member) {
        return symbol(member).flatMap(KconfigSymbol::choice)
                .flatMap(place -> choices.stream().filter(c -> c.place().equals(place)).findFirst());
    }

    /**
     * Returns the {@code select} lines that target a symbol.
     *
     * @param name the target
     * @return the selects, in tree order
     */
    public List<Reverse> selectedBy(String name) {
        return selectedBy.getOrDefault(name, List.of());
    }

    /**
     * Returns the {@code imply} lines that target a symbol.
     *
     * @param name the target
     * @return the implies, in tree order
     */
    public List<Reverse> impliedBy(String name) {
        return impliedBy.getOrDefault(name, List.of());
    }

    /**
     * Returns the symbol marked {@code modules}, whose value says whether {@code m} is possible.
     *
     * @return the name, {@code MODULES} in every kernel tree
     */
    public String modulesSymbol() {
        return modules;
    }

    /**
     * Returns the kernel version from the tree's {@code Makefile}.
     *
     * @return {@code 6.12.57} and the like
     */
    public String version() {
        return version;
    }

    /**
     * Returns the architecture the model was read for.
     *
     * @return the {@code ARCH} value ({@code x86_64})
     */
    public String arch() {
        return arch;
    }

    /**
     * Returns the tree's top folder.
     *
     * @return the folder
     */
    public Path root() {
        return root;
    }

    /**
     * Returns how many Kconfig files were read.
     *
     * @return the count
     */
    public int files() {
        return files;
    }

    /**
     * Returns the defined names closest to a name, for "did you mean" hints.
     *
     * @param name the name looked for
     * @param limit how many to return at most
     * @return the close names, closest first; empty when none is close
     */
    public List<String> nearest(String name, int limit) {
        var threshold = Math.max(2, name.length() / 3);
        var scored = new ArrayList<Map.Entry<String, Integer>>();
        for (var candidate : symbols.keySet()) {
            var shorter = Math.min(candidate.length(), name.length());
            if (shorter >= 4 && (candidate.startsWith(name) || name.startsWith(candidate))) {
                scored.add(Map.entry(candidate, Math.abs(candidate.length() - name.length())));
            } else if (Math.abs(candidate.length() - name.length()) <= threshold) {
                var distance = NameDistance.between(name, candidate, threshold);
                if (distance <= threshold) {
                    scored.add(Map.entry(candidate, distance));
                }
            }
        }
        return scored.stream().sorted(Map.Entry.<String, Integer>comparingByValue()
                        .thenComparing(Map.Entry.comparingByKey(Comparator.naturalOrder())))
                .limit(limit).map(Map.Entry::getKey).toList();
    }

    private static void reverse(Map<String, List<Reverse>> index, String by, Property property) {
        if (property.value() instanceof Expr.Symbol(var target)) {
            index.computeIfAbsent(target, k -> new ArrayList<>())
                    .add(new Reverse(by, property.condition(), property.place()));
        }
    }

    private static String version(Path root) {
        String makefile;
        try {
            makefile = Files.readString(root.resolve("Makefile"));
        } catch (IOException e) {
            throw new KforgeException("cannot read the top Makefile of " + root + ": " + e.getMessage(), e);
        }
        var values = new HashMap<String, String>();
        var matcher = MAKEFILE_VARIABLE.matcher(makefile);
        while (matcher.find()) {
            values.putIfAbsent(matcher.group(1), matcher.group(2).strip());
        }
        var version = values.getOrDefault("VERSION", "0") + "." + values.getOrDefault("PATCHLEVEL", "0");
        var sublevel = values.getOrDefault("SUBLEVEL", "");
        return version + (sublevel.isEmpty() ? "" : "." + sublevel) + values.getOrDefault("EXTRAVERSION", "");
    }
}
