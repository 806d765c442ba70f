package io.kforge.core;

import io.kforge.core.spi.CompilerBackend;
import io.kforge.core.spi.ConfigMerger;
import io.kforge.core.spi.InvalidInputException;
import io.kforge.core.spi.Plugin;
import io.kforge.core.spi.PluginKind;
import io.kforge.core.spi.PluginOffer;
import io.kforge.core.spi.PluginSource;
import io.kforge.core.spi.SourceFetcher;
import io.kforge.core.spi.SourceSpec;
import io.kforge.core.spi.SysctlApplier;
import io.kforge.core.spi.SysctlTarget;
import io.kforge.core.spi.VmLauncher;
import java.lang.module.ModuleDescriptor;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.ServiceConfigurationError;
import java.util.ServiceLoader;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * The one place that loads stage providers: the built-ins of kforge's own modules, each entry of the plugins folders
 * in a child {@link ModuleLayer} of its own, and what the {@link PluginSource}s bring (OSGi bundles).
 *
 * <p>A jar or bundle that fails to load, a provider whose constructor throws, and a second provider with an id
 * already taken in its kind are kept out and listed with the reason; everything else still works. Close the registry
 * when done: that stops the plugin sources (the OSGi framework).
 */
public final class PluginRegistry implements AutoCloseable {

    private static final System.Logger LOG = System.getLogger(PluginRegistry.class.getName());
    private static final List<Class<? extends Plugin>> KINDS = List.of(
            SourceFetcher.class, ConfigMerger.class, CompilerBackend.class, VmLauncher.class, SysctlApplier.class);

    private final List<PluginInfo> infos = new ArrayList<>();
    private final List<PluginProblem> problems = new ArrayList<>();
    private final Map<PluginKind, Map<String, Plugin>> providers = new LinkedHashMap<>();
    private final Map<PluginKind, Map<String, String>> origins = new LinkedHashMap<>();
    private final List<PluginSource> sources = new ArrayList<>();

    private PluginRegistry() {
    }

    /**
     * Loads the built-in providers and those of every jar in the given folders.
     *
     * @param pluginFolders folders holding plugin jars; a folder that does not exist is skipped
     * @return the registry
     */
    public static PluginRegistry load(List<Path> pluginFolders) {
        return load(pluginFolders, List.of());
    }

    /**
     * Loads the built-in providers, those of every jar in the plugin folders, and those of the OSGi bundles in the
     * bundle folders (when the {@code io.kforge.osgi} module is present).
     *
     * @param pluginFolders folders holding plugin jars (JPMS modules); a folder that does not exist is skipped
     * @param bundleFolders folders holding OSGi bundles; a folder that does not exist is skipped, and without any
     *                      bundle no framework is started
     * @return the registry; close it to stop the OSGi framework
     */
    public static PluginRegistry load(List<Path> pluginFolders, List<Path> bundleFolders) {
        var registry = new PluginRegistry();
        registry.addLayer(kforgeLayer(), PluginInfo.BUILT_IN, module -> PluginInfo.BUILT_IN);
        for (var folder : pluginFolders) {
            for (var entry : PluginJars.entries(folder)) {
                registry.addEntry(PluginJars.open(entry, kforgeLayer(), PluginRegistry.class.getClassLoader()));
            }
        }
        registry.addSources(bundleFolders);
        LOG.log(System.Logger.Level.DEBUG, "{0} providers loaded, {1} not", registry.infos.stream()
                .filter(PluginInfo::loaded).count(), registry.infos.stream().filter(i -> !i.loaded()).count()
                + registry.problems.size());
        return registry;
    }

    /**
     * Loads only the built-in providers.
     *
     * @return the registry
     */
    public static PluginRegistry builtIn() {
        return load(List.of());
    }

    private static ModuleLayer kforgeLayer() {
        var layer = PluginRegistry.class.getModule().getLayer();
        return layer == null ? ModuleLayer.boot() : layer;
    }

    private void addEntry(PluginJars.Entry entry) {
        switch (entry) {
            case PluginJars.Opened opened -> {
                var before = infos.size();
                addLayer(opened.layer(), opened.origin(),
                        module -> "plugins:" + location(module).orElse(opened.path()));
                if (infos.size() == before) {
                    problems.add(new PluginProblem(opened.path().getFileName().toString(), "unknown",
                            opened.origin(), "provides no kforge plugin: its module-info has no 'provides "
                            + "io.kforge.core.spi.SourceFetcher with ...' (or another stage interface)"));
                }
            }
            case PluginJars.Unreadable unreadable -> problems.add(new PluginProblem(
                    unreadable.path().getFileName().toString(), "unknown", unreadable.origin(), unreadable.reason()));
            case PluginJars.Unresolved unresolved -> addUnresolved(unresolved);
        }
    }

