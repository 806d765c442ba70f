package io.kforge.sysctl.netns;

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
import io.kforge.testkit.TestNamespace;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class NetnsApplierTest {

    /** Keys of this machine's own namespace that no test may change; checked after every test. */
    static final List<String> HOST_KEYS = List.of("net/core/somaxconn", "net/core/rmem_max", "net/core/wmem_max",
            "net/core/netdev_max_backlog", "net/ipv4/tcp_rmem", "net/ipv4/tcp_wmem", "net/ipv4/tcp_max_tw_buckets",
            "net/ipv4/tcp_max_syn_backlog", "net/ipv4/tcp_fin_timeout", "net/ipv4/ip_forward",
            "net/bridge/bridge-nf-call-iptables", "net/bridge/bridge-nf-call-ip6tables",
            "fs/inotify/max_user_watches", "fs/inotify/max_user_instances", "kernel/pid_max", "vm/max_map_count",
            "net/ipv4/conf/all/rp_filter", "net/ipv4/conf/default/rp_filter", "net/ipv4/conf/lo/rp_filter");

    @TempDir
    Path temp;

    private final NetnsApplier applier = new NetnsApplier();
    private TestNamespace namespace;
    private StageContext context;
    private Map<String, String> hostBefore;

    @BeforeEach
    void createNamespace() {
        hostBefore = host(HOST_KEYS);
        namespace = TestNamespace.create();
        context = Workspace.at(temp.resolve("workspace")).context("sysctl", new RecordingListener());
    }

    @AfterEach
    void deleteNamespaceAndCheckTheHostIsUntouched() {
        namespace.close();
        assertEquals(hostBefore, host(HOST_KEYS), "a test changed this machine's own values");
    }

    @Test
    void C13PlanFindsPerNamespaceGlobalAndRemovedKeysFromTheRunningKernel() throws IOException {
        var profile = write("c13.conf", """
                net.core.somaxconn = 8192
                net.core.rmem_max = 33554432
                net.core.netdev_max_backlog = 16384
                net.ipv4.tcp_tw_recycle = 1
                """);
        var before = namespace.read("net/core/somaxconn");

        var plan = applier.plan(request(profile), context);

        var somaxconn = entry(plan, "net.core.somaxconn");
        assertEquals(SysctlScope.NAMESPACE, somaxconn.scope());
        assertTrue(somaxconn.exists() && somaxconn.writable());
        assertEquals(SysctlStatus.CHANGED, somaxconn.status());
        var rmemMax = entry(plan, "net.core.rmem_max");
        assertTrue(rmemMax.exists());
        assertFalse(rmemMax.writable());
        assertEquals(SysctlScope.GLOBAL, rmemMax.scope());
        assertEquals(namespace.read("net/core/rmem_max").equals("33554432") ? SysctlStatus.OK : SysctlStatus.READ_ONLY,
                rmemMax.status());
        var backlog = entry(plan, "net.core.netdev_max_backlog");
        assertFalse(backlog.exists());
        assertEquals(SysctlScope.GLOBAL, backlog.scope());
        assertEquals(SysctlStatus.MISSING, backlog.status());
        assertTrue(backlog.detail().contains("global key: set it on the host"), backlog.detail());
        var recycle = entry(plan, "net.ipv4.tcp_tw_recycle");
        assertEquals(SysctlStatus.REMOVED, recycle.status());
        assertTrue(plan.problems().stream().anyMatch(p -> p.startsWith(profile + ":3: net.core.netdev_max_backlog")));
        assertTrue(plan.problems().stream().anyMatch(p -> p.startsWith(profile + ":4: net.ipv4.tcp_tw_recycle")));

        assertThrows(InvalidInputException.class, () -> applier.apply(request(profile), context));
        assertEquals(before, namespace.read("net/core/somaxconn"));
    }

    @Test
    void C14DashKeyIsSkippedUnknownKeyNamesItsLineAndNothingIsApplied() throws IOException {
        var profile = write("c14.conf", """
                -net.ipv4.no_such_key = 1
                net.core.somaxconn = 4096
                kernel.no_such_key = 1
                net.ipv4.tcp_max_tw_buckets = 262144
                """);
        var before = List.of(namespace.read("net/core/somaxconn"), namespace.read("net/ipv4/tcp_max_tw_buckets"));

        var plan = applier.plan(request(profile), context);
        var error = assertThrows(InvalidInputException.class, () -> applier.apply(request(profile), context));

        assertEquals(SysctlStatus.SKIPPED, entry(plan, "net.ipv4.no_such_key").status());
        assertEquals(SysctlStatus.REMOVED, entry(plan, "kernel.no_such_key").status());
        assertEquals(1, plan.problems().size(), plan.problems().toString());
        assertTrue(plan.problems().getFirst().startsWith(profile + ":3: kernel.no_such_key: not in this kernel"));
        assertTrue(error.getMessage().contains("nothing was written"), error.getMessage());
        assertTrue(error.getMessage().contains(profile + ":3: kernel.no_such_key"), error.getMessage());
        assertEquals(before, List.of(namespace.read("net/core/somaxconn"),
                namespace.read("net/ipv4/tcp_max_tw_buckets")));
    }

    @Test
    void C12QuotedValueStopsTheWholeApplyAndEveryProblemIsListedAtOnce() throws IOException {
        var quoted = write("c12.conf", "net.ipv4.tcp_rmem = \"4096 87380 33554432\"\n");
        var other = write("other.conf", "net.core.somaxconn = 8192\nkernel.no_such_key = 1\nnet.foo bar\n");
        var before = List.of(namespace.read("net/ipv4/tcp_rmem"), namespace.read("net/core/somaxconn"));

        var error = assertThrows(InvalidInputException.class, () -> applier.apply(request(quoted, other), context));

        assertTrue(error.getMessage().contains("3 problems:"), error.getMessage());
        assertTrue(error.getMessage().contains(quoted + ":1: net.ipv4.tcp_rmem: the value"), error.getMessage());
        assertTrue(error.getMessage().contains("drop the quotes"), error.getMessage());
        assertTrue(error.getMessage().contains(other + ":3: 'net.foo bar' is not an assignment"));
        assertTrue(error.getMessage().contains(other + ":2: kernel.no_such_key"));
        assertEquals(before, List.of(namespace.read("net/ipv4/tcp_rmem"), namespace.read("net/core/somaxconn")));
    }

    @Test
    void namespacedProfileAppliesVerifiesAndRollsBack() throws IOException {
        var profile = write("web.conf", """
                net.core.somaxconn = 8192
                net.ipv4.tcp_max_tw_buckets = 262144
                net.ipv4.tcp_rmem = 4096 131072 16777216
                net.ipv4.ip_forward = 1
                """);
        var keys = List.of("net/core/somaxconn", "net/ipv4/tcp_max_tw_buckets", "net/ipv4/tcp_rmem",
                "net/ipv4/ip_forward");
        var before = keys.stream().map(namespace::read).toList();

        var applied = applier.apply(request(profile), context);

        assertTrue(applied.applied());
        assertTrue(applied.verified());
        assertEquals(List.of("8192", "262144", "4096\t131072\t16777216", "1"), keys.stream().map(namespace::read)
                .toList());
        assertTrue(applied.results().stream().allMatch(r -> r.status() == SysctlStatus.CHANGED || r.status()
                == SysctlStatus.OK));
        assertEquals(Optional.of(before.getFirst()), result(applied.results(), "net.core.somaxconn").before());
        var verified = applier.verify(request(profile), context);
        assertTrue(verified.verified() && verified.applied());

        var rolledBack = applier.rollback(request(), context);

        assertTrue(rolledBack.verified());
        assertEquals(before, keys.stream().map(namespace::read).toList());
        assertFalse(applier.verify(request(profile), context).verified());
        var again = assertThrows(InvalidInputException.class, () -> applier.rollback(request(), context));
        assertTrue(again.getMessage().startsWith("nothing to roll back on netns:"), again.getMessage());
    }

    @Test
    void everyBuiltInProfilePlansAppliesLenientlyVerifiesAndRollsBackInANamespace() {
        for (var profile : List.of("containers", "network-services", "kubernetes-node")) {
            var plan = applier.plan(request(profile), context);
            var namespaced = plan.entries().stream().filter(e -> e.scope() == SysctlScope.NAMESPACE).toList();
            var global = plan.entries().stream().filter(e -> e.scope() == SysctlScope.GLOBAL).toList();
            var before = namespaced.stream().map(e -> namespace.read(path(e.key()))).toList();
            assertFalse(namespaced.isEmpty(), profile);
            assertFalse(global.isEmpty(), profile);
            assertTrue(global.stream().allMatch(e -> e.status() == SysctlStatus.OK || e.status()
                    == SysctlStatus.READ_ONLY || e.status() == SysctlStatus.MISSING), profile + ": " + global);
            assertFalse(plan.ready(), profile);
            assertThrows(InvalidInputException.class, () -> applier.apply(request(profile), context), profile);
            assertEquals(before, namespaced.stream().map(e -> namespace.read(path(e.key()))).toList(), profile);

            var lenient = new SysctlRequest(List.of(profile), target(), true, Optional.empty());
            var applied = applier.apply(lenient, context);

            assertTrue(applied.verified(), profile);
            assertEquals(global.stream().allMatch(e -> e.status() == SysctlStatus.OK), applied.applied(), profile);
            for (var entry : namespaced) {
                assertEquals(entry.wanted(), namespace.read(path(entry.key())).replace('\t', ' '), entry.key());
            }
            assertTrue(applier.verify(lenient, context).verified(), profile);

            applier.rollback(lenient, context);

            assertEquals(before, namespaced.stream().map(e -> namespace.read(path(e.key()))).toList(), profile);
        }
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
        var before = keys.stream().map(namespace::read).toList();
        assertTrue(applier.plan(request(profile), context).ready());

        var error = assertThrows(KforgeException.class, () -> applier.apply(request(profile), context));

        assertFalse(error instanceof InvalidInputException);
        assertTrue(error.getMessage().contains("stopped at net.core.somaxconn (" + profile + ":3)"),
                error.getMessage());
        assertTrue(error.getMessage().contains("the kernel refused '-1': Invalid argument"), error.getMessage());
        assertTrue(error.getMessage().contains("Restored the 2 keys written before it"), error.getMessage());
        assertEquals(before, keys.stream().map(namespace::read).toList());
        assertThrows(InvalidInputException.class, () -> applier.rollback(request(), context));
    }

    @Test
    void aFailedApplyKeepsTheRollbackPointOfTheLastGoodOne() throws IOException {
        var good = write("good.conf", "net.core.somaxconn = 8192\n");
        var bad = write("bad.conf", "net.core.somaxconn = 1024\nnet.ipv4.tcp_fin_timeout = 99999999999\n");
        var original = namespace.read("net/core/somaxconn");
        applier.apply(request(good), context);

        assertThrows(KforgeException.class, () -> applier.apply(request(bad), context));
        assertEquals("8192", namespace.read("net/core/somaxconn"));
        applier.rollback(request(), context);

        assertEquals(original, namespace.read("net/core/somaxconn"));
    }

    @Test
    void globsSetEveryMatchingKeyExceptNamedAndExcludedOnes() throws IOException {
        var profile = write("globs.conf", """
                net.ipv4.conf.*.rp_filter = 2
                -net.ipv4.conf.all.rp_filter
                net.ipv4.conf.lo.rp_filter = 1
                """);
        var all = namespace.read("net/ipv4/conf/all/rp_filter");

        var outcome = applier.apply(new SysctlRequest(List.of(profile.toString()), target(), false,
                Optional.of(temp.resolve("rollback.json"))), context);

        assertEquals(List.of("net.ipv4.conf.default.rp_filter", "net.ipv4.conf.lo.rp_filter"),
                outcome.results().stream().map(SysctlResult::key).sorted().toList());
        assertEquals("2", namespace.read("net/ipv4/conf/default/rp_filter"));
        assertEquals("1", namespace.read("net/ipv4/conf/lo/rp_filter"));
        assertEquals(all, namespace.read("net/ipv4/conf/all/rp_filter"));
        assertTrue(Files.exists(temp.resolve("rollback.json")));
    }

    @Test
    void aGlobalKeyWritableInsideTheNamespaceIsRefusedToProtectTheMachine() throws IOException {
        var current = Long.parseLong(namespace.read("vm/max_map_count"));
        var profile = write("global.conf", "vm.max_map_count = " + (current + 1) + "\n");

        var plan = applier.plan(request(profile), context);

        var entry = entry(plan, "vm.max_map_count");
        assertTrue(entry.writable());
        assertEquals(SysctlScope.GLOBAL, entry.scope());
        assertEquals(SysctlStatus.READ_ONLY, entry.status());
        assertTrue(entry.detail().contains("would change it for the whole machine"), entry.detail());
        assertThrows(InvalidInputException.class, () -> applier.apply(request(profile), context));
    }

    @Test
    void persistsIntoAnImageButPlansOnlyOnANamespace() throws IOException {
        var root = Files.createDirectories(temp.resolve("image"));
        var image = new SysctlRequest(List.of("containers"), new SysctlTarget.Image(root));

        var persisted = applier.persist(image, context);

        assertTrue(Files.isRegularFile(root.resolve("etc/sysctl.d/99-kforge.conf")));
        assertEquals(4, persisted.winners().size());
        var error = assertThrows(InvalidInputException.class, () -> applier.plan(image, context));
        assertTrue(error.getMessage().contains("only persist applies to it"), error.getMessage());
        var missing = assertThrows(InvalidInputException.class, () -> applier.plan(new SysctlRequest(
                List.of("containers"), new SysctlTarget.NetworkNamespace("kforge-no-such-ns")), context));
        assertTrue(missing.getMessage().startsWith("no network namespace 'kforge-no-such-ns'"));
    }

    @Test
    void theRegistryFindsThisApplierForNamespacesAndImages() {
        var registry = PluginRegistry.builtIn();

        assertInstanceOf(NetnsApplier.class, registry.sysctlApplier(new SysctlTarget.NetworkNamespace("x")));
        assertInstanceOf(NetnsApplier.class, registry.sysctlApplier(new SysctlTarget.Image(temp)));
        assertTrue(applier.probe().usable(), applier.probe().missing().toString());
    }

    /** Reads keys of this machine's own namespace, straight from /proc/sys, to prove a test left them alone. */
    private static Map<String, String> host(List<String> paths) {
        var values = new HashMap<String, String>();
        for (var path : paths) {
            var file = Path.of("/proc/sys", path);
            // Files.readString reads one byte first, and a sysctl file ends after it: read it in one go.
            try (var in = Files.exists(file) ? Files.newInputStream(file) : InputStream.nullInputStream()) {
                values.put(path, Files.exists(file) ? new String(in.readAllBytes()).strip() : "(absent)");
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return values;
    }

    private SysctlRequest request(Object... profiles) {
        return new SysctlRequest(java.util.Arrays.stream(profiles).map(Object::toString).toList(), target());
    }

    private SysctlTarget target() {
        return new SysctlTarget.NetworkNamespace(namespace.name());
    }

    private Path write(String name, String text) throws IOException {
        return Files.writeString(temp.resolve(name), text);
    }

    private static SysctlEntry entry(SysctlPlan plan, String key) {
        return plan.entries().stream().filter(e -> e.key().equals(key)).findFirst().orElseThrow();
    }

    private static SysctlResult result(List<SysctlResult> results, String key) {
        return results.stream().filter(r -> r.key().equals(key)).findFirst().orElseThrow();
    }

    private static String path(String dottedKey) {
        return dottedKey.replace('.', '/');
    }
}
