package io.kforge.core.spi;

import java.nio.file.Path;
import java.util.List;

/**
 * Brings stage providers from a plugin system of its own into the registry, besides the boot layer and the plugins
 * folders; the {@code io.kforge.osgi} module provides one that runs OSGi bundles in an embedded Felix framework.
 *
 * <p>The registry finds sources with {@link java.util.ServiceLoader}, opens each once with the bundle folders it was
 * given, and closes each when it is closed itself (or, at the latest, when the JVM ends). A source isolates what it
 * loads: one broken bundle is reported as a {@link PluginOffer.Failure} and never stops the others, nor the
 * registry. Plugin authors do not implement this interface; they implement one of the stage interfaces.
 */
public interface PluginSource extends AutoCloseable {

    /**
     * Returns the source's id, used in the registry's reports when the source itself fails ({@code osgi}).
     *
     * @return a short, stable name
     */
    String id();

    /**
     * Loads the providers found in the given folders; a source with nothing to load starts nothing.
     *
     * @param folders the folders to read; one that does not exist is skipped
     * @return every provider found, and every item that failed with its reason
     */
    List<PluginOffer> open(List<Path> folders);

    /**
     * Stops what {@link #open} started and removes what it wrote; does nothing when nothing was started.
     */
    @Override
    void close();
}
