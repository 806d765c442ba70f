package io.kforge.testkit;

import io.kforge.core.spi.Command;
import io.kforge.core.spi.CommandRunner;
import io.kforge.core.spi.KforgeException;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.function.Consumer;

/**
 * The folder shared by every test of one build ({@code target/test-cache} at the top of the project), and the way
 * to fill an entry of it exactly once, even when several test JVMs ask at the same time.
 */
public final class TestCache {

    private TestCache() {
    }

    /**
     * Returns the shared test cache folder, from the {@code kforge.test.cache} system property the build sets.
     *
     * @return the folder, created when missing
     */
    public static Path root() {
        var configured = System.getProperty("kforge.test.cache");
        var root = configured == null ? Path.of("target", "test-cache") : Path.of(configured);
        try {
            return Files.createDirectories(root.toAbsolutePath());
        } catch (IOException e) {
            throw new KforgeException("cannot create the test cache " + root + ": " + e.getMessage(), e);
        }
    }

    /**
     * Returns the top folder of the project, the one holding the parent {@code pom.xml}.
     *
     * @return the project folder
     */
    public static Path projectRoot() {
        var dir = root();
        while (dir != null && !Files.exists(dir.resolve("mvnw"))) {
            dir = dir.getParent();
        }
        if (dir == null) {
            throw new KforgeException("cannot find the project folder above " + root());
        }
        return dir;
    }

    /**
     * Returns a cache entry, producing it under an exclusive file lock when its marker file is missing.
     *
     * @param name the entry's folder name
     * @param producer fills the folder; the entry counts as done only when it returns
     * @return the entry's folder
     */
    public static Path entry(String name, Consumer<Path> producer) {
        var folder = root().resolve(name);
        var done = root().resolve(name + ".done");
        try (var channel = FileChannel.open(root().resolve(name + ".lock"), StandardOpenOption.CREATE,
                StandardOpenOption.WRITE); var ignored = channel.lock()) {
            if (!Files.exists(done)) {
                if (Files.exists(folder)) {
                    run(Command.of("rm", "-rf", folder.toString()));
                }
                Files.createDirectories(folder);
                producer.accept(folder);
                Files.createFile(done);
            }
            return folder;
        } catch (IOException e) {
            throw new KforgeException("cannot prepare test cache entry " + folder + ": " + e.getMessage(), e);
        }
    }

    static void run(Command command) {
        var result = CommandRunner.local().run(command, line -> { });
        if (!result.ok()) {
            throw new KforgeException("test fixture command failed: " + result.failure());
        }
    }
}
