package io.kforge.core;

import io.kforge.core.internal.GuestChecks;
import io.kforge.core.internal.PipelineContext;
import io.kforge.core.spi.BootSpec;
import io.kforge.core.spi.BuildOutcome;
import io.kforge.core.spi.BuildRequest;
import io.kforge.core.spi.CommandRunner;
import io.kforge.core.spi.CompilerBackend;
import io.kforge.core.spi.ConfigMerger;
import io.kforge.core.spi.ConfigOutcome;
import io.kforge.core.spi.ConfigRequest;
import io.kforge.core.spi.GuestShell;
import io.kforge.core.spi.KforgeException;
import io.kforge.core.spi.KvmMode;
import io.kforge.core.spi.Probe;
import io.kforge.core.spi.SourceSpec;
import io.kforge.core.spi.SourceTree;
import io.kforge.core.spi.StageListener;
import io.kforge.core.spi.SysctlOutcome;
import io.kforge.core.spi.SysctlRequest;
import io.kforge.core.spi.SysctlTarget;
import io.kforge.core.spi.ToolCheck;
import io.kforge.core.spi.Toolchain;
import io.kforge.core.spi.Vm;
import io.kforge.core.spi.VmLauncher;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Runs the stages of a recipe, one at a time or all together, with the providers of a {@link PluginRegistry}.
 *
 * <p>Each stage reports to the listener (started, progress, log lines, warnings, finished) and its outputs go to the
 * workspace. A stage fails with a {@link io.kforge.core.spi.KforgeException} whose message is meant for the user.
 */
public final class Pipeline {

    private final PluginRegistry registry;
    private final Workspace workspace;
    private final StageListener listener;
    private final CommandRunner commands = CommandRunner.local();
    private final Map<String, Duration> stageTimes = new LinkedHashMap<>();

    /**
     * Creates a pipeline.
     *
     * @param registry where the providers come from
     * @param workspace where outputs go
     * @param listener receives the stages' events
     */
    public Pipeline(PluginRegistry registry, Workspace workspace, StageListener listener) {
        this.registry = registry;
        this.workspace = workspace;
        this.listener = listener;
    }

    /**
     * Fetches the kernel tree a source section names.
     *
     * @param source the source section
     * @return the unpacked, verified tree
     */
    public SourceTree fetch(Recipe.Source source) {
        var spec = new SourceSpec(source.kind(), source.location(), source.options());
        var fetcher = registry.sourceFetcher(spec);
        return timed("source", "fetching " + (spec.location().isEmpty() ? "the default source" : spec.location()),
                () -> fetcher.fetch(spec, context("source")),
                tree -> "Linux " + tree.version() + " from " + tree.origin());
    }

    /**
     * Returns the compiler backend's {@code make} arguments for a tree; they are used for every {@code make} call.
     *
     * @param tree the kernel tree
     * @param build the build section
     * @return the toolchain
     */
    public Toolchain toolchain(SourceTree tree, Recipe.Build build) {
        return registry.require(CompilerBackend.class, build.compiler()).toolchain(tree, build.arch());
    }

    /**
     * Produces the final {@code .config} and its report; each dropped option is also reported as a warning.
     *
     * @param tree the kernel tree
     * @param config the config section
     * @param toolchain the compiler backend's toolchain
     * @return the configuration and its report
     */
    public ConfigOutcome configure(SourceTree tree, Recipe.Config config, Toolchain toolchain) {
        var merger = registry.require(ConfigMerger.class, "kconfig");
        var request = new ConfigRequest(tree, config.base(), config.fragments(), toolchain, config.strict());
        var outcome = timed("config", config.base() + " + " + String.join(", ", config.fragments()),
                () -> merger.configure(request, context("config")),
                done -> done.report().requested() + " options requested, " + done.report().dropped().size()
                        + " not as requested");
        for (var dropped : outcome.report().dropped()) {
            listener.warning("config", "CONFIG_" + dropped.symbol() + ": requested " + dropped.requested()
                    + ", got " + dropped.actual().orElse("unset")
                    + dropped.origin().map(p -> " (" + p + ")").orElse(" (base)")
                    + dropped.reason().map(r -> ": " + r.kind() + ", " + r.detail()).orElse(""));
        }
        return outcome;
    }

