package io.kforge.compiler.rust;

import io.kforge.core.spi.BuildRequest;
import io.kforge.core.spi.KforgeException;
import io.kforge.core.spi.StageContext;
import io.kforge.kbuild.Compiler;
import io.kforge.kbuild.Distro;
import io.kforge.kbuild.HostTools;
import io.kforge.kbuild.KbuildBackend;
import io.kforge.kconfig.DotConfig;
import io.kforge.kconfig.DropReasons;
import io.kforge.kconfig.Evaluation;
import io.kforge.kconfig.KconfigTree;
import io.kforge.kconfig.RenameTable;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;

/**
 * Builds kernels with Rust support: clang and LLVM plus {@code CONFIG_RUST=y} in every configuration it builds.
 *
 * <p>The host check adds rustc, bindgen, libclang (as bindgen loads it) and the Rust library source, each against the
 * tree's {@code scripts/min-tool-version.sh}, and the tree's own verdict from {@code make rustavailable}. After
 * {@code make olddefconfig}, a {@code CONFIG_RUST} that fell back to {@code n} stops the build with the reason the
 * tree's Kconfig gives (an unmet {@code depends on} with the value of each term).
 */
public final class RustBackend extends KbuildBackend {

    /** Creates the backend the plugin registry uses, with the host's tools. */
    public RustBackend() {
        this(HostTools.system());
    }

    /**
     * Creates a backend that finds its tools with the given environment, for tests that hide or replace tools.
     *
     * @param tools the host's tools
     */
    RustBackend(HostTools tools) {
        super(Compiler.RUST, tools, Distro.host());
    }

    @Override
    protected Map<String, String> options() {
        return Map.of("RUST", "y");
    }

    @Override
    protected void configured(BuildRequest request, Path config, StageContext context) {
        whyRustIsOff(request, config).ifPresent(reason -> {
            throw new KforgeException("CONFIG_RUST fell back to n in " + config + ": " + reason);
        });
    }

    /**
     * Explains why a configuration that asked for {@code CONFIG_RUST=y} ended without it.
     *
     * @param request the build request, for its tree and architecture
     * @param config the configuration after {@code make olddefconfig}
     * @return the reason, or empty when {@code CONFIG_RUST} is on
     */
    Optional<String> whyRustIsOff(BuildRequest request, Path config) {
        var values = DotConfig.read(config);
        var actual = values.value("RUST");
        if (actual.filter("y"::equals).isPresent()) {
            return Optional.empty();
        }
        var tree = KconfigTree.load(request.tree().path(), request.toolchain().arch());
        var reasons = new DropReasons(new Evaluation(tree, values), RenameTable.builtIn(), Map.of(),
                symbol -> symbol.equals("RUST_IS_AVAILABLE") ? rustVerdict(request) : Optional.empty());
        return Optional.of(reasons.explain("RUST", "y", actual.filter(v -> !v.equals("n")))
                .map(r -> r.kind() + ": " + r.detail())
                .orElse("the tree's Kconfig gives no reason kforge can name"));
    }

    private Optional<String> rustVerdict(BuildRequest request) {
        return check(request.tree(), Optional.empty(), request.toolchain().arch()).rows().stream()
                .filter(r -> r.tool().startsWith("Rust support") && !r.ok()).findFirst().map(r -> r.detail());
    }
}
