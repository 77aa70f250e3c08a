// SPDX-FileCopyrightText: 2026 The netlink4j Authors
// SPDX-License-Identifier: Apache-2.0
package io.netlink4j.genl;

import io.netlink4j.Errno;
import io.netlink4j.NetlinkErrnoException;
import io.netlink4j.codec.AttributeReader;
import io.netlink4j.engine.NetlinkOptions;
import io.netlink4j.testsupport.Netns;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/** Generic netlink against the host's real kernel (which has nlctrl, ethtool and more, but no IPVS). */
@Tag("kernel")
class GenericNetlinkKernelTest {
    // ethtool: ETHTOOL_MSG_LINKINFO_GET, ETHTOOL_A_LINKINFO_HEADER, ETHTOOL_A_HEADER_DEV_NAME.
    static final int ETHTOOL_MSG_LINKINFO_GET = 2;
    static final int ETHTOOL_A_LINKINFO_HEADER = 1;
    static final int ETHTOOL_A_HEADER_DEV_NAME = 2;

    @Test
    void resolvesNlctrl() {
        try (GenericNetlink genl = GenericNetlink.open()) {
            GenlFamily ctrl = genl.getFamily("nlctrl");
            assertEquals(Genl.GENL_ID_CTRL, ctrl.id());
            assertEquals("nlctrl", ctrl.name());
            assertTrue(ctrl.operation(Genl.CTRL_CMD_GETFAMILY).orElseThrow().canDo());
            assertTrue(ctrl.group("notify").isPresent());
        }
    }

    @Test
    void resolvesEthtoolAndCachesIt() {
        try (GenericNetlink genl = GenericNetlink.open()) {
            GenlFamily ethtool = genl.getFamily("ethtool");
            assertTrue(ethtool.id() > Genl.GENL_ID_CTRL);
            assertTrue(ethtool.version() >= 1);
            assertTrue(ethtool.group("monitor").isPresent());
            assertTrue(ethtool.operation(ETHTOOL_MSG_LINKINFO_GET).isPresent());
            assertTrue(genl.getFamily("ethtool") == ethtool, "second lookup comes from the cache");
            assertEquals(ethtool, genl.refreshFamily("ethtool"));
        }
    }

    @Test
    void missingFamilyIsNamedWithEnoent() {
        try (GenericNetlink genl = GenericNetlink.open()) {
            GenlFamilyNotFoundException e = assertThrows(GenlFamilyNotFoundException.class, () -> genl.getFamily("NOSUCHFAMILY"));
            assertEquals(Errno.ENOENT, e.errno());
            assertEquals("ENOENT", e.errnoName());
            assertEquals("NOSUCHFAMILY", e.family());
            assertTrue(e.getMessage().contains("NOSUCHFAMILY"), e.getMessage());
        }
    }

