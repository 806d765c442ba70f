package io.kforge.kbuild;

import io.kforge.core.spi.InvalidInputException;
import java.util.List;
import java.util.Locale;

/**
 * A target architecture as the kernel's {@code make} and the host's tools name it.
 *
 * @param name the {@code ARCH} value ({@code x86_64}, {@code arm64})
 * @param sourceArch the folder under {@code arch/} ({@code x86}, {@code arm64})
 * @param crossPrefix the GNU cross toolchain prefix ({@code aarch64-linux-gnu-}), used when the host is another arch
 * @param qemu the QEMU system emulator that boots it
 * @param defaultImage the {@code make} target of the bootable image ({@code bzImage}, {@code Image})
 */
public record Arch(String name, String sourceArch, String crossPrefix, String qemu, String defaultImage) {

    /** The architectures kforge builds for. */
    public static final List<Arch> SUPPORTED = List.of(
            new Arch("x86_64", "x86", "x86_64-linux-gnu-", "qemu-system-x86_64", "bzImage"),
            new Arch("arm64", "arm64", "aarch64-linux-gnu-", "qemu-system-aarch64", "Image"));

    /**
     * Returns a supported architecture by its {@code ARCH} value.
     *
     * @param name {@code x86_64} or {@code arm64} ({@code aarch64} is taken as {@code arm64})
     * @return the architecture
     * @throws InvalidInputException for any other name, listing the supported ones
     */
    public static Arch of(String name) {
        var wanted = name.equals("aarch64") ? "arm64" : name;
        return SUPPORTED.stream().filter(a -> a.name.equals(wanted)).findFirst()
                .orElseThrow(() -> new InvalidInputException("kforge builds for " + SUPPORTED.stream().map(Arch::name)
                        .toList() + ", not '" + name + "'"));
    }

    /**
     * Returns the architecture of this machine.
     *
     * @return its {@code ARCH} value ({@code x86_64}, {@code arm64}, or the JVM's name for others)
     */
    public static String host() {
        return switch (System.getProperty("os.arch").toLowerCase(Locale.ROOT)) {
            case "amd64", "x86_64" -> "x86_64";
            case "aarch64", "arm64" -> "arm64";
            default -> System.getProperty("os.arch");
        };
    }

    /**
     * Tells whether building for this architecture needs a cross toolchain on this host.
     *
     * @return true when the host is another architecture
     */
    public boolean isCross() {
        return !name.equals(host());
    }

    /**
     * Returns the {@code make} target to build for a requested one: the recipe's default {@code bzImage} means this
     * architecture's bootable image.
     *
     * @param requested the requested target
     * @return the target to pass to {@code make}
     */
    public String target(String requested) {
        return requested.equals("bzImage") ? defaultImage : requested;
    }

    /**
     * Returns where a built target lands in the build folder.
     *
     * @param target the {@code make} target
     * @return the path relative to the build folder
     */
    public String imagePath(String target) {
        return target.equals("vmlinux") ? "vmlinux" : "arch/" + sourceArch + "/boot/" + target;
    }
}
