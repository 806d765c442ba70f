package io.kforge.kbuild;

import java.util.ArrayList;
import java.util.List;

/**
 * The three ways kforge compiles a kernel, and the {@code make} variables each one adds to every {@code make} call.
 */
public enum Compiler {

    /** GCC and GNU binutils; a cross build sets {@code CROSS_COMPILE}. */
    GCC("gcc"),
    /** Clang and the LLVM tools ({@code LLVM=1}); a cross build needs only {@code ARCH}, clang picks the target. */
    CLANG("clang"),
    /** Clang and LLVM with Rust support ({@code CONFIG_RUST}): rustc, bindgen, libclang and the library source. */
    RUST("rust");

    private final String id;

    Compiler(String id) {
        this.id = id;
    }

    /**
     * Returns the backend id of this compiler, as recipes and {@code --compiler} name it.
     *
     * @return {@code gcc}, {@code clang} or {@code rust}
     */
    public String id() {
        return id;
    }

    /**
     * Tells whether this compiler is LLVM's.
     *
     * @return true for clang and rust
     */
    public boolean llvm() {
        return this != GCC;
    }

    /**
     * Returns the variables for every {@code make} call, the configuration step included.
     *
     * @param arch the target architecture
     * @return {@code ARCH=...} then {@code CROSS_COMPILE=...} or {@code LLVM=1}
     */
    public List<String> makeArguments(Arch arch) {
        var arguments = new ArrayList<String>();
        arguments.add("ARCH=" + arch.name());
        if (llvm()) {
            arguments.add("LLVM=1");
        } else if (arch.isCross()) {
            arguments.add("CROSS_COMPILE=" + arch.crossPrefix());
        }
        return List.copyOf(arguments);
    }

    /**
     * Returns the C compiler {@code make} will run for the target.
     *
     * @param arch the target architecture
     * @return {@code gcc}, {@code aarch64-linux-gnu-gcc} or {@code clang}
     */
    public String cc(Arch arch) {
        return llvm() ? "clang" : (arch.isCross() ? arch.crossPrefix() : "") + "gcc";
    }

    /**
     * Returns the C compiler for programs that run on the host during the build.
     *
     * @return {@code gcc} or {@code clang}
     */
    public String hostCc() {
        return llvm() ? "clang" : "gcc";
    }
}
