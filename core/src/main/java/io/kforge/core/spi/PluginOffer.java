package io.kforge.core.spi;

import java.util.Objects;
import java.util.Optional;

/**
 * One item a {@link PluginSource} offers the registry: a provider ready to use, or something that failed to load.
 */
public sealed interface PluginOffer {

    /**
     * Returns where the item comes from, for the user ({@code bundle:/opt/kforge/bundles/x.jar (com.example.x)}).
     *
     * @return the origin
     */
    String origin();

    /**
     * A provider ready to use.
     *
     * @param plugin the provider
     * @param version its version, for example the version of the bundle it comes from
     * @param origin where it comes from
     */
    record Provider(Plugin plugin, String version, String origin) implements PluginOffer {

        /** Checks that nothing is missing. */
        public Provider {
            Objects.requireNonNull(plugin, "plugin");
            Objects.requireNonNull(version, "version");
            Objects.requireNonNull(origin, "origin");
        }
    }

    /**
     * Something that did not load: a bundle that does not resolve or start, or a service that cannot be obtained.
     *
     * @param kind the stage it would have served, when known
     * @param name the provider's id or class when known, else the bundle's symbolic name or file name
     * @param version its version, or {@code unknown}
     * @param origin where it comes from
     * @param reason why it did not load, in words the user can act on
     */
    record Failure(Optional<PluginKind> kind, String name, String version, String origin, String reason)
            implements PluginOffer {

        /** Checks that nothing is missing. */
        public Failure {
            Objects.requireNonNull(kind, "kind");
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(version, "version");
            Objects.requireNonNull(origin, "origin");
            Objects.requireNonNull(reason, "reason");
        }
    }
}
