package io.kforge.kbuild;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.kforge.core.spi.Command;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BuildLogTest {

    @TempDir
    Path folder;

    @Test
    void firstCompilerErrorComesWithFileLineAndMessageAndWarningsAreCounted() throws Exception {
        var source = Files.writeString(folder.resolve("broken.c"), """
                int unused(void) { int x; return 0; }
                int warned(int a) { if (a = 2) return 1; return 0; }
                int broken(void) { return kforge_undeclared; }
                int again(void) { return also_undeclared; }
                """);
        var output = compile("gcc", "-Wall", "-c", source.toString(), "-o", folder.resolve("broken.o").toString());

        var log = scan(output);

        var error = log.firstError().orElseThrow();
        assertEquals(Optional.of(source.toString()), error.file());
        assertEquals(3, error.line());
        assertTrue(error.message().contains("kforge_undeclared"), error.message());
        assertEquals(2, log.errors());
        assertTrue(log.warnings() >= 2, output.toString());
    }

    @Test
    void clangErrorsAreReadTheSameWay() throws Exception {
        var source = Files.writeString(folder.resolve("broken.c"), "int f(void) { return missing_name; }\n");
        var output = compile("clang", "-c", source.toString(), "-o", folder.resolve("broken.o").toString());

        var error = scan(output).firstError().orElseThrow();

        assertEquals(1, error.line());
        assertEquals(source + ":1: " + error.message(), error.describe());
    }

    @Test
    void aLinkerErrorIsTheFirstErrorWhenNothingFailedToCompile() throws Exception {
        var source = Files.writeString(folder.resolve("main.c"), "int kforge_nowhere(void);\n"
                + "int main(void) { return kforge_nowhere(); }\n");
        var output = compile("gcc", source.toString(), "-o", folder.resolve("main").toString());

        var error = scan(output).firstError().orElseThrow();

        assertTrue(error.message().contains("undefined reference to `kforge_nowhere'"), error.text());
    }

    @Test
    void makesEchoOfAFailedStepIsNeverTheFirstError() throws Exception {
        var source = Files.writeString(folder.resolve("broken.c"), "int f(void) { return nope; }\n");
        var makefile = Files.writeString(folder.resolve("Makefile"), "broken.o: broken.c\n\tgcc -c broken.c\n");
        var output = run(Command.of("make", "-f", makefile.toString()).in(folder));

        var log = scan(output);

        assertTrue(output.stream().anyMatch(l -> l.contains("] Error 1")), output.toString());
        assertTrue(log.firstError().orElseThrow().message().contains("nope"));
    }

    @Test
    void withoutACompilerErrorMakesOwnMessageIsUsed() throws Exception {
        var makefile = Files.writeString(folder.resolve("Makefile"), "all: kforge-missing.o\n");
        var output = run(Command.of("make", "-f", makefile.toString()).in(folder));

        var log = scan(output);

        assertTrue(log.firstError().orElseThrow().message().startsWith("No rule to make target 'kforge-missing.o'"),
                log.firstError().toString());
        assertEquals(1, log.errors());
    }

    @Test
    void kbuildUnitLinesAreCountedAndTheWholeLogIsKept() throws Exception {
        var counted = new ArrayList<Integer>();
        var file = folder.resolve("build.log");
        try (var log = new BuildLog(file, counted::add)) {
            log.note("$ make -C tree O=out bzImage");
            List.of("  HOSTCC  scripts/basic/fixdep", "  CC      init/main.o", "  AS      arch/x86/entry/entry_64.o",
                    "  CC      kernel/bounds.s", "  AR      init/built-in.a", "  LD      vmlinux.o").forEach(log);

            assertEquals(2, log.units());
            assertFalse(log.firstError().isPresent());
        }

        assertEquals(List.of(1, 2), counted);
        assertEquals(7, Files.readAllLines(file).size());
    }

    private List<String> compile(String... arguments) {
        return run(Command.of(arguments).in(folder));
    }

    private static List<String> run(Command command) {
        var lines = new ArrayList<String>();
        HostTools.system().run(command).ifPresent(output -> lines.addAll(output.lines()));
        return lines;
    }

    private BuildLog scan(List<String> lines) {
        try (var log = new BuildLog(folder.resolve("scan.log"), units -> { })) {
            lines.forEach(log);
            return log;
        }
    }
}