    /**
     * Builds the kernel, or reuses an identical earlier build.
     *
     * @param tree the kernel tree
     * @param config the {@code .config} to build
     * @param toolchain the compiler backend's toolchain
     * @param build the build section
     * @return the built kernel
     */
    public BuildOutcome build(SourceTree tree, Path config, Toolchain toolchain, Recipe.Build build) {
        var backend = registry.require(CompilerBackend.class, build.compiler());
        var request = new BuildRequest(tree, config, toolchain, build.target(), build.effectiveJobs(), build.ccache(),
                build.reproducible());
        return timed("build", build.target() + " with " + build.compiler() + ", " + request.jobs() + " jobs",
                () -> backend.build(request, context("build")),
                done -> done.image() + (done.cached() ? " (cached)" : "") + ", " + done.warnings() + " warnings");
    }

    /**
     * Boots a kernel; the caller closes the returned VM.
     *
     * @param kernel the kernel image
     * @param config its {@code .config}, for the preflight checks
     * @param boot the boot section
     * @return the running guest
     */
    public Vm boot(Path kernel, Optional<Path> config, Recipe.Boot boot) {
        GuestChecks.validate(boot.checks());
        var launcher = registry.require(VmLauncher.class, boot.launcher());
        var spec = new BootSpec(kernel, config, boot.initramfsFile(), boot.kernelArgs(), boot.memory(), boot.cpus(),
                KvmMode.valueOf(boot.kvm().toUpperCase(Locale.ROOT)), Duration.ofSeconds(boot.timeout()));
        return timed("boot", kernel.toString(), () -> launcher.start(spec, context("boot")),
                vm -> "Linux " + vm.kernelRelease() + " up under " + vm.accel());
    }

    /**
     * Runs check sets inside a booted guest.
     *
     * @param vm the guest
     * @param boot the boot section, naming the check sets
     * @param builtRelease the release of the built kernel, to compare with the running one
     * @return the boot's result
     */
    public BootResult check(Vm vm, Recipe.Boot boot, Optional<String> builtRelease) {
        var checks = GuestChecks.run(vm, boot.checks(), vm.kernelRelease(), builtRelease);
        checks.stream().filter(c -> !c.ok()).forEach(c -> listener.warning("boot", "check " + c.name() + " failed: "
                + c.detail()));
        var ok = checks.stream().allMatch(CheckResult::ok);
        return new BootResult(ok, vm.kernelRelease(), vm.accel(), vm.accelNote(), vm.consoleLog(), checks);
    }

    /**
     * Applies sysctl profiles inside a guest and reads every key back.
     *
     * @param guest the guest's shell
     * @param sysctl the sysctl section
     * @return every key with its value read back
     */
    public SysctlOutcome tune(GuestShell guest, Recipe.Sysctl sysctl) {
        var target = new SysctlTarget.Guest(guest);
        var applier = registry.sysctlApplier(target);
        return timed("sysctl", String.join(", ", sysctl.profiles()) + " on " + target.label(),
                () -> applier.apply(new SysctlRequest(sysctl.profiles(), target), context("sysctl")),
                done -> done.results().stream().filter(r -> r.ok()).count() + " of " + done.results().size()
                        + " keys verified");
    }

