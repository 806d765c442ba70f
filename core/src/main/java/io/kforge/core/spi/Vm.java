package io.kforge.core.spi;

import java.nio.file.Path;
import java.util.Optional;

/**
 * A booted guest. Closing it powers the guest off and makes sure no VM process is left, whatever state it is in.
 */
public interface Vm extends GuestShell, AutoCloseable {

    /**
     * Returns the accelerator in use.
     *
     * @return {@code kvm} or {@code tcg}
     */
    String accel();

    /**
     * Returns why KVM was not used, when it was not and the boot spec allowed it.
     *
     * @return the reason, or empty
     */
    Optional<String> accelNote();

    /**
     * Returns what the guest's {@code uname -r} printed once it booted.
     *
     * @return the running kernel release
     */
    String kernelRelease();

    /**
     * Returns the file that holds everything the guest printed on its console, kept after the VM ends.
     *
     * @return the console log
     */
    Path consoleLog();

    /** Powers the guest off, kills the VM process if it does not end in time, and keeps the console log. */
    @Override
    void close();
}
