package io.kforge.kbuild;

import java.util.Optional;

/**
 * The first real error of a failed build, as the compiler, linker or {@code make} stated it.
 *
 * @param file the source file it names, empty when the error names none (a linker or {@code make} error)
 * @param line the line in that file, 0 when unknown
 * @param message what went wrong
 * @param text the whole log line
 */
public record BuildError(Optional<String> file, int line, String message, String text) {

    /**
     * Renders the error the way compilers do.
     *
     * @return {@code file:line: message}, or the message alone when there is no file
     */
    public String describe() {
        return file.map(f -> f + (line > 0 ? ":" + line : "") + ": ").orElse("") + message;
    }
}
