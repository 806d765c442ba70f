package io.kforge.core.spi;

import java.nio.file.Path;

/**
 * Where sysctl values are applied.
 */
public sealed interface SysctlTarget {

    /**
     * Returns the target's label as the command line writes it ({@code guest}, {@code netns:NAME},
     * {@code image:PATH}).
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

    /**
     * The root folder of a system image, where profiles are persisted as a {@code sysctl.d} file read at boot.
     *
     * @param root the folder that stands for {@code /} of the image
     */
    record Image(Path root) implements SysctlTarget {
        @Override
        public String label() {
            return "image:" + root;
        }
    }
}
