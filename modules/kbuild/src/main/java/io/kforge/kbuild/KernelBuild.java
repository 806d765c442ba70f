package io.kforge.kbuild;

import io.kforge.core.spi.BuildFailedException;
import io.kforge.core.spi.BuildOutcome;
import io.kforge.core.spi.BuildRequest;
import io.kforge.core.spi.Command;
import io.kforge.core.spi.KforgeException;
import io.kforge.core.spi.StageContext;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReentrantLock;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * One out-of-tree kernel build ({@code make O=...}) and its place in the workspace.
 *
 * <p>The finished build is an entry keyed by a hash of everything that shapes the image: the tree's fingerprint,
 * the {@code .config}, the toolchain's arguments, environment and versions, the target and the reproducible flag;
 * an unchanged build is a cache hit that only reads that entry. The compilation itself happens in a build folder
 * kept per tree, compiler and architecture ({@code entries/build/objtree-KEY}, the one folder kforge updates in
 * place, under a lock), so a changed configuration rebuilds incrementally. Before compiling, the host is checked for
 * what the configuration needs.
 */
public final class KernelBuild {

    private static final System.Logger LOG = System.getLogger(KernelBuild.class.getName());
    private static final Map<Path, ReentrantLock> FOLDER_LOCKS = new ConcurrentHashMap<>();
    private static final Duration TIME_LIMIT = Duration.ofHours(3);
    /** The variables of this process's environment that Kbuild reads; they shape the image like the toolchain's. */
    private static final Pattern KBUILD_VARIABLES = Pattern.compile(
            "K[A-Z]*FLAGS|KBUILD_\\w+|LOCALVERSION|CROSS_COMPILE|ARCH|SUBARCH|LLVM|LLVM_IAS|CC|LD|AR|NM|OBJCOPY|HOSTCC"
                    + "|HOSTCXX|HOSTCFLAGS|HOSTLDFLAGS|RUSTC|BINDGEN|RUST_LIB_SRC|LIBCLANG_PATH|PAHOLE"
                    + "|SOURCE_DATE_EPOCH");
    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("EEE MMM d HH:mm:ss 'UTC' yyyy",
            Locale.ROOT).withZone(ZoneOffset.UTC);

    private final BuildRequest request;
    private final StageContext context;
    private final KbuildBackend backend;
    private final Arch arch;
    private final String target;
    private Map<String, String> environment = Map.of();

    KernelBuild(BuildRequest request, StageContext context, KbuildBackend backend) {
        this.request = request;
        this.context = context;
        this.backend = backend;
        this.arch = Arch.of(request.toolchain().arch());
        this.target = arch.target(request.target());
    }

    BuildOutcome run() {
        var fingerprint = SourceFingerprint.of(request.tree());
        var key = cacheKey(fingerprint);
        if (context.isCached(key)) {
            var entry = context.cached(key, dir -> { });
            context.log("cache hit: " + entry + " (same source, .config, toolchain, arguments and target)");
            return outcome(entry, true);
        }
        requireHost();
        var logs = context.newRunFolder(backend.id());
        environment = environment(logs);
        var metadata = new BuildMetadata(request, target, fingerprint, makeArguments(), environment, key);
        var entry = context.cached(key, dir -> compile(dir, logs, metadata));
        return outcome(entry, false);
    }

    private void requireHost() {
        var probe = backend.check(request.tree(), Optional.of(request.config()), arch.name());
        if (request.ccache()) {
            probe = probe.requiring("ccache");
        }
        if (!probe.usable()) {
            throw new KforgeException("not building: this host lacks what " + request.config().getFileName()
                    + " needs with " + backend.id() + ":\n  " + String.join("\n  ", probe.missing())
                    + (probe.install().isEmpty() ? "" : "\ninstall it all with: " + String.join(" ", probe.install())));
        }
    }

