/**
 * An example kforge plugin: a source fetcher with the id {@code example-dir} that serves an unpacked kernel tree
 * from a local folder. kforge finds it through the {@code provides} clause below.
 */
module org.example.kforge.dirsource {
    requires io.kforge.core;

    provides io.kforge.core.spi.SourceFetcher with org.example.kforge.dirsource.DirectorySourceFetcher;
}
