package io.kforge.core;

import com.fasterxml.jackson.annotation.JsonIgnore;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What {@code kforge up} does, stage by stage; read from YAML or JSON by {@link Recipes}, or built in code.
 *
 * <p>Every section and field is optional; what is left out takes the default job's value. Relative paths in a
 * recipe file are resolved against the file's folder.
 *
 * @param source where the kernel tree comes from
 * @param config the base configuration and fragments
 * @param build the compiler backend and target
 * @param boot how to boot the kernel and what to check inside
 * @param sysctl the profiles applied inside the guest
 */
public record Recipe(Source source, Config config, Build build, Boot boot, Sysctl sysctl) {

    /** Fills left-out sections with their defaults. */
    public Recipe {
        source = source == null ? new Source(null, null, null) : source;
        config = config == null ? new Config(null, null, null) : config;
        build = build == null ? new Build(null, null, null, null) : build;
        boot = boot == null ? new Boot(null, null, null, null, null, null, null, null) : boot;
        sysctl = sysctl == null ? new Sysctl(null, null) : sysctl;
    }

    /**
     * Returns the built-in default job: the local kernel source, {@code tinyconfig} plus {@code qemu-minimal},
     * gcc, a QEMU boot with the smoke checks, and the {@code containers} sysctl profile in the guest.
     *
     * @return the default recipe
     */
    public static Recipe defaults() {
        return new Recipe(null, null, null, null, null);
    }

    /**
     * The source section.
     *
     * @param kind the source fetcher's id; {@code local} by default
     * @param location what the fetcher reads; for {@code local}, a tarball or tree, by default the newest
     *                 {@code /usr/src/linux-source-*.tar.xz}
     * @param options fetcher-specific settings
     */
    public record Source(String kind, String location, Map<String, String> options) {
        /** Applies defaults. */
        public Source {
            kind = kind == null ? "local" : kind;
            location = location == null ? "" : location;
            options = options == null ? Map.of() : Map.copyOf(options);
        }
    }

    /**
     * The config section.
     *
     * @param base {@code tinyconfig} by default
     * @param fragments built-in fragment profile names or files; {@code [qemu-minimal]} by default
     * @param strict fail when a requested option does not take effect
     */
    public record Config(String base, List<String> fragments, Boolean strict) {
        /** Applies defaults. */
        public Config {
            base = base == null ? "tinyconfig" : base;
            fragments = fragments == null ? List.of("qemu-minimal") : List.copyOf(fragments);
            strict = strict != null && strict;
        }
    }

    /**
     * The build section.
     *
     * @param compiler the compiler backend's id; {@code gcc} by default
     * @param arch the target architecture; {@code x86_64} by default
     * @param target the {@code make} target; {@code bzImage} by default
     * @param jobs parallel jobs; 0 (the default) means one per available processor
     * @param ccache compile through {@code ccache} and report its hit rate; false by default
     * @param reproducible pin the timestamp, user, host and build number stamped into the kernel, so that two builds
     *                     of the same inputs give a bit-identical image; false by default
     */
    public record Build(String compiler, String arch, String target, Integer jobs, Boolean ccache,
                        Boolean reproducible) {
        /** Applies defaults and checks the job count. */
        public Build {
            compiler = compiler == null ? "gcc" : compiler;
            arch = arch == null ? "x86_64" : arch;
            target = target == null ? "bzImage" : target;
            jobs = jobs == null ? 0 : jobs;
            if (jobs < 0) {
                throw new IllegalArgumentException("build.jobs must be 0 (automatic) or more, not " + jobs);
            }
            ccache = ccache != null && ccache;
            reproducible = reproducible != null && reproducible;
        }

        /**
         * Creates a build section without ccache and without pinning.
         *
         * @param compiler the compiler backend's id, or null for the default
         * @param arch the target architecture, or null for the default
         * @param target the {@code make} target, or null for the default
         * @param jobs parallel jobs, or null for the default
         */
        public Build(String compiler, String arch, String target, Integer jobs) {
            this(compiler, arch, target, jobs, null, null);
        }

        /**
         * Returns the job count to pass to {@code make -j}.
         *
         * @return {@link #jobs} or, when 0, the number of available processors
         */
        @JsonIgnore
        public int effectiveJobs() {
            return jobs > 0 ? jobs : Runtime.getRuntime().availableProcessors();
        }
    }

    /**
     * The boot section.
     *
     * @param launcher the VM launcher's id; {@code qemu} by default
     * @param kvm {@code auto} (the default), {@code require} or {@code off}
     * @param memory guest memory in MiB; 256 by default
     * @param cpus guest CPUs; 1 by default
     * @param timeout seconds the guest may take to boot, and to answer each command; 120 by default
     * @param checks check sets run inside the guest; {@code [smoke]} by default
     * @param kernelArgs extra kernel command-line arguments
     * @param initramfs an initramfs file, or empty for the one kforge generates
     */
    public record Boot(String launcher, String kvm, Integer memory, Integer cpus, Integer timeout, List<String> checks,
                       List<String> kernelArgs, String initramfs) {
        /** Applies defaults and checks the values. */
        public Boot {
            launcher = launcher == null ? "qemu" : launcher;
            kvm = kvm == null ? "auto" : kvm;
            if (!List.of("auto", "require", "off").contains(kvm)) {
                throw new IllegalArgumentException("boot.kvm must be auto, require or off, not '" + kvm + "'");
            }
            memory = memory == null ? 256 : memory;
            if (memory < 32) {
                throw new IllegalArgumentException("boot.memory is in MiB and must be at least 32, not " + memory);
            }
            cpus = cpus == null ? 1 : cpus;
            if (cpus < 1) {
                throw new IllegalArgumentException("boot.cpus must be at least 1, not " + cpus);
            }
            timeout = timeout == null ? 120 : timeout;
            if (timeout < 1) {
                throw new IllegalArgumentException("boot.timeout is in seconds and must be at least 1, not " + timeout);
            }
            checks = checks == null ? List.of("smoke") : List.copyOf(checks);
            kernelArgs = kernelArgs == null ? List.of() : List.copyOf(kernelArgs);
            initramfs = initramfs == null ? "" : initramfs;
        }

        /**
         * Returns the initramfs file, when the recipe names one.
         *
         * @return the file, or empty for kforge's own
         */
        @JsonIgnore
        public Optional<Path> initramfsFile() {
            return initramfs.isEmpty() ? Optional.empty() : Optional.of(Path.of(initramfs));
        }
    }

    /**
     * The sysctl section.
     *
     * @param target where to apply; {@code guest} (the booted VM) by default
     * @param profiles built-in profile names or {@code sysctl.d} files; {@code [containers]} by default
     */
    public record Sysctl(String target, List<String> profiles) {
        /** Applies defaults. */
        public Sysctl {
            target = target == null ? "guest" : target;
            if (!target.equals("guest")) {
                throw new IllegalArgumentException("sysctl.target in a recipe must be 'guest', not '" + target + "'");
            }
            profiles = profiles == null ? List.of("containers") : List.copyOf(profiles);
        }
    }
}
