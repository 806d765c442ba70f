/**
 * The kernel's configuration languages: {@code .config} files and fragments (read, merge, write) and, on top of
 * them, the Kconfig model that explains why a symbol has its value.
 */
module io.kforge.kconfig {
    requires transitive io.kforge.core;

    exports io.kforge.kconfig;
}
