package io.kforge.osgi;

import io.kforge.osgi.testbundle.TestBundleActivator;
import io.kforge.osgi.testbundle.TestBundleFetcher;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;

/**
 * Writes bundle jars for the tests: a manifest with the given headers and the classes of the test
 * bundle ({@link TestBundleActivator} and {@link TestBundleFetcher}), which the framework then loads on its own.
 */
final class TestBundles {

    private TestBundles() {
    }

    /**
     * Writes a bundle whose activator registers a source fetcher.
     *
     * @param jar the jar to write
     * @param symbolicName the bundle's symbolic name
     * @param fetcherId the id of the fetcher it registers
     * @return the jar
     * @throws IOException when it cannot be written
     */
    static Path fetcher(Path jar, String symbolicName, String fetcherId) throws IOException {
        return write(jar, headers(symbolicName, Map.of("X-Test-Id", fetcherId)));
    }

    /**
     * Writes a bundle with the test classes and extra headers.
     *
     * @param jar the jar to write
     * @param symbolicName the bundle's symbolic name
     * @param extra headers added or replaced; an empty value removes the header
     * @return the jar
     * @throws IOException when it cannot be written
     */
    static Path bundle(Path jar, String symbolicName, Map<String, String> extra) throws IOException {
        return write(jar, headers(symbolicName, extra));
    }

    private static Map<String, String> headers(String symbolicName, Map<String, String> extra) {
        var headers = new LinkedHashMap<String, String>();
        headers.put("Bundle-ManifestVersion", "2");
        headers.put("Bundle-SymbolicName", symbolicName);
        headers.put("Bundle-Version", "1.2.3");
        headers.put("Bundle-Activator", TestBundleActivator.class.getName());
        headers.put("Import-Package", "io.kforge.core.spi;version=\"[0.1,1)\",org.osgi.framework");
        extra.forEach((name, value) -> {
            if (value.isEmpty()) {
                headers.remove(name);
            } else {
                headers.put(name, value);
            }
        });
        return headers;
    }

    private static Path write(Path jar, Map<String, String> headers) throws IOException {
        var manifest = new Manifest();
        manifest.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
        headers.forEach((name, value) -> manifest.getMainAttributes().putValue(name, value));
        Files.createDirectories(jar.getParent());
        try (var out = new JarOutputStream(Files.newOutputStream(jar), manifest)) {
            for (var type : new Class<?>[] {TestBundleActivator.class, TestBundleFetcher.class}) {
                out.putNextEntry(new JarEntry(type.getName().replace('.', '/') + ".class"));
                try (var in = type.getResourceAsStream(type.getSimpleName() + ".class")) {
                    in.transferTo(out);
                }
                out.closeEntry();
            }
        }
        return jar;
    }
}
