// SPDX-FileCopyrightText: 2026 The netlink4j Authors
// SPDX-License-Identifier: Apache-2.0
package io.netlink4j.route;

import io.netlink4j.AddressFamily;
import io.netlink4j.Errno;
import io.netlink4j.NetlinkDecodeException;
import io.netlink4j.NetlinkDumpInterruptedException;
import io.netlink4j.NetlinkErrnoException;
import io.netlink4j.NetlinkException;
import io.netlink4j.NetlinkTimeoutException;
import io.netlink4j.codec.Netlink;
import io.netlink4j.engine.NetlinkConnection;
import io.netlink4j.engine.NetlinkOptions;
import io.netlink4j.testing.NetlinkTestPeer;
import io.netlink4j.testing.NetlinkTestPeer.ReceivedRequest;
import io.netlink4j.testsupport.NetlinkBytes;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.function.Function;

import static io.netlink4j.route.RouteCodecTest.ip;
import static io.netlink4j.testing.NetlinkTestPeer.datagram;
import static io.netlink4j.testing.NetlinkTestPeer.done;
import static io.netlink4j.testing.NetlinkTestPeer.error;
import static io.netlink4j.testsupport.NetlinkBytes.cString;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The handle's logic over a scripted peer instead of the kernel: the requests it sends (types,
 * flags, bytes, how many), the order of its listings, the restart of interrupted dumps, and the
 * mapping of refusals to exceptions.
 */
class RouteHandleTest {
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

    /**
     * A handle over a peer that answers each request with {@code script}. The receive timeout is long
     * enough for a loaded machine: only a test that wants the timeout waits for it.
     */
    RouteHandle handle(Function<ReceivedRequest, List<byte[]>> script) {
        return handle(script, Duration.ofSeconds(10));
    }

    /** A handle over a peer that answers each request with {@code script}, with this receive timeout. */
    RouteHandle handle(Function<ReceivedRequest, List<byte[]>> script, Duration receiveTimeout) {
        peer = NetlinkTestPeer.start(script::apply);
        route = RouteHandle.open(NetlinkConnection.open(NetlinkTestPeer.PROTOCOL,
                peer.clientOptions().receiveTimeout(receiveTimeout).build()));
        return route;
    }

    static byte[] link(ReceivedRequest req, int flags, int index, String name) {
        return new NetlinkBytes().message(Rtnetlink.RTM_NEWLINK, flags, req.seq(), req.senderPortId())
                .u8(0).u8(0).u16(LinkType.ETHER.value()).u32(index).u32(0).u32(0)
                .attr(Rtnetlink.IFLA_IFNAME, cString(name)).endMessage().toArray();
    }

    static byte[] address(ReceivedRequest req, int index, String address, int prefixLength) {
        byte[] raw = ip(address).getAddress();
        return new NetlinkBytes().message(Rtnetlink.RTM_NEWADDR, Netlink.NLM_F_MULTI, req.seq(), req.senderPortId())
                .u8(raw.length == 4 ? AddressFamily.INET.value() : AddressFamily.INET6.value()).u8(prefixLength).u8(0).u8(0)
                .u32(index).attr(Rtnetlink.IFA_LOCAL, raw).attr(Rtnetlink.IFA_ADDRESS, raw).endMessage().toArray();
    }

    static List<byte[]> ack(ReceivedRequest req) {
        return List.of(NetlinkTestPeer.ack(req, 0));
    }

    static List<byte[]> refuse(ReceivedRequest req, int errno) {
        return List.of(NetlinkTestPeer.ack(req, errno));
    }

    List<Integer> receivedTypes() {
        return peer.received().stream().map(ReceivedRequest::type).toList();
    }

    // Listings: order and restarts.

    @Test
    void linksAreOrderedByIndexWhateverOrderTheKernelSendsThem() {
        handle(req -> List.of(datagram(link(req, Netlink.NLM_F_MULTI, 5, "c"), link(req, Netlink.NLM_F_MULTI, 1, "lo")),
                datagram(link(req, Netlink.NLM_F_MULTI, 3, "b")), done(req, 0)));
        assertEquals(List.of(1, 3, 5), route.getLinks().stream().map(Link::index).toList());
        ReceivedRequest dump = peer.received().get(0);
        assertEquals(Rtnetlink.RTM_GETLINK, dump.type());
        assertEquals(Netlink.NLM_F_DUMP, dump.flags() & Netlink.NLM_F_DUMP);
        assertArrayEquals(new byte[RtnetlinkLayout.IFINFOMSG_SIZE], dump.payload(), "an unfiltered link dump");

        List<String> streamed = new ArrayList<>();
        route.forEachLink(l -> streamed.add(l.name()));
        assertEquals(List.of("c", "lo", "b"), streamed, "forEachLink streams in the kernel's order");
    }

