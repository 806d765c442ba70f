package io.kforge.core.spi;

import java.nio.file.Path;

/**
 * A line in a file, for messages of the form {@code file:line}.
 *
 * @param file the file
 * @param line the line number, counted from 1
 */
public record Place(Path file, int line) {

    @Override
    public String toString() {
        return file + ":" + line;
    }
}
