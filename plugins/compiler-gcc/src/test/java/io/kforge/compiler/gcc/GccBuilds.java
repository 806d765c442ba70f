package io.kforge.compiler.gcc;

import io.kforge.core.Workspace;
import io.kforge.core.spi.BuildRequest;
import io.kforge.core.spi.SourceTree;
import io.kforge.core.spi.StageListener;
import io.kforge.kbuild.HostTools;
import io.kforge.testkit.TestCache;
import io.kforge.testkit.TestKernels;
import io.kforge.testkit.TestTrees;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The gcc builds the tests share, made once per test run in the shared test cache: {@code tinyconfig} plus
 * {@code qemu-minimal} built through kforge with ccache and in reproducible mode, then built again in a second
 * workspace (a new build folder, the ccache warm) to compare the two images.
 */
final class GccBuilds {

    private GccBuilds() {
    }

    static Path folder() {
        return TestCache.entry("kforge-gcc-builds", dir -> {
            var backend = backend(dir);
            var request = request(backend);
            var progress = new ArrayList<String>();
            var listener = new StageListener() {
                @Override
                public void progress(String stage, long done, long total) {
                    progress.add(done + " " + total);
                }
            };
            backend.build(request, Workspace.at(dir.resolve("first")).context("build", listener));
            write(dir.resolve("progress.txt"), progress);
            backend.build(request, Workspace.at(dir.resolve("second")).context("build", StageListener.NONE));
        });
    }

    /**
     * Returns the entry of one of the two builds, through a build of the same request: a cache hit.
     *
     * @param workspace {@code first} or {@code second}
     * @return the workspace entry holding the image, the log and build.json
     */
    static Path entry(String workspace) {
        var folder = folder();
        var backend = backend(folder);
        return backend.build(request(backend), Workspace.at(folder.resolve(workspace)).context("build",
                StageListener.NONE)).image().getParent();
    }

    static GccBackend backend(Path folder) {
        return new GccBackend(HostTools.with(Map.of("CCACHE_DIR", folder.resolve("ccache").toString())));
    }

    static BuildRequest request(GccBackend backend) {
        var toolchain = backend.toolchain(tree(), "x86_64");
        return new BuildRequest(tree(), TestKernels.qemuMinimal().config(), toolchain, "bzImage",
                Runtime.getRuntime().availableProcessors(), true, true);
    }

    static SourceTree tree() {
        return new SourceTree(TestTrees.linux612(), "6.12", "linux-source-6.12", Optional.empty(), List.of());
    }

    private static void write(Path file, List<String> lines) {
        try {
            Files.write(file, lines);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
