package io.kforge.sysctl;

import io.kforge.core.spi.SysctlScope;
import java.util.Optional;

/**
 * One key as a target shows it.
 *
 * @param exists true when the file is there
 * @param writable true when the target lets it be written
 * @param value its value, fields separated by single spaces; empty when it does not exist or cannot be read
 * @param known true when the kernel has the key at all: here or in the namespace compared with
 * @param scope per network namespace or global, from comparing two namespaces
 */
public record KeyState(boolean exists, boolean writable, Optional<String> value, boolean known, SysctlScope scope) {
}
