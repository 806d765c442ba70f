package io.kforge.kbuild;

import static org.junit.jupiter.api.Assertions.assertTrue;

import io.kforge.testkit.TestKernels;
import io.kforge.testkit.TestTrees;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

class BuildEstimateTest {

    @Test
    void estimateIsWithinTenPercentOfWhatARealBuildCompiled() throws Exception {
        var kernel = TestKernels.qemuMinimal();
        var objects = kernel.config().getParent();
        long compiled;
        try (Stream<Path> all = Files.walk(objects)) {
            compiled = all.filter(p -> p.toString().endsWith(".o"))
                    .map(objects::relativize).map(Path::toString)
                    .filter(p -> !p.startsWith("scripts/") && !p.startsWith("tools/"))
                    .filter(p -> !p.startsWith("arch/x86/tools/"))
                    .filter(p -> !p.equals("vmlinux.o")).count();
        }

        var estimate = BuildEstimate.units(TestTrees.linux612(), Arch.of("x86_64"), ConfigValues.read(kernel.config()));

        assertTrue(Math.abs(estimate - compiled) <= compiled / 10, "estimate " + estimate + ", compiled " + compiled);
    }
}
