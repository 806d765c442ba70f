package io.kforge.osgi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.kforge.core.PluginInfo;
import io.kforge.core.PluginRegistry;
import io.kforge.core.spi.PluginKind;
import io.kforge.core.spi.SourceFetcher;
import io.kforge.core.spi.SourceSpec;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.osgi.framework.Bundle;
import org.osgi.framework.FrameworkUtil;

/** The registry finds the OSGi source through {@code ServiceLoader}, as it does in the image. */
class BundlesInRegistryTest {

    @TempDir
    Path folder;

    @Test
    void bundleFetcherJoinsTheRegistryAndClosingTheRegistryStopsTheFramework() throws Exception {
        var jar = TestBundles.fetcher(bundles().resolve("dir.jar"), "org.example.dir", "bundle-dir");
        Bundle bundle;

        try (var registry = PluginRegistry.load(List.of(), List.of(bundles()))) {
            assertEquals(List.of(new PluginInfo(PluginKind.SOURCE, "bundle-dir", "1.2.3",
                    "bundle:" + jar + " (org.example.dir)", PluginInfo.LOADED)), registry.list());
            var fetcher = registry.sourceFetcher(new SourceSpec("bundle-dir", "/srv/linux", Map.of()));
            bundle = FrameworkUtil.getBundle(fetcher.getClass());
            assertEquals(Bundle.ACTIVE, bundle.getState());
        }

        assertNotEquals(Bundle.ACTIVE, bundle.getState());
    }

    @Test
    void brokenBundleAndDuplicateIdAreReportedWhileTheFirstFetcherWorks() throws Exception {
        var first = TestBundles.fetcher(bundles().resolve("a.jar"), "org.example.a", "twin");
        TestBundles.fetcher(bundles().resolve("b.jar"), "org.example.b", "twin");
        TestBundles.bundle(bundles().resolve("c.jar"), "org.example.broken",
                Map.of("Import-Package", "io.kforge.core.spi,org.osgi.framework,com.example.missing"));

        try (var registry = PluginRegistry.load(List.of(), List.of(bundles()))) {
            var twins = registry.list();
            assertEquals(2, twins.size(), twins.toString());
            assertEquals("duplicate id: already provided by bundle:" + first + " (org.example.a)",
                    twins.stream().filter(i -> !i.loaded()).findFirst().orElseThrow().status());
            var problem = registry.problems().getFirst();
            assertEquals("org.example.broken", problem.name());
            assertTrue(problem.reason().contains("com.example.missing"), problem.reason());
            assertEquals("test bundle twin", registry.require(SourceFetcher.class, "twin")
                    .fetch(new SourceSpec("twin", "/srv", Map.of()), null).origin());
        }
    }

    private Path bundles() throws Exception {
        return Files.createDirectories(folder.resolve("bundles"));
    }
}
