package io.kforge.config.kconfig;

import static io.kforge.config.kconfig.Configs.GCC;
import static io.kforge.config.kconfig.Configs.configure;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.kforge.core.spi.ConfigRequest;
import io.kforge.core.spi.DropReason;
import io.kforge.kconfig.DotConfig;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class K8sProfilesTest {

    @TempDir
    Path folder;

    @Test
    void builtInK8sProfileTakesFullEffectOverX86Defconfig() {
        var request = new ConfigRequest(Configs.tree(), "defconfig", List.of("k8s"), GCC, true);

        var outcome = configure(request);

        assertTrue(outcome.report().dropped().isEmpty(), outcome.report().dropped().toString());
        assertTrue(outcome.report().conflicts().isEmpty(), outcome.report().conflicts().toString());
        var result = DotConfig.read(outcome.config());
        assertEquals(Optional.empty(), result.value("MODULES"));
        for (var symbol : List.of("BRIDGE_NETFILTER", "NETFILTER_ADVANCED", "OVERLAY_FS", "VXLAN", "GENEVE",
                "NFT_MASQ", "IP_NF_TARGET_MASQUERADE", "BPF_SYSCALL", "DM_VERITY", "VIRTIO_CONSOLE")) {
            assertEquals(Optional.of("y"), result.value(symbol), symbol);
        }
    }

    @Test
    void monolithicProfileReportNamesEveryDropWithItsReason() throws IOException {
        var profile = copy("k8s-monolithic.config");

        var outcome = configure(new ConfigRequest(Configs.tree(), "defconfig", List.of(profile.toString()), GCC,
                false));

        var fromFragment = new TreeMap<String, String>();
        outcome.report().fromFragments().forEach(d -> fromFragment.put(d.symbol(), d.reason().orElseThrow().kind()));
        assertEquals(new TreeMap<>(Map.of(
                "EMBEDDED", DropReason.UNKNOWN_SYMBOL,
                "DEVPTS_MULTIPLE_INSTANCES", DropReason.UNKNOWN_SYMBOL,
                "AUTOFS4_FS", DropReason.UNKNOWN_SYMBOL,
                "MEMCG_SWAP", DropReason.UNKNOWN_SYMBOL,
                "MEMCG_KMEM", DropReason.UNKNOWN_SYMBOL,
                "CGROUP2", DropReason.UNKNOWN_SYMBOL,
                "KPROBES_ON_FTRACE", DropReason.UNMET_DEPENDENCY,
                "NF_NAT_MASQUERADE_IPV4", DropReason.UNKNOWN_SYMBOL,
                "NF_NAT_MASQUERADE_IPV6", DropReason.UNKNOWN_SYMBOL,
                "NFT_COUNTER", DropReason.UNKNOWN_SYMBOL)), fromFragment);
        var fromBase = new TreeMap<String, String>();
        outcome.report().fromBase().forEach(d -> fromBase.put(d.symbol(), d.reason().orElseThrow().kind()));
        var expectedBase = new TreeMap<String, String>();
        expectedBase.putAll(Map.of("PREEMPT_VOLUNTARY", DropReason.CHOICE, "HZ_1000", DropReason.CHOICE,
                "HZ", DropReason.NO_PROMPT));
        List.of("STRICT_MODULE_RWX", "MODULE_UNLOAD", "MODULE_FORCE_UNLOAD", "MODPROBE_PATH", "MODULES_TREE_LOOKUP")
                .forEach(s -> expectedBase.put(s, DropReason.UNMET_DEPENDENCY));
        List.of("NF_LOG_SYSLOG", "NETFILTER_XT_MARK", "NETFILTER_XT_TARGET_LOG", "NETFILTER_XT_NAT", "NF_LOG_ARP",
                "NF_LOG_IPV4", "IP_NF_TARGET_MASQUERADE", "NF_LOG_IPV6", "X86_PKG_TEMP_THERMAL", "EFIVAR_FS")
                .forEach(s -> expectedBase.put(s, DropReason.MODULES_DISABLED));
        assertEquals(expectedBase, fromBase);
        var ftrace = Configs.dropped(outcome, "KPROBES_ON_FTRACE").reason().orElseThrow().detail();
        assertTrue(ftrace.startsWith("depends on DYNAMIC_FTRACE_WITH_REGS (DYNAMIC_FTRACE_WITH_REGS=n)"), ftrace);
    }

    private Path copy(String resource) throws IOException {
        var target = folder.resolve(resource);
        try (InputStream in = K8sProfilesTest.class.getResourceAsStream(resource)) {
            Files.copy(in, target);
        }
        return target;
    }
}