    private void addUnresolved(PluginJars.Unresolved entry) {
        var before = infos.size();
        for (var module : entry.modules()) {
            var version = module.rawVersion().orElse("unknown");
            for (var provides : module.provides()) {
                kindNamed(provides.service()).ifPresent(kind -> provides.providers().forEach(type ->
                        infos.add(new PluginInfo(kind, type, version, entry.origin(), entry.reason()))));
            }
        }
        if (infos.size() == before) {
            var names = entry.modules().stream().map(ModuleDescriptor::name).sorted().toList();
            problems.add(new PluginProblem(String.join(", ", names), "unknown", entry.origin(), entry.reason()));
        }
    }

    private static Optional<Path> location(Module module) {
        return module.getLayer().configuration().findModule(module.getName())
                .flatMap(resolved -> resolved.reference().location())
                .filter(uri -> uri.getScheme().equals("file")).map(Path::of);
    }

    private void addLayer(ModuleLayer layer, String layerOrigin, Function<Module, String> origin) {
        for (var type : KINDS) {
            var iterator = ServiceLoader.load(layer, type).stream().iterator();
            while (true) {
                ServiceLoader.Provider<? extends Plugin> provider;
                try {
                    if (!iterator.hasNext()) {
                        break;
                    }
                    provider = iterator.next();
                } catch (ServiceConfigurationError e) {
                    infos.add(new PluginInfo(kindOf(type), "unknown", "unknown", layerOrigin, "not loaded: "
                            + e.getMessage()));
                    continue;
                }
                var module = provider.type().getModule();
                if (module.getLayer() == layer) {
                    addProvider(type, provider, origin.apply(module));
                }
            }
        }
    }

    private void addProvider(Class<? extends Plugin> type, ServiceLoader.Provider<? extends Plugin> provider,
                             String origin) {
        var descriptor = provider.type().getModule().getDescriptor();
        var version = descriptor == null ? "unknown" : descriptor.rawVersion().orElse("unknown");
        Plugin plugin;
        try {
            plugin = provider.get();
        } catch (ServiceConfigurationError | RuntimeException | LinkageError e) {
            var cause = e.getCause() == null ? e : e.getCause();
            infos.add(new PluginInfo(kindOf(type), provider.type().getName(), version, origin,
                    "constructor failed: " + cause));
            return;
        }
        add(kindOf(type), plugin, version, origin);
    }

    private void addSources(List<Path> bundleFolders) {
        var iterator = ServiceLoader.load(kforgeLayer(), PluginSource.class).iterator();
        while (true) {
            PluginSource source;
            try {
                if (!iterator.hasNext()) {
                    break;
                }
                source = iterator.next();
            } catch (ServiceConfigurationError e) {
                problems.add(new PluginProblem("plugin source", "unknown", PluginInfo.BUILT_IN,
                        "not loaded: " + e.getMessage()));
                continue;
            }
            sources.add(source);
            List<PluginOffer> offers;
            try {
                offers = source.open(bundleFolders);
            } catch (RuntimeException | LinkageError e) {
                problems.add(new PluginProblem(source.id(), "unknown", PluginInfo.BUILT_IN,
                        "plugin source failed: " + e));
                continue;
            }
            offers.forEach(this::addOffer);
        }
    }

    private void addOffer(PluginOffer offer) {
        switch (offer) {
            case PluginOffer.Provider provided -> {
                Optional<PluginKind> kind;
                try {
                    kind = Optional.of(provided.plugin().kind())
                            .filter(k -> KINDS.get(k.ordinal()).isInstance(provided.plugin()));
                } catch (RuntimeException | LinkageError e) {
                    kind = Optional.empty();
                }
                kind.ifPresentOrElse(k -> add(k, provided.plugin(), provided.version(), provided.origin()),
                        () -> problems.add(new PluginProblem(provided.plugin().getClass().getName(), provided.version(),
                                provided.origin(), "kind() does not name the stage interface it implements")));
            }
            case PluginOffer.Failure failed -> failed.kind().ifPresentOrElse(
                    kind -> infos.add(new PluginInfo(kind, failed.name(), failed.version(), failed.origin(),
                            failed.reason())),
                    () -> problems.add(new PluginProblem(failed.name(), failed.version(), failed.origin(),
                            failed.reason())));
        }
    }

