/**
 * Real fixtures shared by kforge's tests: the unpacked 6.12 kernel tree from Debian's {@code linux-source-6.12}
 * package and a small kernel built from it once per test run, both kept under the build's shared test cache; a
 * listener that records what a stage reports; and network namespaces made (and deleted) for one test.
 */
module io.kforge.testkit {
    requires transitive io.kforge.core;

    exports io.kforge.testkit;
}
