// SPDX-FileCopyrightText: 2026 The netlink4j Authors
// SPDX-License-Identifier: Apache-2.0
package io.netlink4j.socket;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The shim this JVM has mapped (read from /proc/self/maps) is the one built for the JVM's own
 * architecture. A run that must happen on a given architecture (the aarch64 VM) names it in the
 * system property {@code netlink4j.test.arch}, and the JVM must be one of that architecture.
 */
@Tag("kernel")
class LoadedShimTest {
    private static final Pattern SHIM = Pattern.compile("/lib(?:[A-Za-z0-9_$]*_)?netlink4j_linux_(x86_64|aarch64)(?:_[^/\\s]*)?\\.so");

    @Test
    void theMappedShimIsTheOneForThisJvmsArchitecture() throws IOException {
        String osArch = System.getProperty("os.arch").toLowerCase(Locale.ROOT);
        String required = System.getProperty("netlink4j.test.arch", "");
        if (!required.isEmpty()) {
            assertEquals(required, osArch, "this run must happen on a JVM for " + required);
        }
        String arch = switch (osArch) {
            case "amd64", "x86_64" -> "x86_64";
            case "aarch64", "arm64" -> "aarch64";
            default -> throw new AssertionError("no shim is built for os.arch " + osArch + " (built: amd64, aarch64)");
        };

        NativeLibrary.ensureAvailable();
        Set<String> mapped = new TreeSet<>();
        for (String line : Files.readAllLines(Path.of("/proc/self/maps"))) {
            Matcher m = SHIM.matcher(line);
            if (m.find()) {
                mapped.add(m.group(1));
            }
        }
        // The file name may carry a package prefix and a version (NativeLibrary.libraryName()).
        assertEquals(Set.of(arch), mapped,
                "shims mapped into this JVM (os.arch " + osArch + ")");
    }
}
