package io.kforge.core.spi;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * The profiles to apply, where, and how strictly.
 *
 * @param profiles built-in profile names or {@code sysctl.d} / YAML files, applied in order (a later value wins);
 *                 ignored by rollback
 * @param target where to apply them
 * @param lenient true to treat every key as if it had the {@code -} prefix: a key the target cannot take is
 *                skipped and reported instead of stopping the apply
 * @param rollbackFile where apply saves the values it replaces and rollback reads them back; empty for a file in the
 *                     workspace, one per target
 */
public record SysctlRequest(List<String> profiles, SysctlTarget target, boolean lenient, Optional<Path> rollbackFile) {

    /** Copies the list. */
    public SysctlRequest {
        profiles = List.copyOf(profiles);
    }

    /**
     * Creates a strict request that keeps its rollback file in the workspace.
     *
     * @param profiles built-in profile names or files, applied in order
     * @param target where to apply them
     */
    public SysctlRequest(List<String> profiles, SysctlTarget target) {
        this(profiles, target, false, Optional.empty());
    }
}
