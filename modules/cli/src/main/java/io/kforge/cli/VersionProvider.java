package io.kforge.cli;

import picocli.CommandLine.IVersionProvider;

/** Prints kforge's version and the Java runtime it runs on. */
final class VersionProvider implements IVersionProvider {

    @Override
    public String[] getVersion() {
        var descriptor = VersionProvider.class.getModule().getDescriptor();
        var version = descriptor == null ? "unknown" : descriptor.rawVersion().orElse("unknown");
        return new String[] {"kforge " + version, "Java " + Runtime.version() + " (" + System.getProperty("java.vendor")
                + ")"};
    }
}
