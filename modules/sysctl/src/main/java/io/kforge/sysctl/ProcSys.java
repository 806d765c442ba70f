package io.kforge.sysctl;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The {@code /proc/sys} tree of one target, as the engine reads and writes it; each applier brings its own.
 *
 * <p>Implementations build every command from validated {@link SysctlKey}s and quoted values; they never pass a key
 * or value through a shell unquoted.
 */
public interface ProcSys {

    /**
     * Returns the target's label ({@code guest}, {@code netns:web}).
     *
     * @return the label used in messages
     */
    String label();

    /**
     * Tells whether the target is a whole system (its initial network namespace), where global keys may be set.
     *
     * @return true for a guest, false for a network namespace of this machine
     */
    boolean initialNamespace();

    /**
     * Lists the keys a glob matches on the target.
     *
     * @param glob a key with glob characters
     * @return the matching keys, possibly none
     */
    List<SysctlKey> expand(SysctlKey glob);

    /**
     * Reads keys: whether each exists and is writable, its value and its scope.
     *
     * @param keys plain keys
     * @return the state of every key asked for
     */
    Map<SysctlKey, KeyState> read(List<SysctlKey> keys);

    /**
     * Writes one value.
     *
     * @param key a plain key
     * @param value the value to write
     * @return empty when the kernel took it, else its reason for refusing (such as {@code Invalid argument})
     */
    Optional<String> write(SysctlKey key, String value);
}
