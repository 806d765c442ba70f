package io.kforge.config.kconfig;

import static io.kforge.config.kconfig.Configs.CLANG;
import static io.kforge.config.kconfig.Configs.GCC;
import static io.kforge.config.kconfig.Configs.configure;
import static io.kforge.config.kconfig.Configs.dropped;
import static io.kforge.config.kconfig.Configs.fragment;
import static io.kforge.config.kconfig.Configs.request;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.kforge.core.spi.ConfigConflict;
import io.kforge.core.spi.DropReason;
import io.kforge.core.spi.KforgeException;
import io.kforge.core.spi.Place;
import io.kforge.kconfig.DotConfig;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The config cases of {@code cases/config}, each test named after its case. */
class ConfigCasesTest {

    @TempDir
    Path folder;

    @Test
    void c01ChildOfADisabledParentIsReportedAsUnmetDependency() {
        var fragment = fragment(folder, "c01.config", "# CONFIG_NETFILTER_ADVANCED is not set",
                "CONFIG_NETFILTER_XT_MATCH_OWNER=y");

        var outcome = configure(request("defconfig", GCC, false, fragment));

        var owner = dropped(outcome, "NETFILTER_XT_MATCH_OWNER");
        assertEquals("y", owner.requested());
        assertEquals(Optional.empty(), owner.actual());
        assertEquals(Optional.of(new Place(fragment, 2)), owner.origin());
        var reason = owner.reason().orElseThrow();
        assertEquals(DropReason.UNMET_DEPENDENCY, reason.kind());
        assertTrue(reason.detail().startsWith("depends on NETFILTER_ADVANCED (NETFILTER_ADVANCED=n, set at "
                + fragment + ":1)"), reason.detail());
        assertEquals(1, outcome.report().fromFragments().size());
    }

    @Test
    void c01StrictModeFailsOnTheDrop() {
        var fragment = fragment(folder, "c01.config", "# CONFIG_NETFILTER_ADVANCED is not set",
                "CONFIG_NETFILTER_XT_MATCH_OWNER=y");

        var error = assertThrows(KforgeException.class, () -> configure(request("defconfig", GCC, true, fragment)));

        assertTrue(error.getMessage().contains(fragment + ":2: CONFIG_NETFILTER_XT_MATCH_OWNER=y became unset"
                + " [unmet-dependency]"), error.getMessage());
    }

    @Test
    void c02RemovedSymbolSaysMemcgAndSwapCarryIt() {
        var fragment = fragment(folder, "c02.config", "CONFIG_MEMCG=y", "CONFIG_MEMCG_SWAP=y");

        var outcome = configure(request("defconfig", GCC, false, fragment));

        var reason = dropped(outcome, "MEMCG_SWAP").reason().orElseThrow();
        assertEquals(DropReason.UNKNOWN_SYMBOL, reason.kind());
        assertTrue(reason.detail().contains("removed in 6.1, swap accounting is part of MEMCG"), reason.detail());
        assertTrue(reason.detail().contains("now MEMCG [=y], SWAP [=y]"), reason.detail());
        assertEquals(Optional.of("y"), DotConfig.read(outcome.config()).value("MEMCG"));
        assertEquals(1, outcome.report().fromFragments().size());
    }

    @Test
    void c03RenamedSymbolNamesItsReplacementsWithTheirFinalValues() {
        var fragment = fragment(folder, "c03.config", "# CONFIG_MODULES is not set", "CONFIG_NF_NAT=y",
                "CONFIG_NF_NAT_MASQUERADE_IPV4=y");

        var outcome = configure(request("defconfig", GCC, false, fragment));

        var reason = dropped(outcome, "NF_NAT_MASQUERADE_IPV4").reason().orElseThrow();
        assertEquals(DropReason.UNKNOWN_SYMBOL, reason.kind());
        var result = DotConfig.read(outcome.config());
        for (var replacement : new String[] {"NF_NAT_MASQUERADE", "NETFILTER_XT_TARGET_MASQUERADE"}) {
            var value = result.value(replacement).orElse("n");
            assertTrue(reason.detail().contains(replacement + " [=" + value + "]"), reason.detail());
        }
        assertEquals(1, outcome.report().fromFragments().size());
    }

