package io.kforge.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.kforge.core.Pipeline;
import io.kforge.core.Recipe;
import io.kforge.core.Recipes;
import io.kforge.core.spi.Command;
import io.kforge.core.spi.CommandRunner;
import io.kforge.core.spi.ConfigOutcome;
import io.kforge.core.spi.KforgeException;
import io.kforge.core.spi.Probe;
import io.kforge.core.spi.SourceTree;
import io.kforge.core.spi.ToolCheck;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code kforge doctor [RECIPE]}: checks the host against what a recipe needs, prints one row per tool with the
 * version found and the version the kernel tree itself asks for, and the command that installs what is missing.
 */
@picocli.CommandLine.Command(name = "doctor", mixinStandardHelpOptions = true,
        description = {"Check this host against what RECIPE (or the default job) needs: compilers, binutils, make,"
                + " flex, bison, bc, libelf and openssl headers, pahole when BTF is on, the Rust tools for rust,"
                + " cpio, QEMU and KVM access, with the minimum versions the kernel tree states.",
                "When the basic tools are there, the configuration is made too, so that the tools its options call"
                        + " for are checked. Exit code 0 when nothing needed is missing, 1 otherwise."})
final class DoctorCommand extends KforgeSubcommand {

    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    @Parameters(arity = "0..1", paramLabel = "RECIPE", description = "A recipe file; the default job when left out.")
    Path recipe;

    @Option(names = "--compiler", paramLabel = "ID", description = "Check for this compiler backend instead of the"
            + " recipe's: gcc, clang or rust.")
    String compiler;

    @Option(names = "--install", description = "Run the install command for what is missing, then check again.")
    boolean install;

    @Override
    public Integer call() {
        var chosen = withCompiler(recipe == null ? Recipe.defaults() : Recipes.load(recipe));
        var err = spec.commandLine().getErr();
        var kforge = options.open();
        Probe probe;
        var installed = false;
        Optional<Path> config;
        try (var progress = new ProgressListener(err, !options.json || System.console() != null)) {
            var pipeline = kforge.pipeline(progress);
            var tree = pipeline.fetch(chosen.source());
            var checked = check(pipeline, tree, chosen, err);
            if (install && !checked.probe().install().isEmpty()) {
                runInstall(checked.probe(), err);
                installed = true;
                checked = check(pipeline, tree, chosen, err);
            }
            probe = checked.probe();
            config = checked.config();
        }
        var out = spec.commandLine().getOut();
        if (options.json) {
            out.println(json(probe, chosen, config, installed));
        } else {
            table(probe, config, out);
        }
        return probe.usable() ? 0 : Main.STAGE_FAILED;
    }

    private Recipe withCompiler(Recipe loaded) {
        if (compiler == null) {
            return loaded;
        }
        var build = loaded.build();
        return new Recipe(loaded.source(), loaded.config(), new Recipe.Build(compiler, build.arch(), build.target(),
                build.jobs(), build.ccache(), build.reproducible()), loaded.boot(), loaded.sysctl());
    }

    /** The rows, and the configuration they were checked against when the configuration step could run. */
    private record Checked(Probe probe, Optional<Path> config) {
    }

    private static Checked check(Pipeline pipeline, SourceTree tree, Recipe recipe, PrintWriter err) {
        var basic = pipeline.checkHost(tree, Optional.empty(), recipe);
        if (!basic.usable()) {
            return new Checked(basic, Optional.empty());
        }
        ConfigOutcome config;
        try {
            config = pipeline.configure(tree, recipe.config(), pipeline.toolchain(tree, recipe.build()));
        } catch (KforgeException e) {
            err.println("kforge: the configuration step failed, so only the basic tools were checked: "
                    + e.getMessage().lines().findFirst().orElse(""));
            return new Checked(basic, Optional.empty());
        }
        return new Checked(pipeline.checkHost(tree, Optional.of(config), recipe), Optional.of(config.config()));
    }

    private static void runInstall(Probe probe, PrintWriter err) {
        var command = Command.of(probe.install()).withEnvironment(Map.of("DEBIAN_FRONTEND", "noninteractive"));
        err.println("$ " + command.display());
        var result = CommandRunner.local().run(command, line -> {
            err.println(line);
            err.flush();
        });
        if (!result.ok()) {
            throw new KforgeException("the install command failed: " + result.failure());
        }
    }

    private static void table(Probe probe, Optional<Path> config, PrintWriter out) {
        var format = "%-34s %-20s %-10s %s%n";
        out.printf(format, "TOOL", "FOUND", "NEEDED", "OK");
        for (var row : probe.rows()) {
            var ok = row.ok() ? "yes" : row.required() ? "NO" : "no (optional)";
            out.printf(format, row.tool(), shorten(row.found().orElse("-")), row.needed(), ok);
            if (!row.ok() && !row.detail().isEmpty()) {
                out.printf("    %s%n", row.detail());
            }
        }
        config.ifPresentOrElse(c -> out.printf("%nchecked against the configuration %s%n", c),
                () -> out.printf("%nchecked without a configuration (basic tools only)%n"));
        if (!probe.install().isEmpty()) {
            out.printf("install what is missing: %s%n", String.join(" ", probe.install()));
        }
        probe.rows().stream().filter(r -> !r.ok() && !r.install().isEmpty())
                .filter(r -> !r.install().contains("apt-get install") && !r.install().contains("dnf install"))
                .forEach(r -> out.printf("%s, not from a package: %s%n", r.tool(), r.install()));
        out.println(probe.usable() ? "kforge: this host has what the recipe needs"
                : "kforge: " + probe.missing().size() + " needed tool(s) missing or too old");
    }

    private static String shorten(String found) {
        var plain = found.contains(" (") ? found.substring(0, found.indexOf(" (")) : found;
        return plain.length() <= 20 ? plain : plain.substring(0, 17) + "...";
    }

    private static String json(Probe probe, Recipe recipe, Optional<Path> config, boolean installed) {
        var root = JSON.createObjectNode().put("ok", probe.usable()).put("compiler", recipe.build().compiler())
                .put("arch", recipe.build().arch()).put("config", config.map(Path::toString).orElse(null));
        var checks = root.putArray("checks");
        for (ToolCheck row : probe.rows()) {
            checks.addObject().put("tool", row.tool()).put("found", row.found().orElse(null))
                    .put("needed", row.needed()).put("ok", row.ok()).put("required", row.required())
                    .put("install", row.install().isEmpty() ? null : row.install()).put("detail", row.detail());
        }
        root.put("install", probe.install().isEmpty() ? null : String.join(" ", probe.install()));
        root.put("installed", installed);
        try {
            return JSON.writeValueAsString(root);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot render JSON", e);
        }
    }
}
