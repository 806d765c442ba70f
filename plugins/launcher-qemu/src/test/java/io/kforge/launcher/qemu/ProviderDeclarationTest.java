package io.kforge.launcher.qemu;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.kforge.core.spi.VmLauncher;
import java.lang.module.ModuleDescriptor;
import java.util.List;
import org.junit.jupiter.api.Test;

class ProviderDeclarationTest {

    @Test
    void theModuleProvidesTheQemuLauncher() {
        var descriptor = QemuLauncher.class.getModule().getDescriptor();

        assertTrue(descriptor.provides().contains(provider()), descriptor.provides().toString());
        assertEquals("qemu", new QemuLauncher().id());
    }

    private static ModuleDescriptor.Provides provider() {
        return ModuleDescriptor.newModule("x")
                .provides(VmLauncher.class.getName(), List.of(QemuLauncher.class.getName()))
                .build().provides().iterator().next();
    }
}
