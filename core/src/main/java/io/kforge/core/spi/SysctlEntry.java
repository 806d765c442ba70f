package io.kforge.core.spi;

import java.util.Optional;

/**
 * One key of a plan: what the target holds now, what the profiles want, and what apply would do.
 *
 * @param key the key in dotted form ({@code net.core.rmem_max})
 * @param wanted the value the profiles ask for
 * @param current the value the target holds now, empty when the key does not exist there
 * @param exists true when the target shows the key
 * @param writable true when the target lets it be written
 * @param scope one value per network namespace or one for the whole kernel, found at run time
 * @param status what apply would do with it
 * @param origin the file and line that asked for the value ({@code web.conf:3})
 * @param optional true when a failure on this key is ignored ({@code -} prefix, or a lenient request)
 * @param detail why the status is what it is, empty when there is nothing to say
 */
public record SysctlEntry(String key, String wanted, Optional<String> current, boolean exists, boolean writable,
                          SysctlScope scope, SysctlStatus status, String origin, boolean optional, String detail) {
}