    private void compile(Path entry, Path logs, BuildMetadata metadata) {
        var started = System.nanoTime();
        var objects = buildFolder();
        var lock = FOLDER_LOCKS.computeIfAbsent(objects, f -> new ReentrantLock());
        lock.lock();
        try (var channel = FileChannel.open(objects.resolve(".kforge.lock"), StandardOpenOption.CREATE,
                StandardOpenOption.WRITE); var ignored = channel.lock();
             var log = new BuildLog(logs.resolve("build.log"), units -> { })) {
            var incremental = Files.exists(objects.resolve("include/config/auto.conf"));
            metadata.buildFolder(objects, incremental);
            writeConfig(objects);
            var configuring = run(log, objects, List.of("olddefconfig"), 0);
            if (!configuring.ok()) {
                stop(log, logs, metadata, configuring, configuring.took(), Duration.ZERO, 0, started);
            }
            backend.configured(request, objects.resolve(".config"), context);
            var estimate = BuildEstimate.units(request.tree().path(), arch,
                    ConfigValues.read(objects.resolve(".config")));
            context.log("about " + estimate + " units to compile" + (incremental ? " at most (incremental)" : ""));
            var compiling = run(log, objects, List.of("-j" + request.jobs(), target), estimate);
            if (!compiling.ok()) {
                stop(log, logs, metadata, compiling, configuring.took(), compiling.took(), estimate, started);
            }
            var total = Duration.ofNanos(System.nanoTime() - started);
            metadata.outcome(log, estimate, configuring.took(), compiling.took(), total);
            metadata.reproduce(reproduce());
            if (request.ccache()) {
                metadata.ccache(CcacheStats.read(logs.resolve("ccache-stats.log")));
            }
            log.close();
            finish(entry, objects, logs, metadata);
            LOG.log(System.Logger.Level.INFO, "built {0} in {1} s, {2} units, {3} warnings", target,
                    total.toSeconds(), log.units(), log.warnings());
        } catch (IOException e) {
            throw new KforgeException("the build failed to use " + objects + ": " + e.getMessage(), e);
        } finally {
            lock.unlock();
        }
    }

    /** Writes the failed build's metadata beside its log and throws its first error. */
    private void stop(BuildLog log, Path logs, BuildMetadata metadata, io.kforge.core.spi.CommandResult failed,
                      Duration configuring, Duration compiling, int estimate, long started) {
        log.close();
        metadata.outcome(log, estimate, configuring, compiling, Duration.ofNanos(System.nanoTime() - started));
        metadata.reproduce(reproduce());
        if (request.ccache()) {
            metadata.ccache(CcacheStats.read(logs.resolve("ccache-stats.log")));
        }
        metadata.write(logs.resolve("build.json"));
        throw failure(log, logs.resolve("build.json"), failed);
    }

    private Path buildFolder() {
        var digest = SourceFingerprint.sha256();
        for (var part : List.of(request.tree().path().toAbsolutePath().toString(), backend.id(), arch.name(),
                String.join(" ", request.toolchain().makeArguments()))) {
            digest.update((part + "\n").getBytes(StandardCharsets.UTF_8));
        }
        return context.cached("objtree-" + HexFormat.of().formatHex(digest.digest()).substring(0, 24), dir -> { });
    }

    private void writeConfig(Path objects) throws IOException {
        var text = new StringBuilder(Files.readString(request.config()));
        if (!text.isEmpty() && text.charAt(text.length() - 1) != '\n') {
            text.append('\n');
        }
        backend.options().forEach((symbol, value) -> text.append("CONFIG_").append(symbol).append('=').append(value)
                .append('\n'));
        var config = objects.resolve(".config");
        if (!Files.exists(config) || !Files.readString(config).contentEquals(text)) {
            Files.writeString(config, text);
        }
    }

    private io.kforge.core.spi.CommandResult run(BuildLog log, Path objects, List<String> targets, int estimate) {
        var command = make(objects, targets);
        LOG.log(System.Logger.Level.DEBUG, "$ {0}", command.display());
        context.log("$ " + command.display());
        log.note("$ " + command.display());
        var done = new java.util.concurrent.atomic.AtomicInteger();
        return context.commands().run(command, line -> {
            log.accept(line);
            context.log(line);
            if (estimate > 0 && log.units() > done.get()) {
                done.set(log.units());
                context.progress(done.get(), Math.max(estimate, done.get()));
            }
        });
    }

    private Command make(Path objects, List<String> targets) {
        var tools = HostTools.with(request.toolchain().environment());
        var make = tools.find("make").map(Path::toString).orElse("make");
        return Command.of(make, "-C", request.tree().path().toString(), "O=" + objects)
                .plus(makeArguments())
                .plus(targets)
                .withEnvironment(environment)
                .withTimeout(TIME_LIMIT);
    }

    private List<String> makeArguments() {
        var arguments = new ArrayList<>(request.toolchain().makeArguments());
        if (request.ccache()) {
            arguments.add("CC=ccache " + backend.compiler().cc(arch));
        }
        return arguments;
    }

    private Map<String, String> environment(Path logs) {
        var environment = new TreeMap<String, String>();
        System.getenv().forEach((name, value) -> {
            if (KBUILD_VARIABLES.matcher(name).matches()) {
                environment.put(name, value);
            }
        });
        environment.putAll(request.toolchain().environment());
        if (request.reproducible()) {
            var epoch = Optional.ofNullable(System.getenv("SOURCE_DATE_EPOCH")).map(Long::parseLong)
                    .orElseGet(this::treeTime);
            environment.put("KBUILD_BUILD_TIMESTAMP", STAMP.format(Instant.ofEpochSecond(epoch)));
            environment.put("KBUILD_BUILD_USER", "kforge");
            environment.put("KBUILD_BUILD_HOST", "kforge");
            environment.put("KBUILD_BUILD_VERSION", "1");
        }
        if (request.ccache()) {
            environment.put("CCACHE_STATSLOG", logs.resolve("ccache-stats.log").toString());
        }
        return environment;
    }

