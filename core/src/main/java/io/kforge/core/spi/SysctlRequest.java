package io.kforge.core.spi;

import java.util.List;

/**
 * The profiles to apply and where.
 *
 * @param profiles built-in profile names or {@code sysctl.d}-format files, applied in order (a later value wins)
 * @param target where to apply them
 */
public record SysctlRequest(List<String> profiles, SysctlTarget target) {

    /** Copies the list. */
    public SysctlRequest {
        profiles = List.copyOf(profiles);
    }
}
