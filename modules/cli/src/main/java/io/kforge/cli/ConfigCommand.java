package io.kforge.cli;

import io.kforge.core.Recipe;
import io.kforge.core.spi.ConfigOutcome;
import io.kforge.core.spi.KforgeException;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code kforge config}: the configuration stage alone, with the report of every requested option that did not
 * take effect and why.
 */
@Command(name = "config", mixinStandardHelpOptions = true, subcommands = ExplainCommand.class,
        description = {"Merge fragments over a base configuration, run make olddefconfig, and report every requested"
                + " option that did not take effect, with the reason (unknown-symbol, unmet-dependency, no-prompt,"
                + " choice, modules-disabled, invalid-value) and every conflict between fragments (a later one wins).",
                "Exit code 1 in --strict mode when anything was dropped or redefined."})
final class ConfigCommand extends KforgeSubcommand {

    @Option(names = "--source", paramLabel = "DIR|TARBALL",
            description = "The kernel tree or tarball (default: the newest /usr/src/linux-source-*.tar.xz).")
    String source = "";

    @Option(names = "--base", paramLabel = "NAME|FILE", defaultValue = "defconfig",
            description = "tinyconfig, defconfig (the default), allnoconfig, an arch defconfig name, or a .config.")
    String base;

    @Option(names = "--fragment", paramLabel = "FILE|NAME",
            description = "A fragment file or built-in profile (qemu-minimal, k8s); repeat, in order.")
    List<String> fragments = new ArrayList<>();

    @Option(names = "--compiler", paramLabel = "ID", defaultValue = "gcc",
            description = "The compiler backend whose make arguments every make call uses.")
    String compiler;

    @Option(names = "--arch", paramLabel = "ARCH", defaultValue = "x86_64", description = "Target architecture.")
    String arch;

    @Option(names = "--out", paramLabel = "FILE", description = "Where to write the final .config.")
    Path out;

    @Option(names = "--strict", description = "Fail when a requested option does not take effect.")
    boolean strict;

    @Override
    public Integer call() {
        try (var kforge = options.open();
             var progress = new ProgressListener(spec.commandLine().getErr(), !options.json)) {
            var pipeline = kforge.pipeline(progress);
            var tree = pipeline.fetch(new Recipe.Source("local", source, Map.of()));
            var build = new Recipe.Build(compiler, arch, null, null, null, null);
            var outcome = pipeline.configure(tree, new Recipe.Config(base, fragments, strict),
                    pipeline.toolchain(tree, build));
            if (out != null) {
                copy(outcome.config(), out);
            }
            print(outcome, spec.commandLine().getOut());
            return 0;
        }
    }

    private void print(ConfigOutcome outcome, PrintWriter writer) {
        if (options.json) {
            writer.println(Json.configReport(outcome));
            return;
        }
        var report = outcome.report();
        writer.printf("%s: %d options requested, %d from fragments not as requested, %d changed from the base,"
                + " %d conflicts%n", out != null ? out : outcome.config(), report.requested(),
                report.fromFragments().size(), report.fromBase().size(), report.conflicts().size());
        for (var dropped : report.dropped()) {
            writer.printf("  CONFIG_%s: requested %s, got %s%s%s%n", dropped.symbol(), dropped.requested(),
                    dropped.actual().orElse("unset"), dropped.origin().map(p -> " (" + p + ")").orElse(" (base)"),
                    dropped.reason().map(r -> "\n      " + r.kind() + ": " + r.detail()).orElse(""));
        }
        for (var conflict : report.conflicts()) {
            writer.printf("  CONFIG_%s: %s at %s, then %s at %s (the later one wins)%n", conflict.symbol(),
                    conflict.firstValue(), conflict.first(), conflict.secondValue(), conflict.second());
        }
    }

    private static void copy(Path config, Path target) {
        try {
            var folder = target.toAbsolutePath().getParent();
            Files.createDirectories(folder);
            var temporary = Files.createTempFile(folder, ".kforge-config", ".tmp");
            Files.copy(config, temporary, StandardCopyOption.REPLACE_EXISTING);
            Files.move(temporary, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new KforgeException("cannot write " + target + ": " + e.getMessage(), e);
        }
    }
}
