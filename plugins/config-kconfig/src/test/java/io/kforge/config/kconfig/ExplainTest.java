package io.kforge.config.kconfig;

import static io.kforge.config.kconfig.Configs.GCC;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.kforge.core.spi.ConfigRequest;
import io.kforge.core.spi.InvalidInputException;
import io.kforge.core.spi.SymbolExplanation;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ExplainTest {

    private final FragmentMerger merger = new FragmentMerger();

    @Test
    void tristateWithUnmetDependencyShowsWhereAndWhy() {
        var explanation = explain("CONFIG_NETFILTER_XT_MATCH_OWNER");

        assertEquals("tristate", explanation.type());
        assertEquals(Optional.empty(), explanation.value());
        var definition = explanation.definitions().getFirst();
        assertEquals(Path.of("net/netfilter/Kconfig"), definition.place().file());
        assertEquals(Optional.of("\"owner\" match support"), definition.prompt());
        assertTrue(definition.dependsOn().endsWith("NETFILTER_ADVANCED [=n]"), definition.dependsOn());
        assertEquals("n", definition.dependencyValue());
    }

    @Test
    void promptlessIntShowsTheDefaultThatApplied() {
        var explanation = explain("HZ");

        assertEquals("int", explanation.type());
        assertEquals(Optional.of("1000"), explanation.value());
        assertEquals(Optional.empty(), explanation.definitions().getFirst().prompt());
        var applied = explanation.appliedDefault().orElseThrow();
        assertEquals("1000", applied.what());
        assertEquals("HZ_1000 [=y]", applied.condition());
        assertEquals(4, explanation.defaults().size());
    }

    @Test
    void selectedSymbolListsItsSelectorsWithTheirValues() {
        var explanation = explain("DEBUG_FS");

        var selector = explanation.selectedBy().stream().filter(r -> r.what().equals("BLK_DEV_IO_TRACE"))
                .findFirst().orElseThrow();
        assertEquals("y", selector.conditionValue());
        assertEquals(Path.of("kernel/trace/Kconfig"), selector.place().file());
    }

    @Test
    void choiceMemberNamesItsChoice() {
        var explanation = explain("PREEMPT_VOLUNTARY");

        assertEquals(Optional.of("y"), explanation.value());
        assertTrue(explanation.choice().orElseThrow().startsWith("\"Preemption Model\" (kernel/Kconfig.preempt:"),
                explanation.choice().orElseThrow());
        assertEquals(Path.of("kernel/Kconfig.preempt"), explanation.definitions().getFirst().place().file());
    }

    @Test
    void toolComputedSymbolShowsTheMacroThatSetsIt() {
        var explanation = explain("RUST_IS_AVAILABLE");

        assertEquals("bool", explanation.type());
        assertEquals("$(success,$(srctree)/scripts/rust_is_available.sh)", explanation.defaults().getFirst().what());
        assertEquals(Path.of("init/Kconfig"), explanation.definitions().getFirst().place().file());
    }

    @Test
    void unknownSymbolIsAnInputErrorWithTheNearestNames() {
        var error = assertThrows(InvalidInputException.class, () -> explain("AUTOFS4_FS"));

        assertTrue(error.getMessage().contains("removed in 6.6"), error.getMessage());
        assertTrue(error.getMessage().contains("AUTOFS_FS"), error.getMessage());
    }

    private SymbolExplanation explain(String symbol) {
        var request = new ConfigRequest(Configs.tree(), "defconfig", List.of(), GCC, false);
        return merger.explain(request, symbol, Configs.context());
    }
}
