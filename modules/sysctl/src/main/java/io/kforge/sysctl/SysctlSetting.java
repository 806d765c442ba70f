package io.kforge.sysctl;

import java.util.Optional;

/**
 * One assignment read from a profile: a key, its value and where it was written.
 *
 * @param key the key, possibly a glob
 * @param value the value, empty for an exclusion ({@code -key} with no {@code =}, which keeps a key out of globs)
 * @param optional true when a failure on this key is ignored ({@code -} prefix)
 * @param origin the file and line ({@code web.conf:3})
 */
public record SysctlSetting(SysctlKey key, Optional<String> value, boolean optional, String origin) {

    /**
     * Tells whether this line only keeps a key out of the globs of other lines.
     *
     * @return true for {@code -key} with no value
     */
    public boolean exclusion() {
        return value.isEmpty();
    }
}