    @Test
    void c04DisableFormsAreOneRequestAndAbsenceSatisfiesThem() {
        var fragment = fragment(folder, "c04.config", "CONFIG_DEBUG_FS=n", "# CONFIG_KPROBES is not set",
                "# CONFIG_BLK_DEV_IO_TRACE is not set", "# CONFIG_NETFILTER_XT_MATCH_OWNER is not set");

        var outcome = configure(request("defconfig", GCC, true, fragment));

        assertEquals(4, outcome.report().requested());
        assertTrue(outcome.report().fromFragments().isEmpty(), outcome.report().fromFragments().toString());
        var result = DotConfig.read(outcome.config());
        assertEquals(Optional.empty(), result.value("DEBUG_FS"));
        assertEquals(Optional.empty(), result.value("KPROBES"));
        assertTrue(result.line("NETFILTER_XT_MATCH_OWNER").isEmpty(), "absent: its dependencies are off");
    }

    @Test
    void c04DisableThatASelectOverridesIsReportedNotSilent() {
        var fragment = fragment(folder, "c04.config", "CONFIG_DEBUG_FS=n", "# CONFIG_KPROBES is not set");

        var outcome = configure(request("defconfig", GCC, false, fragment));

        var debugFs = dropped(outcome, "DEBUG_FS");
        assertEquals("n", debugFs.requested());
        var reason = debugFs.reason().orElseThrow();
        assertEquals(DropReason.NO_PROMPT, reason.kind());
        assertTrue(reason.detail().contains("selected by BLK_DEV_IO_TRACE [=y]"), reason.detail());
        assertEquals(1, outcome.report().fromFragments().size(), "KPROBES=n is satisfied");
    }

    @Test
    void c05ConflictsAndValuesASymbolCannotTake() {
        var a = fragment(folder, "a.config", "CONFIG_DRM=y");
        var b = fragment(folder, "b.config", "CONFIG_DRM=m");
        var c = fragment(folder, "c.config", "# CONFIG_MODULES is not set", "CONFIG_EXPERT=m");

        var outcome = configure(request("defconfig", GCC, false, a, b, c));

        assertEquals(List.of(new ConfigConflict("DRM", new Place(a, 1), "y", new Place(b, 1), "m")),
                outcome.report().conflicts());
        var drm = dropped(outcome, "DRM");
        assertEquals("m", drm.requested());
        assertEquals(Optional.of("y"), drm.actual());
        assertEquals(DropReason.MODULES_DISABLED, drm.reason().orElseThrow().kind());
        var expert = dropped(outcome, "EXPERT").reason().orElseThrow();
        assertEquals(DropReason.INVALID_VALUE, expert.kind());
        assertTrue(expert.detail().contains("is a bool"), expert.detail());
        assertEquals(2, outcome.report().fromFragments().size());
    }

    @Test
    void c05StrictModeFailsOnEachProblem() {
        var a = fragment(folder, "a.config", "CONFIG_DRM=y");
        var b = fragment(folder, "b.config", "CONFIG_DRM=m");
        var c = fragment(folder, "c.config", "# CONFIG_MODULES is not set", "CONFIG_EXPERT=m");

        var error = assertThrows(KforgeException.class, () -> configure(request("defconfig", GCC, true, a, b, c)));

        assertTrue(error.getMessage().startsWith("strict mode: 3 problem(s)"), error.getMessage());
        assertTrue(error.getMessage().contains("CONFIG_DRM set to y at " + a + ":1 and to m at " + b + ":1"));
        assertTrue(error.getMessage().contains("CONFIG_DRM=m became y [modules-disabled]"));
        assertTrue(error.getMessage().contains("CONFIG_EXPERT=m became unset [invalid-value]"));
    }

    @Test
    void c06RustNamesNotModversionsFromTheTree() {
        var fragment = fragment(folder, "c06.config", "CONFIG_MODVERSIONS=y", "CONFIG_RUST=y");

        var outcome = configure(request("defconfig", CLANG, false, fragment));

        var reason = dropped(outcome, "RUST").reason().orElseThrow();
        assertEquals(DropReason.UNMET_DEPENDENCY, reason.kind());
        assertTrue(reason.detail().contains("!MODVERSIONS (MODVERSIONS=y, set at " + fragment + ":1)"),
                reason.detail());
        assertTrue(reason.detail().contains("whole dependency: HAVE_RUST [=y] && RUST_IS_AVAILABLE"),
                reason.detail());
        var result = DotConfig.read(outcome.config());
        if (result.value("RUST_IS_AVAILABLE").isEmpty()) {
            assertTrue(reason.detail().contains("RUST_IS_AVAILABLE (RUST_IS_AVAILABLE=n: make rustavailable says: "),
                    reason.detail());
        }
        assertFalse(result.value("RUST").isPresent());
    }
}
