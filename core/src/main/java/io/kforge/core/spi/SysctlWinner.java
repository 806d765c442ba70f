package io.kforge.core.spi;

/**
 * Which file sets a key at boot once kforge's {@code sysctl.d} file is in place.
 *
 * @param key the key in dotted form, or the glob kforge's file names
 * @param wanted the value kforge's file sets
 * @param winner the file and line whose assignment takes effect, as seen inside the image
 *               ({@code /etc/sysctl.d/99-kforge.conf:4})
 * @param value the value that takes effect
 * @param ours true when kforge's own file wins
 */
public record SysctlWinner(String key, String wanted, String winner, String value, boolean ours) {
}
