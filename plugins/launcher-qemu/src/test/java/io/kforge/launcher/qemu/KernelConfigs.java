package io.kforge.launcher.qemu;

import io.kforge.core.spi.Command;
import io.kforge.core.spi.CommandRunner;
import io.kforge.core.spi.KforgeException;
import io.kforge.testkit.TestCache;
import io.kforge.testkit.TestTrees;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Real {@code .config} files for the preflight tests, made once per test cache with the 6.12 tree's own config
 * targets ({@code tinyconfig}, {@code merge_config.sh}, {@code scripts/config}, {@code olddefconfig}); nothing is
 * compiled.
 */
final class KernelConfigs {

    /** {@code tinyconfig} alone: no serial port, no initramfs support. */
    static final String TINY = "tinyconfig";

    /** {@code tinyconfig} plus the {@code qemu-minimal} profile: boots on kforge's initramfs. */
    static final String QEMU_MINIMAL = "qemu-minimal";

    /** C10: the serial port without its console. */
    static final String NO_SERIAL_CONSOLE = "no-serial-console";

    /** C09: the virtio disk driver, virtio PCI and ext4 as modules. */
    static final String DISK_DRIVERS_AS_MODULES = "disk-drivers-as-modules";

    /** C09: {@code qemu-minimal} without devtmpfs, and no virtio or ext4 at all. */
    static final String NO_DEVTMPFS = "no-devtmpfs";

    private static final Map<String, List<String>> CHANGES = new LinkedHashMap<>();

    static {
        CHANGES.put(NO_SERIAL_CONSOLE, List.of("-d", "SERIAL_8250_CONSOLE"));
        CHANGES.put(DISK_DRIVERS_AS_MODULES, List.of("-e", "MODULES", "-e", "BLOCK", "-e", "VIRTIO_MENU",
                "-m", "VIRTIO_PCI", "-m", "VIRTIO_BLK", "-m", "EXT4_FS"));
        CHANGES.put(NO_DEVTMPFS, List.of("-d", "DEVTMPFS"));
    }

    private KernelConfigs() {
    }

    /**
     * Returns one of the configs, making all of them the first time.
     *
     * @param name one of the names above
     * @return the {@code .config} file
     */
    static Path get(String name) {
        var folder = TestCache.entry("launcher-qemu-configs-" + version(), KernelConfigs::make);
        var file = folder.resolve(name + ".config");
        if (!Files.isRegularFile(file)) {
            throw new KforgeException("no test config named " + name);
        }
        return file;
    }

    private static void make(Path folder) {
        var tree = TestTrees.linux612();
        var build = folder.resolve("build");
        var config = build.resolve(".config");
        var make = Command.of("make", "-C", tree.toString(), "O=" + build, "ARCH=x86_64");
        run(make.plus(List.of(TINY)));
        copy(config, folder.resolve(TINY + ".config"));
        run(Command.of(tree.resolve("scripts/kconfig/merge_config.sh").toString(), "-m", "-O", build.toString(),
                config.toString(), profile().toString()).in(tree));
        run(make.plus(List.of("olddefconfig")));
        var base = folder.resolve(QEMU_MINIMAL + ".config");
        copy(config, base);
        for (var change : CHANGES.entrySet()) {
            copy(base, config);
            run(Command.of(tree.resolve("scripts/config").toString(), "--file", config.toString())
                    .plus(change.getValue()));
            run(make.plus(List.of("olddefconfig")));
            copy(config, folder.resolve(change.getKey() + ".config"));
        }
    }

    private static Path profile() {
        return TestCache.projectRoot().resolve(
                "plugins/config-kconfig/src/main/resources/io/kforge/config/kconfig/profiles/qemu-minimal.config");
    }

    private static String version() {
        try {
            var digest = java.security.MessageDigest.getInstance("SHA-256");
            digest.update(CHANGES.toString().getBytes(StandardCharsets.UTF_8));
            digest.update(Files.readAllBytes(profile()));
            return HexFormat.of().formatHex(digest.digest()).substring(0, 12);
        } catch (IOException | java.security.NoSuchAlgorithmException e) {
            throw new KforgeException("cannot fingerprint the test configs: " + e.getMessage(), e);
        }
    }

    private static void run(Command command) {
        var result = CommandRunner.local().run(command, line -> { });
        if (!result.ok()) {
            throw new KforgeException("making a test config failed: " + result.failure());
        }
    }

    private static void copy(Path from, Path to) {
        try {
            Files.copy(from, to, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new KforgeException("cannot copy " + from + ": " + e.getMessage(), e);
        }
    }
}
