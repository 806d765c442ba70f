package io.kforge.sysctl.guest;

import io.kforge.core.spi.ExecResult;
import io.kforge.core.spi.GuestShell;
import io.kforge.core.spi.KforgeException;
import io.kforge.sysctl.KeyState;
import io.kforge.sysctl.KeyView;
import io.kforge.sysctl.ProcSys;
import io.kforge.sysctl.ProcSysScript;
import io.kforge.sysctl.SysctlKey;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The {@code /proc/sys} of a guest, reached through its shell with command lines of the form
 * {@code set -- 'ARG'...; SCRIPT}: the scripts are fixed, keys are validated {@link SysctlKey}s and every parameter is
 * single-quoted.
 *
 * <p>The guest is a whole system, so it is its initial network namespace. A key's scope comes from comparing it with
 * a fresh namespace made by {@code unshare -n} inside the guest; without {@code unshare} the scope stays unknown.
 * Reads go in batches that keep each command line short enough for a serial console.
 */
final class GuestProcSys implements ProcSys {

    private static final int MAX_LINE = 3000;

    private final GuestShell shell;

    GuestProcSys(GuestShell shell) {
        this.shell = shell;
    }

    @Override
    public String label() {
        return "guest";
    }

    @Override
    public boolean initialNamespace() {
        return true;
    }

    @Override
    public List<SysctlKey> expand(SysctlKey glob) {
        var result = shell.exec(ProcSysScript.commandLine(ProcSysScript.EXPAND, List.of(glob.path())));
        require(result);
        return ProcSysScript.parseExpand(lines(result));
    }

    @Override
    public Map<SysctlKey, KeyState> read(List<SysctlKey> keys) {
        var states = new LinkedHashMap<SysctlKey, KeyState>();
        for (var batch : batches(keys)) {
            var result = shell.exec(ProcSysScript.commandLine(ProcSysScript.READ,
                    ProcSysScript.readParameters(true, batch)));
            require(result);
            ProcSysScript.parseRead(batch, lines(result)).forEach((key, reading) -> states.put(key, new KeyState(
                    reading.view().exists(), reading.view().writable(), reading.value(),
                    reading.view().exists() || reading.other().map(KeyView::exists).orElse(false),
                    KeyView.scope(reading.view(), reading.other()))));
        }
        return states;
    }

    @Override
    public Optional<String> write(SysctlKey key, String value) {
        var result = shell.exec(ProcSysScript.commandLine(ProcSysScript.WRITE, List.of(value, key.path())));
        return result.ok() ? Optional.empty() : Optional.of(ProcSysScript.reason(lines(result), result.exitCode()));
    }

    private List<List<SysctlKey>> batches(List<SysctlKey> keys) {
        var batches = new ArrayList<List<SysctlKey>>();
        var batch = new ArrayList<SysctlKey>();
        int length = ProcSysScript.READ.length();
        for (var key : keys) {
            int more = key.path().length() + 3;
            if (!batch.isEmpty() && length + more > MAX_LINE) {
                batches.add(batch);
                batch = new ArrayList<>();
                length = ProcSysScript.READ.length();
            }
            batch.add(key);
            length += more;
        }
        if (!batch.isEmpty()) {
            batches.add(batch);
        }
        return batches;
    }

    private void require(ExecResult result) {
        if (!result.ok()) {
            throw new KforgeException("cannot read /proc/sys in the guest: '" + result.command() + "' exited with "
                    + result.exitCode() + ": " + result.output().strip());
        }
    }

    private static List<String> lines(ExecResult result) {
        return result.output().lines().toList();
    }
}
