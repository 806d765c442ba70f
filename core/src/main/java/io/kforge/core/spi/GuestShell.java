package io.kforge.core.spi;

/**
 * A shell inside a running guest, reached through its console.
 */
public interface GuestShell {

    /**
     * Runs a shell command line in the guest and waits for it.
     *
     * @param command a POSIX shell command line, run by the guest's {@code sh}
     * @return its output and exit status
     * @throws KforgeException when the guest does not answer within the boot timeout, or has gone
     */
    ExecResult exec(String command);
}
