// SPDX-FileCopyrightText: 2026 The netlink4j Authors
// SPDX-License-Identifier: Apache-2.0
package io.netlink4j.route;

import io.netlink4j.AddressFamily;
import io.netlink4j.Errno;
import io.netlink4j.NetlinkDecodeException;
import io.netlink4j.codec.Netlink;
import io.netlink4j.engine.NetlinkConnection;
import io.netlink4j.testing.NetlinkTestPeer;
import io.netlink4j.testing.NetlinkTestPeer.ReceivedRequest;
import io.netlink4j.testsupport.NetlinkBytes;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.function.Function;

import static io.netlink4j.route.RouteCodecTest.ip;
import static io.netlink4j.testing.NetlinkTestPeer.datagram;
import static io.netlink4j.testing.NetlinkTestPeer.done;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The route methods of the handle over a scripted peer: the bytes of their requests, the order of
 * their listings, and the mapping of refusals to exceptions.
 */
class RouteTableHandleTest {
    NetlinkTestPeer peer;
    RouteHandle route;

    @AfterEach
    void tearDown() {
        if (route != null) {
            route.close();
        }
        if (peer != null) {
            assertEquals(List.of(), peer.errors(), "the peer's responder failed");
            peer.close();
        }
    }

    RouteHandle handle(Function<ReceivedRequest, List<byte[]>> script) {
        peer = NetlinkTestPeer.start(script::apply);
        route = RouteHandle.open(NetlinkConnection.open(NetlinkTestPeer.PROTOCOL,
                peer.clientOptions().receiveTimeout(Duration.ofSeconds(10)).build()));
        return route;
    }

    /** An RTM_NEWROUTE for {@code dst/len} in {@code table}, via {@code gateway} on link {@code oif}. */
    static byte[] route(ReceivedRequest req, int table, String dst, int len, String gateway, int oif) {
        byte[] d = ip(dst).getAddress();
        NetlinkBytes b = new NetlinkBytes().message(Rtnetlink.RTM_NEWROUTE, Netlink.NLM_F_MULTI, req.seq(), req.senderPortId())
                .u8(d.length == 4 ? 2 : 10).u8(len).u8(0).u8(0).u8(table < 256 ? table : 0).u8(RouteProtocol.BOOT.value())
                .u8(0).u8(RouteType.UNICAST.value()).u32(0)
                .attrU32(Rtnetlink.RTA_TABLE, table).attr(Rtnetlink.RTA_DST, d).attrU32(Rtnetlink.RTA_OIF, oif);
        if (gateway != null) {
            b.attr(Rtnetlink.RTA_GATEWAY, ip(gateway).getAddress());
        }
        return b.endMessage().toArray();
    }

    static List<byte[]> refuse(ReceivedRequest req, int errno) {
        return List.of(NetlinkTestPeer.ack(req, errno));
    }

    @Test
    void newRouteSendsWhatIpRouteAddSends() {
        handle(req -> List.of(NetlinkTestPeer.ack(req, 0)));
        route.newRoute(RouteSpec.builder(ip("10.1.0.0"), 16).gateway(ip("10.0.0.2")).linkIndex(3).priority(5)
                .protocol(RouteProtocol.STATIC).mtu(1400).build());
        ReceivedRequest add = peer.received().get(0);
        assertEquals(Rtnetlink.RTM_NEWROUTE, add.type());
        assertEquals(Netlink.NLM_F_REQUEST | Netlink.NLM_F_ACK | Netlink.NLM_F_CREATE | Netlink.NLM_F_EXCL, add.flags());
        byte[] expected = new NetlinkBytes().u8(2).u8(16).u8(0).u8(0).u8(254).u8(4).u8(0).u8(1).u32(0)
                .attrU32(Rtnetlink.RTA_TABLE, 254).attr(Rtnetlink.RTA_DST, new byte[] {10, 1, 0, 0})
                .attr(Rtnetlink.RTA_GATEWAY, new byte[] {10, 0, 0, 2}).attrU32(Rtnetlink.RTA_OIF, 3)
                .attrU32(Rtnetlink.RTA_PRIORITY, 5).nest(Rtnetlink.RTA_METRICS | 0x8000).attrU32(Rtnetlink.RTAX_MTU, 1400).endNest()
                .toArray();
        assertArrayEquals(expected, add.payload());
    }

