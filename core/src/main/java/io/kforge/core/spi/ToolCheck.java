package io.kforge.core.spi;

import java.util.Optional;

/**
 * One row of a host check: a tool that building or booting needs, the version found, the version needed, and how to
 * install it when it is missing or too old.
 *
 * @param tool the tool as the user knows it ({@code gcc}, {@code pahole}, {@code libelf headers})
 * @param found the version found, empty when the tool is missing
 * @param needed the version needed ({@code 1.16} meaning that or newer), or {@code any}
 * @param ok true when the tool is there and recent enough
 * @param required true when the stage cannot work without it; a missing optional tool is shown, never fatal
 * @param install the command that installs it on this host ({@code apt-get install -y dwarves}); empty when it is
 *                fine or when no package provides it
 * @param detail why it is needed, or what is wrong and what to do; may be empty
 */
public record ToolCheck(String tool, Optional<String> found, String needed, boolean ok, boolean required,
                        String install, String detail) {

    /**
     * Returns this row with {@link #required} set, for a caller that knows the tool is needed after all.
     *
     * @return a required copy
     */
    public ToolCheck asRequired() {
        return new ToolCheck(tool, found, needed, ok, true, install, detail);
    }

    /**
     * Describes a failing row in one line for an error message.
     *
     * @return the tool, what was found against what is needed, why, and what to install
     */
    public String problem() {
        var line = new StringBuilder(tool).append(": ")
                .append(found.map(f -> "found " + f).orElse("not found"));
        if (!needed.isEmpty() && Character.isDigit(needed.charAt(0))) {
            line.append(", needs ").append(needed).append(" or newer");
        } else if (!needed.equals("any")) {
            line.append(", needs ").append(needed);
        }
        if (!detail.isEmpty()) {
            line.append(" (").append(detail).append(')');
        }
        if (!install.isEmpty()) {
            line.append("; install: ").append(install);
        }
        return line.toString();
    }
}
