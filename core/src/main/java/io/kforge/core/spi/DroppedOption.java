package io.kforge.core.spi;

import java.util.Optional;

/**
 * A requested option whose final value differs from what was asked.
 *
 * @param symbol the symbol without {@code CONFIG_}
 * @param requested the value asked for ({@code y}, {@code m}, {@code n}, a number or a quoted string)
 * @param actual the final value, empty when the symbol is unset, {@code n} or absent
 * @param origin the fragment file and line that asked for it; empty when it comes from the base configuration
 * @param reason why it did not take effect, when kforge can tell
 */
public record DroppedOption(String symbol, String requested, Optional<String> actual, Optional<Place> origin,
                           Optional<DropReason> reason) {
}
