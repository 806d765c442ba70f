package io.kforge.core.spi;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * How to boot a kernel.
 *
 * @param kernel the kernel image
 * @param config the kernel's {@code .config}, for the preflight checks; empty to skip them
 * @param initramfs an initramfs to use, or empty for the one kforge generates (busybox and a command shell)
 * @param kernelArguments extra kernel command-line arguments
 * @param memoryMiB guest memory
 * @param cpus guest CPUs
 * @param kvm whether to use KVM
 * @param timeout how long the guest may take to boot and to answer each command
 */
public record BootSpec(Path kernel, Optional<Path> config, Optional<Path> initramfs, List<String> kernelArguments,
                       int memoryMiB, int cpus, KvmMode kvm, Duration timeout) {

    /** Copies the list. */
    public BootSpec {
        kernelArguments = List.copyOf(kernelArguments);
    }
}
