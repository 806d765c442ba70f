package io.kforge.core.spi;

import java.util.List;
import java.util.Map;

/**
 * What a compiler backend adds to every {@code make} call, the configuration step included.
 *
 * @param compiler the backend's id
 * @param arch the kernel architecture ({@code x86_64})
 * @param makeArguments variables such as {@code ARCH=x86_64} or {@code LLVM=1}, in order
 * @param environment extra environment variables
 * @param versions tool name to the version found, for build metadata and cache keys
 */
public record Toolchain(String compiler, String arch, List<String> makeArguments, Map<String, String> environment,
                        Map<String, String> versions) {

    /** Copies the collections. */
    public Toolchain {
        makeArguments = List.copyOf(makeArguments);
        environment = Map.copyOf(environment);
        versions = Map.copyOf(versions);
    }
}
