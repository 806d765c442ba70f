package io.kforge.core;

import java.io.IOException;
import java.lang.module.Configuration;
import java.lang.module.FindException;
import java.lang.module.ModuleDescriptor;
import java.lang.module.ModuleFinder;
import java.lang.module.ModuleReference;
import java.lang.module.ResolutionException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Opens what a plugins folder holds, each entry in a {@link ModuleLayer} of its own on top of kforge's modules: a
 * jar is one plugin; a folder is one plugin together with the library jars it needs.
 */
final class PluginJars {

    private static final System.Logger LOG = System.getLogger(PluginJars.class.getName());

    /** What became of one entry of a plugins folder. */
    sealed interface Entry {

        /**
         * Returns the jar or folder.
         *
         * @return its absolute path
         */
        Path path();

        /**
         * Returns the origin that {@code kforge plugins} shows for the entry as a whole.
         *
         * @return {@code plugins:PATH}
         */
        default String origin() {
            return "plugins:" + path();
        }
    }

    /**
     * An entry whose modules resolved; its layer is ready.
     *
     * @param path the jar or folder
     * @param layer the layer holding its modules
     */
    record Opened(Path path, ModuleLayer layer) implements Entry {
    }

    /**
     * An entry that holds no usable module: not a jar, a damaged one, or a bad module descriptor.
     *
     * @param path the jar or folder
     * @param reason what is wrong
     */
    record Unreadable(Path path, String reason) implements Entry {
    }

    /**
     * An entry whose modules were read but cannot be resolved, usually because one requires a module the image
     * does not have.
     *
     * @param path the jar or folder
     * @param modules the modules it holds
     * @param reason the resolver's message
     */
    record Unresolved(Path path, Set<ModuleDescriptor> modules, String reason) implements Entry {
    }

    private PluginJars() {
    }

    /**
     * Lists the entries of a plugins folder: its {@code .jar} files and its sub-folders, by name.
     *
     * @param folder the plugins folder
     * @return the entries as absolute paths; none when the folder does not exist or cannot be read
     */
    static List<Path> entries(Path folder) {
        if (!Files.isDirectory(folder)) {
            LOG.log(System.Logger.Level.DEBUG, "no plugins folder {0}", folder);
            return List.of();
        }
        try (Stream<Path> files = Files.list(folder)) {
            return files.filter(f -> Files.isDirectory(f) || f.getFileName().toString().endsWith(".jar"))
                    .map(f -> f.toAbsolutePath().normalize()).sorted().toList();
        } catch (IOException e) {
            LOG.log(System.Logger.Level.WARNING, "cannot list plugins folder {0}: {1}", folder, e.getMessage());
            return List.of();
        }
    }

    /**
     * Reads, resolves and defines the modules of one entry in a child layer of {@code parent}.
     *
     * @param path a jar, or a folder of jars
     * @param parent the layer kforge's modules are in
     * @param loader the parent class loader of the new layer
     * @return the opened layer, or why there is none
     */
    static Entry open(Path path, ModuleLayer parent, ClassLoader loader) {
        ModuleFinder finder;
        Set<ModuleReference> references;
        try {
            finder = ModuleFinder.of(jars(path).toArray(Path[]::new));
            references = finder.findAll();
        } catch (FindException | IOException e) {
            return new Unreadable(path, "not a usable module: " + messages(e));
        }
        if (references.isEmpty()) {
            return new Unreadable(path, "no jar in this plugin folder");
        }
        var modules = references.stream().map(ModuleReference::descriptor).collect(Collectors.toSet());
        var roots = modules.stream().map(ModuleDescriptor::name).collect(Collectors.toSet());
        try {
            Configuration configuration = parent.configuration().resolveAndBind(finder, ModuleFinder.of(), roots);
            return new Opened(path, parent.defineModulesWithOneLoader(configuration, loader));
        } catch (FindException | ResolutionException | LayerInstantiationException e) {
            return new Unresolved(path, modules, "cannot be resolved: " + messages(e));
        }
    }

    private static List<Path> jars(Path path) throws IOException {
        if (!Files.isDirectory(path)) {
            return List.of(path);
        }
        try (Stream<Path> files = Files.list(path)) {
            return files.filter(f -> f.getFileName().toString().endsWith(".jar")).sorted().toList();
        }
    }

    private static String messages(Throwable error) {
        var text = new StringBuilder(String.valueOf(error.getMessage()));
        for (var cause = error.getCause(); cause != null; cause = cause.getCause()) {
            if (cause.getMessage() != null && !text.toString().contains(cause.getMessage())) {
                text.append(": ").append(cause.getMessage());
            }
        }
        return text.toString();
    }
}
