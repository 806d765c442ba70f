package io.kforge.core.spi;

/**
 * Where sysctl values are applied.
 */
public sealed interface SysctlTarget {

    /**
     * Returns the target's label as the command line writes it ({@code guest}, {@code netns:NAME}).
     *
     * @return the label
     */
    String label();

    /**
     * Inside a booted guest, through its shell.
     *
     * @param shell the guest's shell
     */
    record Guest(GuestShell shell) implements SysctlTarget {
        @Override
        public String label() {
            return "guest";
        }
    }

    /**
     * Inside a network namespace of this machine.
     *
     * @param name the namespace's name as {@code ip netns} knows it
     */
    record NetworkNamespace(String name) implements SysctlTarget {
        @Override
        public String label() {
            return "netns:" + name;
        }
    }
}
