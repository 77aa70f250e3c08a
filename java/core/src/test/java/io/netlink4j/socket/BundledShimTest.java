// SPDX-FileCopyrightText: 2026 The netlink4j Authors
// SPDX-License-Identifier: Apache-2.0
package io.netlink4j.socket;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * The shims the build put into the jar (from the class path: target/classes in the build): one per
 * architecture, each an ELF shared object for its machine that needs nothing but glibc, and no
 * glibc newer than the one docs/architecture.md states ("glibc").
 */
class BundledShimTest {

    @ParameterizedTest(name = "{0}")
    @CsvSource({
            // platform,  ELF machine, dynamic loader,         newest glibc (docs/architecture.md)
            "x86_64,      62,          ld-linux-x86-64.so.2,   2.14",
            "aarch64,     183,         ld-linux-aarch64.so.1,  2.17",
    })
    void shimIsForItsMachineAndNeedsAtMostTheStatedGlibc(String arch, int machine, String loader, String statedGlibc)
            throws IOException {
        String resource = "META-INF/native/linux-" + arch + "/libnetlink4j_linux_" + arch + ".so";
        ElfSharedObject elf = ElfSharedObject.parse(resource, read(resource));

        assertEquals(ElfSharedObject.machineName(machine), ElfSharedObject.machineName(elf.machine()), resource);

        List<ElfSharedObject.VersionNeed> needs = elf.versionNeeds();
        assertFalse(needs.isEmpty(), resource + " names no symbol version it needs (no .gnu.version_r)");
        Set<String> glibcFiles = Set.of("libc.so.6", loader);
        for (ElfSharedObject.VersionNeed need : needs) {
            assertTrue(glibcFiles.contains(need.file()) && need.version().startsWith("GLIBC_"),
                    resource + " needs " + need.version() + " from " + need.file() + ": only glibc ("
                            + String.join(", ", glibcFiles) + ") is allowed");
        }
        String newest = needs.stream()
                .map(need -> need.version().substring("GLIBC_".length()))
                .max(Comparator.comparing(BundledShimTest::versionNumbers, Arrays::compare))
                .orElseThrow();
        System.out.println(resource + ": newest symbol version needed: GLIBC_" + newest);
        if (Arrays.compare(versionNumbers(newest), versionNumbers(statedGlibc)) > 0) {
            fail(resource + " needs glibc " + newest + ", newer than the " + statedGlibc
                    + " that docs/architecture.md promises for linux-" + arch + ": " + needs);
        }
    }

    @Test
    void somethingElseIsNotTakenForAnElfSharedObject() throws IOException {
        String resource = "META-INF/native/linux-x86_64/libnetlink4j_linux_x86_64.so";
        byte[] shim = read(resource);
        IllegalArgumentException shortFile = assertThrows(IllegalArgumentException.class,
                () -> ElfSharedObject.parse("head", Arrays.copyOf(shim, 40)));
        assertEquals("head: not a readable ELF64 shared object: file of 40 bytes is shorter than an ELF64 header (64)",
                shortFile.getMessage());
        byte[] notElf = Arrays.copyOf(shim, shim.length);
        notElf[1] = 'X';
        assertTrue(assertThrows(IllegalArgumentException.class, () -> ElfSharedObject.parse("x", notElf))
                .getMessage().endsWith("no ELF magic (expected: 7f 45 4c 46)"));
        byte[] cut = Arrays.copyOf(shim, shim.length - 64);
        assertTrue(assertThrows(IllegalArgumentException.class, () -> ElfSharedObject.parse("cut", cut))
                .getMessage().contains("lie outside the file"));
    }

    private static byte[] read(String resource) throws IOException {
        try (InputStream in = BundledShimTest.class.getClassLoader().getResourceAsStream(resource)) {
            assertNotNull(in, resource + " is not on the class path: the build must put it into the jar");
            return in.readAllBytes();
        }
    }

    private static int[] versionNumbers(String version) {
        return Arrays.stream(version.split("\\.")).mapToInt(Integer::parseInt).toArray();
    }
}
