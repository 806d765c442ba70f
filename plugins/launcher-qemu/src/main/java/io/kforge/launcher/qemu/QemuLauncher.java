package io.kforge.launcher.qemu;

import io.kforge.core.spi.BootSpec;
import io.kforge.core.spi.Command;
import io.kforge.core.spi.CommandRunner;
import io.kforge.core.spi.InvalidInputException;
import io.kforge.core.spi.KvmMode;
import io.kforge.core.spi.KforgeException;
import io.kforge.core.spi.Probe;
import io.kforge.core.spi.StageContext;
import io.kforge.core.spi.Vm;
import io.kforge.core.spi.VmLauncher;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Optional;

/**
 * Boots kernels under {@code qemu-system-x86_64} on kforge's busybox initramfs and hands back a shell in the guest.
 *
 * <p>Before QEMU starts, the kernel's {@code .config} (when the boot spec gives it) goes through
 * {@link BootPreflight}. With {@code kvm: auto} the guest runs under KVM only when KVM really works: the device
 * must be usable and, the first time in the JVM, a guest under it must print within {@link KvmCheck#PROBE_WINDOW};
 * otherwise that QEMU is killed and the guest boots under TCG, with one warning saying why. A guest that prints
 * nothing within the boot timeout is killed and reported as {@code no console output}. Each boot keeps its console
 * logs ({@code console-kvm.log}, {@code console-tcg.log}) in a new run folder of the workspace.
 */
public final class QemuLauncher implements VmLauncher {

    private static final System.Logger LOG = System.getLogger(QemuLauncher.class.getName());
    private static final String INSTALL_QEMU = "apt-get install qemu-system-x86";

    private final KvmCheck kvm;

    /** Creates the launcher the plugin registry uses, sharing the host's KVM verdict. */
    public QemuLauncher() {
        this(KvmCheck.HOST);
    }

    /**
     * Creates a launcher with its own KVM check.
     *
     * @param kvm the KVM check to consult and inform
     */
    QemuLauncher(KvmCheck kvm) {
        this.kvm = kvm;
    }

    @Override
    public String id() {
        return "qemu";
    }

    /**
     * Reports the versions of {@code qemu-system-x86_64} and of the static busybox, or what to install.
     *
     * @return the probe
     */
    @Override
    public Probe probe() {
        var found = new LinkedHashMap<String, String>();
        var missing = new ArrayList<String>();
        if (onPath(QemuCommandLine.PROGRAM).isEmpty()) {
            missing.add(QemuCommandLine.PROGRAM + " is not installed: " + INSTALL_QEMU);
        } else {
            var result = CommandRunner.local().run(Command.of(QemuCommandLine.PROGRAM, "--version")
                    .withTimeout(Duration.ofSeconds(30)), line -> { });
            var version = result.tail().stream().filter(l -> l.contains("version")).findFirst()
                    .map(l -> l.replaceFirst(".*version\\s+(\\S+).*", "$1"));
            version.ifPresentOrElse(v -> found.put(QemuCommandLine.PROGRAM, v), () -> missing.add(
                    QemuCommandLine.PROGRAM + " does not run (" + result.failure() + "): " + INSTALL_QEMU));
        }
        try {
            found.put("busybox", StaticBusybox.host().version() + " (static, " + StaticBusybox.HOST + ")");
        } catch (KforgeException e) {
            missing.add(e.getMessage());
        }
        return new Probe(found, missing);
    }

    @Override
    public Vm start(BootSpec spec, StageContext context) {
        checkSpec(spec);
        spec.config().ifPresent(config -> {
            var preflight = BootPreflight.of(config);
            preflight.refuse(preflight.initramfsBoot(spec.kernelArguments()));
        });
        if (onPath(QemuCommandLine.PROGRAM).isEmpty()) {
            throw new KforgeException(QemuCommandLine.PROGRAM + " is not installed: " + INSTALL_QEMU);
        }
        if (spec.kvm() == KvmMode.REQUIRE) {
            kvm.problem().ifPresent(reason -> {
                throw kvmRequired(reason);
            });
        }
        var generated = Initramfs.generated(StaticBusybox.host(), context);
        var initramfs = spec.initramfs().map(own -> Initramfs.layered(own, generated, context)).orElse(generated);
        var boot = new Boot(spec, initramfs, context.newRunFolder("console"), context);
        context.log("console logs go to " + boot.folder());

        return switch (spec.kvm()) {
            case OFF -> underTcg(boot, Optional.empty());
            case REQUIRE -> underRequiredKvm(boot);
            case AUTO -> underBestAccel(boot);
        };
    }

    private Vm underBestAccel(Boot boot) {
        var known = kvm.problem();
        if (known.isPresent()) {
            boot.context().warn(tcgWarning(known.get()));
            return underTcg(boot, known);
        }
        var attempt = underKvm(boot);
        if (attempt.vm().isPresent()) {
            return attempt.vm().get();
        }
        var vm = underTcg(boot, Optional.of(attempt.reason()));
        kvm.broken(attempt.reason());
        boot.context().warn(tcgWarning(attempt.reason()));
        return vm;
    }

    private Vm underRequiredKvm(Boot boot) {
        var attempt = underKvm(boot);
        if (attempt.vm().isPresent()) {
            return attempt.vm().get();
        }
        kvm.broken(attempt.reason());
        throw kvmRequired(attempt.reason());
    }

