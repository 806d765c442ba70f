package io.kforge.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.kforge.core.spi.SysctlOutcome;
import io.kforge.core.spi.SysctlPersisted;
import io.kforge.core.spi.SysctlPlan;
import java.util.stream.Collectors;

/**
 * The output of {@code kforge sysctl}: JSON documents whose field names are a contract, and plain tables.
 */
final class SysctlJson {

    private static final ObjectMapper MAPPER = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
    private static final String ROW = "%-40s %-22s %-22s %-7s %-10s %s";

    private SysctlJson() {
    }

    static String plan(SysctlPlan plan) {
        var root = MAPPER.createObjectNode().put("target", plan.target()).put("applied", false)
                .put("ready", plan.ready());
        var entries = root.putArray("entries");
        for (var entry : plan.entries()) {
            entries.addObject().put("key", entry.key()).put("current", entry.current().orElse(null))
                    .put("wanted", entry.wanted()).put("scope", entry.scope().label())
                    .put("status", entry.status().label()).put("exists", entry.exists())
                    .put("writable", entry.writable()).put("origin", entry.origin()).put("detail", entry.detail());
        }
        plan.problems().forEach(root.putArray("problems")::add);
        plan.warnings().forEach(root.putArray("warnings")::add);
        return write(root);
    }

    static String planTable(SysctlPlan plan) {
        var text = new StringBuilder(String.format(ROW, "KEY", "CURRENT", "WANTED", "SCOPE", "STATUS", "DETAIL"));
        plan.entries().forEach(e -> text.append('\n').append(String.format(ROW, e.key(), e.current().orElse("-"),
                e.wanted(), e.scope().label(), e.status().label(), e.detail())));
        plan.problems().forEach(p -> text.append("\nproblem: ").append(p));
        plan.warnings().forEach(w -> text.append("\nwarning: ").append(w));
        text.append(plan.ready() ? "\nready: apply would set every key" : "\nnot ready: apply would change nothing");
        return text.toString();
    }

    static String outcome(SysctlOutcome outcome) {
        var root = MAPPER.createObjectNode().put("target", outcome.target()).put("applied", outcome.applied())
                .put("verified", outcome.verified());
        var entries = root.putArray("entries");
        for (var result : outcome.results()) {
            entries.addObject().put("key", result.key()).put("current", result.before().orElse(null))
                    .put("wanted", result.wanted()).put("actual", result.actual().orElse(null))
                    .put("scope", result.scope().label()).put("status", result.status().label())
                    .put("ok", result.ok()).put("origin", result.origin()).put("detail", result.detail());
        }
        outcome.warnings().forEach(root.putArray("warnings")::add);
        return write(root);
    }

    static String outcomeTable(SysctlOutcome outcome) {
        var text = new StringBuilder(String.format(ROW, "KEY", "BEFORE", "NOW", "SCOPE", "STATUS", "DETAIL"));
        outcome.results().forEach(r -> text.append('\n').append(String.format(ROW, r.key(), r.before().orElse("-"),
                r.actual().orElse("-"), r.scope().label(), r.status().label(), r.detail())));
        outcome.warnings().forEach(w -> text.append("\nwarning: ").append(w));
        text.append(outcome.verified() ? "\nevery key reads back as wanted" : "\nSOME KEYS DIFFER");
        return text.toString();
    }

    static String persisted(SysctlPersisted persisted) {
        var root = MAPPER.createObjectNode().put("target", persisted.target())
                .put("file", persisted.file().toString());
        var winners = root.putArray("winners");
        persisted.winners().forEach(w -> winners.addObject().put("key", w.key()).put("wanted", w.wanted())
                .put("winner", w.winner()).put("value", w.value()).put("ours", w.ours()));
        persisted.warnings().forEach(root.putArray("warnings")::add);
        return write(root);
    }

    static String persistedTable(SysctlPersisted persisted) {
        return "wrote " + persisted.file() + "\n" + persisted.winners().stream()
                .map(w -> String.format("%-40s %-22s %s%s", w.key(), w.value(), w.winner(),
                        w.ours() ? "" : "  (overrides kforge)"))
                .collect(Collectors.joining("\n"))
                + persisted.warnings().stream().map(w -> "\nwarning: " + w).collect(Collectors.joining());
    }

    private static String write(Object node) {
        try {
            return MAPPER.writeValueAsString(node);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot render JSON", e);
        }
    }
}
