package org.example.kforge.bundlesource;

import io.kforge.core.spi.InvalidInputException;
import io.kforge.core.spi.KforgeException;
import io.kforge.core.spi.SourceFetcher;
import io.kforge.core.spi.SourceSpec;
import io.kforge.core.spi.SourceTree;
import io.kforge.core.spi.StageContext;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Serves an unpacked kernel tree from a local folder, for source specs of the kind {@code example-bundle-dir}:
 * {@code kforge fetch example-bundle-dir:/srv/linux-6.12 --bundles DIR}. The version comes from the tree's top
 * {@code Makefile}.
 */
public final class BundleDirectoryFetcher implements SourceFetcher {

    private static final Pattern FIELD = Pattern.compile("^(VERSION|PATCHLEVEL|SUBLEVEL)\\s*=\\s*(\\d+)\\s*$");

    /** Creates the fetcher. */
    public BundleDirectoryFetcher() {
    }

    @Override
    public String id() {
        return "example-bundle-dir";
    }

    @Override
    public String version() {
        return "1.0.0";
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
        var numbers = new String[] {"", "", "0"};
        try (var lines = Files.lines(makefile)) {
            lines.limit(20).map(FIELD::matcher).filter(m -> m.matches()).forEach(m -> numbers[switch (m.group(1)) {
                case "VERSION" -> 0;
                case "PATCHLEVEL" -> 1;
                default -> 2;
            }] = m.group(2));
        } catch (IOException e) {
            throw new KforgeException("cannot read " + makefile + ": " + e.getMessage(), e);
        }
        if (numbers[0].isEmpty() || numbers[1].isEmpty()) {
            throw new InvalidInputException(makefile + ": no VERSION and PATCHLEVEL lines at the top");
        }
        context.log("using the tree in " + tree + " as it is");
        return new SourceTree(tree, String.join(".", numbers), "example-bundle-dir:" + tree, Optional.empty(),
                List.of("makefile"));
    }
}
