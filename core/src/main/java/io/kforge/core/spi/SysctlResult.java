package io.kforge.core.spi;

import java.util.Optional;

/**
 * One key after apply: what was wanted and what was read back.
 *
 * @param key the key in dotted form ({@code net.core.rmem_max})
 * @param wanted the value the profile asks for
 * @param actual the value read back, empty when the key does not exist there
 * @param ok true when the value read back equals the wanted one (numbers compared as numbers)
 */
public record SysctlResult(String key, String wanted, Optional<String> actual, boolean ok) {
}
