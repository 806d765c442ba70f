package io.kforge.distribution;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.StreamSupport;

/**
 * Runs the built jlink image's {@code bin/kforge} as a user would, capturing its output and exit code.
 */
final class Image {

    /** What one run printed and how it ended. */
    record Run(int exitCode, String out, String err) {
    }

    /** The providers the image ships, as {@code kind:id}; every plugin test compares against this one list. */
    static final Set<String> BUILT_IN_PLUGINS = Set.of("source:local", "config:kconfig", "compiler:gcc",
            "compiler:clang", "compiler:rust", "launcher:qemu", "sysctl:guest", "sysctl:netns");

    private Image() {
    }

    /** Returns the {@code kind:id} of every provider that {@code kforge plugins --json} lists as loaded. */
    static Set<String> loadedPlugins(JsonNode listed) {
        return StreamSupport.stream(listed.spliterator(), false)
                .filter(plugin -> plugin.get("status").asText().equals("loaded"))
                .map(plugin -> plugin.get("kind").asText() + ":" + plugin.get("id").asText())
                .collect(Collectors.toSet());
    }

    static Path home() {
        return Path.of(System.getProperty("kforge.image", "target/kforge")).toAbsolutePath();
    }

    static Path testCache() {
        return Path.of(System.getProperty("kforge.test.cache", "target/test-cache")).toAbsolutePath();
    }

    /** The workspace shared by the end-to-end tests, so that the default kernel is built once per run. */
    static Path sharedWorkspace() {
        return testCache().resolve("e2e-workspace");
    }

    static Run kforge(Map<String, String> environment, String... arguments) throws IOException, InterruptedException {
        var command = new ArrayList<String>();
        command.add(home().resolve("bin/kforge").toString());
        command.addAll(List.of(arguments));
        var builder = new ProcessBuilder(command);
        builder.environment().putAll(environment);
        var out = Files.createTempFile("kforge-out", ".txt");
        var err = Files.createTempFile("kforge-err", ".txt");
        builder.redirectOutput(out.toFile()).redirectError(err.toFile()).redirectInput(ProcessBuilder.Redirect.PIPE);
        var process = builder.start();
        process.getOutputStream().close();
        if (!process.waitFor(60, TimeUnit.MINUTES)) {
            process.descendants().forEach(ProcessHandle::destroyForcibly);
            process.destroyForcibly();
            throw new AssertionError("kforge did not end within 60 minutes: " + command);
        }
        try {
            return new Run(process.exitValue(), Files.readString(out, StandardCharsets.UTF_8),
                    Files.readString(err, StandardCharsets.UTF_8));
        } finally {
            Files.deleteIfExists(out);
            Files.deleteIfExists(err);
        }
    }

    static Run kforge(String... arguments) throws IOException, InterruptedException {
        return kforge(Map.of(), arguments);
    }
}
