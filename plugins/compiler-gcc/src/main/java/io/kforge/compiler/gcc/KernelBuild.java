package io.kforge.compiler.gcc;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.kforge.core.spi.BuildOutcome;
import io.kforge.core.spi.BuildRequest;
import io.kforge.core.spi.Command;
import io.kforge.core.spi.KforgeException;
import io.kforge.core.spi.StageContext;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.regex.Pattern;

/**
 * One out-of-tree kernel build ({@code make O=...}), cached in the workspace under a hash of everything that shapes
 * the image: the tree, the {@code .config}, the toolchain's versions and arguments, and the target.
 */
final class KernelBuild {

    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
    private static final Pattern COMPILED = Pattern.compile("^\\s+(CC|AS|LD|AR|HOSTCC|HOSTLD|OBJCOPY)\\s.*");
    private static final Pattern WARNING = Pattern.compile(".*\\bwarning:.*");
    private static final Pattern ERROR = Pattern.compile("^(.+?):(?:(\\d+):(?:\\d+:)?)? (?:fatal )?error: (.*)$");
    private static final Pattern MAKE_ERROR = Pattern.compile("^make(\\[\\d+\\])?: \\*\\*\\* (.*)$");

    private final BuildRequest request;
    private final StageContext context;

    KernelBuild(BuildRequest request, StageContext context) {
        this.request = request;
        this.context = context;
    }

    BuildOutcome run() {
        var key = cacheKey();
        if (context.isCached(key)) {
            var entry = context.cached(key, dir -> { });
            context.log("cache hit: " + entry + " (same tree, .config, toolchain and target)");
            return read(entry, true);
        }
        var logs = context.newRunFolder("gcc");
        var entry = context.cached(key, dir -> compile(dir, logs.resolve("build.log")));
        return read(entry, false);
    }

    private String cacheKey() {
        try {
            var digest = MessageDigest.getInstance("SHA-256");
            var tree = request.tree();
            update(digest, tree.sha256().orElse(tree.path().toAbsolutePath() + "@" + tree.version()));
            digest.update(Files.readAllBytes(request.config()));
            update(digest, String.join(" ", request.toolchain().makeArguments()));
            update(digest, new java.util.TreeMap<>(request.toolchain().environment()).toString());
            update(digest, new java.util.TreeMap<>(request.toolchain().versions()).toString());
            update(digest, request.target());
            return HexFormat.of().formatHex(digest.digest()).substring(0, 32);
        } catch (IOException e) {
            throw new KforgeException("cannot read " + request.config() + ": " + e.getMessage(), e);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void update(MessageDigest digest, String value) {
        digest.update(value.getBytes(java.nio.charset.StandardCharsets.UTF_8));
        digest.update((byte) 0);
    }

    private void compile(Path entry, Path log) {
        var objects = entry.resolve("obj");
        var started = System.nanoTime();
        var warnings = new AtomicInteger();
        var firstError = new AtomicReference<String>();
        var firstMakeError = new AtomicReference<String>();
        var compiled = new AtomicInteger();
        try {
            Files.createDirectories(objects);
            Files.copy(request.config(), objects.resolve(".config"));
            try (BufferedWriter writer = Files.newBufferedWriter(log)) {
                for (var target : List.of("olddefconfig", "-j" + request.jobs() + " " + request.target())) {
                    var command = make(objects, target.split(" "));
                    context.log("$ " + command.display());
                    writer.write("$ " + command.display() + "\n");
                    var result = context.commands().run(command, line -> {
                        write(writer, line);
                        if (WARNING.matcher(line).matches()) {
                            warnings.incrementAndGet();
                        }
                        if (firstError.get() == null && ERROR.matcher(line).matches()) {
                            firstError.set(line.strip());
                        }
                        if (firstMakeError.get() == null && MAKE_ERROR.matcher(line).matches()) {
                            firstMakeError.set(line.strip());
                        }
                        if (COMPILED.matcher(line).matches()) {
                            context.progress(compiled.incrementAndGet(), 0);
                        }
                    });
                    if (!result.ok()) {
                        throw new KforgeException("build failed: " + Optional.ofNullable(firstError.get())
                                .or(() -> Optional.ofNullable(firstMakeError.get())).orElse(result.failure()) + "\n" + String.join("\n", result.tail()) + "\nwhole log: "
                                + log);
                    }
                }
            }
            var image = objects.resolve(imagePath());
            if (!Files.isRegularFile(image)) {
                throw new KforgeException("make " + request.target() + " ended without " + image + "; see " + log);
            }
            Files.copy(image, entry.resolve(request.target()));
            Files.copy(log, entry.resolve("build.log"));
            var took = Duration.ofNanos(System.nanoTime() - started);
            writeMetadata(entry, objects, took, warnings.get(), compiled.get());
        } catch (IOException | UncheckedIOException e) {
            throw new KforgeException("build failed: " + e.getMessage() + "; see " + log, e);
        }
    }

    private String imagePath() {
        return request.target().equals("bzImage") ? "arch/x86/boot/bzImage" : request.target();
    }

    private Command make(Path objects, String... targets) {
        return Command.of("make", "-C", request.tree().path().toString(), "O=" + objects)
                .plus(request.toolchain().makeArguments())
                .plus(List.of(targets))
                .withEnvironment(request.toolchain().environment())
                .withTimeout(Duration.ofHours(3));
    }

    private static void write(BufferedWriter writer, String line) {
        try {
            writer.write(line);
            writer.write('\n');
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void writeMetadata(Path entry, Path objects, Duration took, int warnings, int compiled) throws IOException {
        var release = Files.readString(objects.resolve("include/config/kernel.release")).strip();
        var metadata = new LinkedHashMap<String, Object>();
        metadata.put("image", request.target());
        metadata.put("kernelRelease", release);
        metadata.put("seconds", took.toMillis() / 1000.0);
        metadata.put("warnings", warnings);
        metadata.put("errors", 0);
        metadata.put("unitsCompiled", compiled);
        metadata.put("inputs", Map.of(
                "source", request.tree().origin(),
                "sourceVersion", request.tree().version(),
                "sourceSha256", request.tree().sha256().orElse(""),
                "configSha256", sha256(request.config()),
                "compiler", request.toolchain().compiler(),
                "toolchain", request.toolchain().versions(),
                "makeArguments", request.toolchain().makeArguments(),
                "jobs", request.jobs()));
        metadata.put("reproduce", make(Path.of("OUT"), "-j" + request.jobs(), request.target()).display()
                + "   # after: mkdir OUT && cp CONFIG OUT/.config && make ... olddefconfig");
        JSON.writeValue(entry.resolve("build.json").toFile(), metadata);
    }

    private static String sha256(Path file) throws IOException {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(file)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private BuildOutcome read(Path entry, boolean cached) {
        try {
            var metadata = JSON.readTree(entry.resolve("build.json").toFile());
            return new BuildOutcome(entry.resolve(request.target()), metadata.get("kernelRelease").asText(),
                    entry.resolve("build.log"), Duration.ofMillis((long) (metadata.get("seconds").asDouble() * 1000)),
                    metadata.get("warnings").asInt(), cached);
        } catch (IOException | NullPointerException e) {
            throw new KforgeException("the cached build " + entry + " is damaged (" + e.getMessage()
                    + "); delete that folder and build again", e);
        }
    }
}
