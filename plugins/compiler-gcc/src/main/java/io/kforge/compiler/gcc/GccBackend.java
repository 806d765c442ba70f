package io.kforge.compiler.gcc;

import io.kforge.kbuild.Compiler;
import io.kforge.kbuild.Distro;
import io.kforge.kbuild.HostTools;
import io.kforge.kbuild.KbuildBackend;

/**
 * Builds kernels with GCC and GNU binutils; for another architecture than the host's, with the GNU cross toolchain
 * ({@code CROSS_COMPILE=aarch64-linux-gnu-} for arm64).
 */
public final class GccBackend extends KbuildBackend {

    /** Creates the backend the plugin registry uses, with the host's tools. */
    public GccBackend() {
        this(HostTools.system());
    }

    /**
     * Creates a backend that finds its tools with the given environment, for tests that hide or replace tools.
     *
     * @param tools the host's tools
     */
    GccBackend(HostTools tools) {
        super(Compiler.GCC, tools, Distro.host());
    }
}
