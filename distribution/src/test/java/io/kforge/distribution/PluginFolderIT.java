package io.kforge.distribution;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The example source fetcher plugin ({@code distribution/examples/source-plugin}), built with Maven against the
 * published API, dropped into a plugins folder of the image and used by a recipe; and faulty plugin jars beside it,
 * each reported by {@code kforge plugins} while the built-ins and the example keep working.
 */
class PluginFolderIT {

    @TempDir
    static Path built;

    private static Path exampleJar;

    @TempDir
    Path folder;

    private final ObjectMapper json = new ObjectMapper();

    @BeforeAll
    static void buildTheExample() throws Exception {
        exampleJar = ExampleProjects.build("source-plugin", built);
    }

    @Test
    void examplePluginIsListedWithItsVersionAndJar() throws Exception {
        var plugins = pluginsFolder();

        var run = Image.kforge("plugins", "--plugins", plugins.toString(), "--json");

        assertEquals(0, run.exitCode(), run.err());
        var example = only(json.readTree(run.out()), "example-dir");
        assertEquals("source", example.get("kind").asText());
        assertEquals("1.0.0", example.get("version").asText());
        assertEquals("plugins:" + plugins.resolve(exampleJar.getFileName()), example.get("origin").asText());
        assertEquals("loaded", example.get("status").asText());
    }

    @Test
    void recipeFetchesItsTreeWithTheExamplePlugin() throws Exception {
        var plugins = pluginsFolder();
        var tree = kernelTree();
        var recipe = Files.writeString(folder.resolve("recipe.yaml"),
                "source:\n  kind: example-dir\n  location: " + tree + "\n");

        var run = Image.kforge("fetch", "--recipe", recipe.toString(), "--plugins", plugins.toString(),
                "--workspace", folder.resolve("ws").toString(), "--json");

        assertEquals(0, run.exitCode(), run.err());
        var result = json.readTree(run.out());
        assertEquals("6.12.0-example", result.at("/source/version").asText());
        assertEquals("example-dir:" + tree, result.at("/source/origin").asText());
        assertEquals(tree.toString(), result.at("/source/path").asText());
        assertEquals("example-dir", result.at("/fetcher/id").asText());
        assertEquals("plugins:" + plugins.resolve(exampleJar.getFileName()), result.at("/fetcher/origin").asText());
    }

    @Test
    void environmentVariableNamesAPluginsFolder() throws Exception {
        var plugins = pluginsFolder();

        var run = Image.kforge(Map.of("KFORGE_PLUGINS", plugins.toString()), "fetch",
                "example-dir:" + kernelTree(), "--workspace", folder.resolve("ws").toString());

        assertEquals(0, run.exitCode(), run.err());
        assertTrue(run.out().contains("source  Linux 6.12.0-example from example-dir:"), run.out());
    }

    @Test
    void faultyPluginsAreReportedWhileTheBuiltInsAndTheExampleKeepWorking() throws Exception {
        var plugins = pluginsFolder();
        Files.writeString(plugins.resolve("damaged.jar"), "not a zip file");
        ModuleJars.compile(plugins.resolve("angry.jar"), ModuleJars.fetcher("org.example.angry", "angry",
                "throw new IllegalStateException(\"no licence key\");", ""), List.of());
        ModuleJars.compile(plugins.resolve("copycat.jar"), ModuleJars.fetcher("org.example.copycat", "local", "", ""),
                List.of());
        var library = ModuleJars.compile(folder.resolve("lib/library.jar"), Map.of("module-info.java",
                "module org.example.library { exports org.example.library; }", "org/example/library/Api.java",
                "package org.example.library; public class Api { }"), List.of());
        ModuleJars.compile(plugins.resolve("needy.jar"), ModuleJars.fetcher("org.example.needy", "needy", "",
                "requires org.example.library;"), List.of(library));

        var run = Image.kforge("plugins", "--plugins", plugins.toString(), "--json");

        assertEquals(0, run.exitCode(), run.err());
        var listed = json.readTree(run.out());
        var loaded = Image.loadedPlugins(listed);
        assertTrue(loaded.containsAll(Image.BUILT_IN_PLUGINS), loaded.toString());
        assertTrue(loaded.contains("source:example-dir"), loaded.toString());
        assertEquals(Image.BUILT_IN_PLUGINS.size() + 1, loaded.size(), loaded.toString());
        assertTrue(status(listed, "damaged.jar").startsWith("not a usable module: "), listed.toString());
        assertEquals("unknown", byOrigin(listed, "damaged.jar").get("kind").asText());
        assertEquals("constructor failed: java.lang.IllegalStateException: no licence key",
                status(listed, "angry.jar"));
        assertEquals("duplicate id: already provided by built-in", status(listed, "copycat.jar"));
        assertTrue(status(listed, "needy.jar").startsWith("cannot be resolved: "), listed.toString());
        assertTrue(status(listed, "needy.jar").contains("org.example.library"), listed.toString());

        var tree = kernelTree();
        var ws = folder.resolve("ws").toString();
        var example = Image.kforge("fetch", "example-dir:" + tree, "--plugins", plugins.toString(), "--workspace", ws);
        var builtIn = Image.kforge("fetch", "local:" + tree, "--plugins", plugins.toString(), "--workspace", ws);
        assertEquals(0, example.exitCode(), example.err());
        assertEquals(0, builtIn.exitCode(), builtIn.err());
        assertTrue(builtIn.out().contains("fetcher local"), builtIn.out());
    }

    private Path pluginsFolder() throws Exception {
        var plugins = Files.createDirectories(folder.resolve("plugins"));
        Files.copy(exampleJar, plugins.resolve(exampleJar.getFileName()));
        return plugins;
    }

    private Path kernelTree() throws Exception {
        var tree = Files.createDirectories(folder.resolve("linux"));
        Files.writeString(tree.resolve("Makefile"),
                "VERSION = 6\nPATCHLEVEL = 12\nSUBLEVEL = 0\nEXTRAVERSION = -example\n");
        return tree;
    }

    private static JsonNode only(JsonNode plugins, String id) {
        var found = StreamSupport.stream(plugins.spliterator(), false).filter(p -> p.get("id").asText().equals(id))
                .toList();
        assertEquals(1, found.size(), plugins.toString());
        return found.getFirst();
    }

    private static JsonNode byOrigin(JsonNode plugins, String file) {
        var found = StreamSupport.stream(plugins.spliterator(), false)
                .filter(p -> p.get("origin").asText().endsWith("/" + file)).toList();
        assertEquals(1, found.size(), file + " in " + plugins);
        return found.getFirst();
    }

    private static String status(JsonNode plugins, String file) {
        return byOrigin(plugins, file).get("status").asText();
    }
}
