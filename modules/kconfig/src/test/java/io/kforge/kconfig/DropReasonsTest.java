package io.kforge.kconfig;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.kforge.core.spi.DropReason;
import io.kforge.core.spi.Place;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DropReasonsTest {

    @TempDir
    Path root;

    private KconfigTree tree;

    @BeforeEach
    void readTree() {
        tree = TinyTrees.load(root, Map.of("Kconfig", """
                config MODULES
                \tbool "modules"
                \tmodules
                config PARENT
                \tbool "parent"
                config CHILD
                \ttristate "child"
                \tdepends on PARENT
                config HIDDEN
                \tbool
                \tdefault y if PARENT
                config FLAG
                \tbool "flag"
                config SELECTOR
                \tbool "selector"
                \tselect FLAG
                config COUNT
                \tint "count"
                \trange 1 8
                choice
                \tprompt "Mode"
                config FAST
                \tbool "fast"
                config SLOW
                \tbool "slow"
                endchoice
                """));
    }

    @Test
    void unknownSymbolNamesTheNearestNames() {
        var reason = explain("CONFIG_PARENT=y", "CHILDREN", "y", Optional.empty());

        assertEquals(DropReason.UNKNOWN_SYMBOL, reason.kind());
        assertTrue(reason.detail().contains("nearest names: CHILD [=n]"), reason.detail());
    }

    @Test
    void unmetDependencyNamesTheTermAndWhereItWasSet() {
        var reason = explain("# CONFIG_PARENT is not set", "CHILD", "y", Optional.empty());

        assertEquals(DropReason.UNMET_DEPENDENCY, reason.kind());
        assertEquals("depends on PARENT (PARENT=n, set at f.config:1); whole dependency: PARENT [=n]",
                reason.detail());
    }

    @Test
    void promptlessSymbolNamesItsDefault() {
        var reason = explain("CONFIG_PARENT=y\nCONFIG_HIDDEN=y", "HIDDEN", "n", Optional.of("y"));

        assertEquals(DropReason.NO_PROMPT, reason.kind());
        assertTrue(reason.detail().contains("HIDDEN has no prompt"), reason.detail());
        assertTrue(reason.detail().contains("default y if PARENT [=y] (Kconfig:11) applies"), reason.detail());
    }

    @Test
    void selectedSymbolNamesWhatSelectsIt() {
        var reason = explain("CONFIG_SELECTOR=y\nCONFIG_FLAG=y", "FLAG", "n", Optional.of("y"));

        assertEquals(DropReason.NO_PROMPT, reason.kind());
        assertTrue(reason.detail().contains("selected by SELECTOR [=y] (Kconfig:16)"), reason.detail());
    }

    @Test
    void otherChoiceMemberWins() {
        var reason = explain("CONFIG_SLOW=y\n# CONFIG_FAST is not set", "FAST", "y", Optional.empty());

        assertEquals(DropReason.CHOICE, reason.kind());
        assertTrue(reason.detail().contains("\"Mode\" (Kconfig:20) has one member set and SLOW won"),
                reason.detail());
    }

    @Test
    void moduleWithModulesOffIsBuiltIn() {
        var reason = explain("# CONFIG_MODULES is not set\nCONFIG_PARENT=y\nCONFIG_CHILD=y", "CHILD", "m",
                Optional.of("y"));

        assertEquals(DropReason.MODULES_DISABLED, reason.kind());
    }

    @Test
    void valuesASymbolCannotTakeAreInvalid() {
        assertEquals(DropReason.INVALID_VALUE, explain("", "FLAG", "m", Optional.empty()).kind());
        var range = explain("CONFIG_COUNT=1", "COUNT", "9", Optional.of("1"));
        assertEquals(DropReason.INVALID_VALUE, range.kind());
        assertTrue(range.detail().contains("out of its range 1..8 (Kconfig:19)"), range.detail());
        assertEquals(DropReason.INVALID_VALUE, explain("", "COUNT", "0x10", Optional.empty()).kind());
    }

    private DropReason explain(String config, String symbol, String requested, Optional<String> actual) {
        var result = TinyTrees.config(config.split("\n"));
        var asked = DotConfig.parse(Path.of("f.config"), List.of(config.split("\n")));
        var places = new HashMap<String, Place>();
        asked.assignments().forEach(line -> places.put(line.symbol(), line.place()));
        var reasons = new DropReasons(new Evaluation(tree, result), RenameTable.builtIn(), places,
                ToolDiagnosis.NONE);
        return reasons.explain(symbol, requested, actual).orElseThrow();
    }
}
