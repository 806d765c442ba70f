package org.example.kforge.dirsource;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.kforge.core.Workspace;
import io.kforge.core.spi.InvalidInputException;
import io.kforge.core.spi.SourceSpec;
import io.kforge.core.spi.StageListener;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DirectorySourceFetcherTest {

    @TempDir
    Path folder;

    @Test
    void readsTheVersionFromTheTopMakefile() throws Exception {
        var tree = kernelTree("6", "12", "57", "");
        var context = Workspace.at(folder.resolve("workspace")).context("source", StageListener.NONE);

        var fetched = new DirectorySourceFetcher().fetch(new SourceSpec("example-dir", tree.toString(), Map.of()),
                context);

        assertEquals("6.12.57", fetched.version());
        assertEquals(tree, fetched.path());
        assertTrue(fetched.origin().startsWith("example-dir:"));
    }

    @Test
    void otherVersionThanExpectedIsBadInput() throws Exception {
        var tree = kernelTree("6", "1", "0", "-rc1");
        var context = Workspace.at(folder.resolve("workspace")).context("source", StageListener.NONE);
        var spec = new SourceSpec("example-dir", tree.toString(), Map.of("expect-version", "6.12.57"));

        var error = assertThrows(InvalidInputException.class, () -> new DirectorySourceFetcher().fetch(spec, context));

        assertTrue(error.getMessage().contains("holds Linux 6.1.0-rc1, not 6.12.57"), error.getMessage());
    }

    private Path kernelTree(String version, String patchLevel, String subLevel, String extra) throws Exception {
        var tree = Files.createDirectories(folder.resolve("linux"));
        Files.writeString(tree.resolve("Makefile"), "# SPDX-License-Identifier: GPL-2.0\nVERSION = " + version
                + "\nPATCHLEVEL = " + patchLevel + "\nSUBLEVEL = " + subLevel + "\nEXTRAVERSION = " + extra + "\n");
        return tree;
    }
}
