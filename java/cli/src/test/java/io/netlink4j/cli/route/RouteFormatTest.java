// SPDX-FileCopyrightText: 2026 The netlink4j Authors
// SPDX-License-Identifier: Apache-2.0
package io.netlink4j.cli.route;

import io.netlink4j.route.Address;
import io.netlink4j.AddressFamily;
import io.netlink4j.route.AddressFlags;
import io.netlink4j.route.AddressScope;
import io.netlink4j.route.HardwareAddress;
import io.netlink4j.route.Link;
import io.netlink4j.route.LinkFlags;
import io.netlink4j.route.LinkInfo;
import io.netlink4j.route.LinkKind;
import io.netlink4j.route.LinkMode;
import io.netlink4j.route.LinkType;
import io.netlink4j.route.OperState;
import io.netlink4j.route.RawAttribute;
import io.netlink4j.route.Rtnetlink;
import io.netlink4j.testsupport.Json;
import org.junit.jupiter.api.Test;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The text and JSON forms of links, addresses and events, for values a test namespace on this host cannot produce. */
class RouteFormatTest {
    static InetAddress ip(String text) {
        try {
            return InetAddress.getByName(text);
        } catch (UnknownHostException e) {
            throw new IllegalArgumentException(text, e);
        }
    }

    static Link.Builder link(int index, String name) {
        return Link.builder().index(index).name(name).mtu(1500).qdisc("noqueue").txQueueLength(1000);
    }

    @Test
    void tunnelEndpointsAreIpAddressesAndAPointToPointBroadcastIsThePeer() {
        Link sit = link(4, "sit1").type(LinkType.SIT).flags(LinkFlags.POINTOPOINT | LinkFlags.NOARP)
                .address(HardwareAddress.of(new byte[] {10, 0, 0, 1})).broadcast(HardwareAddress.of(new byte[] {10, 0, 0, 2}))
                .mtu(1480).operState(OperState.DOWN).group(7).build();
        byte[] v6 = ip("2001:db8::1").getAddress();
        Link ip6 = link(5, "t6").type(LinkType.TUNNEL6).flags(LinkFlags.POINTOPOINT).address(HardwareAddress.of(v6)).build();
        LinkTable table = new LinkTable(List.of(sit, ip6));
        assertEquals("""
                4: sit1: <POINTOPOINT,NOARP> mtu 1480 qdisc noqueue state DOWN mode DEFAULT group 7 qlen 1000
                    link/sit 10.0.0.1 peer 10.0.0.2
                5: t6: <POINTOPOINT> mtu 1500 qdisc noqueue state UNKNOWN mode DEFAULT group default qlen 1000
                    link/tunnel6 2001:db8::1
                """, RouteText.links(List.of(sit, ip6), table));
        Map<String, Object> json = Json.parseArrayOfObjects(RouteJson.links(List.of(sit), table)).get(0);
        assertEquals("10.0.0.1", json.get("address"));
        assertEquals(true, json.get("link_pointtopoint"));
        assertEquals("10.0.0.2", json.get("broadcast"));
        assertEquals("7", json.get("group"));

        // Types iproute2 has no name for are numbered in brackets; the library names them by number.
        Link odd = link(6, "odd0").type(LinkType.of(65000)).address(HardwareAddress.of(new byte[] {1})).build();
        assertEquals("65000", odd.type().name());
        assertEquals("    link/[65000] 01\n", RouteText.links(List.of(odd), new LinkTable(List.of(odd))).lines()
                .skip(1).findFirst().orElseThrow() + "\n");
    }

