package io.kforge.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.kforge.core.BootResult;
import io.kforge.core.PluginInfo;
import io.kforge.core.PluginProblem;
import io.kforge.core.RunResult;
import io.kforge.core.spi.BuildOutcome;
import io.kforge.core.spi.ConfigOutcome;
import io.kforge.core.spi.DroppedOption;
import io.kforge.core.spi.SourceTree;
import io.kforge.core.spi.SysctlOutcome;
import java.util.List;

/**
 * The JSON documents the command line prints with {@code --json}; their field names are a contract (see README).
 */
final class Json {

    private static final ObjectMapper MAPPER = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private Json() {
    }

    static String plugins(List<PluginInfo> plugins, List<PluginProblem> problems) {
        var array = MAPPER.createArrayNode();
        for (var plugin : plugins) {
            array.addObject().put("kind", plugin.kind().label()).put("id", plugin.id())
                    .put("version", plugin.version()).put("origin", plugin.origin()).put("status", plugin.status());
        }
        for (var problem : problems) {
            array.addObject().put("kind", "unknown").put("id", problem.name())
                    .put("version", problem.version()).put("origin", problem.origin()).put("status", problem.reason());
        }
        return write(array);
    }

    static String fetch(SourceTree tree, PluginInfo fetcher) {
        var root = MAPPER.createObjectNode().put("ok", true);
        source(root.putObject("source"), tree);
        root.putObject("fetcher").put("id", fetcher.id()).put("version", fetcher.version())
                .put("origin", fetcher.origin());
        return write(root);
    }

    static String error(String message, int exitCode) {
        return write(MAPPER.createObjectNode().put("ok", false).put("error", message).put("exitCode", exitCode));
    }

    static String run(RunResult result) {
        var root = MAPPER.createObjectNode().put("ok", result.ok());
        source(root.putObject("source"), result.source());
        config(root.putObject("config"), result.config());
        build(root.putObject("build"), result.build());
        boot(root.putObject("boot"), result.boot());
        sysctl(root.putObject("sysctl"), result.sysctl());
        var stages = root.putObject("stageSeconds");
        result.stageTimes().forEach((stage, took) -> stages.put(stage, took.toMillis() / 1000.0));
        return write(root);
    }

    private static void source(ObjectNode node, SourceTree tree) {
        node.put("version", tree.version()).put("origin", tree.origin()).put("path", tree.path().toString());
        node.put("sha256", tree.sha256().orElse(null));
        var verified = node.putArray("verified");
        tree.verified().forEach(verified::add);
    }

    static String configReport(ConfigOutcome outcome) {
        var root = MAPPER.createObjectNode().put("ok", true);
        config(root, outcome);
        return write(root);
    }

    private static void config(ObjectNode node, ConfigOutcome outcome) {
        node.put("path", outcome.config().toString()).put("requested", outcome.report().requested());
        var dropped = node.putArray("dropped");
        outcome.report().dropped().forEach(option -> dropped(dropped.addObject(), option));
        var conflicts = node.putArray("conflicts");
        for (var conflict : outcome.report().conflicts()) {
            var item = conflicts.addObject().put("symbol", conflict.symbol());
            item.putObject("first").put("file", conflict.first().file().toString())
                    .put("line", conflict.first().line()).put("value", conflict.firstValue());
            item.putObject("second").put("file", conflict.second().file().toString())
                    .put("line", conflict.second().line()).put("value", conflict.secondValue());
            item.put("winner", conflict.secondValue());
        }
    }

    private static void dropped(ObjectNode node, DroppedOption option) {
        node.put("symbol", option.symbol()).put("requested", option.requested())
                .put("actual", option.actual().orElse(null));
        var origin = node.putObject("origin");
        option.origin().ifPresentOrElse(
                place -> origin.put("kind", "fragment").put("file", place.file().toString()).put("line", place.line()),
                () -> origin.put("kind", "base"));
        option.reason().ifPresent(reason -> node.putObject("reason").put("kind", reason.kind())
                .put("detail", reason.detail()));
    }

    private static void build(ObjectNode node, BuildOutcome build) {
        node.put("image", build.image().toString()).put("kernelRelease", build.kernelRelease())
                .put("seconds", build.took().toMillis() / 1000.0).put("cached", build.cached())
                .put("warnings", build.warnings()).put("log", build.log().toString());
    }

    private static void boot(ObjectNode node, BootResult boot) {
        node.put("ok", boot.ok()).put("kernelRelease", boot.kernelRelease()).put("accel", boot.accel())
                .put("accelNote", boot.accelNote().orElse(null)).put("console", boot.console().toString());
        ArrayNode checks = node.putArray("checks");
        boot.checks().forEach(check -> checks.addObject().put("name", check.name()).put("ok", check.ok())
                .put("detail", check.detail()));
    }

    private static void sysctl(ObjectNode node, SysctlOutcome sysctl) {
        node.put("target", sysctl.target()).put("verified", sysctl.verified());
        var results = node.putArray("results");
        sysctl.results().forEach(r -> results.addObject().put("key", r.key()).put("wanted", r.wanted())
                .put("actual", r.actual().orElse(null)).put("ok", r.ok()));
    }

    private static String write(Object node) {
        try {
            return MAPPER.writeValueAsString(node);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot render JSON", e);
        }
    }
}
