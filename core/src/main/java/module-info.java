/**
 * The kforge core: the stage SPI ({@code io.kforge.core.spi}) that plugins implement, and the automation API
 * ({@code io.kforge.core}) that the command line and programs use: recipes, the workspace, the plugin registry and
 * the pipeline. Process running, on Apache Commons Exec, is offered to plugins through the SPI.
 */
module io.kforge.core {
    requires transitive com.fasterxml.jackson.databind;
    requires com.fasterxml.jackson.dataformat.yaml;
    requires org.apache.commons.exec;

    exports io.kforge.core;
    exports io.kforge.core.spi;

    opens io.kforge.core to com.fasterxml.jackson.databind;

    uses io.kforge.core.spi.SourceFetcher;
    uses io.kforge.core.spi.ConfigMerger;
    uses io.kforge.core.spi.CompilerBackend;
    uses io.kforge.core.spi.VmLauncher;
    uses io.kforge.core.spi.SysctlApplier;
    uses io.kforge.core.spi.PluginSource;
}
