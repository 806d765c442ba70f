package io.kforge.distribution;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * The example program ({@code distribution/examples/api-program/Example.java}) run from source by the image's own
 * {@code java}, as the README shows: it fetches the default kernel
 * source and configures it ({@code tinyconfig} + {@code qemu-minimal}) through the automation API.
 */
class ApiProgramIT {

    @Test
    void programRunsTheSourceAndConfigStagesThroughTheApi() throws Exception {
        var example = ExampleProjects.source("api-program").resolve("Example.java");

        var run = ExampleProjects.run(List.of(Image.home().resolve("bin/java").toString(), example.toString(),
                Image.sharedWorkspace().toString()), Map.of("JAVA_HOME", "/nonexistent"));

        assertEquals(0, run.exitCode(), run.err());
        var printed = run.out().lines().filter(l -> l.contains("="))
                .collect(Collectors.toMap(l -> l.substring(0, l.indexOf('=')), l -> l.substring(l.indexOf('=') + 1)));
        assertTrue(printed.get("source.version").startsWith("6.12."), run.out());
        assertTrue(Files.isRegularFile(Path.of(printed.get("config.path"))), run.out());
        assertTrue(Integer.parseInt(printed.get("config.requested")) > 0, run.out());
        assertEquals("0", printed.get("config.dropped"), run.out());
        assertTrue(printed.containsKey("seconds.source") && printed.containsKey("seconds.config"), run.out());
        assertTrue(run.err().contains("[source] started"), run.err());
        assertTrue(run.err().contains("[config] finished"), run.err());
    }
}
