package io.kforge.core;

/**
 * One check run inside a guest.
 *
 * @param name what was checked ({@code kernel-release}, {@code proc-mounted})
 * @param ok true when it passed
 * @param detail what was found
 */
public record CheckResult(String name, boolean ok, String detail) {
}
