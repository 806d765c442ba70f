package io.kforge.kconfig;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.kforge.core.spi.InvalidInputException;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

class DotConfigTest {

    @Test
    void notSetAndEqualsNAreTheSameRequest() {
        var config = TinyTrees.config("# CONFIG_A is not set", "CONFIG_B=n", "CONFIG_C=y");

        assertEquals("n", config.line("A").orElseThrow().value());
        assertEquals("n", config.line("B").orElseThrow().value());
        assertTrue(config.value("A").isEmpty());
        assertTrue(config.value("B").isEmpty());
        assertEquals("y", config.value("C").orElseThrow());
    }

    @Test
    void overridesMoveToTheEndAsMergeConfigWritesThem() {
        var base = TinyTrees.config("CONFIG_A=y", "CONFIG_B=y", "CONFIG_C=y");
        var fragment = TinyTrees.config("CONFIG_B=n", "CONFIG_D=m", "CONFIG_B=y");

        var merged = base.with(fragment.assignments());

        assertEquals(List.of("CONFIG_A=y", "CONFIG_C=y", "CONFIG_D=m", "CONFIG_B=y"),
                merged.effective().stream().map(ConfigLine::render).toList());
    }

    @Test
    void hexValuesMayComeWithoutTheirPrefixAsTheKernelWritesThem() {
        var config = TinyTrees.config("CONFIG_PORT=34c", "CONFIG_BASE=0x1000");

        assertEquals("34c", config.value("PORT").orElseThrow());
        assertEquals("0x1000", config.value("BASE").orElseThrow());
    }

    @Test
    void malformedLineNamesFileAndLine() {
        var error = assertThrows(InvalidInputException.class,
                () -> DotConfig.parse(Path.of("frag.config"), List.of("CONFIG_A=y", "A=y")));

        assertTrue(error.getMessage().startsWith("frag.config:2: "), error.getMessage());
    }
}