    @Test
    void anInterruptedDumpIsMadeAgain() {
        int[] dumps = {0};
        handle(req -> ++dumps[0] == 1
                ? List.of(link(req, Netlink.NLM_F_MULTI | Netlink.NLM_F_DUMP_INTR, 2, "stale"), done(req, 0))
                : List.of(link(req, Netlink.NLM_F_MULTI, 2, "fresh"), done(req, 0)));
        assertEquals(List.of("fresh"), route.getLinks().stream().map(Link::name).toList());
        assertEquals(List.of(Rtnetlink.RTM_GETLINK, Rtnetlink.RTM_GETLINK), receivedTypes());
    }

    @Test
    void aDumpInterruptedEveryTimeFailsAfterThreeAttempts() {
        handle(req -> {
            byte[] m = address(req, 2, "10.0.0.1", 24);
            ByteBuffer.wrap(m).order(NetlinkBytes.HOST).putShort(Netlink.FLAGS_OFFSET, (short) (Netlink.NLM_F_MULTI | Netlink.NLM_F_DUMP_INTR));
            return List.of(m, done(req, 0));
        });
        assertThrows(NetlinkDumpInterruptedException.class, route::getAddresses);
        assertEquals(NetlinkOptions.DEFAULT_DUMP_ATTEMPTS, peer.received().size());
    }

    @Test
    void addressesAreGroupedByLinkThenFamilyKeepingTheKernelsOrderWithin() {
        // The kernel dumps all IPv4 addresses (link by link), then all IPv6 ones.
        handle(req -> List.of(datagram(address(req, 3, "10.0.3.2", 24), address(req, 3, "10.0.3.1", 24),
                address(req, 2, "10.0.2.1", 24), address(req, 2, "2001:db8:2::1", 64), address(req, 3, "2001:db8:3::1", 64)),
                done(req, 0)));
        List<String> order = route.getAddresses().stream().map(a -> a.linkIndex() + " " + a.address().orElseThrow().getHostAddress()).toList();
        assertEquals(List.of("2 10.0.2.1", "2 2001:db8:2:0:0:0:0:1", "3 10.0.3.2", "3 10.0.3.1", "3 2001:db8:3:0:0:0:0:1"), order);
        assertArrayEquals(HexFormat.of().parseHex("00000000" + "00000000"), peer.received().get(0).payload());

        route.getAddresses(7);
        assertArrayEquals(HexFormat.of().parseHex("00000000" + "07000000"), peer.received().get(1).payload(),
                "the dump of one link's addresses is filtered by the kernel");
    }

    // Requests and their cost.

    @Test
    void anAddressOnALinkGivenByIndexCostsOneRequest() {
        handle(RouteHandleTest::ack);
        route.newAddress(3, AddressSpec.of(ip("10.1.2.3"), 24));
        ReceivedRequest add = peer.received().get(0);
        assertEquals(1, peer.received().size());
        assertEquals(Rtnetlink.RTM_NEWADDR, add.type());
        assertEquals(Netlink.NLM_F_REQUEST | Netlink.NLM_F_ACK | Netlink.NLM_F_CREATE | Netlink.NLM_F_EXCL, add.flags());
        // ip addr add 10.1.2.3/24 dev veth0 (index 3), as iproute2 sends it
        assertArrayEquals(HexFormat.of().parseHex("02180000" + "03000000" + "080002000a010203" + "080001000a010203"), add.payload());

        route.delAddress(3, AddressSpec.of(ip("10.1.2.3"), 24));
        assertEquals(List.of(Rtnetlink.RTM_NEWADDR, Rtnetlink.RTM_DELADDR), receivedTypes());
        assertEquals(Netlink.NLM_F_REQUEST | Netlink.NLM_F_ACK, peer.received().get(1).flags());
    }

