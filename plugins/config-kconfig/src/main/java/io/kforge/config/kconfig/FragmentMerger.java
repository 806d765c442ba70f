package io.kforge.config.kconfig;

import io.kforge.core.spi.Command;
import io.kforge.core.spi.ConfigConflict;
import io.kforge.core.spi.ConfigMerger;
import io.kforge.core.spi.ConfigOutcome;
import io.kforge.core.spi.ConfigReport;
import io.kforge.core.spi.ConfigRequest;
import io.kforge.core.spi.DroppedOption;
import io.kforge.core.spi.InvalidInputException;
import io.kforge.core.spi.KforgeException;
import io.kforge.core.spi.Probe;
import io.kforge.core.spi.StageContext;
import io.kforge.kconfig.ConfigLine;
import io.kforge.kconfig.DotConfig;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Merges fragments over a base configuration the way {@code merge_config.sh} users expect (a later assignment
 * wins, every redefinition is reported), runs {@code make olddefconfig}, and reports every requested option whose
 * final value differs from the request.
 */
public final class FragmentMerger implements ConfigMerger {

    private static final Pattern MAKE_TARGET = Pattern.compile("[a-z0-9_]+config");

    @Override
    public String id() {
        return "kconfig";
    }

    @Override
    public Probe probe() {
        return Probe.tools(java.util.Map.of("make", "apt-get install make"));
    }

    @Override
    public ConfigOutcome configure(ConfigRequest request, StageContext context) {
        var out = context.newRunFolder("kconfig");
        var fragments = parseFragments(request.fragments(), out.resolve("fragments"));
        var base = writeBase(request, out, context);

        var requested = new LinkedHashMap<String, ConfigLine>();
        var conflicts = new ArrayList<ConfigConflict>();
        for (var fragment : fragments) {
            for (var line : fragment.assignments()) {
                var earlier = requested.put(line.symbol(), line);
                if (earlier != null && !earlier.value().equals(line.value())) {
                    conflicts.add(new ConfigConflict(line.symbol(), earlier.place(), earlier.value(), line.place(),
                            line.value()));
                }
            }
        }
        base.with(requested.values()).write(out.resolve(".config"));
        make(request, out, "olddefconfig", context);

        var config = out.resolve(".config");
        var result = DotConfig.read(config);
        var dropped = requested.values().stream()
                .filter(line -> !satisfied(line, result))
                .map(line -> new DroppedOption(line.symbol(), line.value(), result.value(line.symbol()),
                        Optional.of(line.place()), Optional.empty()))
                .toList();
        var report = new ConfigReport(requested.size(), dropped, conflicts);
        if (request.strict() && (!dropped.isEmpty() || !conflicts.isEmpty())) {
            throw new KforgeException("strict mode: " + describe(report) + " (the configuration is in " + out + ")");
        }
        return new ConfigOutcome(config, report);
    }

    private static List<DotConfig> parseFragments(List<String> names, Path folder) {
        return names.stream().map(name -> DotConfig.read(FragmentProfiles.resolve(name, folder))).toList();
    }

    private static DotConfig writeBase(ConfigRequest request, Path out, StageContext context) {
        var base = request.base();
        if (MAKE_TARGET.matcher(base).matches()) {
            make(request, out, base, context);
            return DotConfig.read(out.resolve(".config"));
        }
        var file = Path.of(base);
        if (!Files.isRegularFile(file)) {
            throw new InvalidInputException("config base '" + base + "' is neither a make target such as tinyconfig"
                    + " or defconfig nor an existing .config file");
        }
        return DotConfig.read(file);
    }

    private static boolean satisfied(ConfigLine wanted, DotConfig result) {
        var actual = result.value(wanted.symbol());
        return wanted.disables() ? actual.isEmpty() : actual.filter(wanted.value()::equals).isPresent();
    }

    private static String describe(ConfigReport report) {
        var parts = new ArrayList<String>();
        report.dropped().forEach(d -> parts.add("CONFIG_" + d.symbol() + "=" + d.requested() + " became "
                + d.actual().orElse("unset") + d.origin().map(p -> " (" + p + ")").orElse("")));
        report.conflicts().forEach(c -> parts.add("CONFIG_" + c.symbol() + " set to " + c.firstValue() + " at "
                + c.first() + " and to " + c.secondValue() + " at " + c.second()));
        return parts.size() + " problem(s): " + parts.stream().collect(Collectors.joining("; "));
    }

    private static void make(ConfigRequest request, Path out, String target, StageContext context) {
        var command = Command.of("make", "-C", request.tree().path().toString(), "O=" + out)
                .plus(request.toolchain().makeArguments())
                .plus(List.of(target))
                .withEnvironment(request.toolchain().environment());
        context.log("$ " + command.display());
        var result = context.commands().run(command, context::log);
        if (!result.ok()) {
            throw new KforgeException("make " + target + " failed: " + result.failure());
        }
        if (!Files.exists(out.resolve(".config"))) {
            throw new KforgeException("make " + target + " wrote no .config in " + out);
        }
    }
}
