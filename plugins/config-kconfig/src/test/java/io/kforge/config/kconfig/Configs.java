package io.kforge.config.kconfig;

import io.kforge.core.Workspace;
import io.kforge.core.spi.ConfigOutcome;
import io.kforge.core.spi.ConfigRequest;
import io.kforge.core.spi.DroppedOption;
import io.kforge.core.spi.SourceTree;
import io.kforge.core.spi.StageContext;
import io.kforge.core.spi.StageListener;
import io.kforge.core.spi.Toolchain;
import io.kforge.testkit.TestTrees;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The fixtures of the merger's tests: the real 6.12 tree, gcc and clang toolchains as the compiler backends give
 * them, and one workspace per test run so that {@code make defconfig} runs once and is then a cache hit.
 */
final class Configs {

    /** The gcc backend's toolchain for x86_64. */
    static final Toolchain GCC = new Toolchain("gcc", "x86_64", List.of("ARCH=x86_64"), Map.of(), Map.of());
    /** The clang backend's toolchain for x86_64 ({@code LLVM=1} on every make call). */
    static final Toolchain CLANG = new Toolchain("clang", "x86_64", List.of("ARCH=x86_64", "LLVM=1"), Map.of(),
            Map.of());

    private static final Workspace WORKSPACE = Workspace.at(folder());

    private Configs() {
    }

    /**
     * Returns the 6.12 tree as a source stage would give it.
     *
     * @return the tree
     */
    static SourceTree tree() {
        return new SourceTree(TestTrees.linux612(), "6.12", "test", Optional.empty(), List.of());
    }

    /**
     * Builds a request over the 6.12 tree.
     *
     * @param base the base
     * @param toolchain the toolchain
     * @param strict strict mode
     * @param fragments the fragments
     * @return the request
     */
    static ConfigRequest request(String base, Toolchain toolchain, boolean strict, Path... fragments) {
        return new ConfigRequest(tree(), base, Arrays.stream(fragments).map(Path::toString).toList(),
                toolchain, strict);
    }

    /**
     * Runs the merger.
     *
     * @param request the request
     * @return the outcome
     */
    static ConfigOutcome configure(ConfigRequest request) {
        return new FragmentMerger().configure(request, WORKSPACE.context("config", StageListener.NONE));
    }

    /**
     * Returns the shared workspace's context for the config stage.
     *
     * @return the context
     */
    static StageContext context() {
        return WORKSPACE.context("config", StageListener.NONE);
    }

    /**
     * Writes a fragment file.
     *
     * @param folder the folder
     * @param name the file name
     * @param lines its lines
     * @return the file
     */
    static Path fragment(Path folder, String name, String... lines) {
        try {
            return Files.write(folder.resolve(name), List.of(lines));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Finds the dropped option for a symbol.
     *
     * @param outcome the outcome
     * @param symbol the symbol
     * @return the dropped option
     * @throws AssertionError when the symbol was not dropped
     */
    static DroppedOption dropped(ConfigOutcome outcome, String symbol) {
        return outcome.report().dropped().stream().filter(d -> d.symbol().equals(symbol)).findFirst()
                .orElseThrow(() -> new AssertionError(symbol + " is not dropped: " + outcome.report().dropped()));
    }

    private static Path folder() {
        try {
            var folder = Files.createTempDirectory("kforge-kconfig-test-");
            Runtime.getRuntime().addShutdownHook(new Thread(() -> Workspace.deleteTree(folder)));
            return folder;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
