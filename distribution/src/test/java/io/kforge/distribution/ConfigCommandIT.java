package io.kforge.distribution;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code kforge config} and {@code kforge config explain} from the image, on the real 6.12 tree.
 */
class ConfigCommandIT {

    @TempDir
    Path folder;

    @Test
    void c01UnmetDependencyIsExplainedInJsonAndFailsInStrictMode() throws Exception {
        var fragment = Files.writeString(folder.resolve("owner.config"),
                "# CONFIG_NETFILTER_ADVANCED is not set\nCONFIG_NETFILTER_XT_MATCH_OWNER=y\n");
        var out = folder.resolve("final.config");

        var run = Image.kforge("config", "--base", "defconfig", "--fragment", fragment.toString(), "--out",
                out.toString(), "--json", "--workspace", Image.sharedWorkspace().toString());
        var strict = Image.kforge("config", "--base", "defconfig", "--fragment", fragment.toString(), "--strict",
                "--workspace", Image.sharedWorkspace().toString());

        assertEquals(0, run.exitCode(), run.err());
        var dropped = new ObjectMapper().readTree(run.out()).at("/dropped/0");
        assertEquals("NETFILTER_XT_MATCH_OWNER", dropped.get("symbol").asText());
        assertEquals("y", dropped.get("requested").asText());
        assertTrue(dropped.get("actual").isNull(), dropped.toString());
        assertEquals("fragment", dropped.at("/origin/kind").asText());
        assertEquals(fragment.toString(), dropped.at("/origin/file").asText());
        assertEquals(2, dropped.at("/origin/line").asInt());
        assertEquals("unmet-dependency", dropped.at("/reason/kind").asText());
        assertTrue(dropped.at("/reason/detail").asText().contains("NETFILTER_ADVANCED"), dropped.toString());
        assertTrue(Files.readString(out).contains("# CONFIG_NETFILTER_XT_MATCH_OWNER is not set")
                || !Files.readString(out).contains("CONFIG_NETFILTER_XT_MATCH_OWNER=y"));
        assertEquals(1, strict.exitCode(), strict.err());
        assertTrue(strict.err().contains("NETFILTER_XT_MATCH_OWNER"), strict.err());
    }

    @Test
    void explainNamesWhereASymbolIsDefinedAndItsDependencies() throws Exception {
        var run = Image.kforge("config", "explain", "CONFIG_RUST", "--workspace",
                Image.sharedWorkspace().toString());

        assertEquals(0, run.exitCode(), run.err());
        assertTrue(run.out().startsWith("CONFIG_RUST (bool)"), run.out());
        assertTrue(run.out().contains("init/Kconfig:"), run.out());
        assertTrue(run.out().contains("!MODVERSIONS"), run.out());
    }

    @Test
    void explainOfARemovedSymbolSaysWhatReplacedIt() throws Exception {
        var run = Image.kforge("config", "explain", "MEMCG_SWAP", "--workspace", Image.sharedWorkspace().toString());

        assertEquals(2, run.exitCode(), run.err());
        assertTrue(run.err().contains("removed in 6.1"), run.err());
    }
}
