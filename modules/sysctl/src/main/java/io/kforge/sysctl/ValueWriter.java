package io.kforge.sysctl;

import io.kforge.core.spi.KforgeException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Writes a set of values all or nothing: when a write that is not optional fails, or a value reads back different,
 * every key already written (and the failing one) is put back, the restore is checked, and the error names the key,
 * the reason and what was restored.
 */
final class ValueWriter {

    private static final System.Logger LOG = System.getLogger(ValueWriter.class.getName());

    private ValueWriter() {
    }

    /**
     * Writes the changes in order, then reads them all back.
     *
     * @param target the target's {@code /proc/sys}
     * @param changes the values to write
     * @param operation what the user ran ({@code apply}, {@code rollback}), for messages
     * @param afterCleanFailure run after a failure once every key is back as it was
     * @return one result per change, in order
     * @throws KforgeException when a change that is not optional fails, after the restore
     */
    static List<Written> writeAll(ProcSys target, List<Change> changes, String operation,
                                  Runnable afterCleanFailure) {
        var written = new ArrayList<Change>();
        var refused = new ArrayList<Written>();
        for (var change : changes) {
            var reason = target.write(change.key(), change.wanted());
            if (reason.isEmpty()) {
                written.add(change);
            } else if (change.optional()) {
                refused.add(new Written(change, Optional.of(change.before()), reason));
            } else {
                throw fail(target, operation, written, change, "the kernel refused '" + change.wanted() + "': "
                        + reason.get(), afterCleanFailure);
            }
        }

        var readBack = target.read(written.stream().map(Change::key).toList());
        var results = new ArrayList<Written>();
        for (var change : changes) {
            var skipped = refused.stream().filter(r -> r.change() == change).findFirst();
            if (skipped.isPresent()) {
                results.add(skipped.get());
                continue;
            }
            var actual = readBack.get(change.key()).value();
            if (actual.map(v -> SysctlValues.same(v, change.wanted())).orElse(false)) {
                results.add(new Written(change, actual, Optional.empty()));
            } else if (change.optional()) {
                target.write(change.key(), change.before());
                results.add(new Written(change, actual, Optional.of("reads back '" + actual.orElse("") + "'")));
            } else {
                written.remove(change);
                throw fail(target, operation, written, change, "wrote '" + change.wanted() + "' but it reads back '"
                        + actual.orElse("") + "'", afterCleanFailure);
            }
        }
        return results;
    }

    private static KforgeException fail(ProcSys target, String operation, List<Change> written, Change failed,
                                         String reason, Runnable afterCleanFailure) {
        var toRestore = new ArrayList<Change>(written);
        toRestore.add(failed);
        var notRestored = restore(target, toRestore.reversed());
        var message = new StringBuilder(operation + " on " + target.label() + " stopped at " + failed.key()
                + " (" + failed.origin() + "): " + reason + ". ");
        var others = written.stream().map(c -> c.key().dotted()).toList();
        if (notRestored.isEmpty()) {
            afterCleanFailure.run();
            message.append(others.isEmpty() ? "Nothing had been written before it"
                    : "Restored the " + others.size() + (others.size() == 1 ? " key" : " keys")
                            + " written before it (" + String.join(", ", others) + ")")
                    .append("; nothing is left changed.");
        } else {
            message.append("Could not restore ").append(String.join("; ", notRestored))
                    .append(". Set them by hand, or run 'kforge sysctl rollback' on ").append(target.label())
                    .append('.');
        }
        LOG.log(System.Logger.Level.DEBUG, message);
        return new KforgeException(message.toString());
    }

    private static List<String> restore(ProcSys target, List<Change> changes) {
        var failures = new ArrayList<String>();
        for (var change : changes) {
            target.write(change.key(), change.before());
        }
        Map<SysctlKey, KeyState> states = target.read(changes.stream().map(Change::key).toList());
        for (var change : changes) {
            var now = states.get(change.key()).value();
            if (!now.map(v -> SysctlValues.same(v, change.before())).orElse(false)) {
                failures.add(change.key() + " (was '" + change.before() + "', now '" + now.orElse("") + "')");
            }
        }
        return failures;
    }

    /**
     * One value to write.
     *
     * @param key the key
     * @param wanted the value to write
     * @param before the value it holds now, put back on failure
     * @param origin the file and line that asked for it
     * @param optional true when a failure on it is reported instead of stopping the whole write
     */
    record Change(SysctlKey key, String wanted, String before, String origin, boolean optional) {
    }

    /**
     * What became of one change.
     *
     * @param change the change
     * @param actual the value read back
     * @param refused why an optional change did not take, empty when it did
     */
    record Written(Change change, Optional<String> actual, Optional<String> refused) {

        SysctlKey key() {
            return change.key();
        }

        String wanted() {
            return change.wanted();
        }

        String before() {
            return change.before();
        }
    }
}
