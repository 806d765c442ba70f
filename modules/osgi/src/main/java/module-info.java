/**
 * OSGi bundles as kforge plugins: an embedded Apache Felix framework, started only when a bundles folder holds a
 * bundle, whose system bundle exports kforge's SPI and API packages; the services that bundles register under the
 * stage interfaces ({@code io.kforge.core.spi.SourceFetcher}...) join the plugin registry.
 */
module io.kforge.osgi {
    requires io.kforge.core;
    requires org.apache.felix.framework;

    uses org.osgi.framework.launch.FrameworkFactory;

    provides io.kforge.core.spi.PluginSource with io.kforge.osgi.BundleSource;
}