    @Test
    void anAddressOnALinkGivenByNameCostsALookUpFirst() {
        handle(req -> req.type() == Rtnetlink.RTM_GETLINK ? List.of(link(req, 0, 42, "veth0"), NetlinkTestPeer.ack(req, 0)) : ack(req));
        route.newAddress("veth0", AddressSpec.of(ip("10.1.2.3"), 24));
        route.delAddress("veth0", AddressSpec.of(ip("10.1.2.3"), 24));
        assertEquals(List.of(Rtnetlink.RTM_GETLINK, Rtnetlink.RTM_NEWADDR, Rtnetlink.RTM_GETLINK, Rtnetlink.RTM_DELADDR), receivedTypes());
        assertArrayEquals(HexFormat.of().parseHex("00000000" + "00000000" + "00000000" + "00000000" + "0a000300" + "7665746830000000"),
                peer.received().get(0).payload(), "the look-up names the link");
        assertEquals(42, NetlinkTestPeer.u32(peer.received().get(1).payload(), RtnetlinkLayout.IFADDRMSG_INDEX), "the address goes to its index");
        assertEquals(42, NetlinkTestPeer.u32(peer.received().get(3).payload(), RtnetlinkLayout.IFADDRMSG_INDEX));
    }

    @Test
    void linksAreNamedInTheRequestItself() {
        handle(req -> req.type() == Rtnetlink.RTM_GETLINK ? List.of(link(req, 0, 9, "veth0"), NetlinkTestPeer.ack(req, 0)) : ack(req));
        assertEquals(9, route.getLink("veth0").index());
        route.updateLink(LinkChange.builder("veth0").up(true).build());
        route.delLink("veth0");
        route.delLink(9);
        assertEquals(List.of(Rtnetlink.RTM_GETLINK, Rtnetlink.RTM_SETLINK, Rtnetlink.RTM_DELLINK, Rtnetlink.RTM_DELLINK), receivedTypes(),
                "one request each");
        assertEquals(0, peer.received().get(3).flags() & (Netlink.NLM_F_CREATE | Netlink.NLM_F_EXCL | Netlink.NLM_F_DUMP));

        route.updateLink(LinkChange.builder("veth0").name("wan0").build());
        assertEquals(List.of(Rtnetlink.RTM_GETLINK, Rtnetlink.RTM_SETLINK), receivedTypes().subList(4, 6),
                "a rename of a link named by name looks its index up first");
        assertEquals(9, NetlinkTestPeer.u32(peer.received().get(5).payload(), RtnetlinkLayout.IFINFOMSG_INDEX));
    }

    @Test
    void linkPresence() {
        handle(req -> NetlinkTestPeer.u32(req.payload(), RtnetlinkLayout.IFINFOMSG_INDEX) == 4
                ? List.of(link(req, 0, 4, "veth0"), NetlinkTestPeer.ack(req, 0)) : refuse(req, Errno.ENODEV));
        assertTrue(route.isLinkPresent(4));
        assertFalse(route.isLinkPresent(5));
        assertFalse(route.isLinkPresent("nosuch0"));
    }

    @Test
    void aLinkAcknowledgedWithoutAReplyIsADecodeFailure() {
        handle(RouteHandleTest::ack);
        NetlinkDecodeException e = assertThrows(NetlinkDecodeException.class, () -> route.getLink(4));
        assertTrue(e.getMessage().contains("acknowledged without a reply"), e.getMessage());
    }

    // Refusals.

