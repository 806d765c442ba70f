/**
 * The clang compiler backend: {@code LLVM=1} with clang, {@code ld.lld} and the LLVM binutils, checked against the
 * tree's minimum LLVM version, and the same cached out-of-tree build as the other backends.
 */
module io.kforge.compiler.clang {
    requires io.kforge.core;
    requires io.kforge.kbuild;

    provides io.kforge.core.spi.CompilerBackend with io.kforge.compiler.clang.ClangBackend;
}
