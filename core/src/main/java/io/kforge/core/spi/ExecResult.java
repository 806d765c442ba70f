package io.kforge.core.spi;

/**
 * What a command run inside a guest printed and how it ended.
 *
 * @param command the shell command line run in the guest
 * @param output what it printed, standard output and error together
 * @param exitCode its exit status in the guest
 */
public record ExecResult(String command, String output, int exitCode) {

    /**
     * Tells whether the command exited with 0.
     *
     * @return true on success
     */
    public boolean ok() {
        return exitCode == 0;
    }
}
