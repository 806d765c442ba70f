package io.kforge.core.spi;

import java.util.Optional;

/**
 * One key after apply, verify or rollback: what was wanted, what it held before and what was read back.
 *
 * @param key the key in dotted form ({@code net.core.rmem_max})
 * @param wanted the value the profile asks for
 * @param actual the value read back, empty when the key does not exist there
 * @param ok true when the value read back equals the wanted one (numbers compared as numbers)
 * @param status what was done with the key
 * @param before the value before the operation, empty when the key does not exist there
 * @param scope one value per network namespace or one for the whole kernel, found at run time
 * @param origin the file and line that asked for the value
 * @param detail why the status is what it is, empty when there is nothing to say
 */
public record SysctlResult(String key, String wanted, Optional<String> actual, boolean ok, SysctlStatus status,
                           Optional<String> before, SysctlScope scope, String origin, String detail) {
}