    private void add(PluginKind kind, Plugin plugin, String version, String origin) {
        String id;
        try {
            id = plugin.id();
        } catch (RuntimeException | LinkageError e) {
            infos.add(new PluginInfo(kind, plugin.getClass().getName(), version, origin, "id() failed: " + e));
            return;
        }
        if (id == null || id.isBlank()) {
            infos.add(new PluginInfo(kind, plugin.getClass().getName(), version, origin, "id() returned no id"));
            return;
        }
        var byId = origins.computeIfAbsent(kind, k -> new LinkedHashMap<>());
        var taken = byId.get(id);
        if (taken != null) {
            infos.add(new PluginInfo(kind, id, version, origin, "duplicate id: already provided by " + taken));
            return;
        }
        byId.put(id, origin);
        providers.computeIfAbsent(kind, k -> new LinkedHashMap<>()).put(id, plugin);
        infos.add(new PluginInfo(kind, id, version, origin, PluginInfo.LOADED));
    }

    private static PluginKind kindOf(Class<? extends Plugin> type) {
        return PluginKind.values()[KINDS.indexOf(type)];
    }

    private static Optional<PluginKind> kindNamed(String serviceName) {
        return KINDS.stream().filter(type -> type.getName().equals(serviceName)).findFirst()
                .map(PluginRegistry::kindOf);
    }

    /**
     * Lists every provider, loaded or not, by kind and id.
     *
     * @return the providers with origin and status
     */
    public List<PluginInfo> list() {
        return infos.stream().sorted(Comparator.comparing(PluginInfo::kind).thenComparing(PluginInfo::id)).toList();
    }

    /**
     * Lists the plugin jars and bundles that failed before any provider in them could be told apart: a damaged jar,
     * a bundle that does not resolve, a jar that provides no stage interface.
     *
     * @return the problems, by origin
     */
    public List<PluginProblem> problems() {
        return problems.stream().sorted(Comparator.comparing(PluginProblem::origin)).toList();
    }

    /**
     * Returns the loaded provider of a kind with the given id.
     *
     * @param type the stage interface
     * @param id the provider's id
     * @param <T> the stage interface
     * @return the provider
     * @throws InvalidInputException when there is none, listing the ids there are, or saying why the one asked for
     *                               did not load
     */
    public <T extends Plugin> T require(Class<T> type, String id) {
        var plugin = loaded(type).get(id);
        if (plugin == null) {
            var kind = kindOf(type);
            var broken = infos.stream().filter(i -> i.kind() == kind && i.id().equals(id) && !i.loaded()).findFirst();
            if (broken.isPresent()) {
                throw new InvalidInputException("the " + kind.label() + " plugin '" + id + "' from "
                        + broken.get().origin() + " did not load: " + broken.get().status());
            }
            var failed = infos.stream().filter(i -> i.kind() == kind && !i.loaded()).count();
            throw new InvalidInputException("no " + kind.label() + " plugin with id '" + id + "' (available: "
                    + String.join(", ", loaded(type).keySet())
                    + (failed == 0 ? "" : "; " + failed + " " + kind.label() + " plugin" + (failed == 1 ? "" : "s")
                    + " did not load") + "; see kforge plugins)");
        }
        return type.cast(plugin);
    }

    /**
     * Returns the source fetcher for a spec: the one whose id is the spec's kind, if it supports it.
     *
     * @param spec the source spec
     * @return the fetcher
     * @throws InvalidInputException when no fetcher supports the spec
     */
    public SourceFetcher sourceFetcher(SourceSpec spec) {
        var fetcher = require(SourceFetcher.class, spec.kind());
        if (!fetcher.supports(spec)) {
            throw new InvalidInputException("the '" + spec.kind() + "' source cannot read '" + spec.location() + "'");
        }
        return fetcher;
    }

    /**
     * Returns the first sysctl applier that reaches a target.
     *
     * @param target the target
     * @return the applier
     * @throws InvalidInputException when none does
     */
    public SysctlApplier sysctlApplier(SysctlTarget target) {
        return first(SysctlApplier.class, applier -> applier.supports(target))
                .orElseThrow(() -> new InvalidInputException("no sysctl plugin can apply to target '"
                        + target.label() + "'"));
    }

    /**
     * Stops the plugin sources, such as the OSGi framework; the providers they brought must not be used afterwards.
     * Closing twice does nothing more.
     */
    @Override
    public void close() {
        for (var source : sources.reversed()) {
            try {
                source.close();
            } catch (RuntimeException e) {
                LOG.log(System.Logger.Level.WARNING, "cannot stop plugin source {0}: {1}", source.id(), e.toString());
            }
        }
        sources.clear();
    }

    private <T extends Plugin> Optional<T> first(Class<T> type, Predicate<T> test) {
        return loaded(type).values().stream().map(type::cast).filter(test).findFirst();
    }

    private Map<String, Plugin> loaded(Class<? extends Plugin> type) {
        return providers.getOrDefault(kindOf(type), Map.of());
    }
}
