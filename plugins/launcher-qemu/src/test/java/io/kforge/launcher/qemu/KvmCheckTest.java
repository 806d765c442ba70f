package io.kforge.launcher.qemu;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class KvmCheckTest {

    @TempDir
    Path folder;

    @Test
    void c11_aMissingDeviceIsAProblemBeforeAnyBoot() {
        var check = new KvmCheck(folder.resolve("kvm"));

        var problem = check.problem().orElseThrow();

        assertTrue(problem.startsWith(folder.resolve("kvm") + " does not exist"), problem);
    }

    @Test
    void aBrokenVerdictIsRememberedWithItsReason() throws Exception {
        var check = new KvmCheck(Files.createFile(folder.resolve("kvm")));
        var reason = check.silentGuest(KvmCheck.PROBE_WINDOW);

        check.broken(reason);

        assertEquals(Optional.of(reason), check.problem());
        assertFalse(check.provenToWork());
    }

    @Test
    void aWorkingVerdictIsRemembered() throws Exception {
        var check = new KvmCheck(Files.createFile(folder.resolve("kvm")));

        check.works();

        assertTrue(check.provenToWork());
        assertEquals(Optional.empty(), check.problem());
    }
}
