/**
 * Safe unpacking of tar archives ({@code .tar.xz}, {@code .tar.gz}, plain {@code .tar}) into a folder.
 *
 * <p>No entry lands outside the target folder (no {@code ..}, no absolute paths, no link pointing out, no write
 * through a link), modes, mtimes and symbolic links are kept, and a rejected or failed archive leaves nothing
 * behind. Unpacking is fast: decompression runs beside the file writes, on several threads for multi-block
 * {@code .xz} files. The entry point is {@link io.kforge.archive.TarUnpacker}.
 */
module io.kforge.archive {
    requires transitive io.kforge.core;
    requires org.apache.commons.compress;
    requires org.tukaani.xz;

    exports io.kforge.archive;
}
