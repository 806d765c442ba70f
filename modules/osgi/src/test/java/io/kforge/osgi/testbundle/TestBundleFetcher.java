package io.kforge.osgi.testbundle;

import io.kforge.core.spi.SourceFetcher;
import io.kforge.core.spi.SourceSpec;
import io.kforge.core.spi.SourceTree;
import io.kforge.core.spi.StageContext;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * A source fetcher the test bundles register: it serves the folder a spec names, as kernel 6.12.0.
 *
 * @param id the fetcher's id
 */
public record TestBundleFetcher(String id) implements SourceFetcher {

    /**
     * Accepts every spec.
     *
     * @param spec the spec
     * @return true
     */
    @Override
    public boolean supports(SourceSpec spec) {
        return true;
    }

    /**
     * Returns the named folder as a tree.
     *
     * @param spec the spec
     * @param context unused
     * @return the tree
     */
    @Override
    public SourceTree fetch(SourceSpec spec, StageContext context) {
        return new SourceTree(Path.of(spec.location()), "6.12.0", "test bundle " + id, Optional.empty(), List.of());
    }
}
