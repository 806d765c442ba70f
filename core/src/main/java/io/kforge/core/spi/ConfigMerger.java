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

    /**
     * Explains one symbol: where the tree defines it, its type and prompt, its dependencies, what selects or
     * implies it and which default applies, all evaluated against the configuration the request produces.
     *
     * @param request the tree, base, fragments and toolchain whose final configuration gives the values
     * @param symbol the symbol, with or without {@code CONFIG_}
     * @param context the stage context
     * @return the explanation
     * @throws InvalidInputException when the tree defines no such symbol (the message names the nearest ones)
     * @throws KforgeException when this provider cannot explain symbols or {@code make} fails
     */
    default SymbolExplanation explain(ConfigRequest request, String symbol, StageContext context) {
        throw new KforgeException("the config provider '" + id() + "' cannot explain symbols");
    }
}
