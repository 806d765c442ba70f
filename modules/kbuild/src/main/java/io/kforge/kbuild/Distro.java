package io.kforge.kbuild;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The host's distribution family, the packages that provide each tool there, and the command that installs them.
 *
 * @param family {@code debian} (Debian, Ubuntu and derivatives), {@code fedora} (Fedora, RHEL and derivatives) or
 *               {@code unknown}
 * @param version the distribution's {@code VERSION_ID}, empty when unknown
 * @param root true when kforge runs as root, so that the command needs no {@code sudo}
 */
public record Distro(String family, String version, boolean root) {

    /** Tool key to its package on Debian and on Fedora. */
    private static final Map<String, List<String>> PACKAGES = Map.ofEntries(
            Map.entry("make", List.of("make", "make")),
            Map.entry("gcc", List.of("gcc", "gcc")),
            Map.entry("binutils", List.of("binutils", "binutils")),
            Map.entry("flex", List.of("flex", "flex")),
            Map.entry("bison", List.of("bison", "bison")),
            Map.entry("bc", List.of("bc", "bc")),
            Map.entry("cpio", List.of("cpio", "cpio")),
            Map.entry("libelf", List.of("libelf-dev", "elfutils-libelf-devel")),
            Map.entry("openssl", List.of("libssl-dev", "openssl-devel")),
            Map.entry("pahole", List.of("dwarves", "dwarves")),
            Map.entry("ccache", List.of("ccache", "ccache")),
            Map.entry("clang", List.of("clang", "clang")),
            Map.entry("lld", List.of("lld", "lld")),
            Map.entry("llvm", List.of("llvm", "llvm")),
            Map.entry("rustc", List.of("rustc", "rust")),
            Map.entry("rust-src", List.of("rust-src", "rust-src")),
            Map.entry("bindgen", List.of("bindgen", "bindgen-cli")),
            Map.entry("libclang", List.of("libclang-dev", "clang-devel")),
            Map.entry("gcc-arm64", List.of("gcc-aarch64-linux-gnu", "gcc-aarch64-linux-gnu")),
            Map.entry("binutils-arm64", List.of("binutils-aarch64-linux-gnu", "binutils-aarch64-linux-gnu")),
            Map.entry("gcc-x86_64", List.of("gcc-x86-64-linux-gnu", "gcc-x86_64-linux-gnu")),
            Map.entry("binutils-x86_64", List.of("binutils-x86-64-linux-gnu", "binutils-x86_64-linux-gnu")),
            Map.entry("qemu-system-x86_64", List.of("qemu-system-x86", "qemu-system-x86-core")),
            Map.entry("qemu-system-aarch64", List.of("qemu-system-arm", "qemu-system-aarch64-core")),
            Map.entry("libvirt", List.of("libvirt-clients", "libvirt-client")));

    /**
     * Reads the family of this host from {@code /etc/os-release}.
     *
     * @return the distribution
     */
    public static Distro host() {
        return from(Path.of("/etc/os-release"), "root".equals(System.getProperty("user.name")));
    }

    /**
     * Reads the family from an {@code os-release} file.
     *
     * @param osRelease the file
     * @param root true when running as root
     * @return the distribution; {@code unknown} when the file is missing or names no known family
     */
    public static Distro from(Path osRelease, boolean root) {
        try {
            var fields = new java.util.HashMap<String, String>();
            for (var line : Files.readAllLines(osRelease)) {
                var equals = line.indexOf('=');
                if (equals > 0) {
                    fields.put(line.substring(0, equals).strip(), line.substring(equals + 1).strip().replace("\"", ""));
                }
            }
            var ids = (fields.getOrDefault("ID", "") + " " + fields.getOrDefault("ID_LIKE", "")).split("\\s+");
            var known = List.of(ids);
            var family = known.contains("debian") || known.contains("ubuntu") ? "debian"
                    : known.contains("fedora") || known.contains("rhel") || known.contains("centos") ? "fedora"
                    : "unknown";
            return new Distro(family, fields.getOrDefault("VERSION_ID", ""), root);
        } catch (IOException e) {
            return new Distro("unknown", "", root);
        }
    }

    /**
     * Returns the package that provides a tool on this distribution.
     *
     * <p>On Debian 12 the Rust compiler and library source that the kernel accepts are {@code rustc-web} and
     * {@code rust-web-src}; the plain {@code rustc} there is older than any kernel with Rust needs.
     *
     * @param tool the tool key ({@code pahole}, {@code libelf}, {@code qemu-system-aarch64}...)
     * @return the package name; on an unknown family, the Debian name
     */
    public Optional<String> packageFor(String tool) {
        var names = PACKAGES.get(tool);
        if (names == null) {
            return Optional.empty();
        }
        if (family.equals("debian") && version.equals("12")) {
            if (tool.equals("rustc")) {
                return Optional.of("rustc-web");
            }
            if (tool.equals("rust-src")) {
                return Optional.of("rust-web-src");
            }
        }
        return Optional.of(family.equals("fedora") ? names.get(1) : names.get(0));
    }

    /**
     * Returns the command that installs packages, as an argument list.
     *
     * @param packages the packages; duplicates are dropped
     * @return {@code apt-get install -y ...} or {@code dnf install -y ...}, with {@code sudo} when not root; empty
     *         when there is nothing to install or the family is unknown
     */
    public List<String> installCommand(Collection<String> packages) {
        if (packages.isEmpty() || family.equals("unknown")) {
            return List.of();
        }
        var command = new ArrayList<String>();
        if (!root) {
            command.add("sudo");
        }
        command.addAll(family.equals("fedora") ? List.of("dnf", "install", "-y") : List.of("apt-get", "install", "-y"));
        command.addAll(new LinkedHashSet<>(packages));
        return List.copyOf(command);
    }

    /**
     * Returns the install command of one tool as a line to show.
     *
     * @param tool the tool key
     * @return {@code apt-get install -y dwarves}, or empty text when no package provides it here
     */
    public String installLine(String tool) {
        return packageFor(tool).map(p -> String.join(" ", installCommand(List.of(p)))).orElse("");
    }
}
