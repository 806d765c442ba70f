package io.kforge.source.local;

import io.kforge.core.spi.InvalidInputException;
import io.kforge.core.spi.KforgeException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Finds the kernel tarballs that Debian's {@code linux-source-X.Y} packages install as
 * {@code /usr/src/linux-source-X.Y.tar.xz}.
 *
 * @param folder where the packages put them, {@code /usr/src} on Debian
 */
record DebianSources(Path folder) {

    /** Where Debian puts them. */
    static final Path USR_SRC = Path.of("/usr/src");

    private static final Pattern NAME = Pattern.compile("linux-source-(\\d{1,4})\\.(\\d{1,4})\\.tar\\.xz");

    /**
     * Lists the tarballs there, newest version first.
     *
     * @return the tarballs; empty when there are none or the folder does not exist
     * @throws KforgeException when the folder exists but cannot be listed
     */
    List<Path> tarballs() {
        if (!Files.isDirectory(folder)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(folder)) {
            return files.filter(file -> versionOf(file).isPresent() && Files.isRegularFile(file))
                    .sorted(Comparator.comparing((Path file) -> versionOf(file).orElseThrow()).reversed())
                    .toList();
        } catch (IOException e) {
            throw new KforgeException("cannot list " + folder + ": " + e.getMessage(), e);
        }
    }

    /**
     * Returns the tarball with the highest version.
     *
     * @return the tarball
     * @throws InvalidInputException when there is none, saying what to install
     */
    Path newest() {
        return tarballs().stream().findFirst().orElseThrow(() -> new InvalidInputException(
                "no kernel source given and no " + folder.resolve("linux-source-*.tar.xz") + " found: install"
                + " Debian's kernel source (apt-get install linux-source-6.12) or give a .tar.xz, .tar.gz or .tar"
                + " archive or a kernel tree folder as the source location"));
    }

    /**
     * Returns the version in a tarball's name as a number that sorts like the version.
     *
     * @param file the tarball
     * @return {@code major * 1000 + minor}, or empty when the name is not Debian's
     */
    static Optional<Integer> versionOf(Path file) {
        var matcher = NAME.matcher(file.getFileName().toString());
        if (!matcher.matches()) {
            return Optional.empty();
        }
        return Optional.of(Integer.parseInt(matcher.group(1)) * 1000 + Integer.parseInt(matcher.group(2)));
    }
}
