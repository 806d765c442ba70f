package io.kforge.kconfig;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.kforge.testkit.TestTrees;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class KconfigTreeTest {

    @Test
    void wholeX86TreeParses() {
        var tree = KconfigTree.load(TestTrees.linux612(), "x86_64");

        assertTrue(tree.symbols().size() > 15_000, "symbols: " + tree.symbols().size());
        assertTrue(tree.files() > 1_500, "files: " + tree.files());
        assertTrue(tree.choices().size() > 50, "choices: " + tree.choices().size());
        assertEquals("MODULES", tree.modulesSymbol());
        assertTrue(tree.version().startsWith("6.12."), tree.version());
        assertTrue(tree.symbol("X86_64").isPresent());
        assertTrue(tree.symbol("ARM64").isEmpty(), "only x86's arch Kconfig is read");
    }

    @Test
    void dependenciesAreTheTreesOwn() {
        var tree = KconfigTree.load(TestTrees.linux612(), "x86_64");

        var owner = tree.symbol("NETFILTER_XT_MATCH_OWNER").orElseThrow();
        assertTrue(owner.dependency().conjuncts().contains(new Expr.Symbol("NETFILTER_ADVANCED")));
        assertEquals(Path.of("net/netfilter/Kconfig"), owner.entries().getFirst().place().file());
        var rust = tree.symbol("RUST").orElseThrow();
        assertTrue(rust.dependency().conjuncts().contains(new Expr.Not(new Expr.Symbol("MODVERSIONS"))));
        assertTrue(tree.choiceOf("PREEMPT_NONE").orElseThrow().members().contains("PREEMPT_VOLUNTARY"));
    }
}
