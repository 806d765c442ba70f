package io.kforge.config.kconfig;

import io.kforge.core.Recipes;
import io.kforge.core.spi.InvalidInputException;
import io.kforge.core.spi.KforgeException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;

/**
 * The built-in fragment profiles and the resolution of a fragment argument to a file: {@code qemu-minimal}, what the
 * default job's tinyconfig kernel needs to boot under QEMU, and {@code k8s}, a monolithic kernel for Kubernetes
 * nodes.
 */
final class FragmentProfiles {

    /** The built-in profile names, each a {@code profiles/NAME.config} resource of this module. */
    static final List<String> BUILT_IN = List.of("qemu-minimal", "k8s");

    private FragmentProfiles() {
    }

    /**
     * Resolves a fragment argument: a file path is checked and returned; a built-in name is copied into the given
     * folder so that report places point at a file the user can open.
     *
     * @param fragment a file path or a built-in profile name
     * @param folder where built-in profiles are copied
     * @return the fragment file
     * @throws InvalidInputException when the file does not exist or the name is not a built-in profile
     */
    static Path resolve(String fragment, Path folder) {
        if (Recipes.isFile(fragment)) {
            var file = Path.of(fragment);
            if (!Files.isRegularFile(file)) {
                throw new InvalidInputException(fragment + ": no such fragment file");
            }
            return file;
        }
        if (!BUILT_IN.contains(fragment)) {
            throw new InvalidInputException("unknown fragment profile '" + fragment + "' (built-in: "
                    + String.join(", ", BUILT_IN) + "; a file needs a '/' or a '.' in its name)");
        }
        var copy = folder.resolve(fragment + ".config");
        try (InputStream in = FragmentProfiles.class.getResourceAsStream("profiles/" + fragment + ".config")) {
            if (in == null) {
                throw new KforgeException("the built-in profile " + fragment + " is missing from this installation");
            }
            Files.createDirectories(folder);
            Files.copy(in, copy, StandardCopyOption.REPLACE_EXISTING);
            return copy;
        } catch (IOException e) {
            throw new KforgeException("cannot copy the built-in profile " + fragment + ": " + e.getMessage(), e);
        }
    }
}