    @Test
    void refusalsBecomeTheExceptionsCallersBranchOn() {
        handle(req -> switch (req.type()) {
            // The kernel has no driver for the kind "nl4jkind"; every other link exists.
            case Rtnetlink.RTM_NEWLINK -> refuse(req, new String(req.payload(), StandardCharsets.ISO_8859_1).contains("nl4jkind")
                    ? Errno.EOPNOTSUPP : Errno.EEXIST);
            case Rtnetlink.RTM_NEWADDR -> refuse(req, Errno.EEXIST);
            case Rtnetlink.RTM_DELADDR -> refuse(req, 99); // EADDRNOTAVAIL
            default -> refuse(req, Errno.ENODEV);
        });
        LinkExistsException exists = assertThrows(LinkExistsException.class, () -> route.newLink(LinkSpec.veth("veth0", "veth1")));
        assertTrue(exists.getMessage().startsWith("link 'veth0' (peer 'veth1') already exists"), exists.getMessage());
        assertInstanceOf(NetlinkErrnoException.class, exists.getCause(), "the kernel's refusal is the cause");
        assertEquals(Errno.EEXIST, exists.errno());
        assertEquals("RTM_NEWLINK link 'veth0' (peer 'veth1')", exists.operation());

        LinkKind kind = LinkKind.of("nl4jkind");
        UnknownLinkKindException unknown = assertThrows(UnknownLinkKindException.class,
                () -> route.newLink(LinkSpec.builder().name("x0").kind(kind).build()));
        assertSame(kind, unknown.kind());
        assertTrue(unknown.getMessage().startsWith("unknown link kind 'nl4jkind' for link 'x0' (is its kernel module available?)"),
                unknown.getMessage());
        assertEquals(Errno.EOPNOTSUPP, unknown.errno());

        AddressExistsException addressExists = assertThrows(AddressExistsException.class,
                () -> route.newAddress(3, AddressSpec.of(ip("10.0.0.1"), 8)));
        assertTrue(addressExists.getMessage().startsWith("address 10.0.0.1/8 already exists on link 3"), addressExists.getMessage());
        assertEquals(Errno.EEXIST, addressExists.errno());
        NoSuchAddressException noAddress = assertThrows(NoSuchAddressException.class,
                () -> route.delAddress(3, AddressSpec.of(ip("2001:db8::1"), 64)));
        assertTrue(noAddress.getMessage().startsWith("no address 2001:db8::1/64 on link 3"), noAddress.getMessage());
        assertEquals("EADDRNOTAVAIL", noAddress.errnoName());

        NoSuchLinkException noLink = assertThrows(NoSuchLinkException.class, () -> route.getLink("nosuch0"));
        assertTrue(noLink.getMessage().startsWith("no link 'nosuch0'"), noLink.getMessage());
        assertEquals(Errno.ENODEV, noLink.errno());
        assertThrows(NoSuchLinkException.class, () -> route.delLink(77));
        assertThrows(NoSuchLinkException.class, () -> route.updateLink(LinkChange.builder(77).mtu(1400).build()));
        assertThrows(NoSuchLinkException.class, () -> route.getAddresses(77));
        assertThrows(NoSuchLinkException.class, () -> route.newAddress("nosuch0", AddressSpec.of(ip("10.0.0.1"), 8)));
        assertEquals(List.of(Rtnetlink.RTM_GETLINK), receivedTypes().subList(receivedTypes().size() - 1, receivedTypes().size()),
                "no address request for a link that is not there");
    }

    @Test
    void aRefusalWithoutItsOwnExceptionIsARouteExceptionWithTheKernelsText() {
        handle(req -> List.of(error(req, Errno.EPERM, "Operation not permitted here")));
        RouteException e = assertThrows(RouteException.class, () -> route.updateLink(LinkChange.builder("veth0").mtu(1400).build()));
        assertEquals(RouteException.class, e.getClass());
        assertEquals(Errno.EPERM, e.errno());
        assertEquals("Operation not permitted here", e.extendedAck().message());
        assertTrue(e.getMessage().startsWith("RTM_SETLINK link 'veth0': permission denied: changing links and addresses needs"
                + " CAP_NET_ADMIN in the network namespace"), e.getMessage());
        RouteException other = assertThrows(RouteException.class, () -> route.delAddress(2, AddressSpec.of(ip("10.0.0.1"), 8)));
        assertEquals(RouteException.class, other.getClass());
        assertInstanceOf(NetlinkErrnoException.class, other, "a refusal is an errno exception");
    }

    @Test
    void aTimeoutSaysNothingAboutTheLinkAndStaysWhatItIs() {
        handle(req -> List.of(), Duration.ofMillis(500));
        NetlinkException e = assertThrows(NetlinkException.class, () -> route.newLink(LinkSpec.veth("veth0", "veth1")));
        assertInstanceOf(NetlinkTimeoutException.class, e);
        assertFalse(e instanceof RouteException, e.toString());
    }

    @Test
    void defaultOptionsAskForStrictCheckingAndExtendedAcks() {
        NetlinkOptions defaults = RouteHandle.defaultOptions().build();
        assertTrue(defaults.strictCheck());
        assertTrue(defaults.extendedAck());
        assertEquals(NetlinkOptions.defaults().receiveTimeout(), defaults.receiveTimeout());
    }

    @Test
    void argumentsAreCheckedBeforeAnythingIsSent() {
        handle(RouteHandleTest::ack);
        assertThrows(IllegalArgumentException.class, () -> route.getLink(0));
        assertThrows(IllegalArgumentException.class, () -> route.getLink("a/b"));
        assertThrows(IllegalArgumentException.class, () -> route.newAddress(-1, AddressSpec.of(ip("10.0.0.1"), 8)));
        assertThrows(IllegalArgumentException.class, () -> route.forEachAddress(AddressFamily.INET, -1, a -> { }));
        assertThrows(NullPointerException.class, () -> route.newLink(null));
        assertEquals(List.of(), peer.received());
    }
}