    @Test
    void theScopeAndProtocolAreIpRouteAddsAndWildcardsWhenDeleting() {
        handle(req -> List.of(NetlinkTestPeer.ack(req, 0)));
        RouteSpec direct = RouteSpec.builder(ip("10.3.0.0"), 24).linkIndex(2).table(1000).build();
        route.newRoute(direct);
        route.updateRoute(direct);
        route.delRoute(direct);
        route.newRoute(RouteSpec.builder(ip("10.4.0.0"), 24).type(RouteType.BLACKHOLE).build());
        List<ReceivedRequest> got = peer.received();
        // rtmsg: family, dst_len, src_len, tos, table (0 above 255: RTA_TABLE has it), protocol, scope, type
        assertEquals("02180000" + "00" + "03" + "fd" + "01", HexFormat.of().formatHex(got.get(0).payload(), 0, 8), "scope link");
        assertEquals(Netlink.NLM_F_REQUEST | Netlink.NLM_F_ACK | Netlink.NLM_F_REPLACE, got.get(1).flags(), "update replaces, never creates");
        assertEquals(Rtnetlink.RTM_DELROUTE, got.get(2).type());
        assertEquals("02180000" + "00" + "00" + "ff" + "01", HexFormat.of().formatHex(got.get(2).payload(), 0, 8),
                "protocol UNSPEC and scope NOWHERE match any");
        assertEquals(1000, NetlinkTestPeer.u32(got.get(2).payload(), RtnetlinkLayout.RTMSG_SIZE + 4), "RTA_TABLE");
        assertEquals("02180000" + "fe" + "03" + "00" + "06", HexFormat.of().formatHex(got.get(3).payload(), 0, 8), "blackhole: scope universe");
    }

    @Test
    void replaceIsOneRequestThatCreatesOrReplacesWithWhatAddWouldSend() {
        handle(req -> List.of(NetlinkTestPeer.ack(req, 0)));
        RouteSpec spec = RouteSpec.builder(ip("10.3.0.0"), 24).gateway(ip("10.0.0.2")).linkIndex(2).table(1000).priority(5).build();
        route.replaceRoute(spec);
        route.newRoute(spec);
        List<ReceivedRequest> got = peer.received();
        assertEquals(2, got.size(), "one request, not update then new");
        assertEquals(Rtnetlink.RTM_NEWROUTE, got.get(0).type());
        assertEquals(Netlink.NLM_F_REQUEST | Netlink.NLM_F_ACK | Netlink.NLM_F_CREATE | Netlink.NLM_F_REPLACE, got.get(0).flags());
        assertArrayEquals(got.get(1).payload(), got.get(0).payload(), "the message ip route add would send");
    }

