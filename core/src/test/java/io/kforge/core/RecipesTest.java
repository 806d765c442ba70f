package io.kforge.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.kforge.core.spi.InvalidInputException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RecipesTest {

    @TempDir
    Path folder;

    @Test
    void shippedDefaultRecipeIsExactlyTheBuiltInDefault() {
        var shipped = Path.of("../distribution/src/image/recipes/default.yaml").toAbsolutePath().normalize();

        var recipe = Recipes.load(shipped);

        assertEquals(Recipe.defaults(), recipe);
    }

    @Test
    void emptyFileIsTheDefaultJob() throws Exception {
        var file = Files.writeString(folder.resolve("empty.yaml"), "");

        assertEquals(Recipe.defaults(), Recipes.load(file));
    }

    @Test
    void jsonRecipeIsReadAndRelativePathsFollowTheRecipeFolder() throws Exception {
        var file = Files.writeString(folder.resolve("r.json"), """
                {"source": {"location": "linux.tar.xz"},
                 "config": {"base": "defconfig", "fragments": ["qemu-minimal", "extra/net.config"]},
                 "sysctl": {"profiles": ["containers", "./mine.conf"]}}
                """);

        var recipe = Recipes.load(file);

        assertEquals(folder.resolve("linux.tar.xz").toString(), recipe.source().location());
        assertEquals(List.of("qemu-minimal", folder.resolve("extra/net.config").toString()),
                recipe.config().fragments());
        assertEquals(List.of("containers", folder.resolve("mine.conf").toString()), recipe.sysctl().profiles());
        assertEquals("gcc", recipe.build().compiler());
    }

    @Test
    void unknownFieldNamesFileLineAndTheKnownFields() throws Exception {
        var file = Files.writeString(folder.resolve("r.yaml"), "boot:\n  memory: 512\n  memroy: 1024\n");

        var error = assertThrows(InvalidInputException.class, () -> Recipes.load(file));

        assertTrue(error.getMessage().startsWith(file + ":3: unknown field 'memroy' in section 'boot'"),
                error.getMessage());
        assertTrue(error.getMessage().contains("memory"), error.getMessage());
    }

    @Test
    void wrongTypeNamesTheField() throws Exception {
        var file = Files.writeString(folder.resolve("r.yaml"), "boot:\n  memory: lots\n");

        var error = assertThrows(InvalidInputException.class, () -> Recipes.load(file));

        assertTrue(error.getMessage().startsWith(file + ":2: 'lots' is not a valid integer for 'boot.memory'"),
                error.getMessage());
    }

    @Test
    void invalidValueExplainsTheAllowedOnes() throws Exception {
        var file = Files.writeString(folder.resolve("r.yaml"), "boot:\n  kvm: maybe\n");

        var error = assertThrows(InvalidInputException.class, () -> Recipes.load(file));

        assertTrue(error.getMessage().contains("boot.kvm must be auto, require or off, not 'maybe'"),
                error.getMessage());
        assertTrue(error.getMessage().startsWith(file + ":"), error.getMessage());
    }

    @Test
    void malformedYamlNamesTheLine() throws Exception {
        var file = Files.writeString(folder.resolve("r.yaml"), "build:\n  compiler: [gcc\n");

        var error = assertThrows(InvalidInputException.class, () -> Recipes.load(file));

        assertTrue(error.getMessage().matches("(?s)" + java.util.regex.Pattern.quote(file.toString()) + ":\\d+: .*"),
                error.getMessage());
    }

    @Test
    void missingFileIsInputError() {
        var error = assertThrows(InvalidInputException.class, () -> Recipes.load(folder.resolve("nope.yaml")));

        assertTrue(error.getMessage().contains("no such recipe file"), error.getMessage());
    }
}
