package io.kforge.kbuild;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

/**
 * A {@code PATH} folder for tests: links to every program of {@code /usr/bin} but the ones left out, plus scripts
 * that stand in for old versions of a tool. Closing it deletes the folder (links only, never their targets).
 */
final class ToolFolder implements AutoCloseable {

    private final Path folder;

    private ToolFolder(Path folder) {
        this.folder = folder;
    }

    static ToolFolder without(Set<String> removed) {
        Path folder;
        try {
            folder = Files.createTempDirectory("kforge-path-");
            try (Stream<Path> programs = Files.list(Path.of("/usr/bin"))) {
                for (var program : (Iterable<Path>) programs::iterator) {
                    var name = program.getFileName().toString();
                    if (!removed.contains(name) && !Files.exists(folder.resolve(name))) {
                        Files.createSymbolicLink(folder.resolve(name), program);
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new ToolFolder(folder);
    }

    ToolFolder fake(String program, String versionLine) {
        try {
            var script = folder.resolve(program);
            Files.deleteIfExists(script);
            Files.writeString(script, "#!/bin/sh\necho '" + versionLine + "'\n");
            Files.setPosixFilePermissions(script, PosixFilePermissions.fromString("rwxr-xr-x"));
            return this;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        io.kforge.core.Workspace.deleteTree(folder);
    }

    HostTools tools() {
        return HostTools.with(Map.of("PATH", folder.toString()));
    }
}
