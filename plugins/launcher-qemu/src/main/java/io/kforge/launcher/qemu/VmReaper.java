package io.kforge.launcher.qemu;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Kills every QEMU process still running when the JVM ends (Ctrl-C, an uncaught failure), so no VM outlives
 * kforge.
 */
final class VmReaper {

    private static final Set<Long> RUNNING = ConcurrentHashMap.newKeySet();

    static {
        Runtime.getRuntime().addShutdownHook(Thread.ofPlatform().name("kforge-vm-reaper").unstarted(VmReaper::killAll));
    }

    private VmReaper() {
    }

    /**
     * Starts watching a QEMU process.
     *
     * @param pid its process id
     */
    static void watch(long pid) {
        RUNNING.add(pid);
    }

    /**
     * Stops watching a QEMU process that has been ended.
     *
     * @param pid its process id
     */
    static void release(long pid) {
        RUNNING.remove(pid);
    }

    private static void killAll() {
        for (long pid : RUNNING) {
            ProcessHandle.of(pid).ifPresent(process -> {
                process.descendants().forEach(ProcessHandle::destroyForcibly);
                process.destroyForcibly();
            });
        }
    }
}
