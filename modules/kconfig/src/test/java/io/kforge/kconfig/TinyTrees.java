package io.kforge.kconfig;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * Writes small kernel-shaped trees (a top {@code Makefile} and Kconfig files) for tests of single language
 * features; the real 6.12 tree covers the rest.
 */
final class TinyTrees {

    private TinyTrees() {
    }

    /**
     * Writes a tree and reads its model for {@code x86_64}.
     *
     * @param root an empty folder
     * @param files path (relative to the tree) to content; {@code Kconfig} is the top file
     * @return the model
     */
    static KconfigTree load(Path root, Map<String, String> files) {
        write(root, files);
        return KconfigTree.load(root, "x86_64");
    }

    /**
     * Writes a tree without reading it.
     *
     * @param root an empty folder
     * @param files path to content
     */
    static void write(Path root, Map<String, String> files) {
        try {
            Files.writeString(root.resolve("Makefile"), "VERSION = 6\nPATCHLEVEL = 12\nSUBLEVEL = 7\nEXTRAVERSION =\n"
                    + "NAME = Test\n");
            for (var file : files.entrySet()) {
                var path = root.resolve(file.getKey());
                Files.createDirectories(path.getParent());
                Files.writeString(path, file.getValue());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Reads a configuration from text.
     *
     * @param lines the {@code .config} lines
     * @return the configuration
     */
    static DotConfig config(String... lines) {
        return DotConfig.parse(Path.of("test.config"), List.of(lines));
    }
}
