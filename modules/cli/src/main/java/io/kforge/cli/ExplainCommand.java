package io.kforge.cli;

import io.kforge.core.Recipe;
import io.kforge.core.spi.ConfigMerger;
import io.kforge.core.spi.ConfigRequest;
import io.kforge.core.spi.SymbolExplanation;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code kforge config explain SYMBOL}: why a symbol has its value in a configuration.
 */
@Command(name = "explain", mixinStandardHelpOptions = true,
        description = "Say why SYMBOL has its value: where the tree defines it, its dependencies with their current"
                + " values, what selects or implies it, and which default applied.")
final class ExplainCommand extends KforgeSubcommand {

    @Parameters(index = "0", paramLabel = "SYMBOL", description = "The symbol, with or without CONFIG_.")
    String symbol;

    @Option(names = "--source", paramLabel = "DIR|TARBALL",
            description = "The kernel tree or tarball (default: the newest /usr/src/linux-source-*.tar.xz).")
    String source = "";

    @Option(names = "--config", paramLabel = "FILE",
            description = "The .config to explain against (default: the tree's x86_64 defconfig).")
    Path config;

    @Option(names = "--compiler", paramLabel = "ID", defaultValue = "gcc", description = "The compiler backend.")
    String compiler;

    @Override
    public Integer call() {
        try (var kforge = options.open();
             var progress = new ProgressListener(spec.commandLine().getErr(), !options.json)) {
            var pipeline = kforge.pipeline(progress);
            var tree = pipeline.fetch(new Recipe.Source("local", source, Map.of()));
            var toolchain = pipeline.toolchain(tree, new Recipe.Build(compiler, null, null, null, null, null));
            var base = config == null ? "defconfig" : config.toAbsolutePath().toString();
            var request = new ConfigRequest(tree, base, List.of(), toolchain, false);
            var explanation = kforge.plugins().require(ConfigMerger.class, "kconfig")
                    .explain(request, symbol, kforge.workspace().context("config", progress));
            print(explanation, spec.commandLine().getOut());
            return 0;
        }
    }

    private static void print(SymbolExplanation explanation, PrintWriter out) {
        out.printf("CONFIG_%s (%s) = %s%n", explanation.symbol(), explanation.type(),
                explanation.value().orElse("unset"));
        for (var definition : explanation.definitions()) {
            out.printf("  defined at %s%s%n", definition.place(),
                    definition.prompt().map(p -> ", prompt \"" + p + "\"").orElse(", no prompt"));
            if (!definition.dependsOn().isBlank()) {
                out.printf("    depends on %s  =  %s%n", definition.dependsOn(), definition.dependencyValue());
            }
        }
        explanation.choice().ifPresent(choice -> out.printf("  member of the choice %s%n", choice));
        explanation.selectedBy().forEach(r -> out.printf("  selected by %s%s (%s)%n", r.what(), condition(r),
                r.place()));
        explanation.impliedBy().forEach(r -> out.printf("  implied by %s%s (%s)%n", r.what(), condition(r),
                r.place()));
        explanation.defaults().forEach(r -> out.printf("  default %s%s (%s)%n", r.what(), condition(r), r.place()));
        explanation.appliedDefault().ifPresent(r -> out.printf("  the default that applied: %s%s%n", r.what(),
                condition(r)));
    }

    private static String condition(SymbolExplanation.Relation relation) {
        return relation.condition().isBlank() ? "" : " if " + relation.condition() + " [" + relation.conditionValue()
                + "]";
    }
}
