package io.kforge.sysctl;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Reads the {@code sysctl.d} format as systemd and procps read it, and reports every problem with file and line.
 *
 * <p>Empty lines and lines whose first non-blank character is {@code #} or {@code ;} are comments. An assignment is
 * {@code key = value} with any spacing; the key uses {@code .} or {@code /} separators and may hold globs; a leading
 * {@code -} makes a failure on that key ignored, and {@code -key} alone keeps a key out of other lines' globs.
 * kforge adds one directive that systemd reads as a comment: {@code #include NAME...} pulls in other profiles
 * (built-in names or files relative to this one); included profiles are read before the file's own lines, wherever
 * the directive stands, so the including file's values win.
 *
 * <p>Values are taken literally, as the kernel will get them, so a value in quotes is an error: systemd would
 * write the quote characters and the kernel would answer "Invalid argument".
 */
public final class SysctlFileParser {

    private static final Pattern INCLUDE = Pattern.compile("#include\\s+(.+)");

    private SysctlFileParser() {
    }

    /**
     * Parses the text of one {@code sysctl.d} file.
     *
     * @param name the file's name as messages show it
     * @param text the file's content
     * @return its assignments, includes and problems
     */
    public static ProfileText parse(String name, String text) {
        var settings = new ArrayList<SysctlSetting>();
        var includes = new ArrayList<ProfileText.Include>();
        var problems = new ArrayList<String>();
        var lines = text.split("\r?\n", -1);
        for (int i = 0; i < lines.length; i++) {
            var origin = name + ":" + (i + 1);
            var line = lines[i].strip();
            var include = INCLUDE.matcher(line);
            if (include.matches()) {
                for (var included : include.group(1).strip().split("\\s+")) {
                    includes.add(new ProfileText.Include(included, origin));
                }
            } else if (!line.isEmpty() && line.charAt(0) != '#' && line.charAt(0) != ';') {
                parseLine(line, origin, problems).ifPresent(settings::add);
            }
        }
        return new ProfileText(settings, includes, problems);
    }

    private static Optional<SysctlSetting> parseLine(String line, String origin, List<String> problems) {
        int equals = line.indexOf('=');
        var rawKey = (equals < 0 ? line : line.substring(0, equals)).strip();
        boolean optional = rawKey.startsWith("-");
        var keyText = optional ? rawKey.substring(1).strip() : rawKey;
        if (equals < 0 && !optional) {
            problems.add(origin + ": '" + line + "' is not an assignment; write KEY = VALUE");
            return Optional.empty();
        }
        var keyProblem = SysctlKey.problem(keyText);
        if (keyProblem.isPresent()) {
            problems.add(origin + ": " + keyProblem.get());
            return Optional.empty();
        }
        var key = SysctlKey.parse(keyText).orElseThrow();
        if (equals < 0) {
            return Optional.of(new SysctlSetting(key, Optional.empty(), true, origin));
        }
        var value = line.substring(equals + 1).strip();
        if (quoted(value)) {
            problems.add(origin + ": " + keyText + ": the value " + value + " is in quotes; sysctl.d takes values"
                    + " literally, so the kernel would get the quote characters: drop the quotes (" + keyText + " = "
                    + unquote(value) + ")");
            return Optional.empty();
        }
        if (SysctlValues.unwritable(value).isPresent()) {
            problems.add(origin + ": " + keyText + ": " + SysctlValues.unwritable(value).get());
            return Optional.empty();
        }
        return Optional.of(new SysctlSetting(key, Optional.of(value), optional, origin));
    }

    private static boolean quoted(String value) {
        return !value.isEmpty() && (isQuote(value.charAt(0)) || isQuote(value.charAt(value.length() - 1)));
    }

    private static boolean isQuote(char c) {
        return c == '"' || c == '\'';
    }

    private static String unquote(String value) {
        int start = isQuote(value.charAt(0)) ? 1 : 0;
        int end = value.length() > start && isQuote(value.charAt(value.length() - 1))
                ? value.length() - 1 : value.length();
        return value.substring(start, Math.max(start, end));
    }

    /**
     * Lists the assignments of a file another program wrote, skipping what it cannot read instead of reporting it,
     * as systemd does at boot.
     *
     * @param name the file's name as results show it
     * @param text the file's content
     * @return its valid assignments in order
     */
    public static List<SysctlSetting> readLeniently(String name, String text) {
        return parse(name, text).settings();
    }
}
