package io.kforge.kconfig;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.kforge.core.spi.InvalidInputException;
import io.kforge.core.spi.Place;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class KconfigParserTest {

    @TempDir
    Path root;

    @Test
    void sourceExpandsTheTreeVariablesAndKconfigVariables() {
        var tree = TinyTrees.load(root, Map.of(
                "Kconfig", "name := arch\nsource \"$(name)/$(SRCARCH)/Kconfig\"\n",
                "arch/x86/Kconfig", "config X86\n\tdef_bool y\n"));

        assertEquals(SymbolType.BOOL, tree.symbol("X86").orElseThrow().type());
        assertEquals(2, tree.files());
    }

    @Test
    void blocksPassTheirConditionsToEntriesInside() {
        var tree = TinyTrees.load(root, Map.of("Kconfig", """
                config A
                \tbool "a"
                menu "Things"
                \tdepends on A
                \tvisible if B
                if C
                config D
                \ttristate "d" if E
                \tdepends on F
                \tdefault m if G
                \tselect H if I
                endif
                endmenu
                config B
                \tbool
                config C
                \tbool "c"
                """));

        var d = tree.symbol("D").orElseThrow().entries().getFirst();
        assertEquals("A && C && F", d.dependency().render());
        assertEquals("F", d.dependsOn().render());
        assertEquals("E && A && C && F && B", d.visibility().render());
        assertEquals("A && C && F && G", d.defaults().getFirst().condition().render());
        assertEquals("D && A && C && F && I", tree.selectedBy("H").getFirst().expression().render());
        assertEquals(new Place(Path.of("Kconfig"), 7), d.place());
    }

    @Test
    void choiceCollectsItsMembersAndDefaults() {
        var tree = TinyTrees.load(root, Map.of("Kconfig", """
                choice
                \tprompt "Speed"
                \tdefault FAST
                config SLOW
                \tbool "slow"
                config FAST
                \tbool "fast"
                endchoice
                """));

        var choice = tree.choiceOf("FAST").orElseThrow();
        assertEquals(List.of("SLOW", "FAST"), choice.members());
        assertEquals("FAST", choice.defaults().getFirst().value().render());
        assertTrue(tree.choiceOf("SLOW").isPresent());
    }

    @Test
    void shellMacrosBecomeMacroTermsAndUserFunctionsTakeArguments() {
        var tree = TinyTrees.load(root, Map.of("Kconfig", """
                success = $(shell,$(1) && echo y || echo n)
                greet = hello-$(1)
                config CC_HAS_FOO
                \tdef_bool $(success,cc -mfoo)
                config NAME
                \tstring
                \tdefault "$(greet,world)"
                $(error-if,$(success,false),never)
                """));

        var foo = tree.symbol("CC_HAS_FOO").orElseThrow().defaults().getFirst().value();
        assertEquals(new Expr.Macro("$(success,cc -mfoo)"), foo);
        var name = tree.symbol("NAME").orElseThrow().defaults().getFirst().value();
        assertEquals(new Expr.Constant("hello-world"), name);
    }

    @Test
    void helpTextEndsAtTheFirstLessIndentedLine() {
        var tree = TinyTrees.load(root, Map.of("Kconfig", """
                config A
                \tbool "a"
                \thelp
                \t  First line.

                \t  Second paragraph.
                \tdepends on B
                config B
                \tbool "b"
                """));

        var a = tree.symbol("A").orElseThrow().entries().getFirst();
        assertEquals("First line.\n\nSecond paragraph.", a.help().orElseThrow());
        assertEquals("B", a.dependsOn().render());
    }

    @Test
    void modulesOptionNamesTheModulesSymbolAndContinuationsJoinLines() {
        var tree = TinyTrees.load(root, Map.of("Kconfig", """
                menuconfig MODS
                \tbool "modules"
                \tmodules
                config A
                \tbool "a"
                \tdepends on MODS && \\
                \t\tB
                """));

        assertEquals("MODS", tree.modulesSymbol());
        assertEquals("MODS && B", tree.symbol("A").orElseThrow().dependency().render());
    }

    @Test
    void unbalancedBlockIsAnErrorNamingFileAndLine() {
        var error = assertThrows(InvalidInputException.class, () -> TinyTrees.load(root, Map.of("Kconfig", """
                menu "x"
                config A
                \tbool "a"
                endif
                """)));

        assertTrue(error.getMessage().startsWith("Kconfig:4: "), error.getMessage());
    }

    @Test
    void unknownStatementIsAnErrorNamingFileAndLine() {
        var error = assertThrows(InvalidInputException.class, () -> TinyTrees.load(root, Map.of("Kconfig", """
                config A
                \tbool "a"
                \tfrobnicate y
                """)));

        assertEquals("Kconfig:3: unknown option \"frobnicate\"", error.getMessage());
    }

    @Test
    void symbolDefinedTwiceKeepsBothEntriesAndTheFirstType() {
        var tree = TinyTrees.load(root, Map.of("Kconfig", """
                config A
                \ttristate "a"
                \tdepends on B
                config A
                \tbool
                \tdepends on C
                """));

        var a = tree.symbol("A").orElseThrow();
        assertEquals(SymbolType.TRISTATE, a.type());
        assertEquals("B || C", a.dependency().render());
        assertFalse(a.entries().get(1).prompt().isPresent());
    }
}
