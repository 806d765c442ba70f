package io.kforge.core.spi;

/**
 * Produces an unpacked, verified kernel tree from a source spec.
 */
public non-sealed interface SourceFetcher extends Plugin {

    @Override
    default PluginKind kind() {
        return PluginKind.SOURCE;
    }

    /**
     * Tells whether this fetcher reads the given spec.
     *
     * @param spec the source spec
     * @return true when {@link #fetch} can serve it
     */
    boolean supports(SourceSpec spec);

    /**
     * Fetches, verifies and unpacks a tree, or returns the cached one.
     *
     * @param spec the source spec
     * @param context the stage context; unpacked trees go into {@link StageContext#cached}
     * @return the tree
     * @throws InvalidInputException when the spec names nothing usable
     * @throws KforgeException when fetching or verification fails
     */
    SourceTree fetch(SourceSpec spec, StageContext context);
}