    /**
     * Checks the host against what a recipe needs: the compiler backend's tools with the tree's own minimum versions
     * (and, with a configuration, the tools its options call for), and the VM launcher's.
     *
     * <p>With a configuration, an option a fragment asked for that did not take effect counts as wanted: a
     * {@code CONFIG_DEBUG_INFO_BTF} that Kconfig turned off for want of {@code pahole} still asks for {@code pahole}.
     *
     * @param tree the kernel tree
     * @param config the configuration stage's outcome, or empty to check the basic tools only
     * @param recipe the recipe
     * @return one row per tool, and the command that installs what is missing
     */
    public Probe checkHost(SourceTree tree, Optional<ConfigOutcome> config, Recipe recipe) {
        var started = System.nanoTime();
        listener.started("host", "checking the tools " + recipe.build().compiler() + " and " + recipe.boot().launcher()
                + " need" + (config.isPresent() ? " for this configuration" : ""));
        var backend = registry.require(CompilerBackend.class, recipe.build().compiler());
        Path wanted = null;
        try {
            if (config.isPresent()) {
                var lines = new java.util.ArrayList<>(java.nio.file.Files.readAllLines(config.get().config()));
                config.get().report().fromFragments().forEach(d -> lines.add("CONFIG_" + d.symbol() + "="
                        + d.requested()));
                wanted = java.nio.file.Files.createTempFile("kforge-wanted-", ".config");
                java.nio.file.Files.write(wanted, lines);
            }
            var probe = backend.check(tree, Optional.ofNullable(wanted), recipe.build().arch());
            probe = recipe.build().ccache() ? probe.requiring("ccache") : probe;
            try {
                probe = probe.with(registry.require(VmLauncher.class, recipe.boot().launcher()).probe().rows());
            } catch (KforgeException e) {
                probe = probe.with(List.of(new ToolCheck("launcher " + recipe.boot().launcher(), Optional.empty(),
                        "any", false, true, "", e.getMessage())));
            }
            probe.rows().stream().filter(r -> !r.ok() && !r.required())
                    .forEach(r -> listener.warning("host", "optional: " + r.problem()));
            listener.finished("host", Duration.ofNanos(System.nanoTime() - started), probe.rows().size()
                    + " tools checked, " + probe.missing().size() + " missing or too old");
            return probe;
        } catch (java.io.IOException e) {
            throw new KforgeException("cannot read " + config.get().config() + ": " + e.getMessage(), e);
        } finally {
            if (wanted != null) {
                wanted.toFile().delete();
            }
        }
    }

    /**
     * Runs every stage of a recipe: fetch, configure, build, boot with checks, and sysctl in the guest.
     *
     * <p>Before the configuration step and again before the build, the host is checked as {@link #checkHost} does;
     * a missing or too old tool stops the run there, with what to install.
     *
     * @param recipe the recipe
     * @return every stage's result
     */
    public RunResult up(Recipe recipe) {
        GuestChecks.validate(recipe.boot().checks());
        var notBooted = new SysctlTarget.Guest(command -> {
            throw new KforgeException("the guest is not booted yet");
        });
        var profileProblems = registry.sysctlApplier(notBooted).checkProfiles(recipe.sysctl().profiles());
        if (!profileProblems.isEmpty()) {
            throw new io.kforge.core.spi.InvalidInputException(String.join("; ", profileProblems));
        }
        java.util.function.Consumer<Probe> require = probe -> {
            if (!probe.usable()) {
                throw new KforgeException("this host cannot run the recipe ('kforge doctor' shows every check):\n  "
                        + String.join("\n  ", probe.missing()));
            }
        };
        var tree = fetch(recipe.source());
        require.accept(checkHost(tree, Optional.empty(), recipe));
        var toolchain = toolchain(tree, recipe.build());
        var config = configure(tree, recipe.config(), toolchain);
        require.accept(checkHost(tree, Optional.of(config), recipe));
        var kernel = build(tree, config.config(), toolchain, recipe.build());
        try (var vm = boot(kernel.image(), Optional.of(config.config()), recipe.boot())) {
            var started = System.nanoTime();
            var booted = check(vm, recipe.boot(), Optional.of(kernel.kernelRelease()));
            stageTimes.merge("boot", Duration.ofNanos(System.nanoTime() - started), Duration::plus);
            var tuned = tune(vm, recipe.sysctl());
            return new RunResult(tree, config, kernel, booted, tuned, stageTimes());
        }
    }

    /**
     * Returns the wall time of each stage run so far by this pipeline.
     *
     * @return stage label to wall time, in the order the stages ran
     */
    public Map<String, Duration> stageTimes() {
        return java.util.Collections.unmodifiableMap(new LinkedHashMap<>(stageTimes));
    }

    private PipelineContext context(String stage) {
        return new PipelineContext(stage, listener, commands, workspace);
    }

    private <T> T timed(String stage, String what, Supplier<T> work, java.util.function.Function<T, String> summary) {
        listener.started(stage, what);
        var started = System.nanoTime();
        var result = work.get();
        var took = Duration.ofNanos(System.nanoTime() - started);
        stageTimes.merge(stage, took, Duration::plus);
        listener.finished(stage, took, summary.apply(result));
        return result;
    }
}
