package io.kforge.cli;

import io.kforge.core.Recipe;
import io.kforge.core.Recipes;
import io.kforge.core.spi.InvalidInputException;
import io.kforge.core.spi.PluginKind;
import java.nio.file.Path;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;

/**
 * {@code kforge fetch [SPEC | --recipe FILE]}: runs only the source stage and says which tree it produced and which
 * plugin produced it.
 */
@Command(name = "fetch", mixinStandardHelpOptions = true,
        description = {"Fetch, verify and unpack a kernel tree: the source stage alone.",
                "SPEC is KIND:LOCATION (local:/usr/src/linux-source-6.12.tar.xz, or the id of a plugin's fetcher and"
                        + " what it reads), or KIND alone for its default; --recipe FILE uses the recipe's source"
                        + " section; with neither, the default job's source."})
final class FetchCommand extends KforgeSubcommand {

    @Parameters(arity = "0..1", paramLabel = "SPEC", description = "KIND:LOCATION, or KIND alone.")
    String source;

    @Option(names = "--recipe", paramLabel = "FILE", description = "Use the source section of this recipe.")
    Path recipe;

    @Override
    public Integer call() {
        if (source != null && recipe != null) {
            throw new ParameterException(spec.commandLine(), "give SPEC or --recipe, not both");
        }
        var section = recipe != null ? Recipes.load(recipe).source()
                : source != null ? parse(source) : Recipe.defaults().source();
        var err = spec.commandLine().getErr();
        try (var kforge = options.open();
             var progress = new ProgressListener(err, !options.json || System.console() != null)) {
            var tree = kforge.pipeline(progress).fetch(section);
            var fetcher = kforge.plugins().list().stream()
                    .filter(p -> p.kind() == PluginKind.SOURCE && p.id().equals(section.kind()) && p.loaded())
                    .findFirst().orElseThrow();
            var out = spec.commandLine().getOut();
            if (options.json) {
                out.println(Json.fetch(tree, fetcher));
            } else {
                out.printf("source  Linux %s from %s%n", tree.version(), tree.origin());
                out.printf("path    %s%n", tree.path());
                out.printf("fetcher %s %s (%s)%n", fetcher.id(), fetcher.version(), fetcher.origin());
            }
            return 0;
        }
    }

    private static Recipe.Source parse(String text) {
        var colon = text.indexOf(':');
        var kind = colon < 0 ? text : text.substring(0, colon);
        if (kind.isBlank()) {
            throw new InvalidInputException("source spec '" + text + "' has no kind: write KIND:LOCATION, for"
                    + " example local:/usr/src/linux-source-6.12.tar.xz");
        }
        return new Recipe.Source(kind, colon < 0 ? "" : text.substring(colon + 1), Map.of());
    }
}
