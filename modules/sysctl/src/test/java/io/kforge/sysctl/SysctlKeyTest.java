package io.kforge.sysctl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;
import org.junit.jupiter.api.Test;

class SysctlKeyTest {

    @Test
    void globMatchesPartByPartLikeTheShell() {
        var glob = SysctlKey.parse("net.ipv4.conf.*.rp_filter").orElseThrow();

        assertTrue(glob.isGlob());
        assertTrue(glob.matches(SysctlKey.parse("net.ipv4.conf.eth0/100.rp_filter").orElseThrow()));
        assertFalse(glob.matches(SysctlKey.parse("net.ipv4.conf.all.forwarding").orElseThrow()));
        assertFalse(glob.matches(SysctlKey.parse("net.ipv4.conf.a.b.rp_filter").orElseThrow()));
    }

    @Test
    void charactersAShellWouldInterpretAreRejected() {
        for (var bad : new String[] {"net.core.x;reboot", "net.core.$(id)", "kernel.a b", "net.core.`x`", "a|b"}) {
            assertTrue(SysctlKey.problem(bad).isPresent(), bad);
            assertEquals(Optional.empty(), SysctlKey.parse(bad), bad);
        }
    }

    @Test
    void pathsOutsideProcSysAreRefused() {
        assertThrows(IllegalArgumentException.class, () -> SysctlKey.ofPath("/etc/passwd"));
        assertThrows(IllegalArgumentException.class, () -> SysctlKey.ofPath("/proc/sys/../../etc/passwd"));
    }
}
