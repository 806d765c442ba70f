package io.kforge.launcher.qemu;

import java.util.List;

/** The QEMU accelerators kforge uses. */
enum Accel {
    /** Hardware virtualisation through {@code /dev/kvm}, with the host's CPU model. */
    KVM("kvm", List.of("-accel", "kvm", "-cpu", "host")),
    /** QEMU's own emulation: slower, works everywhere. */
    TCG("tcg", List.of("-accel", "tcg"));

    private final String id;
    private final List<String> arguments;

    Accel(String id, List<String> arguments) {
        this.id = id;
        this.arguments = arguments;
    }

    /**
     * Returns the name QEMU and {@link io.kforge.core.spi.Vm#accel()} use.
     *
     * @return {@code kvm} or {@code tcg}
     */
    String id() {
        return id;
    }

    /**
     * Returns the QEMU arguments that select this accelerator.
     *
     * @return the arguments
     */
    List<String> arguments() {
        return arguments;
    }
}
