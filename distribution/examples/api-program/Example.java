import io.kforge.core.Kforge;
import io.kforge.core.Recipe;
import io.kforge.core.Recipes;
import io.kforge.core.spi.ConfigOutcome;
import io.kforge.core.spi.SourceTree;
import io.kforge.core.spi.StageListener;
import io.kforge.core.spi.Toolchain;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * Drives kforge through its automation API: opens a workspace, builds a recipe in code (or loads one), runs the
 * source and config stages one by one, prints the stages' events as they come and the typed results at the end.
 *
 * <p>The image runs it from source, with no JDK installed:
 * <pre>
 * /opt/kforge/bin/java Example.java ~/.cache/kforge [RECIPE.yaml]
 * </pre>
 */
public final class Example {

    private Example() {
    }

    /**
     * Runs the source and config stages.
     *
     * @param args the workspace folder, and optionally a recipe file (by default: the local kernel source,
     *             {@code tinyconfig} plus the {@code qemu-minimal} fragment)
     */
    public static void main(String[] args) {
        if (args.length < 1 || args.length > 2) {
            System.err.println("usage: Example WORKSPACE [RECIPE]");
            System.exit(2);
        }
        var recipe = args.length == 2 ? Recipes.load(Path.of(args[1])) : new Recipe(
                new Recipe.Source("local", "", Map.of()),
                new Recipe.Config("tinyconfig", List.of("qemu-minimal"), false),
                null, null, null);

        try (var kforge = Kforge.open(Path.of(args[0]), List.of())) {
            var pipeline = kforge.pipeline(new PrintedEvents());

            SourceTree tree = pipeline.fetch(recipe.source());
            Toolchain toolchain = pipeline.toolchain(tree, recipe.build());
            ConfigOutcome config = pipeline.configure(tree, recipe.config(), toolchain);

            System.out.println("source.version=" + tree.version());
            System.out.println("source.origin=" + tree.origin());
            System.out.println("config.path=" + config.config());
            System.out.println("config.requested=" + config.report().requested());
            System.out.println("config.dropped=" + config.report().dropped().size());
            pipeline.stageTimes().forEach((stage, took) -> System.out.println("seconds." + stage + "="
                    + took.toMillis() / 1000.0));
        }
    }

    /** Prints every stage event on standard error, one line each; tool output is left out. */
    private static final class PrintedEvents implements StageListener {

        @Override
        public void started(String stage, String what) {
            System.err.println("[" + stage + "] started: " + what);
        }

        @Override
        public void warning(String stage, String message) {
            System.err.println("[" + stage + "] warning: " + message);
        }

        @Override
        public void finished(String stage, Duration took, String summary) {
            System.err.println("[" + stage + "] finished in " + took.toMillis() + " ms: " + summary);
        }
    }
}
