package io.kforge.launcher.qemu;

import io.kforge.core.spi.ExecResult;
import io.kforge.core.spi.KforgeException;
import io.kforge.core.spi.StageContext;
import io.kforge.core.spi.Vm;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * A guest booted under QEMU whose kforge shell answered. Commands run one at a time through the serial console;
 * closing asks the guest to power off and kills QEMU when it does not end within a few seconds.
 */
final class QemuVm implements Vm {

    /** How long the guest may take to power off before QEMU is killed. */
    static final Duration POWER_OFF_GRACE = Duration.ofSeconds(5);

    /** Powers off through ACPI when the guest has it; else reboots, which ends QEMU because of -no-reboot. */
    static final String POWER_OFF = "if [ -d /sys/firmware/acpi ]; then poweroff -f; else reboot -f; fi";

    private static final System.Logger LOG = System.getLogger(QemuVm.class.getName());

    private final QemuProcess qemu;
    private final Accel accel;
    private final Optional<String> accelNote;
    private final Duration timeout;
    private final StageContext context;
    private final String kernelRelease;
    private final AtomicBoolean closed = new AtomicBoolean();

    private QemuVm(QemuProcess qemu, Accel accel, Optional<String> accelNote, Duration timeout, StageContext context,
                   String kernelRelease) {
        this.qemu = qemu;
        this.accel = accel;
        this.accelNote = accelNote;
        this.timeout = timeout;
        this.context = context;
        this.kernelRelease = kernelRelease;
    }

    /**
     * Wraps a QEMU whose shell answered, asking the guest for its kernel release.
     *
     * @param qemu the running QEMU
     * @param accel the accelerator it uses
     * @param accelNote why KVM was not used, when the boot spec allowed it
     * @param timeout how long each command may take
     * @param context the stage context
     * @return the VM
     * @throws KforgeException when {@code uname -r} does not answer
     */
    static QemuVm booted(QemuProcess qemu, Accel accel, Optional<String> accelNote, Duration timeout,
                         StageContext context) {
        var release = run(qemu, "uname -r", timeout);
        if (!release.ok()) {
            throw new KforgeException("'uname -r' failed in the guest with " + release.exitCode() + ": "
                    + release.output().strip());
        }
        return new QemuVm(qemu, accel, accelNote, timeout, context, release.output().strip());
    }

    @Override
    public ExecResult exec(String command) {
        if (closed.get()) {
            throw new KforgeException("cannot run '" + command + "': the VM is closed");
        }
        LOG.log(System.Logger.Level.DEBUG, "guest: {0}", command);
        return run(qemu, command, timeout);
    }

    @Override
    public String accel() {
        return accel.id();
    }

    @Override
    public Optional<String> accelNote() {
        return accelNote;
    }

    @Override
    public String kernelRelease() {
        return kernelRelease;
    }

    @Override
    public Path consoleLog() {
        return qemu.console().logFile();
    }

    @Override
    public void close() {
        if (!closed.compareAndSet(false, true)) {
            return;
        }
        try {
            if (qemu.running() && !qemu.console().ended()) {
                qemu.shell().sendOnly(POWER_OFF, POWER_OFF_GRACE);
                var end = qemu.awaitExit(POWER_OFF_GRACE);
                context.log(end.isPresent() ? "the guest powered off"
                        : "the guest did not power off within " + POWER_OFF_GRACE.toSeconds() + " s; QEMU killed");
            }
        } catch (KforgeException e) {
            context.log("cannot ask the guest to power off (" + e.getMessage() + "); QEMU killed");
        } finally {
            qemu.close();
        }
    }

    private static ExecResult run(QemuProcess qemu, String command, Duration timeout) {
        return switch (qemu.shell().exec(command, timeout)) {
            case ConsoleShell.Answer.Answered answered -> answered.result();
            case ConsoleShell.Answer.Unanswered unanswered -> throw failure(qemu, command, unanswered, timeout);
        };
    }

    private static KforgeException failure(QemuProcess qemu, String command, ConsoleShell.Answer.Unanswered unanswered,
                                           Duration timeout) {
        if (qemu.console().ended() || !qemu.running()) {
            return new KforgeException("the guest has gone while running '" + command + "': " + qemu.state()
                    + qemu.consoleTail());
        }
        if (unanswered.earlier()) {
            return new KforgeException("cannot run '" + command + "': the guest's shell is still busy with '"
                    + unanswered.command() + "', which timed out earlier" + qemu.consoleTail());
        }
        return new KforgeException("'" + command + "' did not answer within " + QemuLauncher.seconds(timeout)
                + " s in the guest (the boot spec's timeout)" + qemu.consoleTail());
    }
}
