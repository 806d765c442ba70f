package io.kforge.core.spi;

/**
 * Turns a base configuration plus fragments into a final {@code .config} and a report of what did not take effect.
 */
public non-sealed interface ConfigMerger extends Plugin {

    @Override
    default PluginKind kind() {
        return PluginKind.CONFIG;
    }

    /**
     * Produces the final configuration.
     *
     * @param request the tree, base, fragments, toolchain and strictness
     * @param context the stage context; the result goes into {@link StageContext#cached}
     * @return the {@code .config} and its report
     * @throws InvalidInputException when a fragment is malformed (naming file and line) or does not exist
     * @throws KforgeException when {@code make} fails, or in strict mode when anything was dropped
     */
    ConfigOutcome configure(ConfigRequest request, StageContext context);
}
