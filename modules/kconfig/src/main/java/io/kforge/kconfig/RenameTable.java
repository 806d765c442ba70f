package io.kforge.kconfig;

import io.kforge.core.spi.KforgeException;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The curated history of Kconfig symbols that were removed or renamed, with what replaced them and the release
 * that did it. It only says where a symbol went; what the replacement depends on is always read from the tree.
 */
public final class RenameTable {

    /**
     * One removed symbol.
     *
     * @param symbol the old name
     * @param replacements the symbols that now carry its function, possibly none
     * @param release the kernel release that removed it ({@code 6.1})
     * @param note what happened, in one clause
     */
    public record Rename(String symbol, List<String> replacements, String release, String note) {

        /** Copies the list. */
        public Rename {
            replacements = List.copyOf(replacements);
        }
    }

    private static final RenameTable BUILT_IN = load();

    private final Map<String, Rename> renames;

    private RenameTable(Map<String, Rename> renames) {
        this.renames = Map.copyOf(renames);
    }

    /**
     * Returns the table shipped with kforge.
     *
     * @return the table
     */
    public static RenameTable builtIn() {
        return BUILT_IN;
    }

    /**
     * Looks up a symbol that a tree of the given version does not define.
     *
     * @param symbol the name without {@code CONFIG_}
     * @param treeVersion the tree's version; a rename later than it is not the reason the symbol is missing
     * @return the rename, empty when the table does not know the symbol or the tree predates the change
     */
    public Optional<Rename> lookup(String symbol, String treeVersion) {
        return Optional.ofNullable(renames.get(symbol))
                .filter(r -> compareVersions(treeVersion, r.release()) >= 0);
    }

    /**
     * Compares two dotted kernel versions numerically ({@code 6.12.3} after {@code 6.1}).
     *
     * @param a one version
     * @param b the other version
     * @return negative, zero or positive as {@code a} is older, the same or newer
     */
    static int compareVersions(String a, String b) {
        var left = numbers(a);
        var right = numbers(b);
        for (int i = 0; i < Math.max(left.length, right.length); i++) {
            var l = i < left.length ? left[i] : 0;
            var r = i < right.length ? right[i] : 0;
            if (l != r) {
                return Integer.compare(l, r);
            }
        }
        return 0;
    }

    private static int[] numbers(String version) {
        return Arrays.stream(version.split("[^0-9]+")).filter(s -> !s.isEmpty()).limit(3)
                .mapToInt(Integer::parseInt).toArray();
    }

    private static RenameTable load() {
        var renames = new HashMap<String, Rename>();
        try (var in = RenameTable.class.getResourceAsStream("renames.txt")) {
            if (in == null) {
                throw new KforgeException("the rename table is missing from this installation");
            }
            var reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            for (var line = reader.readLine(); line != null; line = reader.readLine()) {
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                var fields = line.split("\\|", 4);
                var replacements = fields[1].isBlank() ? List.<String>of() : List.of(fields[1].strip().split(" +"));
                renames.put(fields[0].strip(), new Rename(fields[0].strip(), replacements, fields[2].strip(),
                        fields[3].strip()));
            }
        } catch (IOException e) {
            throw new KforgeException("cannot read the rename table: " + e.getMessage(), e);
        }
        return new RenameTable(renames);
    }
}
