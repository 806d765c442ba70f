package io.kforge.sysctl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.kforge.core.spi.Command;
import io.kforge.core.spi.CommandRunner;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ProcSysScriptTest {

    @Test
    void quotedParametersReachARealShellLiterally() {
        var hostile = List.of("a'b", "$(id)", "`id`", "x\"y", "\\n", "*", "1; reboot", "''");

        var output = sh(ProcSysScript.commandLine("printf '%s\\n' \"$@\"", hostile));

        assertEquals(hostile, output);
    }

    @Test
    void readScriptReportsKeysOfThisMachineWithoutChangingThem() throws IOException {
        var keys = List.of(SysctlKey.parse("kernel.pid_max").orElseThrow(),
                SysctlKey.parse("net.ipv4.tcp_tw_recycle").orElseThrow());

        var readings = ProcSysScript.parseRead(keys, sh(ProcSysScript.commandLine(ProcSysScript.READ,
                ProcSysScript.readParameters(false, keys))));

        var pidMax = readings.get(keys.get(0));
        assertTrue(pidMax.view().exists());
        assertEquals(Optional.of(procSys("kernel/pid_max")), pidMax.value());
        assertFalse(pidMax.view().inode().isEmpty());
        assertEquals(Optional.empty(), pidMax.other());
        assertFalse(readings.get(keys.get(1)).view().exists());
    }

    @Test
    void readOutputTellsUnreadableFromEmptyAndParsesTheOtherNamespace() {
        var keys = List.of(SysctlKey.parse("a.b").orElseThrow(), SysctlKey.parse("a.c").orElseThrow(),
                SysctlKey.parse("a.d").orElseThrow(), SysctlKey.parse("a.e").orElseThrow());

        var readings = ProcSysScript.parseRead(keys, List.of("noise from the shell",
                "@kforge\trw\t11\tw 12\t4096  87380 ", "@kforge\t-w\t13\t-\t", "@kforge\tr-\t14\tr 14\t",
                "@kforge\tx\t\t?\t"));

        assertEquals(Optional.of("4096 87380"), readings.get(keys.get(0)).value());
        assertEquals(Optional.of(new KeyView(true, true, "12")), readings.get(keys.get(0)).other());
        assertEquals(Optional.empty(), readings.get(keys.get(1)).value());
        assertTrue(readings.get(keys.get(1)).view().writable());
        assertEquals(Optional.of(KeyView.ABSENT), readings.get(keys.get(1)).other());
        assertEquals(Optional.of(""), readings.get(keys.get(2)).value());
        assertEquals(KeyView.ABSENT, readings.get(keys.get(3)).view());
    }

    @Test
    void scopeComesFromComparingTwoNamespaces() {
        var perNamespace = new KeyView(true, true, "1");

        assertEquals(io.kforge.core.spi.SysctlScope.NAMESPACE,
                KeyView.scope(perNamespace, Optional.of(new KeyView(true, true, "2"))));
        assertEquals(io.kforge.core.spi.SysctlScope.GLOBAL,
                KeyView.scope(perNamespace, Optional.of(new KeyView(true, true, "1"))));
        assertEquals(io.kforge.core.spi.SysctlScope.GLOBAL,
                KeyView.scope(new KeyView(true, false, "3"), Optional.of(perNamespace)));
        assertEquals(io.kforge.core.spi.SysctlScope.GLOBAL, KeyView.scope(KeyView.ABSENT, Optional.of(perNamespace)));
        assertEquals(io.kforge.core.spi.SysctlScope.UNKNOWN, KeyView.scope(KeyView.ABSENT,
                Optional.of(KeyView.ABSENT)));
        assertEquals(io.kforge.core.spi.SysctlScope.UNKNOWN, KeyView.scope(perNamespace, Optional.empty()));
    }

    @Test
    void reasonIsTheKernelsWordsFromTheLastLine() {
        assertEquals("Invalid argument", ProcSysScript.reason(List.of("tee: /proc/sys/net/core/somaxconn: "
                + "Invalid argument"), 1));
        assertEquals("exit status 2", ProcSysScript.reason(List.of(), 2));
    }

    /** Reads /proc/sys in one read: Files.readString reads one byte first, and sysctl files end after it. */
    private static String procSys(String path) throws IOException {
        try (var in = Files.newInputStream(Path.of("/proc/sys", path))) {
            return new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8).strip();
        }
    }

    private static List<String> sh(String commandLine) {
        var output = new ArrayList<String>();
        var result = CommandRunner.local().run(Command.of("sh", "-c", commandLine), output::add);
        assertTrue(result.ok(), result.failure());
        return output;
    }
}
