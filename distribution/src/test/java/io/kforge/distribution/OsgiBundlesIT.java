package io.kforge.distribution;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.jar.Attributes;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The example OSGi bundle ({@code distribution/examples/source-bundle}), built with the maven-bundle-plugin against
 * the published API, loaded by the image's embedded Felix framework and used by {@code kforge fetch}; and a bundle
 * that cannot resolve, reported while everything else keeps working.
 */
class OsgiBundlesIT {

    private static final String SYMBOLIC_NAME = "org.example.kforge.bundlesource";

    @TempDir
    static Path built;

    private static Path exampleBundle;

    @TempDir
    Path folder;

    private final ObjectMapper json = new ObjectMapper();

    @BeforeAll
    static void buildTheExample() throws Exception {
        exampleBundle = ExampleProjects.build("source-bundle", built);
    }

    @Test
    void imageHasABundlesFolder() {
        assertTrue(Files.isDirectory(Image.home().resolve("bundles")), "bundles/ in " + Image.home());
    }

    @Test
    void exampleBundleIsListedWithItsVersionAndSymbolicName() throws Exception {
        var bundles = bundlesFolder();

        var run = Image.kforge("plugins", "--bundles", bundles.toString(), "--json");

        assertEquals(0, run.exitCode(), run.err());
        var example = only(json.readTree(run.out()), "example-bundle-dir");
        assertEquals("source", example.get("kind").asText());
        assertEquals("1.0.0", example.get("version").asText());
        assertEquals("bundle:" + bundles.resolve(exampleBundle.getFileName()) + " (" + SYMBOLIC_NAME + ")",
                example.get("origin").asText());
        assertEquals("loaded", example.get("status").asText());
    }

    @Test
    void fetchUsesTheBundlesFetcher() throws Exception {
        var tree = kernelTree();

        var run = Image.kforge(Map.of("KFORGE_BUNDLES", bundlesFolder().toString()), "fetch",
                "example-bundle-dir:" + tree, "--workspace", folder.resolve("ws").toString(), "--json");

        assertEquals(0, run.exitCode(), run.err());
        var result = json.readTree(run.out());
        assertEquals("6.12.0", result.at("/source/version").asText());
        assertEquals("example-bundle-dir:" + tree, result.at("/source/origin").asText());
        assertTrue(result.at("/fetcher/origin").asText().endsWith("(" + SYMBOLIC_NAME + ")"), result.toString());
    }

    @Test
    void bundleThatCannotResolveIsReportedWhileEverythingElseWorks() throws Exception {
        var bundles = bundlesFolder();
        var broken = brokenBundle(bundles.resolve("broken.jar"));

        var run = Image.kforge("plugins", "--bundles", bundles.toString(), "--json");

        assertEquals(0, run.exitCode(), run.err());
        var listed = json.readTree(run.out());
        var problem = only(listed, "org.example.broken");
        assertEquals("unknown", problem.get("kind").asText());
        assertEquals("0.9.0", problem.get("version").asText());
        assertEquals("bundle:" + broken + " (org.example.broken)", problem.get("origin").asText());
        assertTrue(problem.get("status").asText().startsWith("not started: Unable to resolve"), problem.toString());
        assertTrue(problem.get("status").asText().contains("com.example.missing"), problem.toString());
        var expected = new HashSet<>(Image.BUILT_IN_PLUGINS);
        expected.add("source:example-bundle-dir");
        assertEquals(expected, Image.loadedPlugins(listed));

        var tree = kernelTree();
        var ws = folder.resolve("ws").toString();
        var viaBundle = Image.kforge("fetch", "example-bundle-dir:" + tree, "--bundles", bundles.toString(),
                "--workspace", ws);
        var builtIn = Image.kforge("fetch", "local:" + tree, "--bundles", bundles.toString(), "--workspace", ws);
        assertEquals(0, viaBundle.exitCode(), viaBundle.err());
        assertEquals(0, builtIn.exitCode(), builtIn.err());
    }

