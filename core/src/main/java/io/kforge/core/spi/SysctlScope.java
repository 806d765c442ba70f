package io.kforge.core.spi;

/**
 * Whether a sysctl key holds one value per network namespace or one for the whole kernel, as found at run time.
 */
public enum SysctlScope {
    /** Each network namespace has its own value. */
    NAMESPACE("netns"),
    /** One value for the whole kernel; only the initial namespace may change it. */
    GLOBAL("global"),
    /** Not determined: the key does not exist, or the target cannot compare two namespaces. */
    UNKNOWN("unknown");

    private final String label;

    SysctlScope(String label) {
        this.label = label;
    }

    /**
     * Returns the name used in JSON output and on the command line.
     *
     * @return {@code netns}, {@code global} or {@code unknown}
     */
    public String label() {
        return label;
    }

    @Override
    public String toString() {
        return label;
    }
}
