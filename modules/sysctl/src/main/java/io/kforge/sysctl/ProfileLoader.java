package io.kforge.sysctl;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Reads profiles by name: built-in ones shipped in this module, and user files in {@code sysctl.d} syntax or YAML,
 * following their includes.
 *
 * <p>A name with a {@code /} or a {@code .} is a file ({@code .yaml} and {@code .yml} are YAML, anything else is
 * {@code sysctl.d}); any other name is a built-in profile. An include is resolved against the including file's
 * folder. Problems are collected, never thrown, so that a plan can list all of them at once.
 */
public final class ProfileLoader {

    /** The built-in profiles, by name. */
    public static final List<String> BUILT_INS = List.of("containers", "kubernetes-node", "network-services");

    private static final String BUILT_IN_FOLDER = "profiles/";
    private static final int MAX_DEPTH = 16;

    private ProfileLoader() {
    }

    /**
     * Reads profiles in order, each with its includes first.
     *
     * @param names built-in profile names or files
     * @return every assignment and every problem
     */
    public static LoadedProfiles load(List<String> names) {
        var settings = new ArrayList<SysctlSetting>();
        var problems = new ArrayList<String>();
        var sources = new ArrayList<String>();
        for (var name : names) {
            read(name, Optional.empty(), "profile '" + name + "'", new ArrayList<>(), settings, problems, sources);
        }
        return new LoadedProfiles(settings, problems, sources);
    }

    /**
     * Returns the text of a built-in profile.
     *
     * @param name the profile's name
     * @return its {@code sysctl.d} text, or empty when there is no such built-in profile
     */
    public static Optional<String> builtIn(String name) {
        if (!BUILT_INS.contains(name)) {
            return Optional.empty();
        }
        try (InputStream in = ProfileLoader.class.getResourceAsStream(BUILT_IN_FOLDER + name + ".conf")) {
            if (in == null) {
                throw new IllegalStateException("built-in profile " + name + " is missing from the kforge-sysctl jar");
            }
            return Optional.of(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new IllegalStateException("cannot read built-in profile " + name, e);
        }
    }

    /**
     * Tells whether a profile name stands for a file rather than a built-in profile.
     *
     * @param name the name
     * @return true when it holds a {@code /} or a {@code .}
     */
    public static boolean isFile(String name) {
        return name.contains("/") || name.contains(".");
    }

    private static void read(String name, Optional<Path> folder, String origin, List<String> stack,
                             List<SysctlSetting> settings, List<String> problems, List<String> sources) {
        var id = isFile(name) ? folder.map(f -> f.resolve(name)).orElse(Path.of(name)).normalize().toString()
                : "built-in " + name;
        if (stack.contains(id)) {
            problems.add(origin + ": include cycle: " + String.join(" -> ", stack) + " -> " + id);
            return;
        }
        if (stack.size() >= MAX_DEPTH) {
            problems.add(origin + ": includes nest deeper than " + MAX_DEPTH + " levels");
            return;
        }
        var text = isFile(name) ? readFile(Path.of(id), origin, problems) : readBuiltIn(name, origin, problems);
        if (text.isEmpty()) {
            return;
        }
        sources.add(id);
        stack.add(id);
        var shown = isFile(name) ? id : "built-in/" + name + ".conf";
        var parsed = isYaml(name) ? YamlProfileParser.parse(shown, text.get())
                : SysctlFileParser.parse(shown, text.get());
        var here = isFile(name) ? Optional.ofNullable(Path.of(id).getParent()) : Optional.<Path>empty();
        for (var include : parsed.includes()) {
            read(include.name(), here, include.origin(), stack, settings, problems, sources);
        }
        settings.addAll(parsed.settings());
        problems.addAll(parsed.problems());
        stack.removeLast();
    }

    private static Optional<String> readBuiltIn(String name, String origin, List<String> problems) {
        var text = builtIn(name);
        if (text.isEmpty()) {
            problems.add(origin + ": no built-in profile '" + name + "' (built-in: " + String.join(", ", BUILT_INS)
                    + "; a file name needs a '/' or an extension)");
        }
        return text;
    }

    private static Optional<String> readFile(Path file, String origin, List<String> problems) {
        try {
            return Optional.of(Files.readString(file));
        } catch (NoSuchFileException e) {
            problems.add(origin + ": no such file " + file);
        } catch (CharacterCodingException e) {
            problems.add(file + ": not a UTF-8 text file");
        } catch (IOException e) {
            problems.add(origin + ": cannot read " + file + ": " + e.getMessage());
        }
        return Optional.empty();
    }

    private static boolean isYaml(String name) {
        var lower = name.toLowerCase(Locale.ROOT);
        return lower.endsWith(".yaml") || lower.endsWith(".yml");
    }
}
