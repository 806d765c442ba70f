package io.kforge.launcher.qemu;

import io.kforge.core.spi.BootSpec;
import io.kforge.core.spi.KvmMode;
import io.kforge.testkit.TestKernels;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/** Boot specs for the test kernel, and a look at the QEMU processes this JVM started. */
final class TestBoots {

    private TestBoots() {
    }

    /**
     * Returns a spec for the {@code qemu-minimal} test kernel with its {@code .config}, 256 MiB and one CPU.
     *
     * @param kvm the KVM mode
     * @param timeout the boot and command timeout
     * @param kernelArguments extra kernel arguments
     * @return the spec
     */
    static BootSpec spec(KvmMode kvm, Duration timeout, List<String> kernelArguments) {
        var kernel = TestKernels.qemuMinimal();
        return new BootSpec(kernel.image(), Optional.of(kernel.config()), Optional.empty(), kernelArguments, 256, 1,
                kvm, timeout);
    }

    /**
     * Returns the same spec with another config, or none.
     *
     * @param spec the spec
     * @param config the config to check, or empty to skip the preflight
     * @return the new spec
     */
    static BootSpec withConfig(BootSpec spec, Optional<Path> config) {
        return new BootSpec(spec.kernel(), config, spec.initramfs(), spec.kernelArguments(), spec.memoryMiB(),
                spec.cpus(), spec.kvm(), spec.timeout());
    }

    /**
     * Returns the same spec with a user initramfs.
     *
     * @param spec the spec
     * @param initramfs the user's initramfs
     * @return the new spec
     */
    static BootSpec withInitramfs(BootSpec spec, Path initramfs) {
        return new BootSpec(spec.kernel(), spec.config(), Optional.of(initramfs), spec.kernelArguments(),
                spec.memoryMiB(), spec.cpus(), spec.kvm(), spec.timeout());
    }

    /**
     * Lists the QEMU processes that descend from this JVM.
     *
     * @return the running QEMU processes
     */
    static List<ProcessHandle> qemuChildren() {
        return ProcessHandle.current().descendants()
                .filter(ProcessHandle::isAlive)
                .filter(p -> p.info().command().map(c -> c.contains("qemu-system")).orElse(false))
                .toList();
    }
}
