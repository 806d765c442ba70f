package io.kforge.cli;

import java.util.Locale;
import java.util.logging.ConsoleHandler;
import java.util.logging.Formatter;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

/**
 * Routes the library's {@link System.Logger} output to standard error as one plain line per record. Only warnings
 * show by default, since the command line reports progress itself; {@code KFORGE_LOG=info} or {@code debug} shows
 * stage milestones or every command run.
 */
final class LogSetup {

    private LogSetup() {
    }

    static void configure() {
        var level = switch (System.getenv().getOrDefault("KFORGE_LOG", "warning").toLowerCase(Locale.ROOT)) {
            case "debug" -> Level.FINE;
            case "info" -> Level.INFO;
            default -> Level.WARNING;
        };
        var root = Logger.getLogger("");
        for (var handler : root.getHandlers()) {
            root.removeHandler(handler);
        }
        var handler = new ConsoleHandler();
        handler.setLevel(level);
        handler.setFormatter(new Formatter() {
            @Override
            public String format(LogRecord record) {
                return "kforge: " + record.getLevel().getName().toLowerCase(Locale.ROOT) + ": "
                        + formatMessage(record) + System.lineSeparator();
            }
        });
        root.addHandler(handler);
        root.setLevel(level);
    }
}
