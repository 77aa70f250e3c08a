// SPDX-FileCopyrightText: 2026 The netlink4j Authors
// SPDX-License-Identifier: Apache-2.0
package io.netlink4j.socket;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.quicktheories.core.Gen;

import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Properties;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.arbitrary;
import static org.quicktheories.generators.SourceDSL.lists;

/** The loader's naming rules: platforms, relocated package prefixes and their file-name form, versions. */
class NativeLibraryTest {

    @Test
    void supportedPlatformsAreMappedAndOthersNamedWithTheSupportedOnes() {
        assertEquals("linux-x86_64", NativeLibrary.platform("Linux", "amd64"));
        assertEquals("linux-x86_64", NativeLibrary.platform("Linux", "x86_64"));
        assertEquals("linux-aarch64", NativeLibrary.platform("Linux", "aarch64"));
        assertEquals("linux-aarch64", NativeLibrary.platform("Linux", "arm64"));

        UnsupportedOperationException arch = assertThrows(UnsupportedOperationException.class,
                () -> NativeLibrary.platform("Linux", "riscv64"));
        assertEquals("netlink4j has no native library for os.name=Linux, os.arch=riscv64"
                + " (supported: linux-x86_64, linux-aarch64)", arch.getMessage());
        UnsupportedOperationException os = assertThrows(UnsupportedOperationException.class,
                () -> NativeLibrary.platform("Mac OS X", "aarch64"));
        assertEquals("netlink4j has no native library for os.name=Mac OS X, os.arch=aarch64"
                + " (supported: linux-x86_64, linux-aarch64; netlink exists only on Linux)", os.getMessage());
        assertEquals(List.of("linux-x86_64", "linux-aarch64"), NativeLibrary.SUPPORTED_PLATFORMS);
    }

    @Test
    void thePackagePrefixIsWhatARelocationPutInFrontOfTheNativeClass() {
        assertEquals("", NativeLibrary.packagePrefix(Native.class.getName()));
        assertEquals("", NativeLibrary.packagePrefix("io.netlink4j.socket.Native"));
        assertEquals("com.acme.shaded.", NativeLibrary.packagePrefix("com.acme.shaded.io.netlink4j.socket.Native"));
        assertEquals("shaded.acme_corp.", NativeLibrary.packagePrefix("shaded.acme_corp.io.netlink4j.socket.Native"));
        assertEquals("a$b.", NativeLibrary.packagePrefix("a$b.io.netlink4j.socket.Native"));

        IllegalStateException glued = assertThrows(IllegalStateException.class,
                () -> NativeLibrary.packagePrefix("comio.netlink4j.socket.Native"));
        assertTrue(glued.getMessage().contains("comio.netlink4j.socket.Native"), glued.getMessage());
        IllegalStateException renamed = assertThrows(IllegalStateException.class,
                () -> NativeLibrary.packagePrefix("com.acme.NetlinkNative"));
        assertTrue(renamed.getMessage().contains("expected: a name ending in io.netlink4j.socket.Native"), renamed.getMessage());
        IllegalStateException accented = assertThrows(IllegalStateException.class,
                () -> NativeLibrary.packagePrefix("caf\u00e9.io.netlink4j.socket.Native"));
        assertTrue(accented.getMessage().contains("'\u00e9'"), accented.getMessage());
    }

    @Test
    void prefixesAreMangledTheJniWay() {
        assertEquals("", NativeLibrary.mangle(""));
        assertEquals("com_acme_shaded_", NativeLibrary.mangle("com.acme.shaded."));
        assertEquals("shaded_acme_1corp_", NativeLibrary.mangle("shaded.acme_corp."));
        assertEquals("a__11x_", NativeLibrary.mangle("a._1x."));
    }

