package io.kforge.core.spi;

import java.nio.file.Path;
import java.util.List;

/**
 * The {@code sysctl.d} file kforge wrote into an image, and which file wins for each of its keys at boot.
 *
 * @param target the target's label
 * @param file the file written, under the image's root
 * @param winners one entry per key of that file
 * @param warnings one per key that another file overrides, saying which and what to do
 */
public record SysctlPersisted(String target, Path file, List<SysctlWinner> winners, List<String> warnings) {

    /** Copies the lists. */
    public SysctlPersisted {
        winners = List.copyOf(winners);
        warnings = List.copyOf(warnings);
    }
}
