package io.kforge.kbuild;

import java.util.Optional;
import java.util.regex.Pattern;

/**
 * A tool's version as the kernel compares them: up to three numbers, {@code 1.16} being {@code 1.16.0}.
 *
 * @param major the first number
 * @param minor the second number
 * @param patch the third number, 0 when absent
 * @param text the version as the tool or the tree wrote it ({@code 1.07.1}, {@code 2.40})
 */
public record Version(int major, int minor, int patch, String text) implements Comparable<Version> {

    private static final Pattern NUMBERS = Pattern.compile("(?<![\\w.])v?(\\d+)\\.(\\d+)(?:\\.(\\d+))?");

    /**
     * Finds the first version in a line of a tool's output ({@code gcc (Debian 12.2.0-14) 12.2.0}, {@code v1.24}).
     *
     * @param text the text
     * @return the version, or empty when the text holds none
     */
    public static Optional<Version> find(String text) {
        var matcher = NUMBERS.matcher(text);
        if (!matcher.find()) {
            return Optional.empty();
        }
        var patch = matcher.group(3) == null ? 0 : Integer.parseInt(matcher.group(3));
        var written = matcher.group(0).startsWith("v") ? matcher.group(0).substring(1) : matcher.group(0);
        return Optional.of(new Version(Integer.parseInt(matcher.group(1)), Integer.parseInt(matcher.group(2)), patch,
                written));
    }

    /**
     * Creates a version from its numbers.
     *
     * @param major the first number
     * @param minor the second number
     * @param patch the third number
     * @return the version, written {@code major.minor.patch}, or {@code major.minor} when the patch is 0
     */
    public static Version of(int major, int minor, int patch) {
        return new Version(major, minor, patch, major + "." + minor + (patch == 0 ? "" : "." + patch));
    }

    /**
     * Reads a version written as numbers only ({@code 5.1.0}, {@code 2.25}).
     *
     * @param text the version
     * @return the version
     * @throws IllegalArgumentException when the text is not a version
     */
    public static Version parse(String text) {
        return find(text.strip()).orElseThrow(() -> new IllegalArgumentException("not a version: '" + text + "'"));
    }

    /**
     * Tells whether this version is the given minimum or newer.
     *
     * @param minimum the minimum
     * @return true when this is at least the minimum
     */
    public boolean atLeast(Version minimum) {
        return compareTo(minimum) >= 0;
    }

    @Override
    public int compareTo(Version other) {
        var byMajor = Integer.compare(major, other.major);
        if (byMajor != 0) {
            return byMajor;
        }
        var byMinor = Integer.compare(minor, other.minor);
        return byMinor != 0 ? byMinor : Integer.compare(patch, other.patch);
    }

    @Override
    public String toString() {
        return text;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Version v && compareTo(v) == 0;
    }

    @Override
    public int hashCode() {
        return (major * 1000 + minor) * 1000 + patch;
    }
}
