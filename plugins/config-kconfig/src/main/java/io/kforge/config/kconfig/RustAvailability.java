package io.kforge.config.kconfig;

import io.kforge.kconfig.ToolDiagnosis;
import java.nio.file.Path;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Explains {@code RUST_IS_AVAILABLE=n} with the tree's own check, {@code make rustavailable}, run with the
 * toolchain's arguments: it names the tool that is missing or the version that is not accepted.
 */
final class RustAvailability implements ToolDiagnosis {

    private final KernelMake make;
    private final Path out;

    RustAvailability(KernelMake make, Path out) {
        this.make = make;
        this.out = out;
    }

    @Override
    public Optional<String> whyOff(String symbol) {
        if (!symbol.equals("RUST_IS_AVAILABLE")) {
            return Optional.empty();
        }
        var message = make.probe(out, "rustavailable").stream()
                .filter(line -> line.startsWith("***"))
                .map(line -> line.substring(3).strip())
                .filter(line -> !line.isEmpty() && !line.startsWith("Please see") && !line.startsWith("on how to"))
                .collect(Collectors.joining(" "));
        return message.isEmpty() ? Optional.empty() : Optional.of("make rustavailable says: " + message);
    }
}
