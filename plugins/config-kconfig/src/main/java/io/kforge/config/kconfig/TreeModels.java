package io.kforge.config.kconfig;

import io.kforge.kconfig.KconfigTree;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The Kconfig models of the trees this process has configured, each read once per tree and architecture, on a
 * virtual thread so that reading overlaps with {@code make}.
 */
final class TreeModels {

    private static final Map<String, CompletableFuture<KconfigTree>> MODELS = new ConcurrentHashMap<>();

    private TreeModels() {
    }

    /**
     * Starts reading a tree's model, or returns the one already read or being read.
     *
     * @param tree the tree's top folder
     * @param arch the {@code ARCH} value
     * @return the model, when it is ready
     */
    static CompletableFuture<KconfigTree> of(Path tree, String arch) {
        var key = tree.toAbsolutePath() + "\n" + arch + "\n" + stamp(tree);
        return MODELS.computeIfAbsent(key, k -> {
            var model = new CompletableFuture<KconfigTree>();
            Thread.ofVirtual().name("kconfig-model").start(() -> {
                try {
                    model.complete(KconfigTree.load(tree, arch));
                } catch (RuntimeException e) {
                    MODELS.remove(k);
                    model.completeExceptionally(e);
                }
            });
            return model;
        });
    }

    /**
     * Waits for a model, passing on the exception that reading it threw.
     *
     * @param model the model being read
     * @return the model
     */
    static KconfigTree await(CompletableFuture<KconfigTree> model) {
        try {
            return model.join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof RuntimeException cause) {
                throw cause;
            }
            throw e;
        }
    }

    private static String stamp(Path tree) {
        try {
            return Files.getLastModifiedTime(tree.resolve("Kconfig")).toString();
        } catch (IOException e) {
            return "";
        }
    }
}
