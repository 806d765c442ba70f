package io.kforge.core;

import io.kforge.core.spi.PluginKind;

/**
 * One provider as {@code kforge plugins} lists it.
 *
 * @param kind the stage it serves
 * @param id its id, or the provider class's name when it did not load far enough to tell
 * @param version its version: the version of its module or bundle, {@code unknown} when it has none
 * @param origin {@code built-in} for the image's own modules, {@code plugins:PATH} for a jar in a plugins folder
 *               (PATH is the jar's absolute path), {@code bundle:PATH (SYMBOLIC-NAME)} for an OSGi bundle
 * @param status {@code loaded}, or the reason it is not usable ({@code duplicate id: already provided by built-in})
 */
public record PluginInfo(PluginKind kind, String id, String version, String origin, String status) {

    /** The status of a provider that loaded. */
    public static final String LOADED = "loaded";

    /** The origin of the providers in the image's own modules (the boot layer). */
    public static final String BUILT_IN = "built-in";

    /**
     * Tells whether the provider can be used.
     *
     * @return true when it loaded
     */
    public boolean loaded() {
        return LOADED.equals(status);
    }
}
