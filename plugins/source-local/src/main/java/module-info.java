/**
 * The {@code local} source: a kernel tree from this machine, either a {@code .tar.xz}, {@code .tar.gz} or
 * {@code .tar} archive (by default the newest {@code /usr/src/linux-source-*.tar.xz} of Debian's
 * {@code linux-source-X.Y} package), unpacked once into the workspace under its SHA-256, or a tree folder used in
 * place.
 */
module io.kforge.source.local {
    requires io.kforge.core;
    requires io.kforge.archive;

    provides io.kforge.core.spi.SourceFetcher with io.kforge.source.local.LocalSourceFetcher;
}
