package io.kforge.core;

import io.kforge.core.spi.KforgeException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Comparator;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Consumer;
import java.util.stream.Stream;

/**
 * The folder where every stage keeps its outputs, keyed by a hash of their inputs.
 *
 * <p>An entry is written into a temporary folder and moved into place only when complete, under a lock that holds
 * across processes, so an unchanged stage is a cache hit and two runs never share a half-written entry. Layout:
 * {@code entries/STAGE/KEY/} for finished entries, {@code runs/TIME/} for what one run keeps (console logs),
 * {@code tmp/} for work in progress and {@code locks/}.
 */
public final class Workspace {

    private static final Map<Path, ReentrantLock> IN_PROCESS_LOCKS = new ConcurrentHashMap<>();

    private final Path root;

    private Workspace(Path root) {
        this.root = root;
    }

    /**
     * Opens (creating when needed) a workspace in the given folder.
     *
     * @param folder the workspace folder
     * @return the workspace
     * @throws KforgeException when the folder cannot be created or written
     */
    public static Workspace at(Path folder) {
        var root = folder.toAbsolutePath().normalize();
        try {
            for (var part : new String[] {"entries", "runs", "tmp", "locks"}) {
                Files.createDirectories(root.resolve(part));
            }
        } catch (IOException e) {
            throw new KforgeException("cannot use workspace " + root + ": " + e.getMessage(), e);
        }
        return new Workspace(root);
    }

    /**
     * Returns the default workspace folder: {@code $XDG_CACHE_HOME/kforge}, else {@code ~/.cache/kforge}.
     *
     * @return the folder, not yet created
     */
    public static Path defaultFolder() {
        var xdg = System.getenv("XDG_CACHE_HOME");
        var cache = xdg == null || xdg.isBlank() ? Path.of(System.getProperty("user.home"), ".cache") : Path.of(xdg);
        return cache.resolve("kforge");
    }

    /**
     * Returns the workspace's folder.
     *
     * @return the absolute folder
     */
    public Path root() {
        return root;
    }

    /**
     * Returns where a stage's entry lives, whether or not it exists yet.
     *
     * @param stage the stage label
     * @param key the entry key
     * @return the entry's folder
     */
    public Path entry(String stage, String key) {
        return root.resolve("entries").resolve(stage).resolve(key);
    }

    /**
     * Tells whether a finished entry exists.
     *
     * @param stage the stage label
     * @param key the entry key
     * @return true when it exists
     */
    public boolean has(String stage, String key) {
        return Files.isDirectory(entry(stage, key));
    }

    /**
     * Returns an entry, producing it first when missing; see {@link io.kforge.core.spi.StageContext#cached}.
     *
     * @param stage the stage label
     * @param key the entry key
     * @param producer fills the empty folder it is given
     * @return the finished entry's folder
     */
    public Path cached(String stage, String key, Consumer<Path> producer) {
        var target = entry(stage, key);
        if (Files.isDirectory(target)) {
            return target;
        }
        var lockFile = root.resolve("locks").resolve(stage + "-" + key + ".lock");
        var local = IN_PROCESS_LOCKS.computeIfAbsent(lockFile, f -> new ReentrantLock());
        local.lock();
        try (var channel = FileChannel.open(lockFile, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
             var ignored = channel.lock()) {
            if (Files.isDirectory(target)) {
                return target;
            }
            var scratch = root.resolve("tmp").resolve(stage + "-" + key + "-" + UUID.randomUUID());
            Files.createDirectories(scratch);
            try {
                producer.accept(scratch);
                Files.createDirectories(target.getParent());
                Files.move(scratch, target, StandardCopyOption.ATOMIC_MOVE);
            } finally {
                deleteTree(scratch);
            }
            return target;
        } catch (FileAlreadyExistsException e) {
            return target;
        } catch (IOException e) {
            throw new KforgeException("cannot write workspace entry " + target + ": " + e.getMessage(), e);
        } finally {
            local.unlock();
        }
    }

    /**
     * Creates a new folder for what one run keeps outside the cache, such as console logs.
     *
     * @param label a word for the folder name ({@code boot})
     * @return the new, empty folder
     */
    public Path newRunFolder(String label) {
        var stamp = LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss"));
        var unique = UUID.randomUUID().toString().substring(0, 8);
        var folder = root.resolve("runs").resolve(stamp + "-" + label + "-" + unique);
        try {
            return Files.createDirectories(folder);
        } catch (IOException e) {
            throw new KforgeException("cannot create " + folder + ": " + e.getMessage(), e);
        }
    }

    /**
     * Returns a stage context on this workspace, as the pipeline gives providers; useful to drive one provider alone,
     * in a plugin's own tests for example.
     *
     * @param stage the stage label ({@code build}...)
     * @param listener receives the provider's events
     * @return the context, with the local command runner
     */
    public io.kforge.core.spi.StageContext context(String stage, io.kforge.core.spi.StageListener listener) {
        return new io.kforge.core.internal.PipelineContext(stage, listener, io.kforge.core.spi.CommandRunner.local(),
                this);
    }

    /**
     * Deletes a folder and everything in it; does nothing when it does not exist.
     *
     * @param folder the folder
     */
    public static void deleteTree(Path folder) {
        if (!Files.exists(folder, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
            return;
        }
        try (Stream<Path> all = Files.walk(folder)) {
            all.sorted(Comparator.reverseOrder()).forEach(path -> {
                try {
                    Files.deleteIfExists(path);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        } catch (IOException | UncheckedIOException e) {
            throw new KforgeException("cannot delete " + folder + ": " + e.getMessage(), e);
        }
    }
}
