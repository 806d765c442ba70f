package io.kforge.osgi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.kforge.core.spi.PluginOffer;
import io.kforge.core.spi.SourceFetcher;
import io.kforge.core.spi.SourceSpec;
import io.kforge.osgi.testbundle.TestBundleFetcher;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.osgi.framework.Bundle;
import org.osgi.framework.FrameworkUtil;

class BundleSourceTest {

    @TempDir
    Path folder;

    @Test
    void serviceRegisteredByABundleIsOfferedWithTheBundlesVersionAndOrigin() throws Exception {
        var jar = TestBundles.fetcher(bundles().resolve("dir.jar"), "org.example.dir", "bundle-dir");

        try (var source = new BundleSource(storage())) {
            var offers = source.open(List.of(bundles()));

            var provider = assertInstanceOf(PluginOffer.Provider.class, offers.getFirst(), offers.toString());
            assertEquals(1, offers.size(), offers.toString());
            assertEquals("1.2.3", provider.version());
            assertEquals("bundle:" + jar + " (org.example.dir)", provider.origin());
            var fetcher = assertInstanceOf(SourceFetcher.class, provider.plugin());
            assertEquals("bundle-dir", fetcher.id());
            assertEquals("test bundle bundle-dir",
                    fetcher.fetch(new SourceSpec("bundle-dir", "/srv/linux", Map.of()), null).origin());
        }
    }

    @Test
    void bundleClassesAreLoadedByTheFrameworkAndShareKforgesSpi() throws Exception {
        TestBundles.fetcher(bundles().resolve("dir.jar"), "org.example.dir", "bundle-dir");

        try (var source = new BundleSource(storage())) {
            var plugin = ((PluginOffer.Provider) source.open(List.of(bundles())).getFirst()).plugin();

            assertNotEquals(TestBundleFetcher.class, plugin.getClass());
            assertFalse(plugin.getClass().getModule().isNamed());
            assertEquals(SourceFetcher.class.getModule(), plugin.getClass().getInterfaces()[0].getModule());
        }
    }

    @Test
    void closingStopsTheFrameworkAndRemovesItsStorage() throws Exception {
        TestBundles.fetcher(bundles().resolve("dir.jar"), "org.example.dir", "bundle-dir");
        var source = new BundleSource(storage());
        var plugin = ((PluginOffer.Provider) source.open(List.of(bundles())).getFirst()).plugin();
        var bundle = FrameworkUtil.getBundle(plugin.getClass());
        assertEquals(Bundle.ACTIVE, bundle.getState());

        source.close();

        assertNotEquals(Bundle.ACTIVE, bundle.getState());
        try (var left = Files.list(storage())) {
            assertEquals(List.of(), left.toList());
        }
    }

    @Test
    void bundleThatDoesNotResolveIsReportedAndTheOthersStillLoad() throws Exception {
        TestBundles.bundle(bundles().resolve("a-broken.jar"), "org.example.broken",
                Map.of("Import-Package", "io.kforge.core.spi,org.osgi.framework,com.example.missing"));
        TestBundles.fetcher(bundles().resolve("b-dir.jar"), "org.example.dir", "bundle-dir");

        try (var source = new BundleSource(storage())) {
            var offers = source.open(List.of(bundles()));

            assertEquals(2, offers.size(), offers.toString());
            var failure = failure(offers);
            assertEquals(Optional.empty(), failure.kind());
            assertEquals("org.example.broken", failure.name());
            assertEquals("1.2.3", failure.version());
            assertTrue(failure.reason().startsWith("not started: "), failure.reason());
            assertTrue(failure.reason().contains("com.example.missing"), failure.reason());
            assertTrue(offers.stream().anyMatch(PluginOffer.Provider.class::isInstance));
        }
    }

    @Test
    void activatorThatThrowsIsReportedWithItsMessage() throws Exception {
        TestBundles.bundle(bundles().resolve("angry.jar"), "org.example.angry", Map.of("X-Test-Fail", "no licence"));

        try (var source = new BundleSource(storage())) {
            var failure = failure(source.open(List.of(bundles())));

            assertTrue(failure.reason().contains("java.lang.IllegalStateException: no licence"), failure.reason());
        }
    }

    @Test
    void jarThatIsNoBundleIsReportedAsNotInstalled() throws Exception {
        var jar = Files.writeString(bundles().resolve("junk.jar"), "not a zip");

        try (var source = new BundleSource(storage())) {
            var failure = failure(source.open(List.of(bundles())));

            assertEquals("bundle:" + jar, failure.origin());
            assertTrue(failure.reason().startsWith("not installed: "), failure.reason());
        }
    }

    @Test
    void bundleThatRegistersNoStageServiceAndExportsNothingIsReported() throws Exception {
        TestBundles.bundle(bundles().resolve("quiet.jar"), "org.example.quiet",
                Map.of("Bundle-Activator", "", "Import-Package", "org.osgi.framework"));

        try (var source = new BundleSource(storage())) {
            var failure = failure(source.open(List.of(bundles())));

            assertTrue(failure.reason().startsWith("registers no kforge service"), failure.reason());
        }
    }

    @Test
    void noBundleStartsNoFramework() throws Exception {
        Files.writeString(bundles().resolve("README.txt"), "bundles go here");

        try (var source = new BundleSource(storage())) {
            assertEquals(List.of(), source.open(List.of(bundles(), folder.resolve("absent"))));
            try (var left = Files.list(storage())) {
                assertEquals(List.of(), left.toList());
            }
        }
    }

    @Test
    void moduleVersionBecomesAnOsgiVersion() {
        assertEquals("0.1.0.SNAPSHOT", BundleSource.osgiVersion("0.1.0-SNAPSHOT"));
        assertEquals("2.0.0", BundleSource.osgiVersion("2"));
        assertEquals("1.4.0.rc1_b2", BundleSource.osgiVersion("1.4-rc1+b2"));
        assertEquals("0.0.0", BundleSource.osgiVersion("snapshot"));
    }

    private static PluginOffer.Failure failure(List<PluginOffer> offers) {
        return offers.stream().filter(PluginOffer.Failure.class::isInstance).map(PluginOffer.Failure.class::cast)
                .findFirst().orElseThrow(() -> new AssertionError("no failure in " + offers));
    }

    private Path bundles() throws Exception {
        return Files.createDirectories(folder.resolve("bundles"));
    }

    private Path storage() throws Exception {
        return Files.createDirectories(folder.resolve("storage"));
    }
}
