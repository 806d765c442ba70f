package io.kforge.sysctl;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.kforge.core.spi.InvalidInputException;
import io.kforge.core.spi.KforgeException;
import io.kforge.core.spi.SysctlRequest;
import io.kforge.core.spi.StageContext;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;

/**
 * Keeps the values an apply replaced on one target, so that rollback can put them back.
 *
 * <p>One JSON file per target, written atomically before the first write of an apply: in the workspace
 * ({@code entries/sysctl/rollback/TARGET.json}, a folder made once through {@link StageContext#cached}) unless the
 * request names a file. An apply that fails and restores everything puts the previous file back; a rollback that
 * succeeds deletes it.
 */
final class RollbackStore {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final Path file;

    private RollbackStore(Path file) {
        this.file = file;
    }

    /**
     * Returns the store for a request's target.
     *
     * @param request the request, which may name the file
     * @param context the stage context, for the workspace folder
     * @return the store
     */
    static RollbackStore of(SysctlRequest request, StageContext context) {
        return new RollbackStore(request.rollbackFile().orElseGet(() -> context.cached("rollback", folder -> { })
                .resolve(fileName(request.target().label()))));
    }

    /**
     * Returns the file this store uses.
     *
     * @return the file, which may not exist
     */
    Path file() {
        return file;
    }

    /**
     * Returns the file's current content, to put back after an apply that changed nothing in the end.
     *
     * @return the content, or empty when there is no file
     */
    Optional<String> snapshot() {
        try {
            return Optional.of(Files.readString(file));
        } catch (NoSuchFileException e) {
            return Optional.empty();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Puts back a snapshot, or deletes the file when there was none.
     *
     * @param snapshot what {@link #snapshot} returned
     */
    void restore(Optional<String> snapshot) {
        snapshot.ifPresentOrElse(text -> AtomicFiles.write(file, text), this::delete);
    }

    /**
     * Saves the values about to be replaced.
     *
     * @param target the target's label
     * @param values each key with the value it holds now
     */
    void save(String target, List<Saved> values) {
        var root = JSON.createObjectNode();
        root.put("target", target);
        root.put("saved", Instant.now().toString());
        var array = root.putArray("values");
        for (var saved : values) {
            array.addObject().put("key", saved.key().dotted()).put("path", saved.key().path())
                    .put("value", saved.value());
        }
        try {
            AtomicFiles.write(file, JSON.writerWithDefaultPrettyPrinter().writeValueAsString(root) + "\n");
        } catch (JsonProcessingException e) {
            throw new KforgeException("cannot encode the values to roll back: " + e.getOriginalMessage(), e);
        }
    }

    /**
     * Loads the values saved by the last apply on a target.
     *
     * @param target the target's label
     * @return each key with the value to put back
     * @throws InvalidInputException when no apply was recorded for the target, or the file does not belong to it
     */
    List<Saved> load(String target) {
        var text = snapshot().orElseThrow(() -> new InvalidInputException("nothing to roll back on " + target
                + ": no apply is recorded in " + file));
        try {
            var root = JSON.readTree(text.getBytes(StandardCharsets.UTF_8));
            if (!target.equals(root.path("target").asText())) {
                throw new InvalidInputException(file + ": saved for " + root.path("target").asText() + ", not for "
                        + target);
            }
            var values = new ArrayList<Saved>();
            for (JsonNode node : root.path("values")) {
                values.add(new Saved(SysctlKey.ofPath(node.path("path").asText()), node.path("value").asText()));
            }
            return values;
        } catch (IOException | IllegalArgumentException e) {
            throw new InvalidInputException(file + ": not a kforge rollback file: " + e.getMessage(), e);
        }
    }

    /** Deletes the file, if there is one. */
    void delete() {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot delete " + file, e);
        }
    }

    private static String fileName(String label) {
        var readable = label.replaceAll("[^A-Za-z0-9._-]", "_");
        try {
            var digest = MessageDigest.getInstance("SHA-256").digest(label.getBytes(StandardCharsets.UTF_8));
            return readable + "-" + HexFormat.of().formatHex(digest, 0, 4) + ".json";
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }

    /**
     * A key with the value it held before an apply.
     *
     * @param key the key
     * @param value its value then
     */
    record Saved(SysctlKey key, String value) {
    }
}
