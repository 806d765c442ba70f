package io.kforge.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * What every kforge command has: the common options (workspace, plugin folders, {@code --json}) and its picocli
 * spec, whose streams it prints to. Its {@code call()} returns the exit code.
 */
abstract class KforgeSubcommand implements Callable<Integer> {

    @Mixin
    CommonOptions options;

    @Spec
    CommandSpec spec;

    /**
     * Tells whether {@code --json} was given, so that an error is also printed as a JSON document.
     *
     * @return true for JSON output
     */
    boolean json() {
        return options.json;
    }
}
