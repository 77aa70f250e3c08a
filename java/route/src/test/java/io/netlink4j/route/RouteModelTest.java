// SPDX-FileCopyrightText: 2026 The netlink4j Authors
// SPDX-License-Identifier: Apache-2.0
package io.netlink4j.route;

import io.netlink4j.AddressFamily;
import io.netlink4j.NetlinkDecodeException;
import org.junit.jupiter.api.Test;

import java.net.InetAddress;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.util.List;
import java.util.Optional;

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
    void flagsAreNamedAsTheKernelNamesThem() {
        assertEquals(List.of("UP", "BROADCAST", "RUNNING", "MULTICAST", "LOWER_UP"),
                LinkFlags.names(LinkFlags.UP | LinkFlags.BROADCAST | LinkFlags.RUNNING | LinkFlags.MULTICAST | LinkFlags.LOWER_UP));
        assertEquals(List.of("LOOPBACK"), LinkFlags.names(LinkFlags.LOOPBACK));
        assertEquals(List.of("ECHO", "0x80000"), LinkFlags.names(LinkFlags.ECHO | 0x80000), "unknown bits last, in hex");
        assertEquals(List.of(), AddressFlags.names(0));
        assertEquals(List.of("SECONDARY", "PERMANENT", "MANAGETEMPADDR"),
                AddressFlags.names(AddressFlags.SECONDARY | AddressFlags.PERMANENT | AddressFlags.MANAGETEMPADDR));
        assertEquals(List.of("NODAD", "NOPREFIXROUTE", "STABLE_PRIVACY", "0x1000"),
                AddressFlags.names(AddressFlags.NODAD | AddressFlags.NOPREFIXROUTE | AddressFlags.STABLE_PRIVACY | 0x1000));
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
        invalid("address scope 'global' (expected: UNIVERSE, SITE, LINK, HOST, NOWHERE or a number 0-255)",
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
        assertSame(RouteGroup.IPV4_ROUTE, RouteGroup.of(7));
        assertSame(RouteGroup.IPV6_ROUTE, RouteGroup.of(11));
        invalid("route group: 2 (expected: 1 (LINK), 5 (IPV4_ADDRESS), 7 (IPV4_ROUTE), 9 (IPV6_ADDRESS) or 11 (IPV6_ROUTE))",
                () -> RouteGroup.of(2));
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
        assertEquals(Optional.of(LinkKind.VETH), link.kind());
        assertEquals(LinkMode.DEFAULT, link.linkMode());
        assertTrue(link.qdisc().isEmpty());
        assertThrows(UnsupportedOperationException.class, () -> link.alternativeNames().add("b"));
        Link.Builder b = link.toBuilder();
        b.mtu(9000);
        assertEquals(1500, link.mtu(), "a builder does not change the link it came from");

        Address address = Address.builder().linkIndex(3).address(ip("10.0.0.1")).prefixLength(24).label("veth0").build();
        assertEquals(address, address.toBuilder().build());
        assertNotEquals(address, address.toBuilder().protocol(AddressProtocol.KERNEL_RA).build());
        assertEquals("Address[INET 10.0.0.1/24 dev 3 scope UNIVERSE veth0]", address.toString());
        assertEquals(3, address.linkIndex());
        assertEquals(AddressProtocol.UNSPEC, address.protocol());
        assertEquals(Optional.of("veth0"), address.label());
        assertTrue(address.peer().isEmpty());

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
        assertEquals("veth1", LinkSpec.veth("veth0", "veth1").peerName().orElseThrow());
        invalid("name: missing", () -> LinkSpec.builder().kind(LinkKind.DUMMY).build());
        invalid("kind: missing", () -> LinkSpec.builder().name("x").build());
        invalid("16 bytes (expected: 1-15)", () -> LinkSpec.dummy("abcdefghijklmnop"));
        invalid("expected: no '/', ':', NUL or whitespace", () -> LinkSpec.dummy("a:b"));
        invalid("expected: no '/', ':', NUL or whitespace", () -> LinkSpec.dummy("a b"));
        invalid("expected: not '.' or '..'", () -> LinkSpec.dummy(".."));
        invalid("mtu: -1 (expected: 1-2147483647)", () -> LinkSpec.builder().name("x").kind(LinkKind.DUMMY).mtu(-1).build());
        invalid("peer of a dummy link", () -> LinkSpec.builder().name("x").kind(LinkKind.DUMMY).peerName("y").build());
        invalid("peerName 'y/z'", () -> LinkSpec.veth("x", "y/z"));
        assertThrows(NullPointerException.class, () -> LinkSpec.builder().address(null));
        assertThrows(NullPointerException.class, () -> LinkSpec.builder().peerName(null));
        LinkSpec spec = LinkSpec.builder().name("h0").kind(LinkKind.VETH).peerNamespace(LinkNamespace.ofPid(1)).build();
        assertEquals(spec, spec.toBuilder().build());
        assertEquals("link 'h0'", spec.describe());
        invalid("pid: 0", () -> LinkNamespace.ofPid(0));
    }

    @Test
    void linkChangesAreValidated() {
        invalid("linkIndex: 0 (expected: 1-2147483647)", () -> LinkChange.builder(0));
        invalid("mtu: 0 (expected: 1-2147483647)", () -> LinkChange.builder("eth0").mtu(0).build());
        invalid("name '': 0 bytes (expected: 1-15)", () -> LinkChange.builder("eth0").name("").build());
        LinkChange c = LinkChange.builder("eth0").up(false).build();
        assertEquals(Optional.of(false), c.up());
        assertEquals("link 'eth0'", c.describeTarget());
        assertEquals("LinkChange[link 7 mtu 1400]", LinkChange.builder(7).mtu(1400).build().toString());
    }

    @Test
    void addressSpecsAreValidated() {
        InetAddress v4 = ip("10.0.0.1");
        InetAddress v6 = ip("2001:db8::1");
        assertEquals("10.0.0.1/24", AddressSpec.of(v4, 24).describe());
        assertEquals("2001:db8::1/64 peer 2001:db8::2", AddressSpec.builder(v6, 64).peer(ip("2001:db8::2")).build().describe());
        invalid("prefixLength: 33 (expected: 0-32 for 10.0.0.1)", () -> AddressSpec.of(v4, 33));
        invalid("prefixLength: 129 (expected: 0-128 for 2001:db8::1)", () -> AddressSpec.of(v6, 129));
        invalid("(expected: the same address family)", () -> AddressSpec.builder(v4, 24).peer(v6).build());
        invalid("label for IPv6 address", () -> AddressSpec.builder(v6, 64).label("x").build());
        invalid("scope for IPv6 address", () -> AddressSpec.builder(v6, 64).scope(AddressScope.LINK).build());
        invalid("broadcast address for IPv6 address", () -> AddressSpec.builder(v6, 64).broadcast(v4).build());
        invalid("broadcast address 2001:db8::1 (expected: IPv4)", () -> AddressSpec.builder(v4, 24).broadcast(v6).build());
        invalid("address label", () -> AddressSpec.builder(v4, 24).label("abcdefghijklmnop").build());
        invalid("flags: 0x80", () -> AddressSpec.builder(v4, 24).flags(AddressFlags.PERMANENT).build());
        AddressSpec full = AddressSpec.builder(v4, 24).label("eth0:1").broadcast(ip("10.0.0.255")).scope(AddressScope.LINK)
                .flags(AddressFlags.NOPREFIXROUTE).build();
        assertEquals(full, full.toBuilder().build());
        assertEquals(AddressFamily.INET, full.addressFamily());
        assertEquals(Optional.of(AddressScope.LINK), full.scope());
        assertTrue(AddressSpec.of(v4, 24).peer().isEmpty());
        assertThrows(NullPointerException.class, () -> AddressSpec.builder(v4, 24).peer(null));
        assertThrows(NullPointerException.class, () -> AddressSpec.builder(v4, 24).broadcast(null));
        assertThrows(NullPointerException.class, () -> AddressSpec.builder(v4, 24).label(null));
        assertThrows(NullPointerException.class, () -> AddressSpec.builder(v4, 24).scope(null));
        assertEquals("AddressSpec[10.0.0.1/24 brd 10.0.0.255 label eth0:1 scope LINK NOPREFIXROUTE]", full.toString());
    }

    @Test
    void buildersRejectMissingFieldsBadRangesAndNulls() {
        invalid("name: missing", () -> Link.builder().build());
        invalid("index: -1 (expected: 0-2147483647)", () -> Link.builder().name("x").index(-1).build());
        invalid("mtu: -5 (expected: 0-2147483647)", () -> Link.builder().name("x").mtu(-5).build());
        invalid("masterIndex: -2", () -> Link.builder().name("x").masterIndex(-2).build());
        invalid("linkNetnsId: -2 (expected: -1-2147483647)", () -> Link.builder().name("x").linkNetnsId(-2).build());
        assertThrows(NullPointerException.class, () -> Link.builder().address(null));
        assertThrows(NullPointerException.class, () -> Link.builder().type(null));
        assertThrows(NullPointerException.class, () -> Link.builder().linkMode(null));
        NullPointerException npe = assertThrows(NullPointerException.class, () -> Link.builder().qdisc(null));
        assertEquals("qdisc", npe.getMessage());

        invalid("linkIndex: -1 (expected: 0-2147483647)", () -> Address.builder().linkIndex(-1).build());
        invalid("prefixLength: 129 (expected: 0-32 for INET)", () -> Address.builder().prefixLength(129).build());
        invalid("prefixLength: 129 (expected: 0-128 for INET6)",
                () -> Address.builder().addressFamily(AddressFamily.INET6).prefixLength(129).build());
        invalid("prefixLength: -1", () -> Address.builder().prefixLength(-1).build());
        invalid("address: 2001:db8::1 (expected: an INET address)", () -> Address.builder().address(ip("2001:db8::1")).build());
        assertThrows(NullPointerException.class, () -> Address.builder().peer(null));
        assertThrows(NullPointerException.class, () -> Address.builder().addressFamily(null));
    }

    @Test
    void linkModesAndAddressProtocols() {
        assertSame(LinkMode.DORMANT, LinkMode.of(1));
        assertEquals(2, LinkMode.TESTING.value());
        invalid("link mode: 3 (expected: 0 (DEFAULT), 1 (DORMANT) or 2 (TESTING))", () -> LinkMode.of(3));
        assertSame(AddressProtocol.KERNEL_LL, AddressProtocol.of(3));
        assertSame(AddressProtocol.KERNEL_RA, AddressProtocol.parse("IFAPROT_KERNEL_RA"));
        assertEquals("99", AddressProtocol.of(99).name());
        assertFalse(AddressProtocol.of(99).isKnown());
        assertEquals(AddressProtocol.of(99), AddressProtocol.parse("99"));
        invalid("address protocol: 256 (expected: 0-255)", () -> AddressProtocol.of(256));
    }

    /**
     * The open value classes declare their accessors themselves, public in a public class, so that
     * tools that call them reflectively (Jackson, expression languages, Groovy) can: no
     * package-private superclass holds them.
     */
    @Test
    void openValueAccessorsWorkThroughReflection() throws ReflectiveOperationException {
        for (Object value : List.of(LinkType.ETHER, LinkType.of(65000), AddressScope.LINK, OperState.of(9), AddressProtocol.KERNEL_LO,
                LinkKind.VETH)) {
            Class<?> type = value.getClass();
            assertSame(Object.class, type.getSuperclass(), type + " extends only Object");
            for (String accessor : List.of("name", "isKnown")) {
                assertEquals(type, type.getMethod(accessor).getDeclaringClass(), type + "." + accessor + "() is its own");
            }
            assertEquals(value.toString(), type.getMethod("name").invoke(value));
            if (!(value instanceof LinkKind)) {
                Object number = type.getMethod("value").invoke(value);
                assertEquals(value.hashCode(), number);
                assertEquals(value, type.getMethod("of", int.class).invoke(null, number));
            }
        }
        assertEquals(1, LinkType.class.getMethod("value").invoke(LinkType.ETHER));
        assertEquals("UNIVERSE", AddressScope.class.getMethod("name").invoke(AddressScope.UNIVERSE));
        assertEquals(false, OperState.class.getMethod("isKnown").invoke(OperState.of(9)));
        assertEquals(true, AddressProtocol.class.getMethod("isKnown").invoke(AddressProtocol.KERNEL_LO));
        assertEquals(true, LinkKind.class.getMethod("isKnown").invoke(LinkKind.VETH));
    }

    @Test
    void linkKindsSurviveSerializationAsExceptionsCarryThem() throws IOException, ClassNotFoundException {
        assertSame(LinkKind.VETH, roundTrip(LinkKind.VETH), "a constant stays the constant");
        LinkKind wireguard = LinkKind.of("wireguard");
        assertEquals(wireguard, roundTrip(wireguard));
        assertFalse(((LinkKind) roundTrip(wireguard)).isKnown());
    }

    static Object roundTrip(Object value) throws IOException, ClassNotFoundException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
            out.writeObject(value);
        }
        try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(bytes.toByteArray()))) {
            return in.readObject();
        }
    }
}
