package io.kforge.core.spi;

import java.util.Locale;

/** The five stages of the pipeline, one plugin kind each. */
public enum PluginKind {
    /** Fetches and verifies a kernel tree: {@link SourceFetcher}. */
    SOURCE,
    /** Produces the final {@code .config} and its report: {@link ConfigMerger}. */
    CONFIG,
    /** Compiles the kernel: {@link CompilerBackend}. */
    COMPILER,
    /** Boots the kernel in a virtual machine: {@link VmLauncher}. */
    LAUNCHER,
    /** Plans, applies and verifies sysctl values: {@link SysctlApplier}. */
    SYSCTL;

    /**
     * Returns the lower-case name used in JSON output and on the command line ({@code source}, {@code config}...).
     *
     * @return the kind's label
     */
    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }
}
