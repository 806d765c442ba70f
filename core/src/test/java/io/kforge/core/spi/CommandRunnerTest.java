package io.kforge.core.spi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CommandRunnerTest {

    @TempDir
    Path folder;

    private final CommandRunner runner = CommandRunner.local();

    @Test
    void argumentsReachTheProgramUnchangedWithoutAShell() {
        var lines = new ArrayList<String>();

        var result = runner.run(Command.of("printf", "%s|", "two words", "it's", "$HOME", "*"), lines::add);

        assertTrue(result.ok());
        assertEquals(List.of("two words|it's|$HOME|*|"), lines);
    }

    @Test
    void exitCodeFolderAndEnvironmentAreHonoured() throws Exception {
        Files.writeString(folder.resolve("marker"), "here\n");
        var lines = new ArrayList<String>();
        var command = Command.of("sh", "-c", "cat marker; echo $KF_TEST; exit 3").in(folder)
                .withEnvironment(Map.of("KF_TEST", "value"));

        var result = runner.run(command, lines::add);

        assertEquals(3, result.exitCode());
        assertEquals(List.of("here", "value"), lines);
        assertTrue(result.failure().contains("exited with 3"), result.failure());
    }

    @Test
    void timeoutKillsTheWholeProcessTree() throws Exception {
        var pidFile = folder.resolve("child.pid");
        var command = Command.of("sh", "-c", "sleep 300 & echo $! > " + pidFile + "; wait")
                .withTimeout(Duration.ofSeconds(2));

        var result = runner.run(command, line -> { });

        assertTrue(result.timedOut());
        assertFalse(result.ok());
        var child = Files.readString(pidFile).strip();
        assertTrue(goneOrZombie(Path.of("/proc", child, "stat")), "the grandchild sleep was killed too");
    }

    /** A killed process whose parent is gone may stay a zombie until this sandbox's init reaps it. */
    private static boolean goneOrZombie(Path stat) throws Exception {
        for (int i = 0; i < 50 && Files.exists(stat); i++) {
            var fields = Files.readString(stat);
            if (fields.substring(fields.lastIndexOf(')') + 2).startsWith("Z")) {
                return true;
            }
            Thread.sleep(100);
        }
        return !Files.exists(stat);
    }

    @Test
    void missingProgramIsAKforgeException() {
        var error = assertThrows(KforgeException.class,
                () -> runner.run(Command.of("kforge-no-such-program"), line -> { }));

        assertTrue(error.getMessage().contains("kforge-no-such-program"), error.getMessage());
    }

    @Test
    void displayQuotesWhatAShellWouldSplit() {
        var command = Command.of("make", "O=/tmp/out dir", "it's").withEnvironment(Map.of("LLVM", "1"));

        assertEquals("LLVM=1 make 'O=/tmp/out dir' 'it'\\''s'", command.display());
    }
}
