package io.kforge.core.spi;

/** Whether a VM uses KVM. */
public enum KvmMode {
    /** Use KVM when it really works on this host, else TCG with a warning saying why. */
    AUTO,
    /** Fail before starting the VM when KVM does not work, saying why. */
    REQUIRE,
    /** Never use KVM. */
    OFF
}
