// SPDX-FileCopyrightText: 2026 The netlink4j Authors
// SPDX-License-Identifier: Apache-2.0
package io.netlink4j.ynl;

import io.netlink4j.ynl.testsupport.KernelSpecs;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class YnlSpecTest {
    @Test
    void everyKernelSpecLoadsAndValidates() {
        List<Path> files = KernelSpecs.specFiles();
        assertEquals(List.of("devlink", "dpll", "ethtool", "fou", "handshake", "mptcp_pm", "netdev", "nfsd",
                "nftables", "nlctrl", "ovs_datapath", "ovs_flow", "ovs_vport", "rt_addr", "rt_link", "rt_route",
                "tc", "tcp_metrics", "team"),
                files.stream().map(p -> p.getFileName().toString().replace(".yaml", "")).toList());
        List<String> failures = new ArrayList<>();
        for (Path file : files) {
            try {
                YnlSpec spec = YnlSpec.load(file, KernelSpecs.schemas());
                assertFalse(spec.attributeSets().isEmpty(), spec.name());
                assertFalse(spec.operations().isEmpty(), spec.name());
                assertTrue(spec.license().contains("BSD-3-Clause"), spec.name() + ": " + spec.license());
            } catch (RuntimeException e) {
                failures.add(e.toString());
            }
        }
        assertEquals(List.of(), failures);
    }

    @Test
    void numbersAsTheKernelAssignsThem() {
        YnlSpec netdev = KernelSpecs.spec("netdev");
        assertEquals(YnlProtocol.GENETLINK, netdev.protocol());
        YnlAttributeSet dev = netdev.attributeSet("dev");
        // NETDEV_A_DEV_IFINDEX = 1, ..._PAD, ..._XDP_FEATURES = 3 (linux/netdev.h)
        assertEquals(1, dev.attribute("ifindex").orElseThrow().value());
        assertEquals(3, dev.attribute("xdp-features").orElseThrow().value());
        assertEquals(YnlType.U64, dev.attribute("xdp-features").orElseThrow().type());
        assertEquals("xdp-act", dev.attribute("xdp-features").orElseThrow().enumName().orElseThrow());
        YnlEnum xdpAct = netdev.enumDefinition("xdp-act");
        assertTrue(xdpAct.flags());
        assertEquals(0, xdpAct.entry("basic").orElseThrow().value());
        assertEquals(4, xdpAct.entry("ndo-xmit").orElseThrow().mask());
        // NETDEV_CMD_DEV_GET = 1
        assertEquals(OptionalInt.of(1), netdev.operation("dev-get").requestValue());
        assertTrue(netdev.operation("dev-get").hasDump());
        assertEquals("mgmt", netdev.operation("dev-add-ntf").mcastGroup().orElseThrow());
        assertEquals("dev", netdev.operation("dev-add-ntf").attributeSet().orElseThrow());

        YnlSpec nlctrl = KernelSpecs.spec("nlctrl");
        assertEquals(YnlProtocol.GENETLINK_LEGACY, nlctrl.protocol());
        // CTRL_CMD_GETFAMILY = 3, CTRL_CMD_GETPOLICY = 10 (linux/genetlink.h), directional numbering
        assertEquals(OptionalInt.of(3), nlctrl.operation("getfamily").requestValue());
        assertEquals(OptionalInt.of(10), nlctrl.operation("getpolicy").requestValue());
        // CTRL_ATTR_FAMILY_NAME = 2, CTRL_ATTR_MCAST_GROUPS = 7
        assertEquals(2, nlctrl.attributeSet("ctrl-attrs").attribute("family-name").orElseThrow().value());
        assertEquals(YnlType.INDEXED_ARRAY, nlctrl.attributeSet("ctrl-attrs").attribute("mcast-groups").orElseThrow().type());

        YnlSpec rtAddr = KernelSpecs.spec("rt_addr");
        assertEquals(YnlProtocol.NETLINK_RAW, rtAddr.protocol());
        assertEquals(OptionalInt.of(0), rtAddr.protonum());
        // RTM_NEWADDR = 20, RTM_GETADDR = 22; the dump's replies are RTM_NEWADDR
        YnlOperation getaddr = rtAddr.operation("getaddr");
        assertEquals(OptionalInt.of(22), getaddr.requestValue());
        assertEquals(OptionalInt.of(20), getaddr.replyValue());
        assertEquals("ifaddrmsg", getaddr.fixedHeader().orElseThrow());
        YnlStruct ifaddrmsg = rtAddr.struct("ifaddrmsg");
        assertEquals(8, ifaddrmsg.size());
        // IFA_ADDRESS = 1, IFA_LOCAL = 2, IFA_LABEL = 3 (linux/if_addr.h)
        assertEquals(2, rtAddr.attributeSet("addr-attrs").attribute("ifa-local").orElseThrow().value());

        YnlSpec rtLink = KernelSpecs.spec("rt_link");
        YnlAttribute data = rtLink.attributeSet("linkinfo-attrs").attribute("data").orElseThrow();
        assertEquals(YnlType.SUB_MESSAGE, data.type());
        assertEquals("kind", data.selector().orElseThrow());
        YnlSubMessage sub = rtLink.subMessage(data.subMessage().orElseThrow());
        assertTrue(sub.format("bridge").isPresent());
        // IFLA_IFNAME = 3, IFLA_MTU = 4 (linux/if_link.h)
        assertEquals(3, rtLink.attributeSet("link-attrs").attribute("ifname").orElseThrow().value());
        assertEquals(4, rtLink.attributeSet("link-attrs").attribute("mtu").orElseThrow().value());
    }

    @Test
    void lookupsNameWhatExists() {
        YnlSpec netdev = KernelSpecs.spec("netdev");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> netdev.operation("dev-got"));
        assertTrue(e.getMessage().contains("dev-got") && e.getMessage().contains("dev-get"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> netdev.attributeSet("nope"));
    }

    private static final String GOOD = """
            # SPDX-License-Identifier: ((GPL-2.0 WITH Linux-syscall-note) OR BSD-3-Clause)
            name: toy
            doc: A family for tests.
            definitions:
              -
                name: colour
                type: enum
                entries: [ red, green ]
            attribute-sets:
              -
                name: main
                attributes:
                  -
                    name: id
                    type: u32
                  -
                    name: colour
                    type: u8
                    enum: colour
            operations:
              list:
                -
                  name: get
                  doc: Get it.
                  attribute-set: main
                  do:
                    request:
                      attributes: [ id ]
                    reply:
                      attributes: [ id, colour ]
            """;

    @Test
    void aSmallSpecLoads(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("toy.yaml");
        Files.writeString(file, GOOD);
        YnlSpec spec = YnlSpec.load(file, KernelSpecs.schemas());
        assertEquals("toy", spec.name());
        assertEquals(Map.of("red", 0L, "green", 1L), spec.enumDefinition("colour").values());
        assertEquals(2, spec.attributeSet("main").attribute("colour").orElseThrow().value());
    }

    private static YnlSpecException broken(Path dir, String text) throws IOException {
        Path file = dir.resolve("broken.yaml");
        Files.writeString(file, text);
        return assertThrows(YnlSpecException.class, () -> YnlSpec.load(file, KernelSpecs.schemas()));
    }

    private static int lineOf(String text, String fragment) {
        int at = text.indexOf(fragment);
        assertTrue(at >= 0, fragment);
        return (int) text.substring(0, at).chars().filter(c -> c == '\n').count() + 1;
    }

    @Test
    void anUnknownTypeIsNamedWithItsLineAndTheAllowedTypes(@TempDir Path dir) throws IOException {
        String text = GOOD.replace("type: u32", "type: u33");
        YnlSpecException e = broken(dir, text);
        assertEquals(dir.resolve("broken.yaml").toString(), e.file());
        assertEquals(lineOf(text, "type: u33"), e.line());
        assertEquals("attribute-sets[0].attributes[0].type", e.field());
        assertTrue(e.getMessage().startsWith(e.file() + ":" + e.line() + ": attribute-sets[0].attributes[0].type: "),
                e.getMessage());
        assertTrue(e.getMessage().contains("u32"), e.getMessage());
    }

    @Test
    void anUnknownPropertyIsNamedAtItsKey(@TempDir Path dir) throws IOException {
        String text = GOOD.replace("enum: colour\n", "enum: colour\n        colour-blind: true\n");
        YnlSpecException e = broken(dir, text);
        assertEquals("attribute-sets[0].attributes[1].colour-blind", e.field(), e.getMessage());
        assertEquals(lineOf(text, "colour-blind"), e.line());
    }

    @Test
    void aMissingRequiredPropertyIsNamedAtItsParent(@TempDir Path dir) throws IOException {
        String text = GOOD.replace("      doc: Get it.\n", "");
        YnlSpecException e = broken(dir, text);
        assertEquals("operations.list[0].doc", e.field());
        assertEquals(lineOf(text, "name: get"), e.line());
    }

    @Test
    void aReferenceToNothingIsNamed(@TempDir Path dir) throws IOException {
        String text = GOOD.replace("enum: colour", "enum: color");
        YnlSpecException e = broken(dir, text);
        assertEquals("attribute-sets[0].attributes[1].enum", e.field());
        assertEquals(lineOf(text, "enum: color"), e.line());
        assertTrue(e.getMessage().contains("color") && e.getMessage().contains("colour"), e.getMessage());

        String text2 = GOOD.replace("attribute-set: main", "attribute-set: mane");
        YnlSpecException e2 = broken(dir, text2);
        assertEquals("operations.list[0].attribute-set", e2.field());
        assertEquals(lineOf(text2, "attribute-set: mane"), e2.line());
        assertTrue(e2.getMessage().contains("(expected: one of main)"), e2.getMessage());
    }

    @Test
    void badYamlIsNamedWithItsLine(@TempDir Path dir) throws IOException {
        String text = GOOD.replace("type: enum", "type: 'enum");
        YnlSpecException e = broken(dir, text);
        assertTrue(e.line() >= lineOf(text, "type: 'enum"), e.getMessage());
        assertTrue(e.getMessage().contains("not valid YAML"), e.getMessage());

        String dup = GOOD.replace("doc: A family for tests.\n", "doc: A family for tests.\ndoc: Twice.\n");
        YnlSpecException d = broken(dir, dup);
        assertEquals("doc", d.field());
        assertEquals(lineOf(dup, "doc: Twice."), d.line());
    }

    @Test
    void anUnknownProtocolNamesTheLevels(@TempDir Path dir) throws IOException {
        String text = GOOD.replace("name: toy\n", "name: toy\nprotocol: genetlink-modern\n");
        YnlSpecException e = broken(dir, text);
        assertEquals("protocol", e.field());
        assertEquals(lineOf(text, "protocol:"), e.line());
        assertTrue(e.getMessage().contains("netlink-raw"), e.getMessage());
    }
}
