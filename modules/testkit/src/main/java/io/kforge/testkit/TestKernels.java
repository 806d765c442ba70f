package io.kforge.testkit;

import io.kforge.core.spi.Command;
import io.kforge.core.spi.KforgeException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Small kernels built once per test run with plain {@code make}, for tests of the stages after the build (boot,
 * sysctl in a guest). kforge's own build stage is tested on its own; these fixtures do not go through it.
 */
public final class TestKernels {

    private TestKernels() {
    }

    /**
     * A built kernel.
     *
     * @param image the {@code bzImage}
     * @param config its {@code .config}
     * @param release its release string
     */
    public record Kernel(Path image, Path config, String release) {
    }

    /**
     * Returns {@code tinyconfig} plus the {@code qemu-minimal} profile, built with gcc for x86_64.
     *
     * @return the kernel
     */
    public static Kernel qemuMinimal() {
        var fragment = TestCache.projectRoot().resolve("plugins/config-kconfig/src/main/resources")
                .resolve("io/kforge/config/kconfig/profiles/qemu-minimal.config");
        return build("kernel-qemu-minimal", "tinyconfig", fragment);
    }

    /**
     * Builds a kernel from a base target and one fragment, once per test run.
     *
     * @param name the cache entry name
     * @param base the base {@code make} target ({@code tinyconfig})
     * @param fragment the fragment merged over it with the tree's {@code merge_config.sh}
     * @return the kernel
     */
    public static Kernel build(String name, String base, Path fragment) {
        var tree = TestTrees.linux612();
        var out = TestCache.entry(name, dir -> {
            var make = Command.of("make", "-C", tree.toString(), "O=" + dir, "ARCH=x86_64");
            TestCache.run(make.plus(java.util.List.of(base)));
            TestCache.run(Command.of(tree.resolve("scripts/kconfig/merge_config.sh").toString(), "-m", "-O",
                    dir.toString(), dir.resolve(".config").toString(), fragment.toString()).in(tree));
            TestCache.run(make.plus(java.util.List.of("olddefconfig")));
            TestCache.run(make.plus(java.util.List.of("-j" + Runtime.getRuntime().availableProcessors(), "bzImage"))
                    .withTimeout(java.time.Duration.ofMinutes(40)));
        });
        try {
            var release = Files.readString(out.resolve("include/config/kernel.release")).strip();
            return new Kernel(out.resolve("arch/x86/boot/bzImage"), out.resolve(".config"), release);
        } catch (IOException e) {
            throw new KforgeException("test kernel " + name + " is incomplete: " + e.getMessage(), e);
        }
    }
}
