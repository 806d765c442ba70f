package org.example.kforge.dirsource;

import io.kforge.core.spi.InvalidInputException;
import io.kforge.core.spi.KforgeException;
import io.kforge.core.spi.SourceFetcher;
import io.kforge.core.spi.SourceSpec;
import io.kforge.core.spi.SourceTree;
import io.kforge.core.spi.StageContext;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Serves an unpacked kernel tree from a local folder, for source specs of the kind {@code example-dir}: in a recipe
 * {@code source: {kind: example-dir, location: /srv/linux-6.12}}, on the command line
 * {@code kforge fetch example-dir:/srv/linux-6.12}.
 *
 * <p>The tree is used in place. The version comes from the tree's top {@code Makefile}; the option
 * {@code expect-version} makes the fetch fail when the tree holds another version.
 */
public final class DirectorySourceFetcher implements SourceFetcher {

    private static final Pattern ASSIGNMENT =
            Pattern.compile("^(VERSION|PATCHLEVEL|SUBLEVEL|EXTRAVERSION)\\s*=\\s*(.*)$");

    /** Creates the fetcher; kforge calls this once, when it loads its plugins. */
    public DirectorySourceFetcher() {
    }

    @Override
    public String id() {
        return "example-dir";
    }

    @Override
    public boolean supports(SourceSpec spec) {
        return spec.kind().equals(id()) && !spec.location().isBlank();
    }

    @Override
    public SourceTree fetch(SourceSpec spec, StageContext context) {
        var tree = Path.of(spec.location()).toAbsolutePath().normalize();
        var makefile = tree.resolve("Makefile");
        if (!Files.isRegularFile(makefile)) {
            throw new InvalidInputException(spec.location() + ": not a kernel tree (no top Makefile)");
        }
        var version = version(makefile);
        var expected = spec.options().get("expect-version");
        if (expected != null && !expected.equals(version)) {
            throw new InvalidInputException(makefile + ": holds Linux " + version + ", not " + expected);
        }
        context.log("using the tree in " + tree + " as it is");
        return new SourceTree(tree, version, "example-dir:" + tree, Optional.empty(), List.of("makefile"));
    }

    private static String version(Path makefile) {
        var fields = new HashMap<String, String>();
        try (var lines = Files.lines(makefile)) {
            lines.limit(20).map(ASSIGNMENT::matcher).filter(Matcher::matches)
                    .forEach(m -> fields.putIfAbsent(m.group(1), m.group(2).strip()));
        } catch (IOException e) {
            throw new KforgeException("cannot read " + makefile + ": " + e.getMessage(), e);
        }
        if (!fields.containsKey("VERSION") || !fields.containsKey("PATCHLEVEL")) {
            throw new InvalidInputException(makefile + ": no VERSION and PATCHLEVEL lines at the top");
        }
        return fields.get("VERSION") + "." + fields.get("PATCHLEVEL") + "." + fields.getOrDefault("SUBLEVEL", "0")
                + fields.getOrDefault("EXTRAVERSION", "");
    }
}
