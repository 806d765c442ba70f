package io.kforge.osgi;

import io.kforge.core.spi.PluginOffer;
import io.kforge.core.spi.PluginSource;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleException;
import org.osgi.framework.Constants;

/**
 * Loads the OSGi bundles of the bundles folders into an embedded Apache Felix framework and offers the services they
 * register under kforge's stage interfaces to the plugin registry.
 *
 * <p>Every {@code .jar} of the folders is installed, then every one that is not a fragment is started; a bundle that
 * cannot be installed, resolved or started is reported with the framework's reason and the others go on. The
 * framework's system bundle exports {@code io.kforge.core.spi} and {@code io.kforge.core} at the version of kforge's
 * core module, so bundles import those packages and share their classes with kforge. No framework is started when
 * no folder holds a jar.
 */
public final class BundleSource implements PluginSource {

    private static final System.Logger LOG = System.getLogger(BundleSource.class.getName());
    private static final Pattern VERSION = Pattern.compile("(\\d+)(?:\\.(\\d+))?(?:\\.(\\d+))?(?:[.-](.+))?");

    private final Path storageParent;
    private EmbeddedFelix felix;

    /** Creates the source; the framework's storage goes into a new folder in the temporary folder. */
    public BundleSource() {
        this(Path.of(System.getProperty("java.io.tmpdir")));
    }

    /**
     * Creates the source with the framework's storage in a new folder of the given folder.
     *
     * @param storageParent where the storage folder is created
     */
    BundleSource(Path storageParent) {
        this.storageParent = storageParent;
    }

    @Override
    public String id() {
        return "osgi";
    }

    @Override
    public synchronized List<PluginOffer> open(List<Path> folders) {
        if (felix != null) {
            throw new IllegalStateException("the OSGi plugin source is already open");
        }
        var jars = jars(folders);
        if (jars.isEmpty()) {
            return List.of();
        }
        felix = EmbeddedFelix.start(storageParent, exportedPackages());
        var offers = new ArrayList<PluginOffer>();
        var installed = new ArrayList<InstalledBundle>();
        for (var jar : jars) {
            try (InputStream in = Files.newInputStream(jar)) {
                installed.add(new InstalledBundle(jar, felix.context().installBundle(jar.toUri().toString(), in)));
            } catch (BundleException | IOException | RuntimeException e) {
                offers.add(new PluginOffer.Failure(Optional.empty(), jar.getFileName().toString(), "unknown",
                        "bundle:" + jar, "not installed: " + e.getMessage()));
            }
        }
        for (var bundle : installed) {
            start(bundle).ifPresent(offers::add);
        }
        for (var bundle : installed) {
            offers.addAll(BundleServices.offers(bundle, felix.context()));
        }
        LOG.log(System.Logger.Level.DEBUG, "{0} bundles installed from {1}", installed.size(), folders);
        return offers;
    }

    @Override
    public synchronized void close() {
        if (felix != null) {
            felix.close();
            felix = null;
        }
    }

    private static Optional<PluginOffer> start(InstalledBundle installed) {
        var bundle = installed.bundle();
        if (bundle.getHeaders().get(Constants.FRAGMENT_HOST) != null) {
            return Optional.empty();
        }
        try {
            bundle.start();
            return Optional.empty();
        } catch (BundleException | RuntimeException e) {
            return Optional.of(installed.failure("not started: " + reason(e)));
        }
    }

    private static String reason(Throwable error) {
        var message = String.valueOf(error.getMessage());
        var cut = message.indexOf(" Unresolved requirements:");
        var text = new StringBuilder(cut < 0 ? message : message.substring(0, cut));
        for (var cause = error.getCause(); cause != null; cause = cause.getCause()) {
            text.append(": ").append(cause);
        }
        return text.toString();
    }

    private static List<Path> jars(List<Path> folders) {
        var jars = new ArrayList<Path>();
        for (var folder : folders) {
            if (!Files.isDirectory(folder)) {
                continue;
            }
            try (Stream<Path> files = Files.list(folder)) {
                files.filter(f -> f.getFileName().toString().endsWith(".jar") && Files.isRegularFile(f))
                        .map(f -> f.toAbsolutePath().normalize()).sorted().forEach(jars::add);
            } catch (IOException e) {
                LOG.log(System.Logger.Level.WARNING, "cannot list bundles folder {0}: {1}", folder, e.getMessage());
            }
        }
        return jars;
    }

    private static String exportedPackages() {
        var version = osgiVersion(PluginSource.class.getModule().getDescriptor() == null
                ? "0" : PluginSource.class.getModule().getDescriptor().rawVersion().orElse("0"));
        return "io.kforge.core.spi;version=\"" + version + "\",io.kforge.core;version=\"" + version + "\"";
    }

    /**
     * Turns a module version ({@code 0.1.0-SNAPSHOT}) into an OSGi version ({@code 0.1.0.SNAPSHOT}).
     *
     * @param moduleVersion the module version
     * @return the OSGi version, {@code 0.0.0} when the module version does not start with a number
     */
    static String osgiVersion(String moduleVersion) {
        var matcher = VERSION.matcher(moduleVersion);
        if (!matcher.matches()) {
            return "0.0.0";
        }
        var version = matcher.group(1) + "." + Optional.ofNullable(matcher.group(2)).orElse("0") + "."
                + Optional.ofNullable(matcher.group(3)).orElse("0");
        return matcher.group(4) == null ? version : version + "." + matcher.group(4).replaceAll("[^A-Za-z0-9_-]", "_");
    }

    /**
     * A bundle installed from a jar.
     *
     * @param jar the jar
     * @param bundle the bundle
     */
    record InstalledBundle(Path jar, Bundle bundle) {

        /**
         * Returns the origin {@code kforge plugins} shows.
         *
         * @return {@code bundle:PATH (SYMBOLIC-NAME)}
         */
        String origin() {
            return "bundle:" + jar + " (" + name() + ")";
        }

        /**
         * Returns the symbolic name, or the file name for a bundle without one.
         *
         * @return the name
         */
        String name() {
            return Optional.ofNullable(bundle.getSymbolicName()).orElse(jar.getFileName().toString());
        }

        /**
         * Returns a failure of the bundle as a whole.
         *
         * @param reason what went wrong
         * @return the failure
         */
        PluginOffer.Failure failure(String reason) {
            return new PluginOffer.Failure(Optional.empty(), name(), bundle.getVersion().toString(), origin(), reason);
        }
    }
}