    @Test
    void multipathNextHopsAreRtnexthopsWithTheirGateways() {
        handle(req -> List.of(NetlinkTestPeer.ack(req, 0)));
        route.newRoute(RouteSpec.builder(ip("10.2.0.0"), 16).nextHops(List.of(
                NextHop.builder().gateway(ip("10.0.0.2")).linkIndex(3).build(),
                NextHop.builder().gateway(ip("fe80::1")).linkIndex(4).weight(3).flags(RouteFlags.ONLINK).build())).build());
        byte[] payload = peer.received().get(0).payload();
        byte[] multipath = new NetlinkBytes()
                .u16(16).u8(0).u8(0).u32(3).attr(Rtnetlink.RTA_GATEWAY, new byte[] {10, 0, 0, 2})
                .u16(8 + 4 + 20).u8(RouteFlags.ONLINK).u8(2).u32(4)
                .attr(Rtnetlink.RTA_VIA, new NetlinkBytes().u16(10).bytes(ip("fe80::1").getAddress()).toArray()).toArray();
        byte[] expected = new NetlinkBytes().u8(2).u8(16).u8(0).u8(0).u8(254).u8(3).u8(0).u8(1).u32(0)
                .attrU32(Rtnetlink.RTA_TABLE, 254).attr(Rtnetlink.RTA_DST, new byte[] {10, 2, 0, 0})
                .attr(Rtnetlink.RTA_MULTIPATH, multipath).toArray();
        assertArrayEquals(expected, payload);

        // And back: the kernel's listing decodes to the same next hops.
        peer.close();
        peer = null;
        route.close();
        handle(req -> List.of(new NetlinkBytes().message(Rtnetlink.RTM_NEWROUTE, Netlink.NLM_F_MULTI, req.seq(), req.senderPortId())
                .bytes(expected).endMessage().toArray(), done(req, 0)));
        Route listed = route.getRoutes(AddressFamily.INET).get(0);
        assertEquals(List.of(NextHop.builder().gateway(ip("10.0.0.2")).linkIndex(3).build(),
                NextHop.builder().gateway(ip("fe80::1")).linkIndex(4).weight(3).flags(RouteFlags.ONLINK).build()), listed.nextHops());
        assertEquals(RouteSpec.builder(ip("10.2.0.0"), 16).protocol(RouteProtocol.BOOT).scope(AddressScope.UNIVERSE)
                .nextHops(listed.nextHops()).build(), RouteSpec.of(listed));
    }

    @Test
    void listingsAreOrderedByTableKeepingTheKernelsOrderWithinAndFilteredByTable() {
        handle(req -> List.of(datagram(route(req, 1000, "10.9.0.0", 24, null, 2), route(req, 254, "10.2.0.0", 16, "10.0.0.1", 2)),
                datagram(route(req, 100, "10.1.0.0", 16, null, 2), route(req, 254, "10.1.0.0", 16, null, 3)), done(req, 0)));
        List<String> all = route.getRoutes(AddressFamily.INET, RouteTables.UNSPEC).stream()
                .map(r -> r.table() + " " + r.destination().getHostAddress() + " " + r.linkIndex()).toList();
        assertEquals(List.of("100 10.1.0.0 2", "254 10.2.0.0 2", "254 10.1.0.0 3", "1000 10.9.0.0 2"), all);
        ReceivedRequest dump = peer.received().get(0);
        assertEquals(Rtnetlink.RTM_GETROUTE, dump.type());
        assertEquals(Netlink.NLM_F_DUMP, dump.flags() & Netlink.NLM_F_DUMP);
        assertEquals("020000000000000000000000", HexFormat.of().formatHex(dump.payload()), "no table filter");

        // Without strict checking the kernel does not filter: the handle does.
        assertEquals(List.of(1000), route.getRoutes(AddressFamily.INET, 1000).stream().map(Route::table).toList());
        assertArrayEquals(new NetlinkBytes().u8(2).u8(0).u8(0).u8(0).u8(0).u8(0).u8(0).u8(0).u32(0)
                .attrU32(Rtnetlink.RTA_TABLE, 1000).toArray(), peer.received().get(1).payload());
        assertEquals(2, route.getRoutes(AddressFamily.INET).size(), "the main table by default");
        List<String> streamed = new ArrayList<>();
        route.forEachRoute(AddressFamily.INET, RouteTables.UNSPEC, r -> streamed.add(r.table() + " " + r.destination().getHostAddress()));
        assertEquals(List.of("1000 10.9.0.0", "254 10.2.0.0", "100 10.1.0.0", "254 10.1.0.0"), streamed, "the kernel's order");
    }