    @Test
    void frameworkIsStoppedAndItsStorageRemovedWhenKforgeEnds() throws Exception {
        var temporary = Files.createDirectories(folder.resolve("tmp"));

        var run = Image.kforge(Map.of("JAVA_OPTS", "-Djava.io.tmpdir=" + temporary), "fetch",
                "example-bundle-dir:" + kernelTree(), "--bundles", bundlesFolder().toString(),
                "--workspace", folder.resolve("ws").toString());

        assertEquals(0, run.exitCode(), run.err());
        try (var left = Files.list(temporary)) {
            assertEquals(List.of(), left.toList(), "the framework's storage folder is removed");
        }
    }

    @Test
    void programThatForgetsToCloseKforgeStillEndsAndLeavesNoStorage() throws Exception {
        var source = Files.writeString(folder.resolve("Forgetful.java"), """
                import io.kforge.core.Kforge;
                import java.nio.file.Path;
import java.time.Duration;
                import java.util.List;
                public class Forgetful {
                    public static void main(String[] args) {
                        var kforge = Kforge.open(Path.of(args[0]), List.of(), List.of(Path.of(args[1])));
                        System.out.println(kforge.plugins().list().size());
                    }
                }
                """);
        var classes = folder.resolve("classes");
        var javac = Path.of(System.getProperty("java.home"), "bin", "javac").toString();
        var compiled = ExampleProjects.run(List.of(javac, "--system", Image.home().toString(), "-d",
                classes.toString(), source.toString()), Map.of());
        assertEquals(0, compiled.exitCode(), compiled.out() + compiled.err());
        var temporary = Files.createDirectories(folder.resolve("tmp"));

        var run = ExampleProjects.run(List.of(Image.home().resolve("bin/java").toString(),
                "-Djava.io.tmpdir=" + temporary, "-cp", classes.toString(), "Forgetful",
                folder.resolve("ws").toString(), bundlesFolder().toString()), Map.of(), Duration.ofMinutes(2));

        assertEquals(0, run.exitCode(), run.err());
        assertEquals(String.valueOf(Image.BUILT_IN_PLUGINS.size() + 1), run.out().strip(),
                "the built-ins and the example bundle's fetcher");
        try (var left = Files.list(temporary)) {
            assertEquals(List.of(), left.toList(), "the shutdown hook removed the framework's storage");
        }
    }

    private Path bundlesFolder() throws Exception {
        var bundles = Files.createDirectories(folder.resolve("bundles"));
        if (!Files.exists(bundles.resolve(exampleBundle.getFileName()))) {
            Files.copy(exampleBundle, bundles.resolve(exampleBundle.getFileName()));
        }
        return bundles;
    }

    private static Path brokenBundle(Path jar) throws Exception {
        var manifest = new Manifest();
        var headers = manifest.getMainAttributes();
        headers.put(Attributes.Name.MANIFEST_VERSION, "1.0");
        headers.putValue("Bundle-ManifestVersion", "2");
        headers.putValue("Bundle-SymbolicName", "org.example.broken");
        headers.putValue("Bundle-Version", "0.9.0");
        headers.putValue("Import-Package", "io.kforge.core.spi,com.example.missing");
        try (var out = new JarOutputStream(Files.newOutputStream(jar), manifest)) {
            out.flush();
        }
        return jar;
    }

    private Path kernelTree() throws Exception {
        var tree = Files.createDirectories(folder.resolve("linux"));
        Files.writeString(tree.resolve("Makefile"), "VERSION = 6\nPATCHLEVEL = 12\nSUBLEVEL = 0\n");
        return tree;
    }

    private static JsonNode only(JsonNode plugins, String id) {
        var found = StreamSupport.stream(plugins.spliterator(), false).filter(p -> p.get("id").asText().equals(id))
                .toList();
        assertEquals(1, found.size(), plugins.toString());
        return found.getFirst();
    }
}
