package io.kforge.launcher.qemu;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Decides whether KVM can be used, and remembers what a real guest showed for the rest of the JVM.
 *
 * <p>{@code /dev/kvm} must exist and be readable and writable; then a guest must actually make progress under it,
 * which only a boot can tell (some hosts have a {@code /dev/kvm} on which guests hang while the kernel
 * decompresses). The launcher runs that boot and reports here what it saw, so a second boot does not pay the
 * probe again.
 */
final class KvmCheck {

    /** The check for this host's {@code /dev/kvm}, shared by every launcher in the JVM. */
    static final KvmCheck HOST = new KvmCheck(Path.of("/dev/kvm"));

    /** How long a guest under KVM may take to print its first byte before KVM counts as not working. */
    static final Duration PROBE_WINDOW = Duration.ofSeconds(5);

    private final Path device;
    private final AtomicReference<Verdict> verdict = new AtomicReference<>(new Verdict(State.UNKNOWN, ""));

    /**
     * Creates a check for a KVM device.
     *
     * @param device the device, {@code /dev/kvm} on a real host
     */
    KvmCheck(Path device) {
        this.device = device;
    }

    /**
     * Tells why KVM cannot be used, as far as is known without booting.
     *
     * @return the reason, in one plain sentence, or empty when KVM may work
     */
    Optional<String> problem() {
        if (!Files.exists(device)) {
            return Optional.of(device + " does not exist (load the kvm_intel or kvm_amd module, or enable"
                    + " virtualisation in the firmware)");
        }
        if (!Files.isReadable(device) || !Files.isWritable(device)) {
            return Optional.of(device + " is not readable and writable by user " + System.getProperty("user.name")
                    + " (add the user to the group that owns it, usually kvm)");
        }
        var known = verdict.get();
        return known.state() == State.BROKEN ? Optional.of(known.reason()) : Optional.empty();
    }

    /**
     * Tells whether a guest has already run under KVM in this JVM.
     *
     * @return true when KVM is known to work
     */
    boolean provenToWork() {
        return verdict.get().state() == State.WORKS;
    }

    /** Records that a guest made progress under KVM. */
    void works() {
        verdict.set(new Verdict(State.WORKS, ""));
    }

    /**
     * Records that KVM does not work, and why.
     *
     * @param reason one plain sentence
     */
    void broken(String reason) {
        verdict.set(new Verdict(State.BROKEN, reason));
    }

    /**
     * Says why KVM counts as broken when a guest under it printed nothing within the probe window.
     *
     * @param window the probe window
     * @return the reason, in one plain sentence
     */
    String silentGuest(Duration window) {
        return device + " is there, but a guest under KVM printed nothing on its serial console within "
                + QemuLauncher.seconds(window) + " s: KVM does not run guests on this host";
    }

    /** What boots under KVM have shown so far. */
    private enum State { UNKNOWN, WORKS, BROKEN }

    /** The state with the reason when broken. */
    private record Verdict(State state, String reason) {
    }
}
