package org.example.kforge.bundlesource;

import io.kforge.core.spi.SourceFetcher;
import org.osgi.framework.BundleActivator;
import org.osgi.framework.BundleContext;

/**
 * Registers the bundle's source fetcher when kforge's OSGi framework starts the bundle; kforge picks up every
 * service registered under one of its stage interfaces.
 */
public final class Activator implements BundleActivator {

    /** Creates the activator; the framework calls this. */
    public Activator() {
    }

    @Override
    public void start(BundleContext context) {
        context.registerService(SourceFetcher.class, new BundleDirectoryFetcher(), null);
    }

    @Override
    public void stop(BundleContext context) {
        // The framework unregisters the bundle's services itself.
    }
}