    @Test
    void unknownParentIsNamedByIndexAndMarkedDownAndPermanentAddressShowsWhenDifferent() {
        Link port = link(3, "v0").parentIndex(9).masterIndex(12)
                .otherAttributes(List.of(new RawAttribute(Rtnetlink.IFLA_LINKMODE, new byte[] {7}))) // a mode the kernel does not know
                .address(HardwareAddress.parse("02:00:00:00:00:01")).permanentAddress(HardwareAddress.parse("02:00:00:00:00:99"))
                .info(new LinkInfo(null, List.of(), LinkKind.BRIDGE, List.of())).alias("uplink")
                .alternativeNames(List.of("a0", "a1")).build();
        LinkTable table = new LinkTable(List.of(port));
        assertEquals("""
                3: v0@if9: <M-DOWN> mtu 1500 qdisc noqueue master if12 state UNKNOWN mode 7 group default qlen 1000
                    link/ether 02:00:00:00:00:01 permaddr 02:00:00:00:00:99
                    alias uplink
                    altname a0
                    altname a1
                """, RouteText.links(List.of(port), table));
        Map<String, Object> json = Json.parseArrayOfObjects(RouteJson.links(List.of(port), table)).get(0);
        assertEquals("if9", json.get("link"));
        assertEquals("if12", json.get("master"));
        assertEquals(7L, json.get("linkmode"));
        assertEquals("02:00:00:00:00:99", json.get("permaddr"));
        assertEquals(Map.of("info_slave_kind", "bridge"), json.get("linkinfo"));
        assertEquals(List.of("a0", "a1"), json.get("altnames"));

        Link same = port.toBuilder().permanentAddress(port.address().orElseThrow()).build();
        assertEquals(null, RouteText.permanentAddress(same));
    }

    @Test
    void addressLifetimesFlagsMetricAndPeer() {
        Link v0 = link(3, "v0").build();
        Address dynamic = Address.builder().addressFamily(AddressFamily.INET6).linkIndex(3).address(ip("2001:db8::5")).prefixLength(64)
                .flags(AddressFlags.NODAD | 0x10000).routePriority(50).cacheInfo(new Address.CacheInfo(1800, 3600, 0, 0)).build();
        Address p2p = Address.builder().linkIndex(3).address(ip("10.30.0.1")).peer(ip("10.30.0.2")).prefixLength(32)
                .flags(AddressFlags.PERMANENT).scope(AddressScope.LINK).label("v0").build();
        Map<Integer, List<Address>> byLink = Routes.byLink(List.of(dynamic, p2p));
        LinkTable table = new LinkTable(List.of(v0));
        assertEquals("""
                3: v0: <> mtu 1500 qdisc noqueue state UNKNOWN group default qlen 1000
                    link/ether
                    inet6 2001:db8::5/64 metric 50 scope global nodad dynamic flags 10000
                       valid_lft 3600sec preferred_lft 1800sec
                    inet 10.30.0.1 peer 10.30.0.2/32 scope link v0
                """, RouteText.addresses(List.of(v0), byLink, table));
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> info = (List<Map<String, Object>>) Json.parseArrayOfObjects(RouteJson.addresses(List.of(v0), byLink, table))
                .get(0).get("addr_info");
        assertEquals(Map.of("family", "inet6", "local", "2001:db8::5", "prefixlen", 64L, "metric", 50L, "scope", "global",
                "nodad", true, "dynamic", true, "flags", "10000", "valid_life_time", 3600L, "preferred_life_time", 1800L), info.get(0));
        assertEquals(Map.of("family", "inet", "local", "10.30.0.1", "address", "10.30.0.2", "prefixlen", 32L, "scope", "link",
                "label", "v0"), info.get(1));
    }

