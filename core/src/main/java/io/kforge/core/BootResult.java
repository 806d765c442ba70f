package io.kforge.core;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * What happened when a kernel was booted.
 *
 * @param ok true when the guest came up and every check passed
 * @param kernelRelease what {@code uname -r} printed inside the guest
 * @param accel {@code kvm} or {@code tcg}
 * @param accelNote why KVM was not used, when it was not
 * @param console the file holding the guest's console output
 * @param checks every check run inside the guest
 */
public record BootResult(boolean ok, String kernelRelease, String accel, Optional<String> accelNote, Path console,
                         List<CheckResult> checks) {

    /** Copies the list. */
    public BootResult {
        checks = List.copyOf(checks);
    }
}
