package io.kforge.cli;

import picocli.CommandLine.Command;

/**
 * The top command: {@code kforge [--version] [--help] COMMAND}.
 */
@Command(name = "kforge", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        description = "Build, boot and tune a custom Linux kernel: fetch, configure, compile, boot under QEMU,"
                + " apply sysctl.",
        subcommands = {UpCommand.class, FetchCommand.class, BuildCommand.class, DoctorCommand.class,
                PluginsCommand.class, ConfigCommand.class, BootCommand.class, SysctlCommand.class},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:success", "1:a stage failed", "2:bad usage or input"})
final class KforgeCommand implements Runnable {

    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        throw new picocli.CommandLine.ParameterException(spec.commandLine(),
                "a command is needed: up, fetch, config, build, boot, sysctl, doctor or plugins (see --help)");
    }
}