    @Test
    void fileNamesCarryAPrefixOnlyWhenWellFormed() {
        assertEquals("", NativeLibrary.prefixOfFileName("libnetlink4j_linux_x86_64.so"));
        assertEquals("", NativeLibrary.prefixOfFileName("libnetlink4j_linux_aarch64_1.2.0.so"));
        assertEquals("shaded.acme_corp.", NativeLibrary.prefixOfFileName("libshaded_acme_1corp_netlink4j_linux_x86_64_1.2.0.so"));
        assertEquals("netlink4j.linux.aarch64.",
                NativeLibrary.prefixOfFileName("libnetlink4j_linux_aarch64_netlink4j_linux_aarch64_1.2.0.so"));
        assertEquals("a._1x.", NativeLibrary.prefixOfFileName("liba__11x_netlink4j_linux_x86_64.so"));
        // Not a prefix: no "lib", no stem, an empty segment, no separator at the end.
        assertEquals("", NativeLibrary.prefixOfFileName("shim.so"));
        assertEquals("", NativeLibrary.prefixOfFileName("com_netlink4j_linux_x86_64.so"));
        assertEquals("", NativeLibrary.prefixOfFileName("libcom_netlink4j.so"));
        assertEquals("", NativeLibrary.prefixOfFileName("lib_netlink4j_linux_x86_64.so"));
        assertEquals("", NativeLibrary.prefixOfFileName("liba__netlink4j_linux_x86_64.so"));
        assertEquals("", NativeLibrary.prefixOfFileName("libabc_1netlink4j_linux_x86_64.so"));
        assertEquals("", NativeLibrary.prefixOfFileName("libabc-netlink4j_linux_x86_64.so"));
    }

    @Test
    void everyPackagePrefixSurvivesTheFileName() {
        // Identifier pieces chosen to collide with the mangling: underscores, digits, the file's own stem.
        Gen<String> piece = arbitrary().pick(List.of("a", "Z", "_", "1", "_1", "x86", "64", "$", "netlink4j", "linux", "io"));
        Gen<String> segment = lists().of(piece).ofSizeBetween(1, 4).map(p -> {
            String s = String.join("", p);
            return Character.isDigit(s.charAt(0)) ? "p" + s : s;
        });
        Gen<String> prefix = lists().of(segment).ofSizeBetween(1, 5).map(s -> String.join(".", s) + ".");
        Gen<String> tail = arbitrary().pick(List.of("x86_64.so", "aarch64_1.2.0.so", "x86_64_0.1.0-SNAPSHOT-3f2a9c01b7de.so"));
        qt().forAll(prefix, tail).checkAssert((p, t) -> {
            assertEquals(p, NativeLibrary.packagePrefix(p + "io.netlink4j.socket.Native"));
            assertEquals(p, NativeLibrary.prefixOfFileName("lib" + NativeLibrary.mangle(p) + "netlink4j_linux_" + t));
        });
    }

    @Test
    void releasesAreNamedByTheirVersionAndSnapshotsAlsoByTheirLibrarysDigest(@TempDir Path dir) throws Exception {
        Path library = dir.resolve("libnetlink4j_linux_x86_64.so");
        Files.write(library, "not really a library, but bytes to digest".getBytes(StandardCharsets.US_ASCII));
        URL url = library.toUri().toURL();
        assertEquals("1.2.0", NativeLibrary.versionTag(props("1.2.0"), url));
        assertEquals("1.2.0", NativeLibrary.versionTag(props("1.2.0"), null));
        // The digest as coreutils computes it, as the distribution's assemble script names its copy.
        Process p = new ProcessBuilder("sha256sum", library.toString()).redirectErrorStream(true).start();
        String sum = new String(p.getInputStream().readAllBytes(), StandardCharsets.US_ASCII);
        assertEquals(0, p.waitFor(), sum);
        assertEquals("1.2.0-SNAPSHOT-" + sum.substring(0, NativeLibrary.DIGEST_DIGITS),
                NativeLibrary.versionTag(props("1.2.0-SNAPSHOT"), url));
        // Other bytes, another name; the same bytes, the same name.
        Files.write(library, "other bytes".getBytes(StandardCharsets.US_ASCII));
        String other = NativeLibrary.versionTag(props("1.2.0-SNAPSHOT"), url);
        assertTrue(other.matches("1\\.2\\.0-SNAPSHOT-[0-9a-f]{12}") && !other.endsWith(sum.substring(0, 12)), other);
        assertEquals(other, NativeLibrary.versionTag(props("1.2.0-SNAPSHOT"), url));
        // A snapshot without its library, and classes built without Maven's resource filtering: no name.
        assertNull(NativeLibrary.versionTag(props("1.2.0-SNAPSHOT"), null));
        assertNull(NativeLibrary.versionTag(props("${project.version}"), url));
        assertNull(NativeLibrary.versionTag(new Properties(), url));
        // This build's own name.
        String name = NativeLibrary.libraryName();
        String platform = NativeLibrary.platform(System.getProperty("os.name"), System.getProperty("os.arch"));
        assertTrue(name.matches("netlink4j_" + platform.replace('-', '_') + "_[0-9][A-Za-z0-9.+-]*"), name);
    }

    private static Properties props(String version) {
        Properties p = new Properties();
        p.setProperty("version", version);
        return p;
    }
}
