/**
 * The QEMU launcher: boots a kernel under {@code qemu-system-x86_64}, with KVM when it really works on the host and
 * TCG otherwise, on an initramfs kforge generates (a static busybox and a command shell), and runs commands in the
 * guest through its first serial port. A preflight reads the kernel's {@code .config} and refuses a boot that
 * cannot work before QEMU starts; no QEMU process outlives the VM it belongs to.
 */
module io.kforge.launcher.qemu {
    requires io.kforge.core;
    requires org.apache.commons.compress;

    provides io.kforge.core.spi.VmLauncher with io.kforge.launcher.qemu.QemuLauncher;
}
