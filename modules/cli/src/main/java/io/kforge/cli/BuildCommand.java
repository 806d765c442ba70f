package io.kforge.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.kforge.core.Recipe;
import io.kforge.core.spi.BuildFailedException;
import io.kforge.core.spi.BuildOutcome;
import io.kforge.core.spi.InvalidInputException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code kforge build --source DIR --config FILE}: builds one kernel with a compiler backend, or reuses an identical
 * earlier build, and tells where the image, the log and {@code build.json} are.
 */
@Command(name = "build", mixinStandardHelpOptions = true,
        description = {"Build a kernel tree with a .config: out of tree, cached in the workspace (an unchanged build is"
                + " a cache hit), with the whole log and a build.json beside the image.",
                "Before compiling, the host is checked for what the configuration needs (as 'kforge doctor' does)."})
final class BuildCommand extends KforgeSubcommand {

    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    @Option(names = "--source", required = true, paramLabel = "DIR",
            description = "The kernel tree (or a kernel tarball).")
    Path source;

    @Option(names = "--config", required = true, paramLabel = "FILE", description = "The .config to build.")
    Path config;

    @Option(names = "--compiler", paramLabel = "ID", defaultValue = "gcc",
            description = "The compiler backend: gcc, clang or rust (default: ${DEFAULT-VALUE}).")
    String compiler;

    @Option(names = "--arch", paramLabel = "ARCH", defaultValue = "x86_64",
            description = "The target architecture: x86_64 or arm64 (default: ${DEFAULT-VALUE}).")
    String arch;

    @Override
    public Integer call() {
        if (!Files.isRegularFile(config)) {
            throw new InvalidInputException("--config " + config + ": no such file");
        }
        var build = new Recipe.Build(compiler, arch, null, null);
        var err = spec.commandLine().getErr();
        var out = spec.commandLine().getOut();
        var kforge = options.open();
        BuildOutcome outcome;
        Duration took;
        try (var progress = new ProgressListener(err, !options.json || System.console() != null)) {
            var pipeline = kforge.pipeline(progress);
            var tree = pipeline.fetch(new Recipe.Source("local", source.toAbsolutePath().toString(), null));
            var toolchain = pipeline.toolchain(tree, build);
            outcome = pipeline.build(tree, config.toAbsolutePath(), toolchain, build);
            took = pipeline.stageTimes().getOrDefault("build", outcome.took());
        } catch (BuildFailedException e) {
            if (options.json) {
                out.println(failure(e));
            }
            err.println("kforge: " + e.getMessage());
            return Main.STAGE_FAILED;
        }
        if (options.json) {
            out.println(success(outcome, took));
        } else {
            print(outcome, took, out);
        }
        return 0;
    }

    private static void print(BuildOutcome outcome, Duration took, PrintWriter out) {
        out.printf("image     %s (Linux %s, %d warnings)%n", outcome.image(), outcome.kernelRelease(),
                outcome.warnings());
        out.printf(outcome.cached() ? "cached    reused in %.2f s (built in %.1f s before)%n" : "built     in %.1f s%n",
                outcome.cached() ? took.toMillis() / 1000.0 : outcome.took().toMillis() / 1000.0,
                outcome.took().toMillis() / 1000.0);
        out.printf("log       %s%n", outcome.log());
        out.printf("metadata  %s%n", outcome.metadata());
    }

    private static String success(BuildOutcome outcome, Duration took) {
        var root = JSON.createObjectNode().put("ok", true).put("image", outcome.image().toString())
                .put("kernelRelease", outcome.kernelRelease()).put("seconds", took.toMillis() / 1000.0)
                .put("buildSeconds", outcome.took().toMillis() / 1000.0).put("cached", outcome.cached())
                .put("warnings", outcome.warnings()).put("errors", 0)
                .put("metadata", outcome.metadata().toString()).put("log", outcome.log().toString());
        return write(root);
    }

    private static String failure(BuildFailedException error) {
        var root = JSON.createObjectNode().put("ok", false).put("error", error.getMessage())
                .put("exitCode", Main.STAGE_FAILED).put("warnings", error.warnings()).put("errors", error.errors())
                .put("firstError", error.firstError().orElse(null)).put("metadata", error.metadata().toString())
                .put("log", error.log().toString());
        return write(root);
    }

    private static String write(ObjectNode node) {
        try {
            return JSON.writeValueAsString(node);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot render JSON", e);
        }
    }
}
