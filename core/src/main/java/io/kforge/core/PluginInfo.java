package io.kforge.core;

import io.kforge.core.spi.PluginKind;

/**
 * One provider as {@code kforge plugins} lists it.
 *
 * @param kind the stage it serves
 * @param id its id, or the class name when it did not load far enough to tell
 * @param version its version
 * @param origin {@code built-in}, or {@code plugins:FILE} for a jar in a plugins folder
 * @param status {@code loaded}, or the reason it is not usable
 */
public record PluginInfo(PluginKind kind, String id, String version, String origin, String status) {

    /** The status of a provider that loaded. */
    public static final String LOADED = "loaded";

    /**
     * Tells whether the provider can be used.
     *
     * @return true when it loaded
     */
    public boolean loaded() {
        return LOADED.equals(status);
    }
}
