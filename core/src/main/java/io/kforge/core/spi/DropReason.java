package io.kforge.core.spi;

/**
 * Why a requested option did not take effect.
 *
 * @param kind one of {@code unknown-symbol}, {@code unmet-dependency}, {@code no-prompt}, {@code choice},
 *             {@code modules-disabled}, {@code invalid-value}
 * @param detail one sentence naming the symbols and values involved
 */
public record DropReason(String kind, String detail) {
}
