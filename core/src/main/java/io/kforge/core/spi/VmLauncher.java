package io.kforge.core.spi;

/**
 * Boots a kernel in a virtual machine and gives a shell inside it.
 */
public non-sealed interface VmLauncher extends Plugin {

    @Override
    default PluginKind kind() {
        return PluginKind.LAUNCHER;
    }

    /**
     * Checks the boot spec, starts the VM and waits until its shell answers.
     *
     * @param spec the kernel and how to boot it
     * @param context the stage context
     * @return the running guest; the caller closes it
     * @throws InvalidInputException when the preflight finds the kernel cannot boot as asked, naming the options
     * @throws KforgeException when the guest does not come up, with the end of its console log
     */
    Vm start(BootSpec spec, StageContext context);
}
