package io.kforge.kbuild;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.kforge.core.spi.BuildRequest;
import io.kforge.core.spi.KforgeException;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The {@code build.json} written beside a kernel image (and beside the log of a failed build): the inputs, the
 * durations, warnings and errors, cache use, and a command line that repeats the build by hand.
 */
public final class BuildMetadata {

    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private final ObjectNode root = JSON.createObjectNode();

    /**
     * Starts the metadata of a build with its inputs.
     *
     * @param request the request
     * @param target the {@code make} target built
     * @param fingerprint the source tree's fingerprint
     * @param makeArguments the variables given to every {@code make} call
     * @param environment the extra environment of every {@code make} call
     * @param key the cache key
     */
    BuildMetadata(BuildRequest request, String target, String fingerprint, List<String> makeArguments,
                  Map<String, String> environment, String key) {
        root.put("ok", false).put("compiler", request.toolchain().compiler()).put("arch", request.toolchain().arch())
                .put("target", target);
        var inputs = root.putObject("inputs");
        inputs.put("source", request.tree().origin()).put("sourcePath", request.tree().path().toString())
                .put("sourceVersion", request.tree().version()).put("sourceHash", fingerprint)
                .put("config", request.config().toAbsolutePath().toString())
                .put("configSha256", SourceFingerprint.sha256(request.config()));
        var versions = inputs.putObject("toolchain");
        new TreeMap<>(request.toolchain().versions()).forEach(versions::put);
        var arguments = inputs.putArray("makeArguments");
        makeArguments.forEach(arguments::add);
        var env = inputs.putObject("environment");
        new TreeMap<>(environment).forEach(env::put);
        inputs.put("jobs", request.jobs()).put("ccache", request.ccache()).put("reproducible", request.reproducible());
        root.putObject("cache").put("key", key).put("hit", false);
    }

    /**
     * Records the reused build folder.
     *
     * @param folder the {@code O=} folder
     * @param incremental true when it held an earlier build
     */
    void buildFolder(Path folder, boolean incremental) {
        ((ObjectNode) root.get("cache")).put("buildFolder", folder.toString()).put("incremental", incremental);
    }

    /**
     * Records the ccache figures of the build.
     *
     * @param stats the hits and misses
     */
    void ccache(CcacheStats stats) {
        ((ObjectNode) root.get("cache")).putObject("ccache").put("hits", stats.hits()).put("misses", stats.misses())
                .put("hitRate", Math.round(stats.hitRate() * 1000) / 1000.0);
    }

    /**
     * Records how the build went.
     *
     * @param log the build's log
     * @param estimated the units the estimate expected
     * @param configuring how long {@code olddefconfig} took
     * @param compiling how long the compilation took
     * @param total the wall time of the whole build
     */
    void outcome(BuildLog log, int estimated, Duration configuring, Duration compiling, Duration total) {
        root.put("seconds", seconds(total));
        root.putObject("durations").put("configure", seconds(configuring)).put("compile", seconds(compiling))
                .put("total", seconds(total));
        root.putObject("units").put("compiled", log.units()).put("estimated", estimated);
        root.put("warnings", log.warnings());
        var samples = root.putArray("warningSamples");
        log.warningSamples().forEach(samples::add);
        root.put("errors", log.errors());
        log.firstError().ifPresentOrElse(error -> {
            var node = root.putObject("firstError");
            node.put("file", error.file().orElse(null)).put("line", error.line()).put("message", error.message());
        }, () -> root.putNull("firstError"));
    }

    /**
     * Records the successful end of the build.
     *
     * @param image the image's file name in the entry
     * @param kernelRelease the release string
     */
    void succeeded(String image, String kernelRelease) {
        root.put("ok", true).put("image", image).put("kernelRelease", kernelRelease);
    }

    /**
     * Records the command line that repeats the build by hand.
     *
     * @param line a POSIX shell line
     */
    void reproduce(String line) {
        root.put("reproduce", line);
        root.put("log", "build.log");
    }

    /**
     * Writes the metadata.
     *
     * @param file the {@code build.json} to write
     */
    void write(Path file) {
        try {
            JSON.writeValue(file.toFile(), root);
        } catch (IOException e) {
            throw new KforgeException("cannot write " + file + ": " + e.getMessage(), e);
        }
    }

    /**
     * What a cache hit needs from an earlier build's metadata.
     *
     * @param kernelRelease the release string
     * @param seconds the original build's wall time
     * @param warnings its warning count
     */
    public record Summary(String kernelRelease, double seconds, int warnings) {
    }

    /**
     * Reads the summary of a finished build.
     *
     * @param file its {@code build.json}
     * @return the summary
     * @throws KforgeException when the file is missing or damaged, saying to delete the entry
     */
    public static Summary read(Path file) {
        try {
            var node = JSON.readTree(file.toFile());
            if (!node.path("ok").asBoolean() || !node.hasNonNull("kernelRelease")) {
                throw new IOException("it does not describe a finished build");
            }
            return new Summary(node.get("kernelRelease").asText(), node.path("seconds").asDouble(),
                    node.path("warnings").asInt());
        } catch (IOException e) {
            throw new KforgeException("the cached build " + file.getParent() + " is damaged (" + e.getMessage()
                    + "); delete that folder and build again", e);
        }
    }

    private static double seconds(Duration took) {
        return took.toMillis() / 1000.0;
    }
}
