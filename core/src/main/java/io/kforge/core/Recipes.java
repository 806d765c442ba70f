package io.kforge.core;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.databind.exc.ValueInstantiationException;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.kforge.core.spi.InvalidInputException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Reads recipes from YAML or JSON files, with errors that name the file and line.
 *
 * <p>A value in {@code config.fragments} or {@code sysctl.profiles} that holds a {@code /} or a {@code .} is a file
 * and is resolved against the recipe's folder; any other value is the name of a built-in profile.
 */
public final class Recipes {

    private Recipes() {
    }

    /**
     * Reads a recipe file; {@code .json} files are read as JSON, everything else as YAML.
     *
     * @param file the recipe file
     * @return the recipe, with relative paths resolved against the file's folder
     * @throws InvalidInputException naming file and line when the file is missing or malformed
     */
    public static Recipe load(Path file) {
        String text;
        try {
            text = Files.readString(file);
        } catch (NoSuchFileException e) {
            throw new InvalidInputException(file + ": no such recipe file");
        } catch (IOException e) {
            throw new InvalidInputException(file + ": cannot read: " + e.getMessage(), e);
        }
        var mapper = file.toString().endsWith(".json") ? new ObjectMapper() : new ObjectMapper(new YAMLFactory());
        mapper.enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
        mapper.enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES);
        Recipe recipe;
        try {
            recipe = text.isBlank() ? Recipe.defaults() : mapper.readValue(text, Recipe.class);
        } catch (JsonProcessingException e) {
            throw new InvalidInputException(describe(file, text, e), e);
        }
        return resolve(Objects.requireNonNullElse(recipe, Recipe.defaults()),
                file.toAbsolutePath().getParent());
    }

    private static Recipe resolve(Recipe recipe, Path folder) {
        var source = recipe.source();
        var location = source.kind().equals("local") && !source.location().isEmpty()
                ? folder.resolve(source.location()).normalize().toString()
                : source.location();
        var boot = recipe.boot();
        var initramfs = boot.initramfs().isEmpty() ? "" : folder.resolve(boot.initramfs()).normalize().toString();
        return new Recipe(
                new Recipe.Source(source.kind(), location, source.options()),
                new Recipe.Config(recipe.config().base().contains("/")
                        ? folder.resolve(recipe.config().base()).normalize().toString()
                        : recipe.config().base(),
                        resolveFiles(recipe.config().fragments(), folder), recipe.config().strict()),
                recipe.build(),
                new Recipe.Boot(boot.launcher(), boot.kvm(), boot.memory(), boot.cpus(), boot.timeout(),
                        boot.checks(), boot.kernelArgs(), initramfs),
                new Recipe.Sysctl(recipe.sysctl().target(), resolveFiles(recipe.sysctl().profiles(), folder)));
    }

    private static List<String> resolveFiles(List<String> values, Path folder) {
        return values.stream()
                .map(value -> isFile(value) ? folder.resolve(value).normalize().toString() : value)
                .toList();
    }

    /**
     * Tells whether a fragment or profile value names a file rather than a built-in profile.
     *
     * @param value the value from a recipe or the command line
     * @return true when it holds a {@code /} or a {@code .}
     */
    public static boolean isFile(String value) {
        return value.contains("/") || value.contains(".");
    }

    private static String describe(Path file, String text, JsonProcessingException e) {
        var location = e.getLocation();
        var line = location == null ? 0 : location.getLineNr();
        if (e instanceof JsonMappingException mapping && !mapping.getPath().isEmpty()) {
            line = lineOf(text, mapping.getPath()).orElse(line);
        }
        var where = line < 1 ? file + ": " : file + ":" + line + ": ";
        return switch (e) {
            case UnrecognizedPropertyException unknown -> where + "unknown field '" + unknown.getPropertyName() + "'"
                    + inSection(unknown) + " (known: " + unknown.getKnownPropertyIds().stream()
                    .map(Object::toString).sorted().collect(Collectors.joining(", ")) + ")";
            case ValueInstantiationException invalid -> where + (invalid.getCause() == null
                    ? invalid.getOriginalMessage() : invalid.getCause().getMessage());
            case InvalidFormatException format -> where + "'" + format.getValue() + "' is not a valid "
                    + format.getTargetType().getSimpleName().toLowerCase(Locale.ROOT) + " for " + path(format);
            case MismatchedInputException mismatch -> where + "wrong kind of value for " + path(mismatch)
                    + " (expected " + describeType(mismatch.getTargetType()) + ")";
            default -> where + firstLine(e.getOriginalMessage());
        };
    }

    /**
     * Finds the line of a field by its path, since Jackson reports some errors (unknown fields of records) only at
     * the end of the enclosing object.
     */
    private static Optional<Integer> lineOf(String text, List<JsonMappingException.Reference> path) {
        var lines = text.lines().toList();
        int from = 0;
        int found = -1;
        for (var reference : path) {
            if (reference.getFieldName() == null) {
                continue;
            }
            var key = Pattern.compile("^\\s*(-\\s*)?\"?" + Pattern.quote(reference.getFieldName())
                    + "\"?\\s*:");
            found = -1;
            for (int i = from; i < lines.size(); i++) {
                if (key.matcher(lines.get(i)).find()) {
                    found = i;
                    break;
                }
            }
            if (found < 0) {
                return Optional.empty();
            }
            from = found + 1;
        }
        return found < 0 ? Optional.empty() : Optional.of(found + 1);
    }

    private static String inSection(JsonMappingException e) {
        var parent = e.getPath().stream().limit(Math.max(0, e.getPath().size() - 1))
                .map(JsonMappingException.Reference::getFieldName).filter(Objects::nonNull)
                .collect(Collectors.joining("."));
        return parent.isEmpty() ? " at the top level" : " in section '" + parent + "'";
    }

    private static String path(JsonMappingException e) {
        var path = e.getPath().stream()
                .map(r -> r.getFieldName() != null ? r.getFieldName() : "[" + r.getIndex() + "]")
                .collect(Collectors.joining(".")).replace(".[", "[");
        return path.isEmpty() ? "the recipe" : "'" + path + "'";
    }

    private static String describeType(Class<?> type) {
        if (type == null) {
            return "another kind of value";
        }
        if (List.class.isAssignableFrom(type)) {
            return "a list";
        }
        if (type.isRecord() || java.util.Map.class.isAssignableFrom(type)) {
            return "a section of fields";
        }
        return type.getSimpleName().toLowerCase(Locale.ROOT);
    }

    private static String firstLine(String message) {
        var line = message == null ? "malformed" : message.strip().lines().findFirst().orElse("malformed");
        return line.isEmpty() ? "malformed" : line;
    }
}
