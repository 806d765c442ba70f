package io.kforge.source.local;

import io.kforge.core.spi.KforgeException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Reads a kernel tree's version from its top {@code Makefile}, the way {@code make kernelversion} prints it.
 */
final class KernelMakefile {

    private static final List<String> FIELDS = List.of("VERSION", "PATCHLEVEL", "SUBLEVEL", "EXTRAVERSION");
    private static final Pattern ASSIGNMENT =
            Pattern.compile("^(VERSION|PATCHLEVEL|SUBLEVEL|EXTRAVERSION)\\s*=\\s*(.*?)\\s*$");
    private static final Pattern NUMBER = Pattern.compile("\\d+");
    private static final int HEAD_LINES = 100;

    private KernelMakefile() {
    }

    /**
     * Returns the version of the tree in a folder: {@code VERSION.PATCHLEVEL.SUBLEVEL} then {@code EXTRAVERSION}.
     *
     * @param tree the folder
     * @return the version ({@code 6.12.57}, {@code 6.13.0-rc2}), or empty when the folder has no top
     *         {@code Makefile} with a numeric {@code VERSION} and {@code PATCHLEVEL} near its top
     * @throws KforgeException when the {@code Makefile} exists but cannot be read
     */
    static Optional<String> version(Path tree) {
        var makefile = tree.resolve("Makefile");
        if (!Files.isRegularFile(makefile)) {
            return Optional.empty();
        }
        var values = new HashMap<String, String>();
        try (var lines = Files.lines(makefile)) {
            lines.limit(HEAD_LINES).map(ASSIGNMENT::matcher).filter(m -> m.matches())
                    .forEach(m -> values.putIfAbsent(m.group(1), m.group(2)));
        } catch (IOException | java.io.UncheckedIOException e) {
            throw new KforgeException("cannot read " + makefile + ": " + e.getMessage(), e);
        }
        var version = values.getOrDefault(FIELDS.get(0), "");
        var patchLevel = values.getOrDefault(FIELDS.get(1), "");
        if (!NUMBER.matcher(version).matches() || !NUMBER.matcher(patchLevel).matches()) {
            return Optional.empty();
        }
        var subLevel = values.getOrDefault(FIELDS.get(2), "");
        return Optional.of(version + "." + patchLevel + (subLevel.isEmpty() ? "" : "." + subLevel)
                + values.getOrDefault(FIELDS.get(3), ""));
    }
}
