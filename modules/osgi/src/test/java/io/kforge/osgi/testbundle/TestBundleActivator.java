package io.kforge.osgi.testbundle;

import io.kforge.core.spi.SourceFetcher;
import org.osgi.framework.BundleActivator;
import org.osgi.framework.BundleContext;

/**
 * The activator of the bundles the tests build: registers a {@link TestBundleFetcher} with the id in the bundle's
 * {@code X-Test-Id} header, or throws with the text of its {@code X-Test-Fail} header.
 */
public final class TestBundleActivator implements BundleActivator {

    /**
     * Registers the fetcher, or fails as the bundle's headers say.
     *
     * @param context the bundle's context
     */
    @Override
    public void start(BundleContext context) {
        var headers = context.getBundle().getHeaders();
        var failure = headers.get("X-Test-Fail");
        if (failure != null) {
            throw new IllegalStateException(failure);
        }
        context.registerService(SourceFetcher.class, new TestBundleFetcher(headers.get("X-Test-Id")), null);
    }

    /**
     * Does nothing: the framework unregisters the service.
     *
     * @param context the bundle's context
     */
    @Override
    public void stop(BundleContext context) {
    }
}
