package io.kforge.core.spi;

/**
 * What every stage provider has in common: a stable id, a version and a host probe.
 *
 * <p>A provider implements exactly one of the five stage interfaces. The registry finds providers with
 * {@link java.util.ServiceLoader} under the stage interface, never under this one.
 */
public sealed interface Plugin permits SourceFetcher, ConfigMerger, CompilerBackend, VmLauncher, SysctlApplier {

    /**
     * Returns the provider's stable id, unique within its kind ({@code "local"}, {@code "gcc"}, {@code "qemu"}).
     *
     * @return the id used in recipes and on the command line
     */
    String id();

    /**
     * Returns the stage this provider serves.
     *
     * @return the plugin kind
     */
    PluginKind kind();

    /**
     * Returns the provider's version; by default the version of the module it comes from.
     *
     * @return a version string, {@code "unknown"} when the module has none
     */
    default String version() {
        return getClass().getModule().getDescriptor() == null
                ? "unknown"
                : getClass().getModule().getDescriptor().rawVersion().orElse("unknown");
    }

    /**
     * Checks what this provider needs from the host.
     *
     * @return the tools found, with versions, and what is missing
     */
    default Probe probe() {
        return Probe.nothingNeeded();
    }
}
