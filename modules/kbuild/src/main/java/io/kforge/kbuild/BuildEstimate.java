package io.kforge.kbuild;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Estimates how many units (objects compiled from C, assembly or Rust) a build of a configuration compiles, by
 * reading the tree's Kbuild files the way Kbuild does, only coarser: {@code obj-y}, {@code obj-$(CONFIG_...)} and
 * {@code lib-y} lists, composite objects ({@code foo-y} / {@code foo-objs}), subfolders, and {@code ifdef}/
 * {@code ifeq} on configuration symbols. It never runs {@code make}, so it costs a few hundred milliseconds.
 */
public final class BuildEstimate {

    private static final Pattern ASSIGNMENT = Pattern.compile(
            "^(?<name>[\\w.-]+?(?:-\\$\\((?:subst m,y,)?\\$?\\(?CONFIG_\\w+\\)\\)?|-[ym]|-objs)?)\\s*(?::=|\\+=|=)\\s*"
                    + "(?<value>.*)$");
    private static final Pattern CONFIG_REF = Pattern.compile("\\$\\((?:subst m,y,\\$\\()?CONFIG_(\\w+)\\)\\)?");
    private static final Pattern CONDITION = Pattern.compile(
            "^(?<kind>ifdef|ifndef|ifeq|ifneq)\\s*(?<rest>.*)$");
    private static final int X86_BOOT_UNITS = 40;

    private final Path tree;
    private final Arch arch;
    private final ConfigValues config;
    private final Set<Path> seen = new HashSet<>();

    private BuildEstimate(Path tree, Arch arch, ConfigValues config) {
        this.tree = tree;
        this.arch = arch;
        this.config = config;
    }

    /**
     * Estimates the units a build of a configuration compiles from scratch.
     *
     * @param tree the kernel tree
     * @param arch the target architecture
     * @param config the final {@code .config}
     * @return the estimated number of units, at least 1
     */
    public static int units(Path tree, Arch arch, ConfigValues config) {
        return new BuildEstimate(tree, arch, config).count();
    }

    private int count() {
        var folders = new ArrayDeque<String>();
        var top = read(tree.resolve("Kbuild"));
        var archMakefile = read(tree.resolve("arch/" + arch.sourceArch() + "/Makefile"));
        for (var list : List.of("core", "libs", "drivers")) {
            folders.addAll(archMakefile.getOrDefault(list + "-y", List.of()));
        }
        folders.add("lib/");
        folders.addAll(top.getOrDefault("obj-y", List.of()));
        var units = arch.sourceArch().equals("x86") ? X86_BOOT_UNITS : 0;
        while (!folders.isEmpty()) {
            var folder = folders.removeFirst();
            if (!folder.endsWith("/") || folder.contains("$")) {
                continue;
            }
            units += folder(tree.resolve(folder).normalize(), folders);
        }
        return Math.max(1, units);
    }

    private int folder(Path folder, ArrayDeque<String> more) {
        if (!seen.add(folder)) {
            return 0;
        }
        var kbuild = folder.resolve("Kbuild");
        var file = Files.isRegularFile(kbuild) ? kbuild : folder.resolve("Makefile");
        var lists = read(file);
        var units = 0;
        var wanted = new ArrayList<String>();
        wanted.addAll(lists.getOrDefault("obj-y", List.of()));
        wanted.addAll(lists.getOrDefault("lib-y", List.of()));
        if (config.on("MODULES")) {
            wanted.addAll(lists.getOrDefault("obj-m", List.of()));
        }
        for (var word : wanted) {
            if (word.endsWith("/")) {
                more.add(tree.relativize(folder.resolve(word).normalize()) + "/");
            } else if (word.endsWith(".o") && !word.contains("$")) {
                units += parts(lists, word.substring(0, word.length() - 2), 0);
            }
        }
        return units;
    }

