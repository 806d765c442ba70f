package io.kforge.distribution;

import java.io.IOException;
import java.lang.module.ModuleFinder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * Builds the example projects of {@code distribution/examples} as their authors would: each is copied out of the
 * repository and built with Maven against the kforge-core artifact of this build, laid out in a repository of the
 * test cache as if it had been published (the build runs {@code verify}, so nothing is installed in ~/.m2).
 */
final class ExampleProjects {

    private ExampleProjects() {
    }

    /** The repository's top folder (the one with {@code mvnw}). */
    static Path repository() {
        var distribution = Path.of(System.getProperty("basedir", System.getProperty("user.dir"))).toAbsolutePath();
        var top = distribution.getParent();
        if (!Files.isRegularFile(top.resolve("mvnw"))) {
            throw new IllegalStateException("cannot find the repository's mvnw above " + distribution);
        }
        return top;
    }

    /** The folder of one example in the repository. */
    static Path source(String example) {
        return repository().resolve("distribution/examples").resolve(example);
    }

    /**
     * Copies an example out of the repository, builds it with {@code mvnw package} and returns the jar it made.
     *
     * @param example the example's folder name ({@code source-plugin})
     * @param work an empty folder to copy it into
     * @return the jar in the copy's {@code target/}
     */
    static Path build(String example, Path work) throws IOException, InterruptedException {
        var project = copy(source(example), work.resolve(example));
        var core = coreJar();
        var version = ModuleFinder.of(core).findAll().iterator().next().descriptor().rawVersion().orElseThrow();
        var repository = publish(core, version);
        var tail = Path.of(System.getProperty("user.home"), ".m2", "repository");
        var run = run(List.of(repository().resolve("mvnw").toString(), "-B", "-ntp", "-q",
                "-f", project.resolve("pom.xml").toString(), "-Dkforge.version=" + version,
                "-Dmaven.repo.local=" + repository, "-Dmaven.repo.local.tail=" + tail, "package"),
                Map.of("JAVA_HOME", System.getProperty("java.home"),
                        "MAVEN_OPTS", "--sun-misc-unsafe-memory-access=allow"));
        if (run.exitCode() != 0) {
            throw new AssertionError("building " + example + " failed:\n" + run.out() + run.err());
        }
        try (Stream<Path> jars = Files.list(project.resolve("target"))) {
            return jars.filter(f -> f.getFileName().toString().endsWith(".jar")).findFirst()
                    .orElseThrow(() -> new AssertionError("no jar in " + project.resolve("target")));
        }
    }

    /**
     * Runs a command and waits for it at most ten minutes.
     *
     * @param command the command
     * @param environment variables added to this process's environment
     * @return the exit code and output
     */
    static Image.Run run(List<String> command, Map<String, String> environment)
            throws IOException, InterruptedException {
        return run(command, environment, Duration.ofMinutes(10));
    }

    /**
     * Runs a command and waits for it at most the given time.
     *
     * @param command the command
     * @param environment variables added to this process's environment
     * @param limit how long it may take; past that it is killed and the call fails
     * @return the exit code and output
     */
    static Image.Run run(List<String> command, Map<String, String> environment, Duration limit)
            throws IOException, InterruptedException {
        var builder = new ProcessBuilder(command);
        builder.environment().putAll(environment);
        var out = Files.createTempFile("example-out", ".txt");
        var err = Files.createTempFile("example-err", ".txt");
        builder.redirectOutput(out.toFile()).redirectError(err.toFile()).redirectInput(ProcessBuilder.Redirect.PIPE);
        var process = builder.start();
        process.getOutputStream().close();
        try {
            if (!process.waitFor(limit.toMillis(), TimeUnit.MILLISECONDS)) {
                process.descendants().forEach(ProcessHandle::destroyForcibly);
                process.destroyForcibly();
                throw new AssertionError("did not end within " + limit.toSeconds() + " s: " + command);
            }
            return new Image.Run(process.exitValue(), Files.readString(out, StandardCharsets.UTF_8),
                    Files.readString(err, StandardCharsets.UTF_8));
        } finally {
            Files.deleteIfExists(out);
            Files.deleteIfExists(err);
        }
    }

    private static Path coreJar() throws IOException {
        try (Stream<Path> files = Files.list(repository().resolve("core/target"))) {
            return files.filter(f -> f.getFileName().toString().matches("kforge-core-[0-9][^-]*(-SNAPSHOT)?\\.jar"))
                    .findFirst().orElseThrow(() -> new AssertionError("no kforge-core jar in core/target: build it"));
        }
    }

    /** Lays out kforge-core and its parent POM as a Maven repository would hold them once published. */
    private static Path publish(Path coreJar, String version) throws IOException {
        var repository = Image.testCache().resolve("examples-m2");
        var core = Files.createDirectories(repository.resolve("io/kforge/kforge-core").resolve(version));
        Files.copy(coreJar, core.resolve("kforge-core-" + version + ".jar"), StandardCopyOption.REPLACE_EXISTING);
        Files.copy(repository().resolve("core/pom.xml"), core.resolve("kforge-core-" + version + ".pom"),
                StandardCopyOption.REPLACE_EXISTING);
        var parent = Files.createDirectories(repository.resolve("io/kforge/kforge-parent").resolve(version));
        Files.copy(repository().resolve("pom.xml"), parent.resolve("kforge-parent-" + version + ".pom"),
                StandardCopyOption.REPLACE_EXISTING);
        return repository;
    }

    private static Path copy(Path from, Path to) throws IOException {
        var copied = new ArrayList<Path>();
        try (Stream<Path> files = Files.walk(from)) {
            for (var file : files.filter(f -> !from.relativize(f).startsWith("target")).toList()) {
                var target = to.resolve(from.relativize(file).toString());
                if (Files.isDirectory(file)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(file, target);
                    copied.add(target);
                }
            }
        }
        if (copied.isEmpty()) {
            throw new AssertionError("no example in " + from);
        }
        return to;
    }
}
