package io.kforge.sysctl;

import io.kforge.core.spi.InvalidInputException;
import io.kforge.core.spi.KforgeException;
import io.kforge.core.spi.SysctlPersisted;
import io.kforge.core.spi.SysctlRequest;
import io.kforge.core.spi.SysctlTarget;
import io.kforge.core.spi.SysctlWinner;
import io.kforge.core.spi.StageContext;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Writes profiles into an image's root folder as one {@code sysctl.d} file, atomically, and tells which file wins
 * for each key at boot.
 *
 * <p>The file is {@value #FILE}: {@code /etc/sysctl.d} is where systemd expects local settings, and {@code 99-} sorts
 * it after the files distributions ship. Each key is written once, with the value that wins among the profiles and a
 * comment naming the file and line it came from; globs and {@code -} prefixes are kept.
 */
public final class SysctlPersister {

    /** Where the file goes, relative to the root folder. */
    public static final String FILE = "etc/sysctl.d/99-kforge.conf";

    private static final System.Logger LOG = System.getLogger(SysctlPersister.class.getName());

    private SysctlPersister() {
    }

    /**
     * Writes the file and works out the winner of each key.
     *
     * @param request the profiles and an image target
     * @param context the stage context, which receives the warnings
     * @return the file written, the winner of each key and a warning per overridden key
     * @throws InvalidInputException when the target is not an image folder or the profiles have problems
     */
    public static SysctlPersisted persist(SysctlRequest request, StageContext context) {
        if (!(request.target() instanceof SysctlTarget.Image(var root))) {
            throw new InvalidInputException("persist writes a sysctl.d file into a root folder; use an image:PATH"
                    + " target, not " + request.target().label());
        }
        if (!Files.isDirectory(root)) {
            throw new InvalidInputException("image root " + root + " is not a folder");
        }
        var loaded = ProfileLoader.load(request.profiles());
        var settings = resolve(loaded.settings());
        var problems = new ArrayList<>(loaded.problems());
        for (var setting : settings.values()) {
            setting.value().flatMap(value -> ValueChecks.problem(setting.key().dotted(), value))
                    .ifPresent(problem -> problems.add(setting.origin() + ": " + problem));
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException("cannot persist; nothing was written. " + problems.size()
                    + (problems.size() == 1 ? " problem:" : " problems:") + "\n  " + String.join("\n  ", problems));
        }

        var file = root.resolve(FILE);
        try {
            AtomicFiles.write(file, render(request.profiles(), settings.values()));
        } catch (UncheckedIOException e) {
            throw new KforgeException(e.getMessage(), e);
        }
        var wanted = new HashMap<String, String>();
        settings.values().stream().filter(s -> !s.exclusion() && !s.key().isGlob())
                .forEach(s -> wanted.put(s.key().dotted(), s.value().orElseThrow()));
        var warnings = new ArrayList<>(ValueChecks.warnings(wanted, key -> Optional.empty()));
        var winners = winners(root, settings.values(), warnings);
        warnings.forEach(context::warn);
        LOG.log(System.Logger.Level.INFO, "sysctl persisted {0} keys to {1}, {2} overridden", winners.size(), file,
                winners.stream().filter(w -> !w.ours()).count());
        return new SysctlPersisted(request.target().label(), file, winners, warnings);
    }

    private static Map<String, SysctlSetting> resolve(List<SysctlSetting> settings) {
        var resolved = new LinkedHashMap<String, SysctlSetting>();
        for (var setting : settings) {
            resolved.put((setting.exclusion() ? "-" : "") + setting.key().dotted(), setting);
        }
        return resolved;
    }

    private static String render(List<String> profiles, Iterable<SysctlSetting> settings) {
        var text = new StringBuilder()
                .append("# Written by kforge from: ").append(String.join(", ", profiles)).append('\n')
                .append("# Read at boot by systemd-sysctl and by 'sysctl --system'. Change the profiles and persist")
                .append(" again rather than editing this file.\n");
        for (var setting : settings) {
            text.append("\n# ").append(setting.origin()).append('\n')
                    .append(setting.optional() ? "-" : "").append(setting.key().dotted());
            setting.value().ifPresent(value -> text.append(" = ").append(value));
            text.append('\n');
        }
        return text.toString();
    }

    private static List<SysctlWinner> winners(Path root, Iterable<SysctlSetting> ours, List<String> warnings) {
        var assignments = new ArrayList<Assignment>();
        for (var file : BootFiles.inOrder(root)) {
            var path = file.content().orElseThrow();
            String text;
            try {
                text = Files.readString(path);
            } catch (IOException e) {
                warnings.add(file.shown() + ": cannot be read (" + e.getMessage() + "); its settings are not counted");
                continue;
            }
            for (var setting : SysctlFileParser.readLeniently(file.shown(), text)) {
                if (!setting.exclusion()) {
                    assignments.add(new Assignment(setting, file.shown().equals("/" + FILE)));
                }
            }
        }
        var winners = new ArrayList<SysctlWinner>();
        for (var setting : ours) {
            if (setting.exclusion()) {
                continue;
            }
            var key = setting.key();
            var last = assignments.stream().filter(a -> a.setting().key().equals(key)).reduce((a, b) -> b)
                    .orElseThrow();
            var wanted = setting.value().orElseThrow();
            var value = last.setting().value().orElseThrow();
            winners.add(new SysctlWinner(key.dotted(), wanted, last.setting().origin(), value, last.ours()));
            if (!last.ours()) {
                warnings.add(key + ": " + last.setting().origin() + " sets " + value + " and wins at boot over "
                        + "kforge's " + wanted + " in /" + FILE + " (files are read in name order, later ones win);"
                        + " remove or change that line");
            }
            if (key.isGlob()) {
                assignments.stream().filter(a -> !a.ours() && !a.setting().key().isGlob()
                                && key.matches(a.setting().key()))
                        .forEach(a -> warnings.add(key + ": " + a.setting().origin() + " sets " + a.setting().key()
                                + " by name, which wins over this glob for that key"));
            }
        }
        return winners;
    }

    private record Assignment(SysctlSetting setting, boolean ours) {
    }
}
