package io.kforge.distribution;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The image's command line: version, help, plugins, and the exit codes and one-line errors for bad input.
 */
class CommandLineIT {

    @TempDir
    Path folder;

    @Test
    void runsWithItsOwnJavaRuntimeWhenNoJdkIsOnThePath() throws Exception {
        var run = Image.kforge(Map.of("PATH", "/nonexistent", "JAVA_HOME", "/nonexistent"), "--version");

        assertEquals(0, run.exitCode(), run.err());
        assertTrue(run.out().startsWith("kforge 0."), run.out());
        assertTrue(run.out().contains("Java 25"), run.out());
    }

    @Test
    void listsEveryBuiltInPluginAsJson() throws Exception {
        var run = Image.kforge("plugins", "--json");

        assertEquals(0, run.exitCode(), run.err());
        var plugins = new HashSet<String>();
        for (var plugin : new ObjectMapper().readTree(run.out())) {
            assertEquals("built-in", plugin.get("origin").asText(), plugin.toString());
            assertEquals("loaded", plugin.get("status").asText(), plugin.toString());
            plugins.add(plugin.get("kind").asText() + ":" + plugin.get("id").asText());
        }
        assertEquals(Image.BUILT_IN_PLUGINS, plugins);
    }

    @Test
    void recipeWithAnUnknownFieldIsAUsageErrorNamingFileAndLine() throws Exception {
        var recipe = Files.writeString(folder.resolve("bad.yaml"), "build:\n  compiler: gcc\n  optimise: true\n");

        var run = Image.kforge("up", recipe.toString(), "--workspace", folder.resolve("ws").toString());

        assertEquals(2, run.exitCode());
        assertEquals(1, run.err().strip().lines().count(), run.err());
        assertTrue(run.err().contains(recipe + ":3: unknown field 'optimise' in section 'build'"), run.err());
        assertFalse(Files.exists(folder.resolve("ws/entries/build")), "nothing built");
    }

    @Test
    void recipeWithABadValueNamesTheField() throws Exception {
        var recipe = Files.writeString(folder.resolve("bad.yaml"), "boot:\n  kvm: sometimes\n");

        var run = Image.kforge("up", recipe.toString(), "--workspace", folder.resolve("ws").toString());

        assertEquals(2, run.exitCode());
        assertTrue(run.err().contains(recipe + ":"), run.err());
        assertTrue(run.err().contains("boot.kvm must be auto, require or off, not 'sometimes'"), run.err());
        assertFalse(run.err().contains("Exception"), run.err());
    }

    @Test
    void unknownSysctlProfileIsRefusedBeforeAnythingIsBuilt() throws Exception {
        var recipe = Files.writeString(folder.resolve("r.yaml"),
                "sysctl:\n  profiles: [containers, no-such-profile]\n");

        var run = Image.kforge("up", recipe.toString(), "--workspace", folder.resolve("ws").toString());

        assertEquals(2, run.exitCode());
        assertTrue(run.err().contains("no-such-profile"), run.err());
        assertFalse(Files.exists(folder.resolve("ws/entries/source")), "nothing fetched");
    }

    @Test
    void unknownCommandIsAUsageError() throws Exception {
        var run = Image.kforge("frobnicate");

        assertEquals(2, run.exitCode());
        assertTrue(run.err().contains("frobnicate"), run.err());
    }
}
