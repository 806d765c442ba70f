package io.kforge.core;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.spi.ToolProvider;
import java.util.stream.Stream;

/**
 * Compiles small plugin modules against this build's kforge core with the JDK's {@code javac} and packs them as jars,
 * as a plugin author would.
 */
final class PluginJarBuilder {

    private final Map<String, String> sources = new LinkedHashMap<>();
    private String version = "1.0";
    private String modulePath = System.getProperty("jdk.module.path");

    /**
     * Adds a source file.
     *
     * @param path its path below the source root ({@code module-info.java}, {@code p/Fetcher.java})
     * @param text its text
     * @return this builder
     */
    PluginJarBuilder source(String path, String text) {
        sources.put(path, text);
        return this;
    }

    /**
     * Sets the module version recorded in the descriptor.
     *
     * @param moduleVersion the version
     * @return this builder
     */
    PluginJarBuilder version(String moduleVersion) {
        version = moduleVersion;
        return this;
    }

    /**
     * Adds a folder or jar to the module path the sources are compiled against.
     *
     * @param path a module jar or a folder of them
     * @return this builder
     */
    PluginJarBuilder modulePath(Path path) {
        modulePath = modulePath + java.io.File.pathSeparator + path;
        return this;
    }

    /**
     * Compiles the sources and writes the jar.
     *
     * @param jar the jar to write
     * @return the jar
     * @throws IOException when a file cannot be written
     */
    Path build(Path jar) throws IOException {
        var work = Files.createTempDirectory("kforge-plugin-src-");
        var classes = work.resolve("classes");
        var arguments = new ArrayList<String>();
        arguments.addAll(java.util.List.of("-d", classes.toString(), "--module-version", version,
                "--module-path", modulePath));
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
            throw new IllegalStateException("javac failed:\n" + output);
        }
        try (var out = new JarOutputStream(Files.newOutputStream(jar)); Stream<Path> files = Files.walk(classes)) {
            for (var file : files.filter(Files::isRegularFile).toList()) {
                out.putNextEntry(new JarEntry(classes.relativize(file).toString().replace('\\', '/')));
                out.write(Files.readAllBytes(file));
                out.closeEntry();
            }
        } finally {
            Workspace.deleteTree(work);
        }
        return jar;
    }

    /**
     * Returns a builder for a module with one source fetcher.
     *
     * @param module the module name, also its package
     * @param id the fetcher's id
     * @param constructorBody statements run by the fetcher's constructor
     * @return the builder
     */
    static PluginJarBuilder fetcher(String module, String id, String constructorBody) {
        return new PluginJarBuilder()
                .source("module-info.java", "module " + module + " { requires io.kforge.core;"
                        + " provides io.kforge.core.spi.SourceFetcher with " + module + ".Fetcher; }")
                .source(module.replace('.', '/') + "/Fetcher.java", """
                        package %s;
                        import io.kforge.core.spi.*;
                        public final class Fetcher implements SourceFetcher {
                            public Fetcher() { %s }
                            public String id() { return "%s"; }
                            public boolean supports(SourceSpec spec) { return true; }
                            public SourceTree fetch(SourceSpec spec, StageContext context) {
                                return new SourceTree(java.nio.file.Path.of(spec.location()), "6.12.0", "%s",
                                        java.util.Optional.empty(), java.util.List.of());
                            }
                        }
                        """.formatted(module, constructorBody, id, module));
    }
}
