package io.kforge.launcher.qemu;

import io.kforge.core.Workspace;
import io.kforge.core.spi.BootSpec;
import io.kforge.core.spi.CommandRunner;
import io.kforge.core.spi.KvmMode;
import io.kforge.testkit.RecordingListener;
import io.kforge.testkit.TestKernels;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;

/**
 * Compares the wall time from {@link QemuLauncher#start} to the guest's first answer with the same QEMU command
 * run by hand on an initramfs whose {@code /init} answers at once, both under TCG. Not a test: run its
 * {@code main} with the test class path; it prints both medians.
 */
public final class BootBenchmark {

    private static final int ROUNDS = 5;
    private static final String ANSWER = "@@answered@@";

    private BootBenchmark() {
    }

    /**
     * Runs both boots {@value #ROUNDS} times each and prints their times.
     *
     * @param arguments ignored
     * @throws IOException when a temporary folder cannot be made
     */
    public static void main(String[] arguments) throws IOException {
        var folder = Files.createTempDirectory("kforge-boot-benchmark-");
        var context = Workspace.at(folder.resolve("workspace")).context("boot", new RecordingListener());
        var spec = TestBoots.spec(KvmMode.OFF, Duration.ofSeconds(60), List.of());
        TestKernels.qemuMinimal();
        var launcher = new QemuLauncher(new KvmCheck(Path.of("/dev/kvm")));
        var tiny = folder.resolve("tiny.cpio.gz");
        Initramfs.write(tiny, StaticBusybox.host().binary(), "#!/bin/sh\necho " + ANSWER + "\nreboot -f\n");

        var kforge = new ArrayList<Long>();
        var byHand = new ArrayList<Long>();
        for (int round = 0; round < ROUNDS; round++) {
            long started = System.nanoTime();
            try (var vm = launcher.start(spec, context)) {
                kforge.add((System.nanoTime() - started) / 1_000_000);
                if (vm.kernelRelease().isEmpty()) {
                    throw new IllegalStateException("the guest answered 'uname -r' with nothing");
                }
            }
            byHand.add(byHand(spec, tiny, folder.resolve("round-" + round)));
        }
        System.out.printf("kforge start() to first answer (uname -r): median %d ms, all %s%n", median(kforge), kforge);
        System.out.printf("same QEMU command, /init answering at once: median %d ms, all %s%n", median(byHand), byHand);
        Workspace.deleteTree(folder);
    }

    private static long byHand(BootSpec spec, Path initramfs, Path folder) throws IOException {
        Files.createDirectories(folder);
        var socket = new ConsoleSocket(folder.resolve("c.sock"), Optional.empty());
        var command = QemuCommandLine.of(spec, initramfs, socket.path(), Accel.TCG);
        long started = System.nanoTime();
        try (var qemu = CommandRunner.local().start(command, line -> { });
             var console = SerialConsole.connect(socket.path(), folder.resolve("console.log"), qemu::isAlive,
                     Instant.now().plusSeconds(60))) {
            var answered = console.await(text -> text.indexOf(ANSWER) >= 0 ? Optional.of(true) : Optional.empty(),
                    Instant.now().plusSeconds(60));
            if (answered.isEmpty()) {
                throw new IllegalStateException("the tiny init did not answer; see " + console.logFile());
            }
            return (System.nanoTime() - started) / 1_000_000;
        }
    }

    private static long median(List<Long> values) {
        var sorted = new ArrayList<>(values);
        Collections.sort(sorted);
        return sorted.get(sorted.size() / 2);
    }
}
