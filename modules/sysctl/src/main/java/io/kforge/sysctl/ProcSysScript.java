package io.kforge.sysctl;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The POSIX shell scripts that read, list and write {@code /proc/sys} on a target, and the parsing of their output.
 *
 * <p>Scripts are fixed text; keys and values reach them only as positional parameters: as separate arguments of an
 * argument list ({@code sh -c SCRIPT sh ARG...}), or single-quoted in a {@code set --} line when the target only
 * takes a command line (a guest's console). Each result line starts with {@value #MARK} and a tab, so anything else
 * a shell prints is ignored. The scripts use only {@code test}, {@code tr}, {@code stat}, {@code tee} and, when
 * present, {@code unshare}: all in BusyBox.
 */
public final class ProcSysScript {

    /** The mark that starts every result line. */
    public static final String MARK = "@kforge";

    /**
     * Reads keys. Parameters: {@code 1} to compare each key with a fresh network namespace ({@code unshare -n}),
     * {@code 0} not to, then the paths. Prints per path: mode ({@code rw}, {@code r-}, {@code -w}, {@code --}, or
     * {@code x} when absent), inode,
     * the fresh namespace's view ({@code ?} when not compared, {@code -} when absent there, else mode and inode) and
     * the value with newlines and tabs turned into spaces. The file is held open while the other namespace looks it
     * up, so an equal inode means the very same file.
     */
    public static final String READ = "c=$1; shift; u=0; if [ \"$c\" = 1 ] && command -v unshare >/dev/null 2>&1"
            + " && unshare -n true 2>/dev/null; then u=1; fi; for p; do o='?'; if [ -e \"$p\" ]; then"
            + " if [ -r \"$p\" ]; then m=r; exec 3<\"$p\"; v=$(tr '\\n\\t' '  ' <\"$p\" 2>/dev/null); else m=-; v=; fi;"
            + " if [ -w \"$p\" ]; then m=${m}w; else m=${m}-; fi; i=$(stat -c %i \"$p\" 2>/dev/null);"
            + " else m=x; i=; v=; fi; if [ $u = 1 ]; then o=$(unshare -n sh -c 'if [ -e \"$1\" ]; then"
            + " if [ -w \"$1\" ]; then m=w; else m=r; fi; printf \"%s %s\" $m \"$(stat -c %i \"$1\" 2>/dev/null)\";"
            + " else printf \"%s\" -; fi' sh \"$p\"); fi; exec 3<&-;"
            + " printf '" + MARK + "\\t%s\\t%s\\t%s\\t%s\\n' \"$m\" \"$i\" \"$o\" \"$v\"; done";

    /** Lists the files that glob patterns match. Parameters: the patterns, as paths. */
    public static final String EXPAND = "for p; do for f in $p; do if [ -e \"$f\" ]; then"
            + " printf '" + MARK + "\\t%s\\n' \"$f\"; fi; done; done";

    /** Writes one value. Parameters: the value, then the path. Exits non-zero with tee's reason on failure. */
    public static final String WRITE = "printf '%s\\n' \"$1\" | tee \"$2\" >/dev/null";

    private ProcSysScript() {
    }

    /**
     * Quotes a word for a POSIX shell: single quotes, with each single quote written as {@code '\''}.
     *
     * @param word any text
     * @return the quoted word
     */
    public static String quote(String word) {
        return "'" + word.replace("'", "'\\''") + "'";
    }

    /**
     * Turns a script and its parameters into one command line, for targets that take only a command line.
     *
     * @param script one of this class's scripts
     * @param parameters its positional parameters
     * @return {@code set -- 'P1' 'P2'...; SCRIPT}
     */
    public static String commandLine(String script, List<String> parameters) {
        var line = new StringBuilder("set --");
        parameters.forEach(p -> line.append(' ').append(quote(p)));
        return line.append("; ").append(script).toString();
    }

    /**
     * Returns the parameters of {@link #READ}.
     *
     * @param compare true to compare each key with a fresh network namespace
     * @param keys the keys to read
     * @return the parameters
     */
    public static List<String> readParameters(boolean compare, List<SysctlKey> keys) {
        var parameters = new ArrayList<String>();
        parameters.add(compare ? "1" : "0");
        keys.forEach(key -> parameters.add(key.path()));
        return parameters;
    }

    /**
     * Parses the output of {@link #READ}.
     *
     * @param keys the keys, in the order they were passed
     * @param output every line the script printed
     * @return the target's view and value of each key, and the fresh namespace's view when compared
     * @throws IllegalStateException when the output does not hold one result per key
     */
    public static Map<SysctlKey, Reading> parseRead(List<SysctlKey> keys, List<String> output) {
        var rows = marked(output);
        if (rows.size() != keys.size()) {
            throw new IllegalStateException("expected " + keys.size() + " results, got " + rows.size() + ": "
                    + String.join(" | ", output));
        }
        var readings = new LinkedHashMap<SysctlKey, Reading>();
        for (int i = 0; i < keys.size(); i++) {
            var fields = rows.get(i).split("\t", -1);
            if (fields.length != 4) {
                throw new IllegalStateException("malformed result line: " + rows.get(i));
            }
            var mode = fields[0];
            var view = mode.equals("x") ? KeyView.ABSENT : new KeyView(true, mode.endsWith("w"), fields[1]);
            var value = mode.startsWith("r") ? Optional.of(SysctlValues.tidy(fields[3])) : Optional.<String>empty();
            readings.put(keys.get(i), new Reading(view, otherView(fields[2]), value));
        }
        return readings;
    }

    /**
     * Parses the output of {@link #EXPAND}.
     *
     * @param output every line the script printed
     * @return the matching keys, without duplicates, in the order printed
     */
    public static List<SysctlKey> parseExpand(List<String> output) {
        return marked(output).stream().distinct().map(SysctlKey::ofPath).toList();
    }

    /**
     * Picks the reason out of a failed write's output: the text after the last {@code ": "} of its last line.
     *
     * @param output what the write printed
     * @param exitCode how it ended
     * @return the reason, such as {@code Invalid argument}
     */
    public static String reason(List<String> output, int exitCode) {
        var last = output.stream().filter(line -> !line.isBlank() && !line.startsWith(MARK)).reduce((a, b) -> b);
        if (last.isEmpty()) {
            return "exit status " + exitCode;
        }
        var line = last.get().strip();
        int colon = line.lastIndexOf(": ");
        return colon < 0 ? line : line.substring(colon + 2);
    }

    private static Optional<KeyView> otherView(String field) {
        if (field.equals("?")) {
            return Optional.empty();
        }
        if (field.equals("-")) {
            return Optional.of(KeyView.ABSENT);
        }
        var parts = field.split(" ", 2);
        return Optional.of(new KeyView(true, parts[0].equals("w"), parts.length > 1 ? parts[1].strip() : ""));
    }

    private static List<String> marked(List<String> output) {
        return output.stream().filter(line -> line.startsWith(MARK + "\t"))
                .map(line -> line.substring(MARK.length() + 1)).toList();
    }

    /**
     * One key as {@link #READ} found it.
     *
     * @param view the target's view
     * @param other the fresh namespace's view, empty when not compared
     * @param value the value, empty when absent or unreadable
     */
    public record Reading(KeyView view, Optional<KeyView> other, Optional<String> value) {
    }
}
