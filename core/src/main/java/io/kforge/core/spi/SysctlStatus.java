package io.kforge.core.spi;

/**
 * What happens, or happened, to one sysctl key on a target.
 *
 * <p>In a plan the status says what apply would do ({@link #CHANGED}: the value differs and would be written); in an
 * outcome it says what was done and read back.
 */
public enum SysctlStatus {
    /** The key already holds the wanted value. */
    OK("ok"),
    /** The value differs and is written (in a plan: would be written). */
    CHANGED("changed"),
    /** The kernel knows the key but the target does not show it (a global key seen from a namespace). */
    MISSING("missing"),
    /** The key exists on the target but cannot be written there. */
    READ_ONLY("read-only"),
    /** Not in this kernel at all: removed (like {@code tcp_tw_recycle} in 4.12), misspelt or its module not loaded. */
    REMOVED("removed"),
    /** Not written because the key is optional ({@code -} prefix, or a lenient request) and cannot be set. */
    SKIPPED("skipped"),
    /** The value is rejected: by kforge's checks before any write, or by the kernel, or it reads back different. */
    FAILED("failed");

    private final String label;

    SysctlStatus(String label) {
        this.label = label;
    }

    /**
     * Returns the name used in JSON output and on the command line.
     *
     * @return the status name, such as {@code read-only}
     */
    public String label() {
        return label;
    }

    @Override
    public String toString() {
        return label;
    }
}
