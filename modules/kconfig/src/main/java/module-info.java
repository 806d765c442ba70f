/**
 * The kernel's configuration languages, read from the tree itself: {@code .config} files and fragments (read,
 * merge, write), and the Kconfig model ({@code source} with the tree's variables, {@code config}, {@code menuconfig},
 * {@code choice}, {@code menu}, {@code if}, dependencies, selects, implies, defaults, ranges, macros) with a y/m/n
 * evaluator, the reasons a requested value did not take effect, and the explanation of any symbol.
 */
module io.kforge.kconfig {
    requires transitive io.kforge.core;

    exports io.kforge.kconfig;
}
