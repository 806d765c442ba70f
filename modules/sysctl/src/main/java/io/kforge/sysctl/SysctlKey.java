package io.kforge.sysctl;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * A sysctl key, checked against a strict pattern so that it can go into a shell command and a {@code /proc/sys}
 * path safely.
 *
 * <p>Keys are read as systemd and procps read them: when the first separator is a {@code /}, slashes separate the
 * parts and dots belong to names ({@code net/ipv4/conf/eth0.100/forwarding}); when it is a dot, dots separate and
 * slashes stand for dots inside names ({@code net.ipv4.conf.eth0/100.forwarding}). A part holds letters, digits and
 * {@code _ - + : @ .}, plus the glob characters {@code * ? [ ]}; {@code .} and {@code ..} are never parts.
 *
 * @param parts the parts of the path under {@code /proc/sys}
 */
public record SysctlKey(List<String> parts) {

    private static final Pattern PART = Pattern.compile("[A-Za-z0-9_+:@.*?\\[\\]-]+");
    private static final String PROC_SYS = "/proc/sys/";

    /** Checks the parts and copies them. */
    public SysctlKey {
        parts = List.copyOf(parts);
        if (parts.isEmpty()) {
            throw new IllegalArgumentException("a sysctl key needs at least one part");
        }
        for (var part : parts) {
            if (!PART.matcher(part).matches() || part.equals(".") || part.equals("..")) {
                throw new IllegalArgumentException("'" + part + "' is not a valid part of a sysctl key");
            }
        }
    }

    /**
     * Reads a key as written in a {@code sysctl.d} file or on the command line.
     *
     * @param text the key, in dotted or slashed form
     * @return the key, or empty when it is not a valid key (a reason is given by {@link #problem})
     */
    public static Optional<SysctlKey> parse(String text) {
        return problem(text).isPresent() ? Optional.empty() : Optional.of(new SysctlKey(split(text)));
    }

    /**
     * Tells what is wrong with a key as written, if anything.
     *
     * @param text the key, in dotted or slashed form
     * @return one plain sentence, or empty when the key is valid
     */
    public static Optional<String> problem(String text) {
        if (text.isEmpty()) {
            return Optional.of("the key is empty");
        }
        for (var part : split(text)) {
            if (part.isEmpty()) {
                return Optional.of("key '" + text + "' has an empty part");
            }
            if (!PART.matcher(part).matches()) {
                return Optional.of("key '" + text + "' holds a character a sysctl key cannot hold"
                        + " (allowed: letters, digits, _ - + : @, separators . or /, globs * ? [ ])");
            }
            if (part.equals(".") || part.equals("..")) {
                return Optional.of("key '" + text + "' climbs out of /proc/sys");
            }
        }
        return Optional.empty();
    }

    /**
     * Returns the key for a path under {@code /proc/sys}.
     *
     * @param path an absolute path starting with {@code /proc/sys/}
     * @return the key
     * @throws IllegalArgumentException when the path is not under {@code /proc/sys} or not a valid key
     */
    public static SysctlKey ofPath(String path) {
        if (!path.startsWith(PROC_SYS)) {
            throw new IllegalArgumentException(path + " is not under " + PROC_SYS);
        }
        return new SysctlKey(List.of(path.substring(PROC_SYS.length()).split("/", -1)));
    }

    /**
     * Returns the key as {@code sysctl} prints it: parts joined with dots, dots inside a part shown as slashes.
     *
     * @return the dotted form, such as {@code net.ipv4.conf.eth0/100.forwarding}
     */
    public String dotted() {
        return String.join(".", parts.stream().map(part -> part.replace('.', '/')).toList());
    }

    /**
     * Returns the file that holds the key's value.
     *
     * @return the absolute path, such as {@code /proc/sys/net/core/somaxconn}
     */
    public String path() {
        return PROC_SYS + String.join("/", parts);
    }

    /**
     * Tells whether the key is a glob pattern that may match several keys.
     *
     * @return true when a part holds {@code *}, {@code ?} or {@code [}
     */
    public boolean isGlob() {
        return parts.stream().anyMatch(part -> part.chars().anyMatch(c -> c == '*' || c == '?' || c == '['));
    }

    /**
     * Tells whether this glob matches a key the way the shell's pathname expansion does: part by part.
     *
     * @param key a plain key
     * @return true when every part matches
     */
    public boolean matches(SysctlKey key) {
        if (key.parts.size() != parts.size()) {
            return false;
        }
        for (int i = 0; i < parts.size(); i++) {
            if (!Pattern.matches(globToRegex(parts.get(i)), key.parts.get(i))) {
                return false;
            }
        }
        return true;
    }

    @Override
    public String toString() {
        return dotted();
    }

    private static List<String> split(String text) {
        int slash = text.indexOf('/');
        int dot = text.indexOf('.');
        boolean slashed = slash >= 0 && (dot < 0 || slash < dot);
        var parts = new ArrayList<String>();
        for (var part : text.split(slashed ? "/" : "\\.", -1)) {
            parts.add(slashed ? part : part.replace('/', '.'));
        }
        return parts;
    }

    private static String globToRegex(String glob) {
        var regex = new StringBuilder();
        for (int i = 0; i < glob.length(); i++) {
            char c = glob.charAt(i);
            switch (c) {
                case '*' -> regex.append("[^/]*");
                case '?' -> regex.append("[^/]");
                case '[' -> {
                    int end = glob.indexOf(']', i + 1);
                    if (end < 0) {
                        regex.append("\\[");
                    } else {
                        regex.append('[').append(glob.substring(i + 1, end).replace("[", "\\[")).append(']');
                        i = end;
                    }
                }
                default -> regex.append(Pattern.quote(String.valueOf(c)));
            }
        }
        return regex.toString();
    }
}
