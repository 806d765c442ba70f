package io.kforge.cli;

import io.kforge.core.Recipe;
import io.kforge.core.Recipes;
import io.kforge.core.RunResult;
import java.nio.file.Path;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/**
 * {@code kforge up [RECIPE]}: runs every stage of a recipe, or of the built-in default job.
 */
@Command(name = "up", mixinStandardHelpOptions = true,
        description = {"Fetch, configure, build, boot and tune: every stage of RECIPE (YAML or JSON).",
                "Without RECIPE, the built-in default job: the smallest kernel that boots under QEMU (tinyconfig +"
                        + " qemu-minimal, gcc), a smoke check in the guest, and the containers sysctl profile applied"
                        + " and verified there."})
final class UpCommand extends KforgeSubcommand {

    @Parameters(arity = "0..1", paramLabel = "RECIPE", description = "A recipe file; the default job when left out.")
    Path recipe;

    @Override
    public Integer call() {
        var chosen = recipe == null ? Recipe.defaults() : Recipes.load(recipe);
        var err = spec.commandLine().getErr();
        RunResult result;
        try (var kforge = options.open();
             var progress = new ProgressListener(err, !options.json || System.console() != null)) {
            result = kforge.pipeline(progress).up(chosen);
        }
        var out = spec.commandLine().getOut();
        if (options.json) {
            out.println(Json.run(result));
        } else {
            Summary.print(result, out);
        }
        return result.ok() ? 0 : Main.STAGE_FAILED;
    }
}
