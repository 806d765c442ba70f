package io.kforge.cli;

import io.kforge.core.Kforge;
import io.kforge.core.Recipe;
import io.kforge.core.spi.InvalidInputException;
import io.kforge.core.spi.StageContext;
import io.kforge.core.spi.SysctlApplier;
import io.kforge.core.spi.SysctlRequest;
import io.kforge.core.spi.SysctlTarget;
import io.kforge.core.spi.Vm;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code kforge sysctl plan|apply|verify|persist|rollback --profile P --target T}: the sysctl stage alone.
 */
@Command(name = "sysctl", mixinStandardHelpOptions = true,
        description = {"Plan, apply (all or nothing), verify, persist or roll back sysctl profiles on a target.",
                "Targets: netns:NAME (a network namespace of this machine), guest (boots --kernel under QEMU and"
                        + " applies inside), image:PATH (persist writes etc/sysctl.d/99-kforge.conf under PATH)."})
final class SysctlCommand extends KforgeSubcommand {

    /** What to do. */
    enum Action { plan, apply, verify, persist, rollback }

    @Parameters(index = "0", paramLabel = "ACTION", description = "plan, apply, verify, persist or rollback.")
    Action action;

    @Option(names = "--profile", paramLabel = "NAME|FILE", required = true,
            description = "A built-in profile (containers, network-services, kubernetes-node) or a sysctl.d or YAML"
                    + " file; repeat to stack them (a later value wins).")
    List<String> profiles = new ArrayList<>();

    @Option(names = "--target", paramLabel = "TARGET", required = true,
            description = "netns:NAME, guest or image:PATH.")
    String target;

    @Option(names = "--lenient", description = "Skip keys that cannot be set there instead of refusing the plan.")
    boolean lenient;

    @Option(names = "--kernel", paramLabel = "IMAGE", description = "For --target guest: the kernel to boot.")
    Path kernel;

    @Option(names = "--config", paramLabel = "FILE", description = "For --target guest: the kernel's .config.")
    Path config;

    @Override
    public Integer call() {
        var out = spec.commandLine().getOut();
        try (var kforge = options.open();
             var progress = new ProgressListener(spec.commandLine().getErr(), !options.json)) {
            var context = kforge.workspace().context("sysctl", progress);
            if (!target.equals("guest")) {
                return run(kforge, parseTarget(target), context, out);
            }
            if (kernel == null) {
                throw new InvalidInputException("--target guest needs --kernel IMAGE (and --config FILE for the"
                        + " boot preflight)");
            }
            var boot = Recipe.defaults().boot();
            try (Vm vm = kforge.pipeline(progress).boot(kernel, Optional.ofNullable(config), boot)) {
                return run(kforge, new SysctlTarget.Guest(vm), context, out);
            }
        }
    }

    private int run(Kforge kforge, SysctlTarget where, StageContext context, PrintWriter out) {
        SysctlApplier applier = kforge.plugins().sysctlApplier(where);
        var request = new SysctlRequest(profiles, where, lenient, Optional.empty());
        return switch (action) {
            case plan -> {
                var plan = applier.plan(request, context);
                out.println(options.json ? SysctlJson.plan(plan) : SysctlJson.planTable(plan));
                yield plan.ready() ? 0 : Main.STAGE_FAILED;
            }
            case apply, verify, rollback -> {
                var outcome = switch (action) {
                    case apply -> applier.apply(request, context);
                    case verify -> applier.verify(request, context);
                    default -> applier.rollback(request, context);
                };
                out.println(options.json ? SysctlJson.outcome(outcome) : SysctlJson.outcomeTable(outcome));
                yield outcome.verified() ? 0 : Main.STAGE_FAILED;
            }
            case persist -> {
                var persisted = applier.persist(request, context);
                out.println(options.json ? SysctlJson.persisted(persisted) : SysctlJson.persistedTable(persisted));
                yield 0;
            }
        };
    }

    private static SysctlTarget parseTarget(String text) {
        if (text.startsWith("netns:") && text.length() > 6) {
            return new SysctlTarget.NetworkNamespace(text.substring(6));
        }
        if (text.startsWith("image:") && text.length() > 6) {
            return new SysctlTarget.Image(Path.of(text.substring(6)));
        }
        throw new InvalidInputException("unknown sysctl target '" + text + "' (netns:NAME, guest or image:PATH;"
                + " the host itself is not offered by any installed plugin)");
    }
}