    @Test
    void aTableThatDoesNotExistHasNoRoutes() {
        handle(req -> refuse(req, Errno.ENOENT));
        assertEquals(List.of(), route.getRoutes(AddressFamily.INET6, 42));
        route.forEachRoute(AddressFamily.INET, 42, r -> { throw new AssertionError(r); });
        RouteException e = assertThrows(RouteException.class, () -> route.getRoutes(AddressFamily.INET, RouteTables.UNSPEC));
        assertEquals(Errno.ENOENT, e.errno());
    }

    @Test
    void refusalsBecomeTheExceptionsCallersBranchOn() {
        handle(req -> switch (req.type()) {
            case Rtnetlink.RTM_NEWROUTE -> refuse(req, NetlinkTestPeer.u32(req.payload(), RtnetlinkLayout.RTMSG_SIZE + 8 + 8 + 4) == 99
                    ? Errno.ENODEV : (req.flags() & Netlink.NLM_F_REPLACE) != 0 ? Errno.ENOENT : Errno.EEXIST);
            case Rtnetlink.RTM_DELROUTE -> refuse(req, Errno.ESRCH);
            default -> refuse(req, 101); // ENETUNREACH
        });
        RouteSpec spec = RouteSpec.builder(ip("10.1.0.0"), 16).table(100).linkIndex(2).build();
        RouteExistsException exists = assertThrows(RouteExistsException.class, () -> route.newRoute(spec));
        assertTrue(exists.getMessage().startsWith("route 10.1.0.0/16 table 100 already exists"), exists.getMessage());
        assertEquals("RTM_NEWROUTE route 10.1.0.0/16 table 100", exists.operation());
        NoSuchLinkException noLink = assertThrows(NoSuchLinkException.class,
                () -> route.newRoute(RouteSpec.builder(ip("10.1.0.0"), 16).table(100).linkIndex(99).build()));
        assertTrue(noLink.getMessage().startsWith("route 10.1.0.0/16 table 100: no such link"), noLink.getMessage());
        NoSuchLinkException noLinkToReplace = assertThrows(NoSuchLinkException.class,
                () -> route.replaceRoute(RouteSpec.builder(ip("10.1.0.0"), 16).table(100).linkIndex(99).build()));
        assertTrue(noLinkToReplace.getMessage().startsWith("route 10.1.0.0/16 table 100: no such link"), noLinkToReplace.getMessage());
        NoSuchRouteException replace = assertThrows(NoSuchRouteException.class, () -> route.updateRoute(spec));
        assertTrue(replace.getMessage().startsWith("no route 10.1.0.0/16 table 100 to replace"), replace.getMessage());
        NoSuchRouteException del = assertThrows(NoSuchRouteException.class,
                () -> route.delRoute(RouteSpec.builder(ip("2001:db8::"), 64).priority(7).build()));
        assertTrue(del.getMessage().startsWith("no route 2001:db8::/64 metric 7"), del.getMessage());
        assertEquals(Errno.ESRCH, del.errno());
        NoSuchRouteException lookup = assertThrows(NoSuchRouteException.class, () -> route.getRoute(ip("192.0.2.1")));
        assertTrue(lookup.getMessage().startsWith("no route to 192.0.2.1"), lookup.getMessage());
        assertEquals(Rtnetlink.RTM_GETROUTE, peer.received().get(5).type());
        assertEquals(0, peer.received().get(5).flags() & Netlink.NLM_F_DUMP, "a lookup is not a dump");
    }

    @Test
    void aRouteOfAnotherFamilyIsADecodeFailureNotASilentSkip() {
        handle(req -> List.of(new NetlinkBytes().message(Rtnetlink.RTM_NEWROUTE, Netlink.NLM_F_MULTI, req.seq(), req.senderPortId())
                .u8(28).u8(20).u8(0).u8(0).u8(254).u8(0).u8(0).u8(1).u32(0).endMessage().toArray(), done(req, 0)));
        NetlinkDecodeException e = assertThrows(NetlinkDecodeException.class, () -> route.getRoutes(AddressFamily.INET));
        assertTrue(e.getMessage().contains("(expected: INET or INET6)"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> route.getRoutes(AddressFamily.MPLS));
    }
}
