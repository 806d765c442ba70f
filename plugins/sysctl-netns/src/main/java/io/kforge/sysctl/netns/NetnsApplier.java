package io.kforge.sysctl.netns;

import io.kforge.core.spi.Command;
import io.kforge.core.spi.CommandRunner;
import io.kforge.core.spi.InvalidInputException;
import io.kforge.core.spi.KforgeException;
import io.kforge.core.spi.Probe;
import io.kforge.core.spi.StageContext;
import io.kforge.core.spi.SysctlApplier;
import io.kforge.core.spi.SysctlOutcome;
import io.kforge.core.spi.SysctlPersisted;
import io.kforge.core.spi.SysctlPlan;
import io.kforge.core.spi.SysctlRequest;
import io.kforge.core.spi.SysctlTarget;
import io.kforge.sysctl.ProcSys;
import io.kforge.sysctl.SysctlEngine;
import io.kforge.sysctl.SysctlPersister;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Applies sysctl profiles inside a network namespace of this machine ({@code netns:NAME}), and persists them into an
 * image's root folder ({@code image:PATH}).
 *
 * <p>Only keys that are per namespace can be set in a namespace: a global key (one the namespace does not show,
 * shows read-only, or shares with the host) is a problem in the plan, since writing it there would change the whole
 * machine. Needs {@code ip} from iproute2 and the right to enter the namespace (root).
 */
public final class NetnsApplier implements SysctlApplier {

    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9_.-]+");
    private static final List<Path> NETNS_FOLDERS = List.of(Path.of("/run/netns"), Path.of("/var/run/netns"));

    /** Creates the applier; the registry calls this. */
    public NetnsApplier() {
    }

    @Override
    public String id() {
        return "netns";
    }

    @Override
    public boolean supports(SysctlTarget target) {
        return target instanceof SysctlTarget.NetworkNamespace || target instanceof SysctlTarget.Image;
    }

    @Override
    public Probe probe() {
        var output = new ArrayList<String>();
        try {
            var result = CommandRunner.local().run(Command.of("ip", "-V").withTimeout(Duration.ofSeconds(10)),
                    output::add);
            if (result.ok() && !output.isEmpty()) {
                return new Probe(Map.of("ip", output.getFirst().strip()), List.of());
            }
        } catch (KforgeException e) {
            // reported below as missing
        }
        return new Probe(Map.of(), List.of("ip (iproute2) is needed to enter network namespaces: install iproute2"));
    }

    @Override
    public SysctlPlan plan(SysctlRequest request, StageContext context) {
        return SysctlEngine.plan(request, procSys(request.target(), context), context);
    }

    @Override
    public SysctlOutcome apply(SysctlRequest request, StageContext context) {
        return SysctlEngine.apply(request, procSys(request.target(), context), context);
    }

    @Override
    public SysctlOutcome verify(SysctlRequest request, StageContext context) {
        return SysctlEngine.verify(request, procSys(request.target(), context), context);
    }

    @Override
    public SysctlOutcome rollback(SysctlRequest request, StageContext context) {
        return SysctlEngine.rollback(request, procSys(request.target(), context), context);
    }

    @Override
    public SysctlPersisted persist(SysctlRequest request, StageContext context) {
        return SysctlPersister.persist(request, context);
    }

    private static ProcSys procSys(SysctlTarget target, StageContext context) {
        return switch (target) {
            case SysctlTarget.NetworkNamespace(var name) -> {
                if (!NAME.matcher(name).matches() || name.equals(".") || name.equals("..")) {
                    throw new InvalidInputException("'" + name + "' is not a network namespace name"
                            + " (letters, digits, _ . - only)");
                }
                if (NETNS_FOLDERS.stream().noneMatch(folder -> Files.exists(folder.resolve(name)))) {
                    throw new InvalidInputException("no network namespace '" + name + "': 'ip netns list' shows"
                            + " the ones there are");
                }
                yield new NetnsProcSys(name, context.commands());
            }
            case SysctlTarget.Image image -> throw new InvalidInputException(image.label() + " is a folder, not a"
                    + " running system: only persist applies to it");
            case SysctlTarget.Guest guest -> throw new InvalidInputException("the netns sysctl plugin cannot reach"
                    + " a guest; the guest plugin does");
        };
    }
}
