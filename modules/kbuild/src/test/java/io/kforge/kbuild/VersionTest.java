package io.kforge.kbuild;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class VersionTest {

    @Test
    void findsTheVersionInWhatTheToolsPrint() {
        var lines = List.of("gcc (Debian 12.2.0-14) 12.2.0", "GNU ld (GNU Binutils for Debian) 2.40", "v1.24",
                "Debian clang version 14.0.6", "bc 1.07.1", "rustc 1.96.0 (ac68faa20 2026-05-25)");

        var found = lines.stream().map(Version::find).map(Optional::orElseThrow).map(Version::toString).toList();

        assertEquals(List.of("12.2.0", "2.40", "1.24", "14.0.6", "1.07.1", "1.96.0"), found);
    }

    @Test
    void comparesNumbersNotText() {
        assertTrue(Version.parse("1.07.1").atLeast(Version.parse("1.06.95")));
        assertTrue(Version.parse("2.40").atLeast(Version.parse("2.25.0")));
        assertFalse(Version.parse("0.60.1").atLeast(Version.parse("0.65.1")));
        assertEquals(Version.parse("1.16"), Version.parse("1.16.0"));
    }

    @Test
    void aLineWithoutNumbersHasNoVersion() {
        assertTrue(Version.find("llvm-objcopy, compatible with GNU objcopy").isEmpty());
    }
}
