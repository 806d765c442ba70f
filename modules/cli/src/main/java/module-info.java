/**
 * The {@code kforge} command line: {@code up}, {@code plugins} and the stage commands, with progress on a terminal,
 * {@code --json} output, and exit codes 0 (success), 1 (a stage failed) and 2 (bad usage or input).
 */
module io.kforge.cli {
    requires io.kforge.core;
    requires info.picocli;
    requires java.logging;

    opens io.kforge.cli to info.picocli;
}
