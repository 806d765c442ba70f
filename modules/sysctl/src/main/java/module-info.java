/**
 * sysctl tuning shared by kforge's sysctl plugins: the {@code sysctl.d} parser (with kforge's {@code #include}),
 * YAML profiles, the built-in profiles ({@code containers}, {@code network-services}, {@code kubernetes-node}), and
 * the engine that plans, applies all or nothing, verifies and rolls back on any target offering a
 * {@link io.kforge.sysctl.ProcSys}, plus persisting profiles as a {@code sysctl.d} file in an image.
 */
module io.kforge.sysctl {
    requires transitive io.kforge.core;
    requires com.fasterxml.jackson.dataformat.yaml;

    exports io.kforge.sysctl;
}
