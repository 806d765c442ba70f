package io.kforge.launcher.qemu;

import io.kforge.core.spi.KforgeException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * The host's statically linked x86-64 busybox, the one program in kforge's initramfs.
 *
 * <p>It must be static: the initramfs holds no C library. Debian's {@code busybox-static} package installs one as
 * {@code /bin/busybox}; the dynamic {@code busybox} package does not do.
 */
final class StaticBusybox {

    /** Where Debian's {@code busybox-static} puts it. */
    static final Path HOST = Path.of("/bin/busybox");

    /** What to run when it is missing or dynamic. */
    static final String INSTALL = "apt-get install busybox-static";

    private static final int PT_INTERP = 3;
    private static final int EM_X86_64 = 62;

    private final Path path;
    private final byte[] binary;
    private final String version;

    private StaticBusybox(Path path, byte[] binary, String version) {
        this.path = path;
        this.binary = binary;
        this.version = version;
    }

    /**
     * Returns where the binary was read from.
     *
     * @return the path
     */
    Path path() {
        return path;
    }

    /**
     * Returns the binary's bytes.
     *
     * @return a copy of the bytes
     */
    byte[] binary() {
        return binary.clone();
    }

    /**
     * Returns the version the binary reports.
     *
     * @return a version such as {@code 1.35.0}, or {@code unknown}
     */
    String version() {
        return version;
    }

    /**
     * Reads and checks the host's busybox.
     *
     * @return the busybox
     * @throws KforgeException when it is missing, not x86-64 or not static, saying what to install
     */
    static StaticBusybox host() {
        return read(HOST);
    }

    /**
     * Reads and checks a busybox binary.
     *
     * @param path the binary
     * @return the busybox
     * @throws KforgeException when it is missing, not x86-64 or not static, saying what to install
     */
    static StaticBusybox read(Path path) {
        byte[] binary;
        try {
            binary = Files.readAllBytes(path);
        } catch (IOException e) {
            throw new KforgeException(path + " cannot be read (" + e.getMessage() + "); kforge's initramfs needs a"
                    + " static busybox: " + INSTALL, e);
        }
        whyUnfit(binary).ifPresent(reason -> {
            throw new KforgeException(path + " " + reason + "; kforge's initramfs needs a static x86-64 busybox: "
                    + INSTALL);
        });
        return new StaticBusybox(path, binary, versionIn(binary));
    }

    /**
     * Tells why an ELF file cannot serve as the initramfs's only program.
     *
     * @param elf the file's bytes
     * @return the reason, or empty when it is a static x86-64 executable
     */
    static Optional<String> whyUnfit(byte[] elf) {
        if (elf.length < 64 || elf[0] != 0x7f || elf[1] != 'E' || elf[2] != 'L' || elf[3] != 'F') {
            return Optional.of("is not an ELF executable");
        }
        var header = ByteBuffer.wrap(elf).order(ByteOrder.LITTLE_ENDIAN);
        if (elf[4] != 2 || elf[5] != 1 || header.getShort(18) != EM_X86_64) {
            return Optional.of("is not a 64-bit x86 executable");
        }
        long tableOffset = header.getLong(32);
        int entrySize = Short.toUnsignedInt(header.getShort(54));
        int entries = Short.toUnsignedInt(header.getShort(56));
        for (int i = 0; i < entries; i++) {
            long entry = tableOffset + (long) i * entrySize;
            if (entry + 4 > elf.length) {
                return Optional.of("has a truncated ELF program header table");
            }
            if (header.getInt((int) entry) == PT_INTERP) {
                return Optional.of("is dynamically linked");
            }
        }
        return Optional.empty();
    }

    private static String versionIn(byte[] binary) {
        var text = new String(binary, StandardCharsets.ISO_8859_1);
        int at = text.indexOf("BusyBox v");
        if (at < 0) {
            return "unknown";
        }
        int start = at + "BusyBox v".length();
        int end = start;
        while (end < text.length() && isVersionCharacter(text.charAt(end))) {
            end++;
        }
        return end > start ? text.substring(start, end) : "unknown";
    }

    private static boolean isVersionCharacter(char c) {
        return Character.isLetterOrDigit(c) || c == '.' || c == '-';
    }
}
