package io.kforge.core;

/**
 * A plugin jar or bundle that failed before the providers in it could be told apart, as {@code kforge plugins} lists
 * it (with the kind {@code unknown}); providers whose kind is known are listed as {@link PluginInfo} instead.
 *
 * @param name the module name, bundle symbolic name or file name
 * @param version its version, or {@code unknown}
 * @param origin {@code plugins:PATH} or {@code bundle:PATH (SYMBOLIC-NAME)}, see {@link PluginInfo#origin()}
 * @param reason why nothing in it could be loaded
 */
public record PluginProblem(String name, String version, String origin, String reason) {
}
