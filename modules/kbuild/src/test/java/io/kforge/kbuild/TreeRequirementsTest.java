package io.kforge.kbuild;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.kforge.testkit.TestTrees;
import org.junit.jupiter.api.Test;

class TreeRequirementsTest {

    private final TreeRequirements linux612 = TreeRequirements.of(TestTrees.linux612(), "x86_64",
            HostTools.system());

    @Test
    void compilerMinimumsComeFromTheTreesScript() {
        assertEquals("5.1.0", linux612.minimum("gcc").orElseThrow().toString());
        assertEquals("2.25.0", linux612.minimum("binutils").orElseThrow().toString());
        assertEquals("13.0.1", linux612.minimum("llvm").orElseThrow().toString());
        assertEquals("1.78.0", linux612.minimum("rustc").orElseThrow().toString());
        assertEquals("0.65.1", linux612.minimum("bindgen").orElseThrow().toString());
    }

    @Test
    void otherMinimumsComeFromTheDocumentedTable() {
        assertEquals("4.0", linux612.minimum("make").orElseThrow().toString());
        assertEquals("2.5.35", linux612.minimum("flex").orElseThrow().toString());
        assertEquals("1.06.95", linux612.minimum("bc").orElseThrow().toString());
        assertEquals("1.16", linux612.minimum("pahole").orElseThrow().toString());
        assertTrue(linux612.minimum("cpio").isEmpty(), "the table says 'any' for cpio");
    }

    @Test
    void btfNeedsANewerPaholeWithDwarf5() {
        assertEquals("1.16", linux612.paholeForBtf(false).orElseThrow().toString());
        assertEquals("1.21", linux612.paholeForBtf(true).orElseThrow().toString());
    }
}
