/**
 * The kernel build machinery the compiler backends share: the host check ({@code kforge doctor}) with minimum
 * versions read from the tree, the Rust toolchain diagnosis, and the out-of-tree build itself, cached in the
 * workspace, with its progress estimate, log scanning, ccache and reproducible modes, and {@code build.json}.
 */
module io.kforge.kbuild {
    requires transitive io.kforge.core;

    exports io.kforge.kbuild;
}
