// SPDX-FileCopyrightText: 2026 The netlink4j Authors
// SPDX-License-Identifier: Apache-2.0
package io.netlink4j.ynl;

import io.netlink4j.ynl.testsupport.KernelSpecs;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Properties;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The specs on the class path (the netlink4j-ynl-specs jar this build made) against the kernel's
 * files they were taken from (the cache of scripts/ynl-specs): the same files, unchanged, found by
 * family name and validated by the schemas that come with them.
 */
class YnlSpecsTest {
    @Test
    void everyKernelSpecIsThereUnchanged() throws IOException {
        List<String> kernel = KernelSpecs.specFiles().stream()
                .map(p -> p.getFileName().toString().replace(".yaml", "")).toList();
        assertEquals(19, kernel.size(), kernel::toString);
        assertTrue(YnlSpecs.names().containsAll(kernel), () -> YnlSpecs.names() + " lacks some of " + kernel);
        for (Path file : KernelSpecs.specFiles()) {
            byte[] jar = bytes(YnlSpecs.SPECS + file.getFileName());
            assertArrayEquals(Files.readAllBytes(file), jar, file::toString);
            assertTrue(new String(jar, 0, 80).startsWith("# SPDX-License-Identifier: ((GPL-2.0 WITH Linux-syscall-note) OR BSD-3-Clause)"),
                    file::toString);
        }
        for (String schema : List.of("genetlink", "genetlink-c", "genetlink-legacy", "netlink-raw")) {
            Path file = KernelSpecs.directory().resolve("schemas").resolve(schema + ".yaml");
            assertArrayEquals(Files.readAllBytes(file), bytes(YnlSpecs.SCHEMAS + schema + ".yaml"), file::toString);
        }
    }

    @Test
    void theJarSaysWhereTheyComeFromAndUnderWhichLicence() throws IOException {
        Properties p = new Properties();
        try (InputStream in = YnlSpecs.class.getClassLoader().getResourceAsStream("netlink4j/ynl/specs.properties")) {
            p.load(in);
        }
        String cached = Files.readString(KernelSpecs.directory().resolve("package")).strip();
        assertEquals(cached, p.getProperty("kernel.package") + " " + p.getProperty("kernel.version"));
        String notice = besideIndex("META-INF/NOTICE");
        assertTrue(notice.contains(p.getProperty("kernel.version")) && notice.contains("Linux kernel"), notice);
        assertTrue(besideIndex("META-INF/LICENSE").contains("Neither the name of the copyright holder"));
    }

    @Test
    void loadsEverySpecByFamilyNameAndValidatesIt() {
        for (String name : YnlSpecs.names()) {
            YnlSpec spec = YnlSpecs.load(name);
            // The file's name, as cli.py's --family takes it; the spec's own name is the family's
            // (IPVS: in capitals, as the kernel registers it), which finds the same file.
            assertEquals(name.replace('_', '-'), spec.name().toLowerCase(Locale.ROOT).replace('_', '-'), name);
            assertTrue(YnlSpecs.isPresent(name));
            assertEquals(spec.operations(), YnlSpecs.load(spec.name()).operations(), spec.name());
        }
        YnlSpec rtLink = YnlSpecs.load("rt-link");
        assertEquals("rt-link", rtLink.name());
        assertEquals(YnlProtocol.NETLINK_RAW, rtLink.protocol());
        assertEquals(KernelSpecs.spec("netdev").operations(), YnlSpecs.load("netdev").operations());
    }

    @Test
    void anUnknownFamilyListsTheOnesThereAre() {
        assertFalse(YnlSpecs.isPresent("netdve"));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> YnlSpecs.load("netdve"));
        assertTrue(e.getMessage().contains("no spec of family 'netdve' on the class path"), e::getMessage);
        assertTrue(e.getMessage().contains("ethtool, fou, handshake"), e::getMessage);
        assertThrows(IllegalArgumentException.class, () -> YnlSpecs.load("../schemas/genetlink"));
    }

    @Test
    void theBundledSchemasRefuseABrokenSpec() {
        String text = new String(bytes(YnlSpecs.SPECS + "netdev.yaml")).replace("type: u32", "type: u33");
        YnlSpecException e = assertThrows(YnlSpecException.class, () -> YnlSpec.parse("netdev.yaml", text, YnlSchemas.bundled()));
        assertTrue(e.getMessage().contains(".type"), e::getMessage);
        assertFalse(YnlSchemas.bundled().directory().isPresent());
    }

    /** A file of the jar (or directory) that holds the index of the specs. */
    private static String besideIndex(String name) throws IOException {
        String index = YnlSpecs.class.getClassLoader().getResource(YnlSpecs.INDEX).toString();
        try (InputStream in = java.net.URI.create(index.replace(YnlSpecs.INDEX, name)).toURL().openStream()) {
            return new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        }
    }

    private static byte[] bytes(String resource) {
        try (InputStream in = YnlSpecs.class.getClassLoader().getResourceAsStream(resource)) {
            assertTrue(in != null, "no " + resource + " on the class path");
            return in.readAllBytes();
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }
}
