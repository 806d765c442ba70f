package io.kforge.kbuild;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.kforge.core.spi.Command;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CcacheStatsTest {

    @TempDir
    Path folder;

    @Test
    void countsTheHitsAndMissesOfOneBuildOnly() throws Exception {
        var source = Files.writeString(folder.resolve("a.c"), "int f(void) { return 1; }\n");
        var log = folder.resolve("stats.log");
        var tools = HostTools.with(Map.of("CCACHE_DIR", folder.resolve("cache").toString(),
                "CCACHE_STATSLOG", log.toString()));
        var compile = Command.of("ccache", "gcc", "-c", source.toString(), "-o", folder.resolve("a.o").toString());

        tools.run(compile).orElseThrow();
        tools.run(compile).orElseThrow();
        tools.run(compile).orElseThrow();

        var stats = CcacheStats.read(log);
        assertEquals(new CcacheStats(2, 1), stats);
        assertEquals(2.0 / 3, stats.hitRate(), 1e-9);
    }

    @Test
    void noLogMeansNoFigures() {
        assertEquals(new CcacheStats(0, 0), CcacheStats.read(folder.resolve("none.log")));
    }
}
