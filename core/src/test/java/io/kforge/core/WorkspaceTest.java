package io.kforge.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class WorkspaceTest {

    @TempDir
    Path folder;

    @Test
    void entryIsProducedOnceAndThenReused() throws Exception {
        var workspace = Workspace.at(folder);
        var calls = new AtomicInteger();

        var first = workspace.cached("build", "k1", dir -> write(dir.resolve("image"), "x", calls));
        var second = workspace.cached("build", "k1", dir -> write(dir.resolve("image"), "y", calls));

        assertEquals(first, second);
        assertEquals(1, calls.get());
        assertEquals("x", Files.readString(second.resolve("image")));
    }

    @Test
    void failedProducerLeavesNothingBehind() throws Exception {
        var workspace = Workspace.at(folder);

        assertThrows(IllegalStateException.class, () -> workspace.cached("build", "k2", dir -> {
            write(dir.resolve("half"), "written", new AtomicInteger());
            throw new IllegalStateException("compiler crashed");
        }));

        assertFalse(workspace.has("build", "k2"));
        try (var leftovers = Files.list(folder.resolve("tmp"))) {
            assertEquals(0, leftovers.count());
        }
    }

    @Test
    void concurrentRunsShareOneProduction() throws Exception {
        var workspace = Workspace.at(folder);
        var calls = new AtomicInteger();

        try (var pool = Executors.newFixedThreadPool(4)) {
            for (int i = 0; i < 8; i++) {
                pool.submit(() -> workspace.cached("config", "same", dir -> {
                    sleep();
                    write(dir.resolve(".config"), "CONFIG_X=y", calls);
                }));
            }
        }

        assertEquals(1, calls.get());
        assertTrue(workspace.has("config", "same"));
    }

    private static void write(Path file, String text, AtomicInteger calls) {
        try {
            Files.writeString(file, text);
            calls.incrementAndGet();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static void sleep() {
        try {
            Thread.sleep(50);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
