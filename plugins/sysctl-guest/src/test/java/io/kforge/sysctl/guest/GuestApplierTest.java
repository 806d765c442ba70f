package io.kforge.sysctl.guest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.kforge.core.PluginRegistry;
import io.kforge.core.Workspace;
import io.kforge.core.spi.InvalidInputException;
import io.kforge.core.spi.KforgeException;
import io.kforge.core.spi.StageContext;
import io.kforge.core.spi.SysctlEntry;
import io.kforge.core.spi.SysctlPlan;
import io.kforge.core.spi.SysctlRequest;
import io.kforge.core.spi.SysctlResult;
import io.kforge.core.spi.SysctlScope;
import io.kforge.core.spi.SysctlStatus;
import io.kforge.core.spi.SysctlTarget;
import io.kforge.testkit.RecordingListener;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class GuestApplierTest {

    @TempDir
    Path temp;

    private final GuestApplier applier = new GuestApplier();
    private NamespaceShell shell;
    private StageContext context;
    private String hostSomaxconn;

    @BeforeEach
    void startShell() throws IOException {
        hostSomaxconn = hostSomaxconn();
        shell = NamespaceShell.create();
        context = Workspace.at(temp.resolve("workspace")).context("sysctl", new RecordingListener());
    }

    @AfterEach
    void stopShell() throws IOException {
        shell.close();
        assertEquals(hostSomaxconn, hostSomaxconn());
    }

    @Test
    void planFindsScopesByComparingWithAFreshNamespaceInsideTheGuest() throws IOException {
        var profile = write("scope.conf", "net.core.somaxconn = 8192\nnet.core.rmem_max = 33554432\n");

        var plan = applier.plan(request(profile), context);

        var somaxconn = entry(plan, "net.core.somaxconn");
        assertEquals(SysctlScope.NAMESPACE, somaxconn.scope());
        assertEquals(SysctlStatus.CHANGED, somaxconn.status());
        var rmemMax = entry(plan, "net.core.rmem_max");
        assertEquals(SysctlScope.GLOBAL, rmemMax.scope());
        assertFalse(rmemMax.writable());
        assertEquals(shell.read("net/core/rmem_max").equals("33554432") ? SysctlStatus.OK : SysctlStatus.READ_ONLY,
                rmemMax.status());
    }

    @Test
    void appliesVerifiesAndRollsBackThroughTheShell() throws IOException {
        var profile = write("web.conf", """
                net.core.somaxconn = 8192
                net.ipv4.tcp_rmem = 4096 131072 16777216
                net.ipv4.conf.*.rp_filter = 2
                """);
        var before = List.of(shell.read("net/core/somaxconn"), shell.read("net/ipv4/tcp_rmem"),
                shell.read("net/ipv4/conf/lo/rp_filter"));

        var applied = applier.apply(request(profile), context);

        assertTrue(applied.applied() && applied.verified(), applied.toString());
        assertEquals(List.of("8192", "4096\t131072\t16777216", "2"), List.of(shell.read("net/core/somaxconn"),
                shell.read("net/ipv4/tcp_rmem"), shell.read("net/ipv4/conf/lo/rp_filter")));
        assertTrue(applier.verify(request(profile), context).verified());

        var rolledBack = applier.rollback(request(), context);

        assertTrue(rolledBack.verified());
        assertEquals(before, List.of(shell.read("net/core/somaxconn"), shell.read("net/ipv4/tcp_rmem"),
                shell.read("net/ipv4/conf/lo/rp_filter")));
    }

    @Test
    void hostileValuesReachTheKernelLiterallyAndRunNothing() throws IOException {
        var marker = temp.resolve("pwned-" + UUID.randomUUID());
        var profile = write("hostile.conf", "-net.core.somaxconn = 1'; touch " + marker + "; echo 'x\n"
                + "-net.ipv4.tcp_fin_timeout = $(touch " + marker + ") `touch " + marker + "`\n");
        var before = shell.read("net/core/somaxconn");

        var outcome = applier.apply(request(profile), context);

        assertFalse(Files.exists(marker), "a value was run as a command");
        assertEquals(before, shell.read("net/core/somaxconn"));
        assertFalse(outcome.applied());
        for (var result : outcome.results()) {
            assertEquals(SysctlStatus.SKIPPED, result.status(), result.toString());
            assertTrue(result.detail().contains("Invalid argument"), result.detail());
        }
        assertTrue(shell.commands().stream().anyMatch(c -> c.contains("'1'\\''; touch " + marker)));
    }

    @Test
    void aWriteFailingHalfwayLeavesEveryKeyExactlyAsBefore() throws IOException {
        var profile = write("fault.conf", """
                net.ipv4.tcp_max_tw_buckets = 262144
                net.ipv4.tcp_fin_timeout = 30
                net.core.somaxconn = -1
                net.ipv4.tcp_max_syn_backlog = 4096
                """);
        var keys = List.of("net/ipv4/tcp_max_tw_buckets", "net/ipv4/tcp_fin_timeout", "net/core/somaxconn",
                "net/ipv4/tcp_max_syn_backlog");
        var before = keys.stream().map(shell::read).toList();

        var error = assertThrows(KforgeException.class, () -> applier.apply(request(profile), context));

        assertTrue(error.getMessage().contains("stopped at net.core.somaxconn"), error.getMessage());
        assertTrue(error.getMessage().contains("Invalid argument"), error.getMessage());
        assertTrue(error.getMessage().contains("nothing is left changed"), error.getMessage());
        assertEquals(before, keys.stream().map(shell::read).toList());
    }

    @Test
    void containersProfileIsRefusedWholeWhereItsLimitsAreReadOnly() {
        var before = List.of(shell.read("net/ipv4/tcp_rmem"), shell.read("net/ipv4/tcp_wmem"));

        var error = assertThrows(InvalidInputException.class, () -> applier.apply(request("containers"), context));

        assertTrue(error.getMessage().contains("net.core.rmem_max: read-only in guest")
                || shell.read("net/core/rmem_max").equals("33554432"), error.getMessage());
        assertEquals(before, List.of(shell.read("net/ipv4/tcp_rmem"), shell.read("net/ipv4/tcp_wmem")));
    }

    @Test
    void theRegistryFindsThisApplierForAGuest() {
        var applierFound = PluginRegistry.builtIn().sysctlApplier(new SysctlTarget.Guest(shell));

        assertInstanceOf(GuestApplier.class, applierFound);
        assertThrows(InvalidInputException.class, () -> applier.persist(new SysctlRequest(List.of("containers"),
                new SysctlTarget.Image(temp)), context));
    }

    /** This machine's own value, read in one go: Files.readString stops a sysctl file after one byte. */
    private static String hostSomaxconn() throws IOException {
        try (var in = Files.newInputStream(Path.of("/proc/sys/net/core/somaxconn"))) {
            return new String(in.readAllBytes()).strip();
        }
    }

    private SysctlRequest request(Object... profiles) {
        return new SysctlRequest(java.util.Arrays.stream(profiles).map(Object::toString).toList(),
                new SysctlTarget.Guest(shell));
    }

    private Path write(String name, String text) throws IOException {
        return Files.writeString(temp.resolve(name), text);
    }

    private static SysctlEntry entry(SysctlPlan plan, String key) {
        return plan.entries().stream().filter(e -> e.key().equals(key)).findFirst().orElseThrow();
    }

    static SysctlResult result(List<SysctlResult> results, String key) {
        return results.stream().filter(r -> r.key().equals(key)).findFirst().orElseThrow();
    }
}
