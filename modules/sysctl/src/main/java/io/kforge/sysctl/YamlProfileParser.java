package io.kforge.sysctl;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Reads a profile written in YAML, reporting every problem with file and line.
 *
 * <p>The document is a mapping with {@code include} (one profile name or file, or a list of them, read first),
 * {@code sysctl} (a mapping of keys to values, written as in {@code sysctl.d}: a {@code -} before the key makes a
 * failure on it ignored) and an optional {@code description}:
 * <pre>{@code
 * description: API servers behind the load balancer
 * include: network-services
 * sysctl:
 *   net.core.somaxconn: 16384
 *   net.ipv4.tcp_rmem: 4096 131072 16777216
 * }</pre>
 */
public final class YamlProfileParser {

    private static final YAMLFactory YAML = new YAMLFactory();

    private YamlProfileParser() {
    }

    /**
     * Parses the text of one YAML profile.
     *
     * @param name the file's name as messages show it
     * @param text the file's content
     * @return its assignments, includes and problems
     */
    public static ProfileText parse(String name, String text) {
        var settings = new ArrayList<SysctlSetting>();
        var includes = new ArrayList<ProfileText.Include>();
        var problems = new ArrayList<String>();
        try (var parser = YAML.createParser(text)) {
            var first = parser.nextToken();
            if (first == null) {
                return new ProfileText(settings, includes, problems);
            }
            if (first != JsonToken.START_OBJECT) {
                problems.add(origin(name, parser) + ": a profile is a mapping with 'include' and 'sysctl'");
                return new ProfileText(settings, includes, problems);
            }
            while (parser.nextToken() == JsonToken.FIELD_NAME) {
                var field = parser.currentName();
                var where = origin(name, parser);
                parser.nextToken();
                switch (field) {
                    case "include" -> readIncludes(parser, name, includes, problems);
                    case "sysctl" -> readSettings(parser, name, settings, problems);
                    case "description" -> parser.skipChildren();
                    default -> {
                        problems.add(where + ": unknown field '" + field + "' (known: description, include, sysctl)");
                        parser.skipChildren();
                    }
                }
            }
        } catch (JsonProcessingException e) {
            var location = e.getLocation();
            problems.add(name + (location == null ? "" : ":" + location.getLineNr()) + ": not valid YAML: "
                    + e.getOriginalMessage());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new ProfileText(settings, includes, problems);
    }

    private static void readIncludes(JsonParser parser, String name, List<ProfileText.Include> includes,
                                     List<String> problems) throws IOException {
        if (parser.currentToken() == JsonToken.VALUE_STRING) {
            includes.add(new ProfileText.Include(parser.getText(), origin(name, parser)));
            return;
        }
        if (parser.currentToken() != JsonToken.START_ARRAY) {
            problems.add(origin(name, parser) + ": 'include' takes a profile name or a list of them");
            parser.skipChildren();
            return;
        }
        while (parser.nextToken() != JsonToken.END_ARRAY) {
            if (parser.currentToken() == JsonToken.VALUE_STRING) {
                includes.add(new ProfileText.Include(parser.getText(), origin(name, parser)));
            } else {
                problems.add(origin(name, parser) + ": 'include' takes profile names");
                parser.skipChildren();
            }
        }
    }

    private static void readSettings(JsonParser parser, String name, List<SysctlSetting> settings,
                                     List<String> problems) throws IOException {
        if (parser.currentToken() != JsonToken.START_OBJECT) {
            problems.add(origin(name, parser) + ": 'sysctl' takes a mapping of keys to values");
            parser.skipChildren();
            return;
        }
        while (parser.nextToken() == JsonToken.FIELD_NAME) {
            var rawKey = parser.currentName().strip();
            var where = origin(name, parser);
            parser.nextToken();
            var value = scalar(parser);
            boolean optional = rawKey.startsWith("-");
            var keyText = optional ? rawKey.substring(1).strip() : rawKey;
            var keyProblem = SysctlKey.problem(keyText);
            if (keyProblem.isPresent()) {
                problems.add(where + ": " + keyProblem.get());
            } else if (value.isEmpty()) {
                problems.add(where + ": " + keyText + " needs a number or a string (write 1 or 0 for on and off)");
                parser.skipChildren();
            } else if (SysctlValues.unwritable(value.get()).isPresent()) {
                problems.add(where + ": " + keyText + ": " + SysctlValues.unwritable(value.get()).get());
            } else {
                settings.add(new SysctlSetting(SysctlKey.parse(keyText).orElseThrow(), value, optional, where));
            }
        }
    }

    private static Optional<String> scalar(JsonParser parser) throws IOException {
        return switch (parser.currentToken()) {
            case VALUE_STRING, VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> Optional.of(parser.getText().strip());
            default -> Optional.empty();
        };
    }

    private static String origin(JsonParser parser) {
        return String.valueOf(parser.currentTokenLocation().getLineNr());
    }

    private static String origin(String name, JsonParser parser) {
        return name + ":" + origin(parser);
    }
}
