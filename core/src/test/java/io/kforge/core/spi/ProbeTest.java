package io.kforge.core.spi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ProbeTest {

    private static final ToolCheck GCC = new ToolCheck("gcc", Optional.of("12.2.0"), "5.1.0", true, true, "",
            "the C compiler");
    private static final ToolCheck PAHOLE = new ToolCheck("pahole", Optional.empty(), "1.21", false, true,
            "apt-get install -y dwarves", "CONFIG_DEBUG_INFO_BTF=y needs it");
    private static final ToolCheck CCACHE = new ToolCheck("ccache", Optional.of("4.7.5"), "any", true, false, "", "");

    @Test
    void aTableGivesTheVersionsFoundAndOneLinePerMissingRequiredTool() {
        var probe = Probe.of(List.of(GCC, PAHOLE, CCACHE), List.of("apt-get", "install", "-y", "dwarves"));

        assertEquals(Map.of("gcc", "12.2.0", "ccache", "4.7.5"), probe.found());
        assertEquals(List.of("pahole: not found, needs 1.21 or newer (CONFIG_DEBUG_INFO_BTF=y needs it); install:"
                + " apt-get install -y dwarves"), probe.missing());
        assertFalse(probe.usable());
    }

    @Test
    void aMissingOptionalToolIsShownButNotFatalUntilRequired() {
        var noCcache = new ToolCheck("ccache", Optional.empty(), "any", false, false, "apt-get install -y ccache", "");
        var probe = Probe.of(List.of(GCC, noCcache), List.of("apt-get", "install", "-y", "ccache"));

        assertTrue(probe.usable());
        assertFalse(probe.requiring("ccache").usable());
        assertEquals("ccache: not found; install: apt-get install -y ccache", probe.requiring("ccache").missing()
                .getFirst());
    }

    @Test
    void aProbeWithoutATableStillHasRows() {
        var old = new Probe(Map.of("qemu-system-x86_64", "7.2.22"), List.of("busybox: not found; install"
                + " busybox-static"));

        var rows = old.rows();

        assertEquals(2, rows.size());
        assertTrue(rows.getFirst().ok());
        assertEquals("busybox", rows.get(1).tool());
        assertFalse(rows.get(1).ok());
    }

    @Test
    void rowsFromAnotherProviderAreAddedOnceAndCanMakeARowRequired() {
        var optionalQemu = new ToolCheck("qemu-system-x86_64", Optional.empty(), "any", false, false,
                "apt-get install -y qemu-system-x86", "boots the kernel");
        var probe = Probe.of(List.of(GCC, optionalQemu), List.of());
        var launcher = new Probe(Map.of(), List.of("qemu-system-x86_64 is not installed: apt-get install"
                + " qemu-system-x86"));

        var combined = probe.with(launcher.rows());

        assertEquals(2, combined.rows().size());
        assertTrue(combined.rows().get(1).required());
        assertEquals("apt-get install -y qemu-system-x86", combined.rows().get(1).install());
        assertFalse(combined.usable());
    }
}