    private long treeTime() {
        try {
            return Files.getLastModifiedTime(request.tree().path().resolve("Makefile")).toInstant().getEpochSecond();
        } catch (IOException e) {
            throw new KforgeException("cannot read " + request.tree().path().resolve("Makefile") + ": "
                    + e.getMessage(), e);
        }
    }

    private String cacheKey(String fingerprint) {
        var digest = SourceFingerprint.sha256();
        var environment = new TreeMap<>(environment(Path.of("")));
        environment.keySet().removeIf(name -> name.startsWith("CCACHE_"));
        try {
            for (var part : List.of(fingerprint, Files.readString(request.config()),
                    backend.options().toString(), String.join(" ", request.toolchain().makeArguments()),
                    environment.toString(), new TreeMap<>(request.toolchain().versions()).toString(), target,
                    Boolean.toString(request.reproducible()))) {
                digest.update(part.getBytes(StandardCharsets.UTF_8));
                digest.update((byte) 0);
            }
        } catch (IOException e) {
            throw new KforgeException("cannot read the configuration " + request.config() + ": " + e.getMessage(), e);
        }
        return HexFormat.of().formatHex(digest.digest()).substring(0, 32);
    }

    private BuildFailedException failure(BuildLog log, Path metadata, io.kforge.core.spi.CommandResult result) {
        var first = log.firstError().map(BuildError::describe);
        var message = "build failed: " + first.orElse(result.failure()) + "\n--- last lines of the log ---\n"
                + String.join("\n", log.tail()) + "\nwhole log: " + log.file() + "\nbuild.json: " + metadata;
        return new BuildFailedException(message, log.file(), metadata, log.errors(), log.warnings(), first);
    }

    private void finish(Path entry, Path objects, Path logs, BuildMetadata metadata) throws IOException {
        var image = objects.resolve(arch.imagePath(target));
        if (!Files.isRegularFile(image)) {
            throw new KforgeException("make " + target + " ended without " + image + "; see "
                    + logs.resolve("build.log"));
        }
        var name = image.getFileName().toString();
        Files.copy(image, entry.resolve(name), StandardCopyOption.COPY_ATTRIBUTES);
        Files.copy(objects.resolve(".config"), entry.resolve("config"));
        for (var extra : List.of("System.map", "vmlinux.symvers")) {
            if (Files.isRegularFile(objects.resolve(extra))) {
                Files.copy(objects.resolve(extra), entry.resolve(extra));
            }
        }
        Files.copy(logs.resolve("build.log"), entry.resolve("build.log"));
        if (Files.isRegularFile(logs.resolve("ccache-stats.log"))) {
            Files.copy(logs.resolve("ccache-stats.log"), entry.resolve("ccache-stats.log"));
        }
        var release = Files.readString(objects.resolve("include/config/kernel.release")).strip();
        metadata.succeeded(name, release);
        metadata.write(entry.resolve("build.json"));
        Files.copy(entry.resolve("build.json"), logs.resolve("build.json"), StandardCopyOption.REPLACE_EXISTING);
    }

    private BuildOutcome outcome(Path entry, boolean cached) {
        var summary = BuildMetadata.read(entry.resolve("build.json"));
        var image = entry.resolve(Path.of(arch.imagePath(target)).getFileName());
        return new BuildOutcome(image, summary.kernelRelease(), entry.resolve("build.log"),
                Duration.ofMillis((long) (summary.seconds() * 1000)), summary.warnings(), cached,
                entry.resolve("build.json"));
    }

    private String reproduce() {
        var out = "OUT";
        var steps = new ArrayList<String>();
        steps.add("mkdir -p " + out);
        steps.add("cp " + request.config().toAbsolutePath() + " " + out + "/.config");
        backend.options().forEach((symbol, value) -> steps.add("echo CONFIG_" + symbol + "=" + value + " >> " + out
                + "/.config"));
        var configure = make(Path.of(out), List.of("olddefconfig"));
        var compile = make(Path.of(out), List.of("-j" + request.jobs(), target));
        var environment = new LinkedHashMap<>(compile.environment());
        environment.remove("CCACHE_STATSLOG");
        steps.add(display(configure.arguments(), environment));
        steps.add(display(compile.arguments(), environment));
        return steps.stream().collect(Collectors.joining(" && "));
    }

    private static String display(List<String> arguments, Map<String, String> environment) {
        return new Command(arguments, environment, Optional.empty(), Command.DEFAULT_TIMEOUT).display();
    }
}