    @Test
    void eventLines() {
        Link v1 = link(2, "v1").flags(LinkFlags.UP).build();
        Link v0 = link(3, "v0").parentIndex(2).flags(LinkFlags.BROADCAST).operState(OperState.DOWN)
                .info(new LinkInfo(LinkKind.VETH, List.of(), null, List.of())).address(HardwareAddress.parse("02:00:00:00:00:01")).build();
        LinkTable table = new LinkTable(List.of(v1, v0));
        assertEquals("link added 3: v0@v1: <BROADCAST> mtu 1500 state DOWN kind veth link/ether 02:00:00:00:00:01\n",
                RouteText.linkEvent("added", v0, table));
        Address labelled = Address.builder().linkIndex(3).address(ip("10.0.0.2")).prefixLength(24).broadcast(ip("10.0.0.255"))
                .flags(AddressFlags.PERMANENT | AddressFlags.SECONDARY).label("v0:web").build();
        assertEquals("address deleted 10.0.0.2/24 dev v0 brd 10.0.0.255 scope global secondary label v0:web\n",
                RouteText.addressEvent("deleted", labelled, table));
        assertEquals("address added 10.0.0.2/24 dev if8 scope global\n",
                RouteText.addressEvent("added", Address.builder().linkIndex(8).address(ip("10.0.0.2")).prefixLength(24)
                        .flags(AddressFlags.PERMANENT).label("if8").build(), table));
        assertEquals("{\"event\":\"address\",\"action\":\"deleted\",\"ifindex\":3,\"ifname\":\"v0\",\"family\":\"inet\","
                + "\"local\":\"10.0.0.2\",\"prefixlen\":24,\"broadcast\":\"10.0.0.255\",\"scope\":\"global\",\"secondary\":true,"
                + "\"label\":\"v0:web\"}\n", RouteJson.addressEvent("deleted", labelled, table));
        Map<?, ?> link = (Map<?, ?>) Json.parse(RouteJson.linkEvent("changed", v0, table));
        assertEquals("link", link.get("event"));
        assertEquals("changed", link.get("action"));
        assertEquals("v1", link.get("link"));
        assertEquals(Map.of("info_kind", "veth"), link.get("linkinfo"));
        assertEquals("events lost (receive buffer overrun); resynchronised: 3 links, 7 addresses\n", RouteText.overrun(3, 7, true));
        assertEquals("events lost (receive buffer overrun); resynchronised: 3 links\n", RouteText.overrun(3, 7, false));
        assertEquals("{\"event\":\"overrun\",\"links\":3,\"addresses\":7}\n", RouteJson.overrun(3, 7, true));
    }

    @Test
    void flagsAreSpelledAndOrderedAsIproute2Does() {
        assertEquals(List.of("BROADCAST", "MULTICAST", "UP", "LOWER_UP"),
                Iproute2Names.linkFlags(LinkFlags.UP | LinkFlags.BROADCAST | LinkFlags.RUNNING | LinkFlags.MULTICAST | LinkFlags.LOWER_UP));
        assertEquals(List.of("NO-CARRIER", "BROADCAST", "MULTICAST", "UP"),
                Iproute2Names.linkFlags(LinkFlags.UP | LinkFlags.BROADCAST | LinkFlags.MULTICAST));
        assertEquals(List.of("LOOPBACK"), Iproute2Names.linkFlags(LinkFlags.LOOPBACK));
        assertEquals(List.of("UP", "40000000"), Iproute2Names.linkFlags(LinkFlags.UP | LinkFlags.RUNNING | 0x4000_0000),
                "RUNNING is implied, unknown bits in hex");
        assertEquals(List.of("dynamic"), Iproute2Names.addressFlags(0, AddressFamily.INET));
        assertEquals(List.of("secondary"), Iproute2Names.addressFlags(AddressFlags.SECONDARY | AddressFlags.PERMANENT, AddressFamily.INET));
        assertEquals(List.of("temporary", "dynamic", "mngtmpaddr"),
                Iproute2Names.addressFlags(AddressFlags.SECONDARY | AddressFlags.MANAGETEMPADDR, AddressFamily.INET6));
        assertEquals(List.of("nodad", "noprefixroute", "flags 1000"), Iproute2Names.addressFlags(
                AddressFlags.NODAD | AddressFlags.NOPREFIXROUTE | AddressFlags.PERMANENT | 0x1000, AddressFamily.INET6));
        assertEquals("DORMANT", Iproute2Names.linkMode(LinkMode.DORMANT));
    }
}
