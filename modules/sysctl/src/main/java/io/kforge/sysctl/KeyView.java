package io.kforge.sysctl;

import io.kforge.core.spi.SysctlScope;
import java.util.Optional;

/**
 * How one network namespace sees a key file: whether it is there, writable, and its inode number.
 *
 * <p>Comparing two views finds a key's scope at run time: a per-namespace key is a different file in each
 * namespace; a global key is the same file (same inode, looked up while the other view holds it open), or is shown
 * in only one namespace, or read-only outside the initial one.
 *
 * @param exists true when the file is there
 * @param writable true when it can be written
 * @param inode its inode number, empty when unknown
 */
public record KeyView(boolean exists, boolean writable, String inode) {

    /** A view of a key that is not there. */
    public static final KeyView ABSENT = new KeyView(false, false, "");

    /**
     * Finds a key's scope from how two network namespaces see it.
     *
     * @param target the view of the target
     * @param other the view of another namespace, empty when none could be compared
     * @return the scope
     */
    public static SysctlScope scope(KeyView target, Optional<KeyView> other) {
        if (other.isEmpty() || (!target.exists && !other.get().exists)) {
            return SysctlScope.UNKNOWN;
        }
        var that = other.get();
        if (target.exists != that.exists) {
            return SysctlScope.GLOBAL;
        }
        boolean sameFile = !target.inode.isEmpty() && target.inode.equals(that.inode);
        boolean readOnlySomewhere = !target.writable || !that.writable;
        return sameFile || readOnlySomewhere ? SysctlScope.GLOBAL : SysctlScope.NAMESPACE;
    }
}
