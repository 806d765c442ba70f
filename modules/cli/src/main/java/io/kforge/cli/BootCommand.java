package io.kforge.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.kforge.core.BootResult;
import io.kforge.core.Recipe;
import io.kforge.core.spi.ExecResult;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code kforge boot --kernel IMAGE [--exec CMD]}: the boot stage alone, with checks and a command in the guest.
 */
@Command(name = "boot", mixinStandardHelpOptions = true,
        description = {"Boot a kernel under QEMU with kforge's initramfs, run checks and optionally one command in the"
                + " guest, then power it off. With --exec, the exit code is the guest command's."})
final class BootCommand extends KforgeSubcommand {

    private static final ObjectMapper MAPPER = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    @Option(names = "--kernel", paramLabel = "IMAGE", required = true, description = "The kernel image (bzImage).")
    Path kernel;

    @Option(names = "--config", paramLabel = "FILE", description = "The kernel's .config, for the preflight checks.")
    Path config;

    @Option(names = "--initramfs", paramLabel = "auto|FILE", defaultValue = "auto",
            description = "kforge's own initramfs (auto, the default) or a file joined with it.")
    String initramfs;

    @Option(names = "--launcher", paramLabel = "ID", defaultValue = "qemu", description = "The VM launcher.")
    String launcher;

    @Option(names = "--kvm", paramLabel = "MODE", defaultValue = "auto", description = "auto, require or off.")
    String kvm;

    @Option(names = "--exec", paramLabel = "CMD", description = "A shell command line to run in the guest.")
    String exec;

    @Option(names = "--checks", paramLabel = "SET", split = ",", description = "Check sets to run (default: smoke).")
    List<String> checks = new ArrayList<>(List.of("smoke"));

    @Option(names = "--timeout", paramLabel = "SECONDS", defaultValue = "120",
            description = "Seconds to boot, and for each command in the guest.")
    int timeout;

    @Option(names = "--memory", paramLabel = "MIB", defaultValue = "256", description = "Guest memory in MiB.")
    int memory;

    @Option(names = "--cpus", paramLabel = "N", defaultValue = "1", description = "Guest CPUs.")
    int cpus;

    @Option(names = "--append", paramLabel = "ARG", description = "Extra kernel command-line arguments.")
    List<String> kernelArgs = new ArrayList<>();

    @Override
    public Integer call() {
        var boot = new Recipe.Boot(launcher, kvm, memory, cpus, timeout, checks, kernelArgs,
                initramfs.equals("auto") ? "" : initramfs);
        try (var kforge = options.open();
             var progress = new ProgressListener(spec.commandLine().getErr(), !options.json)) {
            var pipeline = kforge.pipeline(progress);
            try (var vm = pipeline.boot(kernel, Optional.ofNullable(config), boot)) {
                var result = pipeline.check(vm, boot, Optional.empty());
                var command = Optional.ofNullable(exec).map(vm::exec);
                print(result, command);
                if (command.isPresent()) {
                    return command.get().exitCode();
                }
                return result.ok() ? 0 : Main.STAGE_FAILED;
            }
        }
    }

    private void print(BootResult result, Optional<ExecResult> command) {
        var out = spec.commandLine().getOut();
        if (!options.json) {
            command.ifPresent(c -> out.print(c.output().endsWith("\n") || c.output().isEmpty() ? c.output()
                    : c.output() + "\n"));
            var err = spec.commandLine().getErr();
            err.printf("boot: Linux %s under %s%s; console log %s%n", result.kernelRelease(), result.accel(),
                    result.accelNote().map(n -> " (" + n + ")").orElse(""), result.console());
            result.checks().forEach(c -> err.printf("  %-4s %-18s %s%n", c.ok() ? "ok" : "FAIL", c.name(),
                    c.detail()));
            return;
        }
        var root = MAPPER.createObjectNode().put("ok", result.ok()).put("accel", result.accel())
                .put("accelNote", result.accelNote().orElse(null)).put("kernelRelease", result.kernelRelease())
                .put("console", result.console().toString());
        command.ifPresent(c -> root.putObject("exec").put("command", c.command()).put("output", c.output())
                .put("exitCode", c.exitCode()));
        var array = root.putArray("checks");
        result.checks().forEach(c -> array.addObject().put("name", c.name()).put("ok", c.ok())
                .put("detail", c.detail()));
        try {
            out.println(MAPPER.writeValueAsString(root));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot render JSON", e);
        }
    }
}
