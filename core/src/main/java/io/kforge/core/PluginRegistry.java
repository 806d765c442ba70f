package io.kforge.core;

import io.kforge.core.spi.CompilerBackend;
import io.kforge.core.spi.ConfigMerger;
import io.kforge.core.spi.InvalidInputException;
import io.kforge.core.spi.Plugin;
import io.kforge.core.spi.PluginKind;
import io.kforge.core.spi.SourceFetcher;
import io.kforge.core.spi.SourceSpec;
import io.kforge.core.spi.SysctlApplier;
import io.kforge.core.spi.SysctlTarget;
import io.kforge.core.spi.VmLauncher;
import java.io.IOException;
import java.lang.module.Configuration;
import java.lang.module.ModuleFinder;
import java.lang.module.ModuleReference;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.ServiceConfigurationError;
import java.util.ServiceLoader;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The one place that loads stage providers: the built-ins of the boot layer, and each jar of the plugins folders in
 * a child {@link ModuleLayer} of its own.
 *
 * <p>A provider that fails to load, and a second provider with an id already taken in its kind, are kept out and
 * listed with the reason; the others still work.
 */
public final class PluginRegistry {

    private static final System.Logger LOG = System.getLogger(PluginRegistry.class.getName());
    private static final List<Class<? extends Plugin>> KINDS =
            List.of(SourceFetcher.class, ConfigMerger.class, CompilerBackend.class, VmLauncher.class, SysctlApplier.class);

    private final List<PluginInfo> infos = new ArrayList<>();
    private final Map<PluginKind, Map<String, Plugin>> providers = new LinkedHashMap<>();

    private PluginRegistry() {
    }

    /**
     * Loads the built-in providers and those of every jar in the given folders.
     *
     * @param pluginFolders folders holding plugin jars; a folder that does not exist is skipped
     * @return the registry
     */
    public static PluginRegistry load(List<Path> pluginFolders) {
        var registry = new PluginRegistry();
        registry.addLayer(ModuleLayer.boot(), "built-in");
        for (var folder : pluginFolders) {
            registry.addFolder(folder);
        }
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

    private void addFolder(Path folder) {
        if (!Files.isDirectory(folder)) {
            return;
        }
        List<Path> jars;
        try (Stream<Path> files = Files.list(folder)) {
            jars = files.filter(f -> f.getFileName().toString().endsWith(".jar")).sorted().toList();
        } catch (IOException e) {
            LOG.log(System.Logger.Level.WARNING, "cannot list plugins folder {0}: {1}", folder, e.getMessage());
            return;
        }
        for (var jar : jars) {
            var origin = "plugins:" + jar.getFileName();
            try {
                addLayer(layerFor(jar), origin);
            } catch (RuntimeException | LinkageError e) {
                infos.add(new PluginInfo(PluginKind.SOURCE, jar.getFileName().toString(), "unknown", origin,
                        "jar not loaded: " + e.getMessage()));
            }
        }
    }

    private static ModuleLayer layerFor(Path jar) {
        var finder = ModuleFinder.of(jar);
        var roots = finder.findAll().stream().map(ModuleReference::descriptor).map(d -> d.name())
                .collect(Collectors.toSet());
        var boot = ModuleLayer.boot();
        Configuration configuration = boot.configuration().resolveAndBind(finder, ModuleFinder.of(), roots);
        return boot.defineModulesWithOneLoader(configuration, ClassLoader.getSystemClassLoader());
    }

    private void addLayer(ModuleLayer layer, String origin) {
        for (var type : KINDS) {
            var loader = ServiceLoader.load(layer, type);
            var iterator = loader.stream().iterator();
            while (true) {
                ServiceLoader.Provider<? extends Plugin> provider;
                try {
                    if (!iterator.hasNext()) {
                        break;
                    }
                    provider = iterator.next();
                } catch (ServiceConfigurationError e) {
                    infos.add(new PluginInfo(kindOf(type), "unknown", "unknown", origin, "not loaded: " + e.getMessage()));
                    continue;
                }
                if (provider.type().getModule().getLayer() != layer) {
                    continue;
                }
                add(type, provider, origin);
            }
        }
    }

    private void add(Class<? extends Plugin> type, ServiceLoader.Provider<? extends Plugin> provider, String origin) {
        var kind = kindOf(type);
        Plugin plugin;
        try {
            plugin = provider.get();
        } catch (ServiceConfigurationError | RuntimeException | LinkageError e) {
            var cause = e.getCause() == null ? e : e.getCause();
            infos.add(new PluginInfo(kind, provider.type().getName(), "unknown", origin,
                    "constructor failed: " + cause));
            return;
        }
        var byId = providers.computeIfAbsent(kind, k -> new LinkedHashMap<>());
        var taken = byId.get(plugin.id());
        if (taken != null) {
            infos.add(new PluginInfo(kind, plugin.id(), plugin.version(), origin,
                    "duplicate id: already provided by " + taken.getClass().getModule().getName()));
            return;
        }
        byId.put(plugin.id(), plugin);
        infos.add(new PluginInfo(kind, plugin.id(), plugin.version(), origin, PluginInfo.LOADED));
    }

    private static PluginKind kindOf(Class<? extends Plugin> type) {
        return PluginKind.values()[KINDS.indexOf(type)];
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
     * Returns the loaded provider of a kind with the given id.
     *
     * @param type the stage interface
     * @param id the provider's id
     * @param <T> the stage interface
     * @return the provider
     * @throws InvalidInputException when there is none, listing the ids there are
     */
    public <T extends Plugin> T require(Class<T> type, String id) {
        var plugin = loaded(type).get(id);
        if (plugin == null) {
            throw new InvalidInputException("no " + kindOf(type).label() + " plugin with id '" + id + "' (available: "
                    + String.join(", ", loaded(type).keySet()) + ")");
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

    private <T extends Plugin> java.util.Optional<T> first(Class<T> type, Predicate<T> test) {
        return loaded(type).values().stream().map(type::cast).filter(test).findFirst();
    }

    private Map<String, Plugin> loaded(Class<? extends Plugin> type) {
        return providers.getOrDefault(kindOf(type), Map.of());
    }
}
