package io.kforge.kconfig;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.kforge.core.spi.Place;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EvaluationTest {

    @TempDir
    Path root;

    private KconfigTree tree;

    @BeforeEach
    void readTree() {
        tree = TinyTrees.load(root, Map.of("Kconfig", """
                config MODULES
                \tbool "modules"
                \tmodules
                config T
                \ttristate "t"
                config U
                \ttristate "u"
                config B
                \tbool "b"
                config VERSION
                \tint "version"
                config NAME
                \tstring "name"
                config LIMIT
                \thex "limit"
                """));
    }

    @Test
    void andTakesTheLowerOrTheHigherAndNotMirrors() {
        var evaluation = new Evaluation(tree, TinyTrees.config("CONFIG_MODULES=y", "CONFIG_T=m", "CONFIG_B=y"));

        assertEquals(Tristate.M, evaluation.condition(parse("T && B")));
        assertEquals(Tristate.Y, evaluation.condition(parse("T || B")));
        assertEquals(Tristate.M, evaluation.condition(parse("!T")));
        assertEquals(Tristate.Y, evaluation.condition(parse("!U && B || T")));
    }

    @Test
    void mInAConditionMeansMAndModules() {
        var withModules = new Evaluation(tree, TinyTrees.config("CONFIG_MODULES=y"));
        var without = new Evaluation(tree, TinyTrees.config("# CONFIG_MODULES is not set"));

        assertEquals(Tristate.M, withModules.condition(parse("m")));
        assertEquals(Tristate.N, without.condition(parse("m")));
        assertEquals(Tristate.M, without.value(parse("m")));
    }

    @Test
    void comparisonsAreNumericForNumbersAndTextualForStrings() {
        var evaluation = new Evaluation(tree, TinyTrees.config("CONFIG_VERSION=109500", "CONFIG_NAME=\"abc\"",
                "CONFIG_LIMIT=0x1f", "CONFIG_T=m"));

        assertEquals(Tristate.Y, evaluation.condition(parse("VERSION >= 108100")));
        assertEquals(Tristate.N, evaluation.condition(parse("VERSION < 99999")));
        assertEquals(Tristate.Y, evaluation.condition(parse("NAME = \"abc\"")));
        assertEquals(Tristate.Y, evaluation.condition(parse("LIMIT > 0x10")));
        assertEquals(Tristate.Y, evaluation.condition(parse("T = m")));
        assertEquals(Tristate.Y, evaluation.condition(parse("U != y")));
    }

    @Test
    void absentSymbolsReadAsOffAndAnnotationShowsValues() {
        var evaluation = new Evaluation(tree, TinyTrees.config("CONFIG_B=y"));

        assertEquals("0", evaluation.text("VERSION"));
        assertEquals("", evaluation.text("NAME"));
        assertEquals("B [=y] && !T [=n] && VERSION [=0] > 3 && $(shell,true) [=?]",
                evaluation.annotate(parse("B && !T && VERSION > 3 && $(shell,true)")));
        assertEquals(Tristate.Y, evaluation.condition(parse("B && $(shell,true)")));
    }

    private static Expr parse(String text) {
        var place = new Place(Path.of("test"), 1);
        return ExprParser.parse(new Lexer(new Preprocessor(Map.of())).tokens(text), place);
    }
}