    /** Boots under KVM; unless KVM is proven, gives up after the probe window when the guest printed nothing. */
    private KvmAttempt underKvm(Boot boot) {
        QemuProcess qemu;
        try {
            qemu = boot.launch(Accel.KVM);
        } catch (KforgeException e) {
            return new KvmAttempt(Optional.empty(), "QEMU could not start under KVM: " + e.getMessage());
        }
        if (!kvm.provenToWork()) {
            var window = KvmCheck.PROBE_WINDOW.compareTo(boot.spec().timeout()) < 0
                    ? KvmCheck.PROBE_WINDOW : boot.spec().timeout();
            if (!qemu.console().awaitOutput(qemu.started().plus(window))) {
                var reason = qemu.console().ended() || !qemu.running()
                        ? "QEMU could not run a guest under KVM (" + qemu.state() + ")"
                        : kvm.silentGuest(window);
                qemu.close();
                LOG.log(System.Logger.Level.INFO, "KVM probe failed after {0} ms: {1}",
                        Duration.between(qemu.started(), Instant.now()).toMillis(), reason);
                return new KvmAttempt(Optional.empty(), reason);
            }
            kvm.works();
        }
        return new KvmAttempt(Optional.of(awaitShell(boot, qemu, Accel.KVM, Optional.empty())), "");
    }

    private Vm underTcg(Boot boot, Optional<String> note) {
        return awaitShell(boot, boot.launch(Accel.TCG), Accel.TCG, note);
    }

    /** Waits for the guest's first byte and then for kforge's shell, within the boot timeout. */
    private QemuVm awaitShell(Boot boot, QemuProcess qemu, Accel accel, Optional<String> note) {
        var timeout = boot.spec().timeout();
        var deadline = qemu.started().plus(timeout);
        try {
            if (!qemu.console().awaitOutput(deadline)) {
                throw new KforgeException(silence(qemu, timeout));
            }
            if (!qemu.shell().awaitReady(deadline)) {
                throw new KforgeException(qemu.console().ended() || !qemu.running()
                        ? "the guest ended before kforge's shell answered: " + qemu.state() + qemu.consoleTail()
                        : "kforge's shell in the guest did not answer within " + seconds(timeout) + " s"
                                + qemu.consoleTail());
            }
            var vm = QemuVm.booted(qemu, accel, note, timeout, boot.context());
            var took = seconds(Duration.between(qemu.started(), Instant.now()));
            LOG.log(System.Logger.Level.INFO, "booted {0} under {1} in {2} s", vm.kernelRelease(), accel.id(), took);
            boot.context().log("booted " + vm.kernelRelease() + " under " + accel.id() + " in " + took + " s");
            return vm;
        } catch (RuntimeException e) {
            qemu.close();
            throw e;
        }
    }

    private static String silence(QemuProcess qemu, Duration timeout) {
        var hint = "; check that the kernel has CONFIG_SERIAL_8250=y and CONFIG_SERIAL_8250_CONSOLE=y and boots with"
                + " console=ttyS0 (give kforge the kernel's .config and the preflight checks this)";
        if (qemu.console().ended() || !qemu.running()) {
            return "no console output: " + qemu.state() + " without the guest printing anything on ttyS0" + hint;
        }
        return "no console output within " + seconds(timeout) + " s: the guest printed nothing on ttyS0, so QEMU"
                + " was stopped" + hint;
    }

    private static String tcgWarning(String reason) {
        return "KVM not used: " + reason + "; the guest runs under TCG, which is much slower";
    }

    private static KforgeException kvmRequired(String reason) {
        return new KforgeException("KVM is required (kvm: require) but cannot be used: " + reason
                + "; use kvm: auto to fall back to TCG, or kvm: off");
    }

    private static void checkSpec(BootSpec spec) {
        if (!Files.isRegularFile(spec.kernel())) {
            throw new InvalidInputException("the kernel image " + spec.kernel() + " does not exist");
        }
        spec.initramfs().filter(file -> !Files.isRegularFile(file)).ifPresent(file -> {
            throw new InvalidInputException("the initramfs " + file + " does not exist");
        });
        if (spec.memoryMiB() < 32 || spec.cpus() < 1) {
            throw new InvalidInputException("a VM needs at least 32 MiB of memory and 1 CPU, not "
                    + spec.memoryMiB() + " MiB and " + spec.cpus());
        }
        if (spec.timeout().isNegative() || spec.timeout().isZero()) {
            throw new InvalidInputException("the boot timeout must be positive, not " + spec.timeout());
        }
    }

    private static Optional<Path> onPath(String program) {
        var path = System.getenv("PATH");
        if (path == null) {
            return Optional.empty();
        }
        for (var folder : path.split(File.pathSeparator)) {
            var candidate = Path.of(folder.isEmpty() ? "." : folder, program);
            if (Files.isExecutable(candidate)) {
                return Optional.of(candidate);
            }
        }
        return Optional.empty();
    }

    /**
     * Formats a duration in seconds for messages: whole seconds as they are, others with one decimal.
     *
     * @param duration the duration
     * @return the number of seconds
     */
    static String seconds(Duration duration) {
        long millis = duration.toMillis();
        return millis % 1000 == 0 ? Long.toString(millis / 1000) : String.format(Locale.ROOT, "%.1f", millis / 1000.0);
    }

    /** What one boot needs: the spec, the initramfs, the folder for console logs and the stage context. */
    private record Boot(BootSpec spec, Path initramfs, Path folder, StageContext context) {

        QemuProcess launch(Accel accel) {
            var name = "console-" + accel.id();
            var socket = ConsoleSocket.in(folder, name + ".sock");
            var command = QemuCommandLine.of(spec, initramfs, socket.path(), accel);
            return QemuProcess.start(command, socket, folder.resolve(name + ".log"), spec.timeout(), context);
        }
    }

    /** The outcome of a boot under KVM: the VM, or why KVM does not work. */
    private record KvmAttempt(Optional<QemuVm> vm, String reason) {
    }
}
