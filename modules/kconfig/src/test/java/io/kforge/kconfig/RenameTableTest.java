package io.kforge.kconfig;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class RenameTableTest {

    @Test
    void knownRemovalNamesItsReplacementsAndRelease() {
        var rename = RenameTable.builtIn().lookup("MEMCG_SWAP", "6.12.118").orElseThrow();

        assertEquals(List.of("MEMCG", "SWAP"), rename.replacements());
        assertEquals("6.1", rename.release());
    }

    @Test
    void removalLaterThanTheTreeIsNotTheReason() {
        assertTrue(RenameTable.builtIn().lookup("MEMCG_SWAP", "5.15.3").isEmpty());
        assertTrue(RenameTable.builtIn().lookup("NO_SUCH_THING", "6.12").isEmpty());
    }

    @Test
    void versionsCompareNumerically() {
        assertTrue(RenameTable.compareVersions("6.12.3", "6.1") > 0);
        assertTrue(RenameTable.compareVersions("5.9", "5.17") < 0);
        assertEquals(0, RenameTable.compareVersions("6.1", "6.1.0"));
    }
}
