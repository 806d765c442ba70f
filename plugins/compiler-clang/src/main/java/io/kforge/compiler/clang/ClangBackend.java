package io.kforge.compiler.clang;

import io.kforge.kbuild.Compiler;
import io.kforge.kbuild.Distro;
import io.kforge.kbuild.HostTools;
import io.kforge.kbuild.KbuildBackend;

/**
 * Builds kernels with clang and the LLVM tools: {@code LLVM=1} on every {@code make} call, the configuration step
 * included; for another architecture, clang's own target ({@code ARCH=arm64 LLVM=1}, no cross toolchain needed).
 */
public final class ClangBackend extends KbuildBackend {

    /** Creates the backend the plugin registry uses, with the host's tools. */
    public ClangBackend() {
        this(HostTools.system());
    }

    /**
     * Creates a backend that finds its tools with the given environment, for tests that hide or replace tools.
     *
     * @param tools the host's tools
     */
    ClangBackend(HostTools tools) {
        super(Compiler.CLANG, tools, Distro.host());
    }
}
