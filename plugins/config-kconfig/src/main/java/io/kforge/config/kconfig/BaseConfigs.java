package io.kforge.config.kconfig;

import io.kforge.core.spi.ConfigRequest;
import io.kforge.core.spi.InvalidInputException;
import io.kforge.core.spi.KforgeException;
import io.kforge.core.spi.StageContext;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.TreeMap;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Prepares a run folder for {@code make olddefconfig}: the base configuration, expanded by {@code make <base>} once
 * per tree, base and toolchain and then kept in the workspace, and the tree's Kconfig tools ({@code scripts/kconfig/
 * conf}) already built, so that a run pays for one {@code make} call only. The tools are kept per tree and
 * toolchain once any run has built them.
 */
final class BaseConfigs {

    private static final Pattern MAKE_TARGET = Pattern.compile("[a-z0-9_]+config");

    private BaseConfigs() {
    }

    /**
     * Returns the base configuration file and puts the Kconfig tools into the run folder when they were built
     * before.
     *
     * @param request the request naming the base
     * @param make the tree's make
     * @param out the run folder
     * @param context where cache entries live
     * @return the expanded base kept in the workspace, or the user's file
     * @throws InvalidInputException when the base is neither a configuration target nor a file
     */
    static Path prepare(ConfigRequest request, KernelMake make, Path out, StageContext context) {
        var base = request.base();
        var tools = key(request, "tools");
        if (isMakeTarget(base)) {
            var entry = context.cached(key(request, "base " + base), dir -> {
                if (context.isCached(tools)) {
                    copyTools(context.cached(tools, ignored -> { }), dir);
                }
                make.run(dir, base);
            });
            copyTools(entry, out);
            return entry.resolve(".config");
        }
        var file = Path.of(base);
        if (!Files.isRegularFile(file)) {
            throw new InvalidInputException("config base '" + base + "' is neither a make target such as tinyconfig"
                    + " or defconfig nor an existing .config file");
        }
        if (context.isCached(tools)) {
            copyTools(context.cached(tools, ignored -> { }), out);
        }
        return file;
    }

    /**
     * Tells whether a base is a configuration target of the tree's {@code make} rather than a file.
     *
     * @param base the base argument
     * @return true for {@code defconfig}, {@code tinyconfig}, {@code x86_64_defconfig} and the like
     */
    static boolean isMakeTarget(String base) {
        return MAKE_TARGET.matcher(base).matches();
    }

    /**
     * Keeps the Kconfig tools a run built, for later runs with a file as base.
     *
     * @param request the request
     * @param out the run folder where {@code make} built them
     * @param context where cache entries live
     */
    static void keepTools(ConfigRequest request, Path out, StageContext context) {
        var key = key(request, "tools");
        if (!context.isCached(key) && Files.isDirectory(out.resolve("scripts"))) {
            context.cached(key, dir -> copyTree(out.resolve("scripts"), dir.resolve("scripts")));
        }
    }

    private static void copyTools(Path entry, Path out) {
        var scripts = entry.resolve("scripts");
        if (Files.isDirectory(scripts)) {
            copyTree(scripts, out.resolve("scripts"));
        }
    }

    private static void copyTree(Path from, Path to) {
        try (Stream<Path> files = Files.walk(from)) {
            files.forEach(source -> {
                var target = to.resolve(from.relativize(source).toString());
                try {
                    if (Files.isDirectory(source)) {
                        Files.createDirectories(target);
                    } else {
                        Files.copy(source, target, StandardCopyOption.COPY_ATTRIBUTES,
                                StandardCopyOption.REPLACE_EXISTING);
                    }
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        } catch (IOException | UncheckedIOException e) {
            throw new KforgeException("cannot copy the Kconfig tools from " + from + ": " + e.getMessage(), e);
        }
    }

    private static String key(ConfigRequest request, String what) {
        var tree = request.tree();
        var toolchain = request.toolchain();
        var text = String.join("\n", "kconfig-v1", what, tree.path().toAbsolutePath().toString(), tree.version(),
                tree.sha256().orElse(""), stamp(tree.path()), String.join(" ", toolchain.makeArguments()),
                new TreeMap<>(toolchain.environment()).toString(), new TreeMap<>(toolchain.versions()).toString());
        try {
            var digest = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
            return "kconfig-" + what.replaceAll("[^A-Za-z0-9_]+", "-") + "-"
                    + HexFormat.of().formatHex(digest).substring(0, 24);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }

    private static String stamp(Path tree) {
        try {
            return Files.getLastModifiedTime(tree.resolve("Makefile")) + " "
                    + Files.getLastModifiedTime(tree.resolve("Kconfig"));
        } catch (IOException e) {
            return "";
        }
    }
}
