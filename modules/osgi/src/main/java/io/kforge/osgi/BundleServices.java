package io.kforge.osgi;

import io.kforge.core.spi.CompilerBackend;
import io.kforge.core.spi.ConfigMerger;
import io.kforge.core.spi.Plugin;
import io.kforge.core.spi.PluginKind;
import io.kforge.core.spi.PluginOffer;
import io.kforge.core.spi.SourceFetcher;
import io.kforge.core.spi.SysctlApplier;
import io.kforge.core.spi.VmLauncher;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.Constants;
import org.osgi.framework.ServiceReference;
import org.osgi.framework.wiring.BundleRevision;

/**
 * Reads the services a started bundle registered under kforge's stage interfaces and turns them into offers.
 */
final class BundleServices {

    private static final List<Class<? extends Plugin>> STAGES = List.of(
            SourceFetcher.class, ConfigMerger.class, CompilerBackend.class, VmLauncher.class, SysctlApplier.class);

    private BundleServices() {
    }

    /**
     * Returns one offer per stage interface each service of the bundle is registered under; a bundle that is active
     * but registers none and exports no package (so it is no library either) is reported.
     *
     * @param installed the bundle
     * @param system the system bundle's context, used to get the services
     * @return the offers, none when the bundle did not start
     */
    static List<PluginOffer> offers(BundleSource.InstalledBundle installed, BundleContext system) {
        var bundle = installed.bundle();
        if (bundle.getState() != Bundle.ACTIVE) {
            return List.of();
        }
        var offers = new ArrayList<PluginOffer>();
        var references = Optional.ofNullable(bundle.getRegisteredServices()).orElse(new ServiceReference<?>[0]);
        for (var reference : references) {
            for (var name : (String[]) reference.getProperty(Constants.OBJECTCLASS)) {
                STAGES.stream().filter(stage -> stage.getName().equals(name)).findFirst()
                        .ifPresent(stage -> offers.add(offer(installed, system, reference, stage)));
            }
        }
        if (offers.isEmpty() && exportsNothing(bundle)) {
            offers.add(installed.failure("registers no kforge service: register a " + SourceFetcher.class.getName()
                    + " (or another stage interface) from the bundle's BundleActivator"));
        }
        return offers;
    }

    private static PluginOffer offer(BundleSource.InstalledBundle installed, BundleContext system,
                                     ServiceReference<?> reference, Class<? extends Plugin> stage) {
        var kind = Optional.of(PluginKind.values()[STAGES.indexOf(stage)]);
        var version = installed.bundle().getVersion().toString();
        Object service;
        try {
            service = system.getService(reference);
        } catch (RuntimeException e) {
            service = null;
        }
        if (service == null) {
            return new PluginOffer.Failure(kind, installed.name(), version, installed.origin(),
                    "its " + stage.getSimpleName() + " service could not be obtained (its service factory failed)");
        }
        if (!stage.isInstance(service)) {
            return new PluginOffer.Failure(kind, service.getClass().getName(), version, installed.origin(),
                    "its service is not kforge's " + stage.getName() + ": the bundle must import the package "
                            + stage.getPackageName() + ", not carry its own copy");
        }
        return new PluginOffer.Provider(stage.cast(service), version, installed.origin());
    }

    private static boolean exportsNothing(Bundle bundle) {
        var revision = bundle.adapt(BundleRevision.class);
        return revision == null || revision.getDeclaredCapabilities(BundleRevision.PACKAGE_NAMESPACE).isEmpty();
    }
}
