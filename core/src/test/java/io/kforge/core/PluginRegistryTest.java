package io.kforge.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.kforge.core.spi.InvalidInputException;
import io.kforge.core.spi.PluginKind;
import io.kforge.core.spi.SourceFetcher;
import io.kforge.core.spi.SourceSpec;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PluginRegistryTest {

    @TempDir
    Path folder;

    @Test
    void loadsAFetcherFromAPluginJarWithItsVersionAndOrigin() throws Exception {
        var jar = PluginJarBuilder.fetcher("org.example.good", "good", "").version("2.1").build(plugins("good.jar"));

        try (var registry = PluginRegistry.load(List.of(plugins()))) {
            var info = only(registry, "good");
            assertEquals(new PluginInfo(PluginKind.SOURCE, "good", "2.1", "plugins:" + jar, PluginInfo.LOADED), info);
            var tree = registry.sourceFetcher(new SourceSpec("good", "/srv/linux", Map.of()))
                    .fetch(new SourceSpec("good", "/srv/linux", Map.of()), null);
            assertEquals("org.example.good", tree.origin());
            assertEquals(List.of(), registry.problems());
        }
    }

    @Test
    void providerWhoseConstructorThrowsIsReportedAndTheOthersStillLoad() throws Exception {
        PluginJarBuilder.fetcher("org.example.angry", "angry", "throw new IllegalStateException(\"no licence key\");")
                .build(plugins("angry.jar"));
        PluginJarBuilder.fetcher("org.example.good", "good", "").build(plugins("good.jar"));

        try (var registry = PluginRegistry.load(List.of(plugins()))) {
            var angry = only(registry, "org.example.angry.Fetcher");
            assertEquals("constructor failed: java.lang.IllegalStateException: no licence key", angry.status());
            assertTrue(only(registry, "good").loaded());
            assertTrue(registry.require(SourceFetcher.class, "good") != null);
        }
    }

    @Test
    void secondProviderWithTheSameIdIsReportedWithTheFirstOnesOrigin() throws Exception {
        var first = PluginJarBuilder.fetcher("org.example.a", "twin", "").build(plugins("a.jar"));
        PluginJarBuilder.fetcher("org.example.b", "twin", "").build(plugins("b.jar"));

        try (var registry = PluginRegistry.load(List.of(plugins()))) {
            var twins = registry.list().stream().filter(i -> i.id().equals("twin")).toList();
            assertEquals(2, twins.size(), twins.toString());
            assertEquals(1, twins.stream().filter(PluginInfo::loaded).count());
            var duplicate = twins.stream().filter(i -> !i.loaded()).findFirst().orElseThrow();
            assertEquals("duplicate id: already provided by plugins:" + first, duplicate.status());
            assertEquals("org.example.a", registry.require(SourceFetcher.class, "twin").getClass().getModule()
                    .getName());
        }
    }

    @Test
    void jarThatIsNotAModuleIsAProblemAndTheOthersStillLoad() throws Exception {
        var broken = Files.writeString(plugins("broken.jar"), "this is not a zip file");
        PluginJarBuilder.fetcher("org.example.good", "good", "").build(plugins("good.jar"));

        try (var registry = PluginRegistry.load(List.of(plugins()))) {
            var problem = registry.problems().getFirst();
            assertEquals("plugins:" + broken, problem.origin());
            assertTrue(problem.reason().startsWith("not a usable module: "), problem.reason());
            assertTrue(only(registry, "good").loaded());
        }
    }

    @Test
    void moduleThatCannotBeResolvedIsReportedUnderItsProvidersKindAndClass() throws Exception {
        var library = library(folder.resolve("libraries"));
        var needy = needy(library).build(plugins("needy.jar"));

        try (var registry = PluginRegistry.load(List.of(plugins()))) {
            var info = only(registry, "org.example.needy.Fetcher");
            assertEquals(PluginKind.SOURCE, info.kind());
            assertEquals("plugins:" + needy, info.origin());
            assertTrue(info.status().startsWith("cannot be resolved: "), info.status());
            assertTrue(info.status().contains("org.example.library"), info.status());
            var error = assertThrows(InvalidInputException.class,
                    () -> registry.sourceFetcher(new SourceSpec("needy", "/srv", Map.of())));
            assertTrue(error.getMessage().contains("1 source plugin did not load"), error.getMessage());
        }
    }

    @Test
    void folderInThePluginsFolderIsOnePluginWithItsLibraries() throws Exception {
        var withLibrary = Files.createDirectories(plugins("needy"));
        var library = library(withLibrary);
        needy(library).build(withLibrary.resolve("needy.jar"));

        try (var registry = PluginRegistry.load(List.of(plugins()))) {
            var info = only(registry, "needy");
            assertEquals("plugins:" + withLibrary.resolve("needy.jar"), info.origin());
            assertTrue(info.loaded(), info.status());
        }
    }

    @Test
    void moduleThatProvidesNoStageInterfaceIsAProblem() throws Exception {
        var library = library(plugins());

        try (var registry = PluginRegistry.load(List.of(plugins()))) {
            assertEquals(List.of(), registry.list());
            var problem = registry.problems().getFirst();
            assertEquals("plugins:" + library, problem.origin());
            assertTrue(problem.reason().startsWith("provides no kforge plugin"), problem.reason());
        }
    }

    @Test
    void missingPluginsFolderLoadsNothingMore() {
        try (var registry = PluginRegistry.load(List.of(folder.resolve("absent")), List.of(folder.resolve("none")))) {
            assertEquals(List.of(), registry.problems());
            assertEquals(List.of(), registry.list());
        }
    }

    private static Path library(Path where) throws Exception {
        return new PluginJarBuilder()
                .source("module-info.java", "module org.example.library { exports org.example.library; }")
                .source("org/example/library/Greeting.java",
                        "package org.example.library; public final class Greeting { public static String text() {"
                                + " return \"hello\"; } }")
                .build(Files.createDirectories(where).resolve("library.jar"));
    }

    private static PluginJarBuilder needy(Path library) {
        return PluginJarBuilder.fetcher("org.example.needy", "needy", "org.example.library.Greeting.text();")
                .source("module-info.java", "module org.example.needy { requires io.kforge.core;"
                        + " requires org.example.library;"
                        + " provides io.kforge.core.spi.SourceFetcher with org.example.needy.Fetcher; }")
                .modulePath(library);
    }

    private Path plugins() throws Exception {
        return Files.createDirectories(folder.resolve("plugins"));
    }

    private Path plugins(String file) throws Exception {
        return plugins().resolve(file);
    }

    private static PluginInfo only(PluginRegistry registry, String id) {
        var found = registry.list().stream().filter(i -> i.id().equals(id)).toList();
        assertEquals(1, found.size(), registry.list().toString());
        return found.getFirst();
    }
}