    @Test
    void familyNameIsValidatedBeforeSending() {
        try (GenericNetlink genl = GenericNetlink.open()) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> genl.getFamily("ABCDEFGHIJKLMNOP"));
            assertTrue(e.getMessage().contains("1-15"), e.getMessage());
        }
    }

    @Test
    void familiesReadAsAnIteratorAreTheFamiliesOfTheListDump() {
        try (GenericNetlink genl = GenericNetlink.open()) {
            List<GenlFamily> listed = genl.getFamilies();
            List<GenlFamily> iterated = new java.util.ArrayList<>();
            try (io.netlink4j.engine.NetlinkDump<GenlFamily> dump = genl.openDump("nlctrl GETFAMILY dump", genl.getFamily("nlctrl"),
                    Genl.CTRL_CMD_GETFAMILY, io.netlink4j.engine.RequestBody.EMPTY, io.netlink4j.internal.GenlFamilyCodec::decode)) {
                dump.forEachRemaining(iterated::add);
            }
            assertEquals(listed, iterated);
            try (io.netlink4j.engine.NetlinkDump<GenlFamily> dump = genl.openDump("nlctrl GETFAMILY dump", genl.getFamily("nlctrl"),
                    Genl.CTRL_CMD_GETFAMILY, io.netlink4j.engine.RequestBody.EMPTY, io.netlink4j.internal.GenlFamilyCodec::decode)) {
                assertEquals(listed.get(0), dump.next());
            }
            assertEquals("nlctrl", genl.refreshFamily("nlctrl").name(), "the early-closed dump left the socket in sync");
            assertEquals(0, genl.connection().discardedMessages());
        }
    }

    @Test
    void familyListEqualsIproute2() {
        List<GenlFamily> ours;
        try (GenericNetlink genl = GenericNetlink.open()) {
            ours = genl.getFamilies();
        }
        Map<String, GenlFamily> theirs = parseGenlCtrlList(Netns.run("genl", "ctrl", "list"));
        assertTrue(theirs.size() >= 5, "iproute2 listed " + theirs.size() + " families");
        Map<String, GenlFamily> byName = new LinkedHashMap<>();
        ours.forEach(f -> byName.put(f.name(), f));
        assertEquals(theirs.keySet(), byName.keySet());
        for (GenlFamily expected : theirs.values()) {
            GenlFamily actual = byName.get(expected.name());
            assertEquals(expected.id(), actual.id(), expected.name());
            assertEquals(expected.version(), actual.version(), expected.name());
            assertEquals(expected.headerSize(), actual.headerSize(), expected.name());
            assertEquals(expected.maxAttr(), actual.maxAttr(), expected.name());
            // iproute2 prints an operation's capabilities only for some families; compare them where it does.
            assertEquals(expected.operations().size(), actual.operations().size(), expected.name());
            for (int i = 0; i < expected.operations().size(); i++) {
                GenlFamily.Operation e = expected.operations().get(i);
                GenlFamily.Operation a = actual.operations().get(i);
                assertEquals(e.id(), a.id(), expected.name());
                if (e.flags() >= 0) {
                    assertEquals(e.flags(), a.flags(), expected.name() + " op " + e.id());
                }
            }
            assertEquals(expected.groups(), actual.groups(), expected.name());
        }
    }

    /** Parses the text of {@code genl ctrl list} into families. */
    static Map<String, GenlFamily> parseGenlCtrlList(String text) {
        Map<String, GenlFamily> out = new LinkedHashMap<>();
        Pattern name = Pattern.compile("^Name: (\\S+)");
        Pattern header = Pattern.compile("ID: 0x([0-9a-f]+)\\s+Version: 0x([0-9a-f]+)\\s+header size: (\\d+)\\s+max attribs: (\\d+)");
        Pattern op = Pattern.compile("#\\d+:\\s+ID-0x([0-9a-f]+)");
        Pattern caps = Pattern.compile("Capabilities \\(0x([0-9a-f]+)\\)");
        Pattern group = Pattern.compile("#\\d+:\\s+ID-0x([0-9a-f]+)\\s+name: (\\S+)");
        String current = null;
        int[] head = null;
        List<GenlFamily.Operation> ops = new ArrayList<>();
        List<GenlFamily.MulticastGroup> groups = new ArrayList<>();
        boolean inGroups = false;
        int pendingOp = -1;
        for (String line : (text + "\nName: <end>").split("\n")) {
            Matcher m;
            if ((m = name.matcher(line)).find()) {
                if (pendingOp >= 0) {
                    ops.add(new GenlFamily.Operation(pendingOp, -1));
                    pendingOp = -1;
                }
                if (current != null) {
                    out.put(current, new GenlFamily(head[0], current, head[1], head[2], head[3], ops, groups));
                }
                current = m.group(1);
                ops = new ArrayList<>();
                groups = new ArrayList<>();
                inGroups = false;
            } else if ((m = header.matcher(line)).find()) {
                head = new int[] {Integer.parseInt(m.group(1), 16), Integer.parseInt(m.group(2), 16),
                        Integer.parseInt(m.group(3)), Integer.parseInt(m.group(4))};
            } else if (line.contains("multicast groups:")) {
                if (pendingOp >= 0) {
                    ops.add(new GenlFamily.Operation(pendingOp, -1));
                    pendingOp = -1;
                }
                inGroups = true;
            } else if (inGroups && (m = group.matcher(line)).find()) {
                groups.add(new GenlFamily.MulticastGroup(Integer.parseInt(m.group(1), 16), m.group(2)));
            } else if (!inGroups && (m = op.matcher(line)).find()) {
                if (pendingOp >= 0) {
                    ops.add(new GenlFamily.Operation(pendingOp, -1));
                }
                pendingOp = Integer.parseInt(m.group(1), 16);
            } else if (!inGroups && (m = caps.matcher(line)).find() && pendingOp >= 0) {
                ops.add(new GenlFamily.Operation(pendingOp, Integer.parseInt(m.group(1), 16)));
                pendingOp = -1;
            }
        }
        return out;
    }

    @Test
    void strictFamilyErrorCarriesExtendedAckText() {
        try (GenericNetlink genl = GenericNetlink.open()) {
            GenlFamily ethtool = genl.getFamily("ethtool");
            NetlinkErrnoException e = assertThrows(NetlinkErrnoException.class, () -> genl.execute("ethtool LINKINFO_GET",
                    ethtool, ETHTOOL_MSG_LINKINFO_GET, w -> w.beginNested(ETHTOOL_A_LINKINFO_HEADER)
                            .string(ETHTOOL_A_HEADER_DEV_NAME, "nl4j-nosuchdev").endNested(), msg -> { }));
            assertEquals(Errno.ENODEV, e.errno());
            assertNotNull(e.extendedAck().message(), "kernel sent an extended ACK message");
            assertTrue(e.getMessage().contains(e.extendedAck().message()), e.getMessage());
            // The offset points at the DEV_NAME attribute: header 16 + genl 4 + nest header 4.
            assertEquals(24, e.extendedAck().offset());
        }
    }

    @Test
    void policyOfNlctrlDescribesFamilyNameAsString() {
        try (GenericNetlink genl = GenericNetlink.open()) {
            GenlPolicy policy = genl.getPolicy("nlctrl");
            GenlPolicy.CommandPolicy getFamily = policy.commands().get(Genl.CTRL_CMD_GETFAMILY);
            assertNotNull(getFamily, "GETFAMILY has a policy");
            GenlPolicy.AttributePolicy name = policy.policies().get(getFamily.doPolicy()).get(Genl.CTRL_ATTR_FAMILY_NAME);
            assertEquals("nul-string", name.type());
            assertEquals((long) Genl.MAX_FAMILY_NAME, name.constraints().get("max-length"));
        }
    }

    @Test
    void socketInAnotherNamespaceSeesThatNamespaceAndLeavesTheThreadAlone() throws IOException {
        assumeTrue(Netns.available(), "needs root and iproute2 to create a network namespace");
        Path self = Path.of("/proc/thread-self/ns/net");
        String before = Files.readSymbolicLink(self).toString();
        try (Netns ns = Netns.create("nl4j-genl")) {
            Netns.run("ip", "-n", ns.name(), "link", "add", "nl4jv0", "type", "veth", "peer", "name", "nl4jv1");
            try (GenericNetlink inside = GenericNetlink.open(NetlinkOptions.builder().netns(ns.path()).build());
                 GenericNetlink outside = GenericNetlink.open()) {
                assertEquals(before, Files.readSymbolicLink(self).toString(), "thread namespace unchanged");
                String[] seen = new String[1];
                GenlFamily ethtool = inside.getFamily("ethtool");
                inside.execute("ethtool LINKINFO_GET", ethtool, ETHTOOL_MSG_LINKINFO_GET,
                        w -> w.beginNested(ETHTOOL_A_LINKINFO_HEADER).string(ETHTOOL_A_HEADER_DEV_NAME, "nl4jv0").endNested(),
                        msg -> {
                            AttributeReader attrs = Genl.attributes(msg, 0, new AttributeReader());
                            while (attrs.next()) {
                                if (attrs.type() == ETHTOOL_A_LINKINFO_HEADER) {
                                    AttributeReader h = attrs.nested();
                                    while (h.next()) {
                                        if (h.type() == ETHTOOL_A_HEADER_DEV_NAME) {
                                            seen[0] = h.string();
                                        }
                                    }
                                }
                            }
                        });
                assertEquals("nl4jv0", seen[0]);
                NetlinkErrnoException e = assertThrows(NetlinkErrnoException.class, () -> outside.execute("ethtool LINKINFO_GET",
                        outside.getFamily("ethtool"), ETHTOOL_MSG_LINKINFO_GET,
                        w -> w.beginNested(ETHTOOL_A_LINKINFO_HEADER).string(ETHTOOL_A_HEADER_DEV_NAME, "nl4jv0").endNested(),
                        msg -> { }));
                assertEquals(Errno.ENODEV, e.errno(), "the host namespace has no such link");
            }
        }
        assertEquals(before, Files.readSymbolicLink(self).toString());
    }

    @Test
    void badNamespacePathFailsClearlyAndLeavesTheThreadAlone() throws IOException {
        Path self = Path.of("/proc/thread-self/ns/net");
        String before = Files.readSymbolicLink(self).toString();
        NetlinkErrnoException missing = assertThrows(NetlinkErrnoException.class,
                () -> GenericNetlink.open(NetlinkOptions.builder().netns(Path.of("/var/run/netns/nl4j-does-not-exist")).build()));
        assertEquals(Errno.ENOENT, missing.errno());
        assertTrue(missing.getMessage().contains("nl4j-does-not-exist"), missing.getMessage());
        NetlinkErrnoException notNs = assertThrows(NetlinkErrnoException.class,
                () -> GenericNetlink.open(NetlinkOptions.builder().netns(Path.of("/proc/self/stat")).build()));
        assertEquals(Errno.EINVAL, notNs.errno());
        NetlinkErrnoException byPath = assertThrows(NetlinkErrnoException.class,
                () -> GenericNetlink.open(Path.of("/var/run/netns/nl4j-does-not-exist")));
        assertEquals(Errno.ENOENT, byPath.errno());
        assertEquals("netns", assertThrows(NullPointerException.class, () -> GenericNetlink.open((Path) null)).getMessage());
        assertEquals("netns", assertThrows(NullPointerException.class,
                () -> io.netlink4j.socket.NetlinkSocket.open(io.netlink4j.socket.NetlinkProtocol.GENERIC, null)).getMessage());
        assertEquals(before, Files.readSymbolicLink(self).toString());
        assertFalse(before.isEmpty());
    }
}
