package io.kforge.config.kconfig;

import io.kforge.core.spi.Command;
import io.kforge.core.spi.KforgeException;
import io.kforge.core.spi.SourceTree;
import io.kforge.core.spi.StageContext;
import io.kforge.core.spi.Toolchain;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Runs the tree's {@code make} for configuration targets in an output folder, always with exactly the
 * toolchain's {@code make} arguments and environment.
 */
final class KernelMake {

    private static final System.Logger LOG = System.getLogger(KernelMake.class.getName());

    private final SourceTree tree;
    private final Toolchain toolchain;
    private final StageContext context;

    KernelMake(SourceTree tree, Toolchain toolchain, StageContext context) {
        this.tree = tree;
        this.toolchain = toolchain;
        this.context = context;
    }

    /**
     * Runs one target.
     *
     * @param out the output folder ({@code O=})
     * @param target the target ({@code defconfig}, {@code olddefconfig}...)
     * @throws KforgeException when {@code make} fails, with its last lines
     */
    void run(Path out, String target) {
        var output = new ArrayList<String>();
        var result = context.commands().run(command(out, target), line -> {
            output.add(line);
            context.log(line);
        });
        if (!result.ok()) {
            var tail = output.subList(Math.max(0, output.size() - 15), output.size());
            throw new KforgeException("make " + target + " failed: " + result.failure() + "\n"
                    + String.join("\n", tail));
        }
    }

    /**
     * Runs a target whose failure is an answer, not an error, and returns its output.
     *
     * @param out the output folder
     * @param target the target ({@code rustavailable})
     * @return the lines it printed
     */
    List<String> probe(Path out, String target) {
        var output = new ArrayList<String>();
        context.commands().run(command(out, target), output::add);
        return output;
    }

    private Command command(Path out, String target) {
        var command = Command.of("make", "-C", tree.path().toString(), "O=" + out)
                .plus(toolchain.makeArguments())
                .plus(List.of(target))
                .withEnvironment(toolchain.environment());
        LOG.log(System.Logger.Level.DEBUG, "$ {0}", command.display());
        context.log("$ " + command.display());
        return command;
    }
}
