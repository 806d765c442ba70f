package io.kforge.distribution;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.spi.ToolProvider;
import java.util.stream.Stream;

/**
 * Compiles small modules against the image's own modules ({@code javac --system IMAGE}) and packs them as jars: the
 * faulty plugins that the end-to-end tests drop next to the examples.
 */
final class ModuleJars {

    private ModuleJars() {
    }

    /**
     * Compiles sources into a module jar.
     *
     * @param jar the jar to write
     * @param sources path below the source root to text
     * @param modulePath extra module jars needed to compile, not packed
     * @return the jar
     */
    static Path compile(Path jar, Map<String, String> sources, List<Path> modulePath) throws IOException {
        var work = Files.createTempDirectory("kforge-it-src-");
        var classes = work.resolve("classes");
        var arguments = new ArrayList<>(List.of("--system", Image.home().toString(), "-d", classes.toString(),
                "--module-version", "0.0.1"));
        if (!modulePath.isEmpty()) {
            arguments.add("--module-path");
            arguments.add(String.join(java.io.File.pathSeparator, modulePath.stream().map(Path::toString).toList()));
        }
        for (var source : sources.entrySet()) {
            var file = work.resolve("src").resolve(source.getKey());
            Files.createDirectories(file.getParent());
            Files.writeString(file, source.getValue());
            arguments.add(file.toString());
        }
        var output = new StringWriter();
        var code = ToolProvider.findFirst("javac").orElseThrow()
                .run(new PrintWriter(output), new PrintWriter(output), arguments.toArray(String[]::new));
        if (code != 0) {
            throw new AssertionError("javac failed:\n" + output);
        }
        Files.createDirectories(jar.getParent());
        try (var out = new JarOutputStream(Files.newOutputStream(jar)); Stream<Path> files = Files.walk(classes)) {
            for (var file : files.filter(Files::isRegularFile).toList()) {
                out.putNextEntry(new JarEntry(classes.relativize(file).toString().replace('\\', '/')));
                out.write(Files.readAllBytes(file));
                out.closeEntry();
            }
        }
        return jar;
    }

    /**
     * Returns the sources of a module with one source fetcher.
     *
     * @param module the module name, also its package
     * @param id the fetcher's id
     * @param constructorBody statements its constructor runs
     * @param requires extra {@code requires} clauses
     * @return the sources
     */
    static Map<String, String> fetcher(String module, String id, String constructorBody, String requires) {
        return Map.of(
                "module-info.java", "module " + module + " { requires io.kforge.core; " + requires
                        + " provides io.kforge.core.spi.SourceFetcher with " + module + ".Fetcher; }",
                module.replace('.', '/') + "/Fetcher.java", """
                        package %s;
                        import io.kforge.core.spi.*;
                        public final class Fetcher implements SourceFetcher {
                            public Fetcher() { %s }
                            public String id() { return "%s"; }
                            public boolean supports(SourceSpec spec) { return true; }
                            public SourceTree fetch(SourceSpec spec, StageContext context) {
                                throw new KforgeException("this test fetcher fetches nothing");
                            }
                        }
                        """.formatted(module, constructorBody, id));
    }
}
