// SPDX-FileCopyrightText: 2026 The netlink4j Authors
// SPDX-License-Identifier: Apache-2.0
package io.netlink4j.route;

import io.netlink4j.AddressFamily;
import io.netlink4j.NetlinkDecodeException;
import org.junit.jupiter.api.Test;

import java.net.InetAddress;
import java.util.List;

import static io.netlink4j.testsupport.NetlinkBytes.cString;
import static io.netlink4j.testsupport.NetlinkBytes.hostU16;
import static io.netlink4j.testsupport.NetlinkBytes.hostU32;
import static io.netlink4j.testsupport.NetlinkBytes.hostU64;
import static io.netlink4j.route.RouteCodecTest.ip;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The value types and request specifications: text forms, open values, validation. */
class RouteModelTest {

    static void invalid(String expectedText, Runnable build) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, build::run);
        assertTrue(e.getMessage().contains(expectedText), e.getMessage());
    }

    @Test
    void hardwareAddressesParseAndPrintLikeIproute2() {
        HardwareAddress mac = HardwareAddress.parse("02:AB:0:ff:10:9");
        assertEquals("02:ab:00:ff:10:09", mac.toString());
        assertEquals(mac, HardwareAddress.of(new byte[] {2, (byte) 0xab, 0, (byte) 0xff, 0x10, 9}));
        assertEquals(6, mac.length());
        byte[] bytes = mac.bytes();
        bytes[0] = 9;
        assertEquals("02:ab:00:ff:10:09", mac.toString(), "immutable");
        assertEquals("", HardwareAddress.parse("").toString());
        invalid("expected: hex bytes separated by ':'", () -> HardwareAddress.parse("02:xy:00"));
        invalid("expected: hex bytes separated by ':'", () -> HardwareAddress.parse("02::00"));
        invalid("expected: hex bytes separated by ':'", () -> HardwareAddress.parse("123:00"));
        invalid("33 bytes (expected: at most 32)", () -> HardwareAddress.of(new byte[33]));
    }

    @Test
    void flagNamesFollowIproute2() {
        assertEquals(List.of("BROADCAST", "MULTICAST", "UP", "LOWER_UP"),
                LinkFlags.names(LinkFlags.UP | LinkFlags.BROADCAST | LinkFlags.RUNNING | LinkFlags.MULTICAST | LinkFlags.LOWER_UP));
        assertEquals(List.of("NO-CARRIER", "BROADCAST", "MULTICAST", "UP"),
                LinkFlags.names(LinkFlags.UP | LinkFlags.BROADCAST | LinkFlags.MULTICAST));
        assertEquals(List.of("LOOPBACK"), LinkFlags.names(LinkFlags.LOOPBACK));
        assertEquals(List.of("dynamic"), AddressFlags.names(0, AddressFamily.INET));
        assertEquals(List.of("secondary"), AddressFlags.names(AddressFlags.SECONDARY | AddressFlags.PERMANENT, AddressFamily.INET));
        assertEquals(List.of("temporary", "dynamic", "mngtmpaddr"),
                AddressFlags.names(AddressFlags.SECONDARY | AddressFlags.MANAGETEMPADDR, AddressFamily.INET6));
        assertEquals(List.of("nodad", "noprefixroute", "flags 1000"),
                AddressFlags.names(AddressFlags.NODAD | AddressFlags.NOPREFIXROUTE | AddressFlags.PERMANENT | 0x1000, AddressFamily.INET6));
    }

    @Test
    void openValuesKeepUnknownNumbers() {
        assertSame(LinkKind.VETH, LinkKind.of("veth"));
        assertEquals(LinkKind.of("wireguard"), LinkKind.of("wireguard"));
        assertNotEquals(LinkKind.of("wireguard"), LinkKind.DUMMY);
        invalid("link kind ''", () -> LinkKind.of(""));
        assertSame(OperState.UP, OperState.of(6));
        assertEquals(7, OperState.of(7).value());
        assertSame(AddressScope.HOST, AddressScope.of(254));
        assertEquals("100", AddressScope.of(100).name());
        assertEquals(AddressScope.of(100), AddressScope.of(100));
        invalid("address scope: 256 (expected: 0-255)", () -> AddressScope.of(256));
        assertSame(AddressFamily.INET6, AddressFamily.of(10));
        assertEquals(0, AddressFamily.of(45).addressLength());
        assertSame(LinkType.LOOPBACK, LinkType.of(772));
    }

    @Test
    void openValuesFollowOnePattern() {
        assertSame(AddressScope.LINK, AddressScope.parse("link"));
        assertSame(AddressScope.UNIVERSE, AddressScope.parse("RT_SCOPE_UNIVERSE"));
        assertEquals(AddressScope.of(100), AddressScope.parse("100"));
        assertTrue(AddressScope.HOST.isKnown());
        assertFalse(AddressScope.of(100).isKnown());
        assertEquals("UNIVERSE", AddressScope.UNIVERSE.toString());
        invalid("address scope 'global' (expected: UNIVERSE, SITE, LINK, HOST, NOWHERE, or a number 0-255)",
                () -> AddressScope.parse("global"));
        invalid("address scope '256'", () -> AddressScope.parse("256"));
        assertSame(LinkType.ETHER, LinkType.parse("ARPHRD_ETHER"));
        assertSame(LinkType.IEEE80211_RADIOTAP, LinkType.parse("ieee80211_radiotap"));
        assertEquals(824, LinkType.parse("NETLINK").value());
        invalid("link type: 65536 (expected: 0-65535)", () -> LinkType.of(65536));
        assertSame(OperState.LOWERLAYERDOWN, OperState.parse("IF_OPER_LOWERLAYERDOWN"));
        assertEquals("7", OperState.of(7).name());
        assertFalse(OperState.of(7).isKnown());
        invalid("operational state 'up and running'", () -> OperState.parse("up and running"));
        assertNotEquals(AddressScope.of(1), OperState.of(1), "values of different sets differ");
        assertTrue(LinkKind.VETH.isKnown());
        assertFalse(LinkKind.of("wireguard").isKnown());
        assertSame(RouteGroup.IPV6_ADDRESS, RouteGroup.of(9));
        invalid("route group: 2 (expected: 1 (LINK), 5 (IPV4_ADDRESS) or 9 (IPV6_ADDRESS))", () -> RouteGroup.of(2));
    }

    @Test
    void linksAndAddressesAreValuesWithBuilders() {
        Link link = Link.builder().index(3).name("veth0").mtu(1500).address(HardwareAddress.parse("02:00:00:00:00:01"))
                .alternativeNames(List.of("a")).info(new LinkInfo(LinkKind.VETH, List.of(), null, List.of())).build();
        assertEquals(link, link.toBuilder().build());
        assertEquals(link.hashCode(), link.toBuilder().build().hashCode());
        assertNotEquals(link, link.toBuilder().mtu(1400).build());
        assertNotEquals(link, link.toBuilder().alias("x").build(), "every field counts");
        assertEquals("Link[3: veth0 (veth) [] mtu 1500 state UNKNOWN ETHER 02:00:00:00:00:01]", link.toString());
        assertThrows(NullPointerException.class, () -> Link.builder().build());
        assertThrows(UnsupportedOperationException.class, () -> link.alternativeNames().add("b"));
        Link.Builder b = link.toBuilder();
        b.mtu(9000);
        assertEquals(1500, link.mtu(), "a builder does not change the link it came from");

        Address address = Address.builder().index(3).address(ip("10.0.0.1")).prefixLength(24).label("veth0").build();
        assertEquals(address, address.toBuilder().build());
        assertNotEquals(address, address.toBuilder().protocol(2).build());
        assertEquals("Address[INET 10.0.0.1/24 dev 3 scope UNIVERSE veth0]", address.toString());

        LinkChange change = LinkChange.builder(7).up(true).mtu(1400).name("wan0").build();
        assertEquals(change, change.toBuilder().build());
        assertEquals("netns of pid 42", LinkNamespace.ofPid(42).toString());
        assertEquals(LinkNamespace.ofPid(42), new LinkNamespace(42));
        invalid("pid: 4194305 (expected: 1-4194304)", () -> new LinkNamespace(4194305));
    }

    @Test
    void rawAttributesCheckSizesAndStayImmutable() {
        assertEquals(0x1234, new RawAttribute(1, hostU16(0x1234)).u16());
        assertEquals(-2, new RawAttribute(1, hostU32(-2)).u32());
        assertEquals(1L << 40, new RawAttribute(1, hostU64(1L << 40)).u64());
        assertEquals("eth0", new RawAttribute(1, cString("eth0")).string());
        assertEquals("abc", new RawAttribute(1, "abc".getBytes(java.nio.charset.StandardCharsets.UTF_8)).string());
        NetlinkDecodeException e = assertThrows(NetlinkDecodeException.class, () -> new RawAttribute(0x8005, new byte[3]).u32());
        assertEquals("attribute 5 (u32): payload of 3 bytes (expected: 4)", e.getMessage());
        byte[] value = {1, 2};
        RawAttribute a = new RawAttribute(0x8005, value);
        value[0] = 9;
        assertEquals(1, a.value()[0]);
        assertEquals(5, a.type());
        assertEquals(0x8005, a.rawType());
        assertEquals(new RawAttribute(0x8005, new byte[] {1, 2}), a);
        invalid("attribute type: 65536", () -> new RawAttribute(65536, new byte[0]));
    }

    @Test
    void linkSpecsAreValidated() {
        assertEquals(LinkKind.DUMMY, LinkSpec.dummy("dummy0").kind());
        assertEquals("veth1", LinkSpec.veth("veth0", "veth1").peerName());
        invalid("link name: missing", () -> LinkSpec.builder().kind(LinkKind.DUMMY).build());
        invalid("link kind: missing", () -> LinkSpec.builder().name("x").build());
        invalid("16 bytes (expected: 1-15)", () -> LinkSpec.dummy("abcdefghijklmnop"));
        invalid("expected: no '/', ':', NUL or whitespace", () -> LinkSpec.dummy("a:b"));
        invalid("expected: no '/', ':', NUL or whitespace", () -> LinkSpec.dummy("a b"));
        invalid("expected: not '.' or '..'", () -> LinkSpec.dummy(".."));
        invalid("MTU: -1", () -> LinkSpec.builder().name("x").kind(LinkKind.DUMMY).mtu(-1).build());
        invalid("peer of a dummy link", () -> LinkSpec.builder().name("x").kind(LinkKind.DUMMY).peerName("y").build());
        invalid("peer name", () -> LinkSpec.veth("x", "y/z"));
        LinkSpec spec = LinkSpec.builder().name("h0").kind(LinkKind.VETH).peerNamespace(LinkNamespace.ofPid(1)).build();
        assertEquals(spec, spec.toBuilder().build());
        assertEquals("link 'h0'", spec.describe());
        invalid("pid: 0", () -> LinkNamespace.ofPid(0));
    }

    @Test
    void linkChangesAreValidated() {
        invalid("link index: 0 (expected: > 0)", () -> LinkChange.builder(0));
        invalid("MTU: 0 (expected: > 0)", () -> LinkChange.builder("eth0").mtu(0).build());
        invalid("new link name", () -> LinkChange.builder("eth0").name("").build());
        LinkChange c = LinkChange.builder("eth0").up(false).build();
        assertEquals(Boolean.FALSE, c.up());
        assertEquals("link 'eth0'", c.describeTarget());
        assertEquals("LinkChange[link 7 mtu 1400]", LinkChange.builder(7).mtu(1400).build().toString());
    }

    @Test
    void addressSpecsAreValidated() {
        InetAddress v4 = ip("10.0.0.1");
        InetAddress v6 = ip("2001:db8::1");
        assertEquals("10.0.0.1/24", AddressSpec.of(v4, 24).describe());
        assertEquals("2001:db8::1/64 peer 2001:db8::2", AddressSpec.builder(v6, 64).peer(ip("2001:db8::2")).build().describe());
        invalid("prefix length of 10.0.0.1: 33 (expected: 0-32)", () -> AddressSpec.of(v4, 33));
        invalid("prefix length of 2001:db8::1: 129 (expected: 0-128)", () -> AddressSpec.of(v6, 129));
        invalid("(expected: the same address family)", () -> AddressSpec.builder(v4, 24).peer(v6).build());
        invalid("label for IPv6 address", () -> AddressSpec.builder(v6, 64).label("x").build());
        invalid("scope for IPv6 address", () -> AddressSpec.builder(v6, 64).scope(AddressScope.LINK).build());
        invalid("broadcast address for IPv6 address", () -> AddressSpec.builder(v6, 64).broadcast(v4).build());
        invalid("broadcast address 2001:db8::1 (expected: IPv4)", () -> AddressSpec.builder(v4, 24).broadcast(v6).build());
        invalid("address label", () -> AddressSpec.builder(v4, 24).label("abcdefghijklmnop").build());
        invalid("address flags 0x80", () -> AddressSpec.builder(v4, 24).flags(AddressFlags.PERMANENT).build());
        AddressSpec full = AddressSpec.builder(v4, 24).label("eth0:1").broadcast(ip("10.0.0.255")).scope(AddressScope.LINK)
                .flags(AddressFlags.NOPREFIXROUTE).build();
        assertEquals(full, full.toBuilder().build());
        assertEquals("AddressSpec[10.0.0.1/24 brd 10.0.0.255 label eth0:1 scope LINK noprefixroute]", full.toString());
    }
}