    private int parts(Map<String, List<String>> lists, String object, int depth) {
        var parts = new ArrayList<String>();
        for (var suffix : List.of("-y", "-objs", "-m")) {
            parts.addAll(lists.getOrDefault(object + suffix, List.of()));
        }
        if (parts.isEmpty() || depth > 3) {
            return 1;
        }
        var units = 0;
        for (var part : parts) {
            if (part.endsWith(".o") && !part.contains("$")) {
                var name = part.substring(0, part.length() - 2);
                units += name.equals(object) ? 1 : parts(lists, name, depth + 1);
            }
        }
        return units;
    }

    private Map<String, List<String>> read(Path file) {
        List<String> raw;
        try {
            raw = Files.readAllLines(file);
        } catch (IOException e) {
            return Map.of();
        }
        var lists = new HashMap<String, List<String>>();
        var active = new ArrayDeque<Boolean>();
        var joined = new StringBuilder();
        for (var line : raw) {
            if (line.endsWith("\\")) {
                joined.append(line, 0, line.length() - 1).append(' ');
                continue;
            }
            var full = joined.append(line).toString();
            joined.setLength(0);
            var hash = full.indexOf('#');
            var text = (hash >= 0 ? full.substring(0, hash) : full).strip();
            if (text.isEmpty()) {
                continue;
            }
            if (conditional(text, active)) {
                continue;
            }
            if (active.contains(Boolean.FALSE)) {
                continue;
            }
            var assignment = ASSIGNMENT.matcher(text);
            if (assignment.matches()) {
                var name = resolveName(assignment.group("name"));
                if (name.isEmpty()) {
                    continue;
                }
                var words = lists.computeIfAbsent(name, n -> new ArrayList<>());
                for (var word : assignment.group("value").split("\\s+")) {
                    if (!word.isEmpty()) {
                        words.add(word.replace("$(SRCARCH)", arch.sourceArch()).replace("$(BITS)", "64"));
                    }
                }
            }
        }
        return lists;
    }

    private String resolveName(String name) {
        var reference = CONFIG_REF.matcher(name);
        if (!reference.find()) {
            return name;
        }
        var value = config.value(reference.group(1)).orElse("n");
        var suffix = name.contains("subst m,y") && value.equals("m") ? "y" : value;
        return suffix.equals("y") || suffix.equals("m") ? name.substring(0, reference.start()) + suffix : "";
    }

    private boolean conditional(String text, ArrayDeque<Boolean> active) {
        if (text.equals("endif")) {
            if (!active.isEmpty()) {
                active.pop();
            }
            return true;
        }
        if (text.startsWith("else")) {
            if (!active.isEmpty()) {
                active.push(!active.pop());
            }
            return true;
        }
        var condition = CONDITION.matcher(text);
        if (!condition.matches()) {
            return false;
        }
        active.push(evaluate(condition));
        return true;
    }

    private boolean evaluate(Matcher condition) {
        var rest = condition.group("rest").strip();
        switch (condition.group("kind")) {
            case "ifdef", "ifndef" -> {
                if (!rest.startsWith("CONFIG_")) {
                    return true;
                }
                var on = config.on(rest.substring(7));
                return condition.group("kind").equals("ifdef") == on;
            }
            default -> {
                if (!rest.startsWith("(") || !rest.endsWith(")") || !rest.contains(",")) {
                    return true;
                }
                var inner = rest.substring(1, rest.length() - 1);
                var comma = inner.indexOf(',');
                var left = substitute(inner.substring(0, comma).strip());
                var right = substitute(inner.substring(comma + 1).strip());
                if (left.contains("$(") || right.contains("$(")) {
                    return true;
                }
                return condition.group("kind").equals("ifeq") == left.equals(right);
            }
        }
    }

    private String substitute(String text) {
        var reference = CONFIG_REF.matcher(text);
        var result = new StringBuilder();
        while (reference.find()) {
            var value = config.value(reference.group(1)).filter(v -> !v.equals("n")).orElse("");
            reference.appendReplacement(result, Matcher.quoteReplacement(value.replace("\"", "")));
        }
        reference.appendTail(result);
        return result.toString().replace("\"", "");
    }
}
