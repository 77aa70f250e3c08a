// SPDX-FileCopyrightText: 2026 The netlink4j Authors
// SPDX-License-Identifier: Apache-2.0
package io.netlink4j.route;

import io.netlink4j.AddressFamily;
import io.netlink4j.NetlinkDecodeException;
import io.netlink4j.codec.MessageReader;
import io.netlink4j.codec.MessageWriter;
import io.netlink4j.codec.Netlink;
import io.netlink4j.testing.NetlinkTestPeer;
import io.netlink4j.testsupport.NetlinkBytes;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import io.netty.buffer.PooledByteBufAllocator;
import io.netty.buffer.Unpooled;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Function;

import static io.netlink4j.testsupport.NetlinkBytes.cString;
import static io.netlink4j.testsupport.NetlinkBytes.hostU32;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The rtnetlink codec: requests byte for byte against what iproute2 sends, kernel replies captured
 * with strace, raw preservation of what is not modelled, and malformed input.
 */
class RouteCodecTest {

    static InetAddress ip(String text) {
        try {
            return InetAddress.getByName(text);
        } catch (UnknownHostException e) {
            throw new IllegalArgumentException(text, e);
        }
    }

    /** The messages of a hex resource (one message per line, '#' lines are comments). */
    static List<byte[]> golden(String name) throws IOException {
        try (InputStream in = RouteCodecTest.class.getResourceAsStream(name)) {
            List<byte[]> out = new ArrayList<>();
            for (String line : new String(in.readAllBytes(), StandardCharsets.US_ASCII).split("\n")) {
                if (!line.isBlank() && !line.startsWith("#")) {
                    out.add(HexFormat.of().parseHex(line.strip()));
                }
            }
            return out;
        }
    }

    static <T> T decode(byte[] message, Function<MessageReader, T> decoder) {
        MessageReader reader = MessageReader.of(Unpooled.wrappedBuffer(message), 0, message.length);
        reader.next();
        return decoder.apply(reader);
    }

    /** The payload our encoder writes for one message (after the 16-byte header). */
    static byte[] encode(Consumer<MessageWriter> body) {
        ByteBuf buf = PooledByteBufAllocator.DEFAULT.directBuffer();
        try {
            MessageWriter w = new MessageWriter().begin(buf, Rtnetlink.RTM_NEWLINK, 0, 0, 0);
            body.accept(w);
            int length = w.end();
            return ByteBufUtil.getBytes(buf, Netlink.HEADER_SIZE, length - Netlink.HEADER_SIZE);
        } finally {
            buf.release();
        }
    }

    /** Clears NLA_F_NESTED in every attribute header of an rtnetlink NEWLINK payload (iproute2 6.1 sends nests without it). */
    static byte[] withoutNestedFlags(byte[] payload) {
        byte[] out = payload.clone();
        clearNested(out, RtnetlinkLayout.IFINFOMSG_SIZE, out.length);
        return out;
    }

    private static void clearNested(byte[] b, int start, int end) {
        int at = start;
        while (at + 4 <= end) {
            int len = (b[at] & 0xFF) | (b[at + 1] & 0xFF) << 8;
            if ((b[at + 3] & 0x80) != 0) {
                b[at + 3] &= 0x7F;
                int inner = at + 4;
                int type = (b[at + 2] & 0xFF) | (b[at + 3] & 0x3F) << 8;
                // VETH_INFO_PEER (inside IFLA_INFO_DATA) starts with an ifinfomsg.
                if (type == RtnetlinkLayout.VETH_INFO_PEER && len >= 4 + RtnetlinkLayout.IFINFOMSG_SIZE) {
                    inner += RtnetlinkLayout.IFINFOMSG_SIZE;
                }
                clearNested(b, inner, at + len);
            }
            at += (len + 3) & ~3;
        }
    }

    // Requests, against iproute2 6.1's bytes (strace -xx of the same command).

    @Test
    void vethCreationIsWhatIproute2Sends() {
        // ip link add veth0 type veth peer name veth1. iproute2 sends IFLA_INFO_KIND without its NUL
        // ("08000100 76657468", IFLA_LINKINFO then 0x30 long); we send it NUL-terminated, which the
        // kernel's NLA_STRING policy equally accepts. Apart from that and NLA_F_NESTED, the bytes match.
        byte[] iproute2 = HexFormat.of().parseHex("00000000000000000000000000000000" + "0a000300" + "7665746830000000"
                + "34001200" + "09000100" + "7665746800000000" + "24000200" + "20000100" + "00000000000000000000000000000000"
                + "0a000300" + "7665746831000000");
        byte[] ours = encode(w -> RouteCodec.writeLinkSpec(w, LinkSpec.veth("veth0", "veth1")));
        assertArrayEquals(iproute2, withoutNestedFlags(ours));
        assertEquals(0x80, ours[31] & 0x80, "IFLA_LINKINFO is sent with NLA_F_NESTED");
    }

    @Test
    void addressAdditionsAreWhatIproute2Sends() {
        // ip addr add 10.1.2.3/24 dev veth0 (index 3)
        assertArrayEquals(HexFormat.of().parseHex("02180000" + "03000000" + "080002000a010203" + "080001000a010203"),
                encode(w -> RouteCodec.writeAddressAdd(w, 3, AddressSpec.of(ip("10.1.2.3"), 24))));
        // ip addr add 2001:db8::1/64 dev veth0 nodad
        assertArrayEquals(HexFormat.of().parseHex("0a400200" + "03000000" + "14000200" + "20010db8000000000000000000000001"
                        + "14000100" + "20010db8000000000000000000000001"),
                encode(w -> RouteCodec.writeAddressAdd(w, 3, AddressSpec.builder(ip("2001:db8::1"), 64).flags(AddressFlags.NODAD).build())));
    }

    @Test
    void addressOptionsTravelAsTheKernelExpects() {
        AddressSpec spec = AddressSpec.builder(ip("10.0.0.1"), 32).peer(ip("10.0.0.2")).broadcast(ip("10.0.0.255"))
                .label("eth0:1").scope(AddressScope.LINK).flags(AddressFlags.NOPREFIXROUTE | AddressFlags.NODAD).build();
        Address a = decode(message(Rtnetlink.RTM_NEWADDR, encode(w -> RouteCodec.writeAddressAdd(w, 7, spec))), RouteCodec::decodeAddress);
        assertEquals(ip("10.0.0.1"), a.address().orElseThrow());
        assertEquals(ip("10.0.0.2"), a.peer().orElseThrow());
        assertEquals(ip("10.0.0.255"), a.broadcast().orElseThrow());
        assertEquals("eth0:1", a.label().orElseThrow());
        assertEquals(AddressScope.LINK, a.scope());
        assertEquals(AddressFlags.NOPREFIXROUTE | AddressFlags.NODAD, a.flags(), "IFA_FLAGS carries the bits above 8");
        assertEquals(7, a.linkIndex());
        assertEquals(32, a.prefixLength());

        Address deleted = decode(message(Rtnetlink.RTM_DELADDR, encode(w -> RouteCodec.writeAddressDelete(w, 7, spec))),
                RouteCodec::decodeAddress);
        assertEquals(ip("10.0.0.2"), deleted.peer().orElseThrow());
        assertEquals(0, deleted.flags());
        assertTrue(deleted.broadcast().isEmpty());
    }

    /** A whole message of {@code type} around an encoded payload. */
    static byte[] message(int type, byte[] payload) {
        return new NetlinkBytes().message(type, 0, 1, 0).bytes(payload).endMessage().toArray();
    }

    @Test
    void linkChangesNameTheLinkByIndexOrName() {
        LinkChange change = LinkChange.builder("veth0").up(true).mtu(1400).build();
        Link byName = decode(message(Rtnetlink.RTM_NEWLINK, encode(w -> RouteCodec.writeLinkChange(w, 0, change))), RouteCodec::decodeLink);
        assertEquals("veth0", byName.name());
        assertEquals(1400, byName.mtu());
        assertEquals(0, byName.index());
        assertEquals(LinkFlags.UP, byName.flags());
        byte[] down = encode(w -> RouteCodec.writeLinkChange(w, 5, LinkChange.builder(5).up(false).name("wan0").build()));
        Link byIndex = decode(message(Rtnetlink.RTM_NEWLINK, down), RouteCodec::decodeLink);
        assertEquals(5, byIndex.index());
        assertEquals("wan0", byIndex.name());
        assertEquals(0, byIndex.flags());
        assertEquals(LinkFlags.UP, NetlinkTestPeer.u32(down, RtnetlinkLayout.IFINFOMSG_CHANGE), "ifi_change selects IFF_UP");
        byte[] untouched = encode(w -> RouteCodec.writeLinkChange(w, 5, LinkChange.builder(5).mtu(9000).build()));
        assertEquals(0, NetlinkTestPeer.u32(untouched, RtnetlinkLayout.IFINFOMSG_CHANGE), "state left alone");
        assertThrows(IllegalArgumentException.class,
                () -> encode(w -> RouteCodec.writeLinkChange(w, 0, LinkChange.builder("veth0").name("x").build())));
    }

    @Test
    void vethOptionsReachBothEnds() {
        LinkSpec spec = LinkSpec.builder().name("h0").kind(LinkKind.VETH).peerName("c0").mtu(9000)
                .peerNamespace(LinkNamespace.ofPid(4242)).namespace(LinkNamespace.ofPid(77))
                .address(HardwareAddress.parse("02:00:00:00:00:01")).up(true).build();
        Link link = decode(message(Rtnetlink.RTM_NEWLINK, encode(w -> RouteCodec.writeLinkSpec(w, spec))), RouteCodec::decodeLink);
        assertEquals("h0", link.name());
        assertEquals(9000, link.mtu());
        assertEquals(LinkFlags.UP, link.flags());
        assertEquals("02:00:00:00:00:01", link.address().orElseThrow().toString());
        assertEquals(77, link.attribute(Rtnetlink.IFLA_NET_NS_PID).orElseThrow().u32());
        List<RawAttribute> data = link.info().orElseThrow().data();
        assertEquals(1, data.size());
        RawAttribute peer = data.get(0);
        assertEquals(RtnetlinkLayout.VETH_INFO_PEER, peer.type());
        Link peerLink = decode(message(Rtnetlink.RTM_NEWLINK, peer.value()), RouteCodec::decodeLink);
        assertEquals("c0", peerLink.name());
        assertEquals(9000, peerLink.mtu());
        assertEquals(4242, peerLink.attribute(Rtnetlink.IFLA_NET_NS_PID).orElseThrow().u32());
        assertTrue(peerLink.address().isEmpty(), "the hardware address is the link's own");
    }

    @Test
    void dumpAndSelectorRequests() {
        assertArrayEquals(HexFormat.of().parseHex("0a000000" + "07000000"),
                encode(w -> RouteCodec.writeAddressDump(w, AddressFamily.INET6, 7)));
        assertArrayEquals(HexFormat.of().parseHex("00000000" + "09000000" + "00000000" + "00000000"),
                encode(w -> RouteCodec.writeLinkSelector(w, 9, null)));
        assertArrayEquals(HexFormat.of().parseHex("00000000" + "00000000" + "00000000" + "00000000" + "07000300" + "6c6f0000"),
                encode(w -> RouteCodec.writeLinkSelector(w, 0, "lo")));
    }

    // Replies captured from the kernel.

    @Test
    void decodesTheKernelsLinkReply() throws IOException {
        Link link = decode(golden("veth0-link.hex").get(0), RouteCodec::decodeLink);
        assertEquals(3, link.index());
        assertEquals("veth0", link.name());
        assertEquals(LinkType.ETHER, link.type());
        assertEquals(List.of("BROADCAST", "MULTICAST"), LinkFlags.names(link.flags()));
        assertEquals(1500, link.mtu());
        assertEquals(68, link.minMtu());
        assertEquals(65535, link.maxMtu());
        assertEquals(OperState.DOWN, link.operState());
        assertEquals(LinkMode.DEFAULT, link.linkMode());
        assertEquals("noop", link.qdisc().orElseThrow());
        assertEquals(1000, link.txQueueLength());
        assertEquals(0, link.group());
        assertEquals(HardwareAddress.parse("de:74:ff:97:9c:22"), link.address().orElseThrow());
        assertEquals("ff:ff:ff:ff:ff:ff", link.broadcast().orElseThrow().toString());
        assertEquals(2, link.parentIndex());
        assertEquals(-1, link.linkNetnsId());
        assertEquals(0, link.masterIndex());
        assertEquals(LinkKind.VETH, link.kind().orElseThrow());
        assertEquals("uplink port", link.alias().orElseThrow());
        assertEquals(2, link.attribute(Rtnetlink.IFLA_NUM_TX_QUEUES).orElseThrow().u32());
        assertEquals(65536, link.attribute(Rtnetlink.IFLA_GSO_MAX_SIZE).orElseThrow().u32());
        assertTrue(link.attribute(Rtnetlink.IFLA_STATS64).isPresent(), "statistics kept raw");
        assertTrue(link.attribute(Rtnetlink.IFLA_AF_SPEC).isPresent());
        assertTrue(link.otherAttributes().stream().noneMatch(a -> a.type() == Rtnetlink.IFLA_IFNAME || a.type() == Rtnetlink.IFLA_MTU),
                "modelled attributes are not repeated raw");
    }

    @Test
    void decodesTheKernelsAddressReplies() throws IOException {
        List<Address> addresses = new ArrayList<>();
        for (byte[] m : golden("veth0-addresses.hex")) {
            addresses.add(decode(m, RouteCodec::decodeAddress));
        }
        assertEquals(3, addresses.size());
        Address v4 = addresses.get(0);
        assertEquals(AddressFamily.INET, v4.addressFamily());
        assertEquals(ip("10.1.2.3"), v4.address().orElseThrow());
        assertTrue(v4.peer().isEmpty());
        assertEquals(24, v4.prefixLength());
        assertEquals(AddressScope.UNIVERSE, v4.scope());
        assertEquals("veth0", v4.label().orElseThrow());
        assertEquals(3, v4.linkIndex());
        assertEquals(AddressFlags.PERMANENT, v4.flags());
        assertEquals(List.of("PERMANENT"), AddressFlags.names(v4.flags()));
        assertEquals(Address.FOREVER, v4.cacheInfo().orElseThrow().validLifetime());
        assertEquals(Address.FOREVER, v4.cacheInfo().orElseThrow().preferredLifetime());
        Address p2p = addresses.get(1);
        assertEquals(ip("10.9.9.1"), p2p.address().orElseThrow());
        assertEquals(ip("10.9.9.2"), p2p.peer().orElseThrow());
        assertEquals("veth0:p", p2p.label().orElseThrow());
        Address v6 = addresses.get(2);
        assertEquals(AddressFamily.INET6, v6.addressFamily());
        assertEquals(ip("2001:db8::1"), v6.address().orElseThrow());
        assertEquals(64, v6.prefixLength());
        assertTrue(v6.label().isEmpty());
        assertEquals(List.of("NODAD", "PERMANENT"), AddressFlags.names(v6.flags()));
        assertEquals("Address[INET6 2001:db8::1/64 dev 3 scope UNIVERSE]", v6.toString());
    }

    @Test
    void eventsFromNotifications() throws IOException {
        byte[] link = golden("veth0-link.hex").get(0);
        LinkEvent created = assertInstanceOf(LinkEvent.class, decode(link, RouteCodec::decodeEvent));
        assertEquals(RouteEvent.Action.NEW, created.action());
        assertEquals("veth0", created.link().name());
        byte[] deleted = link.clone();
        deleted[Netlink.TYPE_OFFSET] = (byte) Rtnetlink.RTM_DELLINK;
        assertEquals(RouteEvent.Action.DEL, decode(deleted, RouteCodec::decodeEvent).action());
        byte[] bridgePort = link.clone();
        bridgePort[Netlink.HEADER_SIZE + RtnetlinkLayout.IFINFOMSG_FAMILY] = 7; // AF_BRIDGE
        assertNull(decode(bridgePort, RouteCodec::decodeEvent), "per-protocol link messages are not link events");

        byte[] address = golden("veth0-addresses.hex").get(2);
        address[Netlink.TYPE_OFFSET] = (byte) Rtnetlink.RTM_DELADDR;
        AddressEvent removed = assertInstanceOf(AddressEvent.class, decode(address, RouteCodec::decodeEvent));
        assertEquals(RouteEvent.Action.DEL, removed.action());
        assertEquals(ip("2001:db8::1"), removed.address().address().orElseThrow());
        byte[] route = new NetlinkBytes().message(24, 0, 0, 0).bytes(new byte[12]).endMessage().toArray(); // RTM_NEWROUTE
        assertNull(decode(route, RouteCodec::decodeEvent), "a route is no RouteEvent");
        assertNull(decode(link, RouteCodec::decodeRouteEvent), "nor a link a RouteTableEvent");
    }

    /** An RTM_NEWROUTE notification with NLM_F_* {@code flags}: 10.1.0.0/16 via 10.0.0.2 on link 3. */
    static byte[] routeNotification(int flags) {
        return new NetlinkBytes().message(Rtnetlink.RTM_NEWROUTE, flags, 0, 0)
                .u8(2).u8(16).u8(0).u8(0).u8(254).u8(RouteProtocol.BOOT.value()).u8(0).u8(RouteType.UNICAST.value()).u32(0)
                .attrU32(Rtnetlink.RTA_TABLE, 254).attr(Rtnetlink.RTA_DST, ip("10.1.0.0").getAddress())
                .attr(Rtnetlink.RTA_GATEWAY, ip("10.0.0.2").getAddress()).attrU32(Rtnetlink.RTA_OIF, 3).endMessage().toArray();
    }

    @Test
    void routeEventsFromNotifications() {
        byte[] added = routeNotification(Netlink.NLM_F_CREATE | Netlink.NLM_F_EXCL);
        RouteTableEvent event = decode(added, RouteCodec::decodeRouteEvent);
        assertEquals(RouteEvent.Action.NEW, event.action());
        assertFalse(event.replaced());
        assertEquals(decode(added, RouteCodec::decodeRoute), event.route());
        assertTrue(decode(routeNotification(Netlink.NLM_F_REPLACE), RouteCodec::decodeRouteEvent).replaced(), "NLM_F_REPLACE");
        assertEquals(ip("10.0.0.2"), event.route().gateway().orElseThrow());
        byte[] deleted = added.clone();
        deleted[Netlink.TYPE_OFFSET] = (byte) Rtnetlink.RTM_DELROUTE;
        assertEquals(RouteEvent.Action.DEL, decode(deleted, RouteCodec::decodeRouteEvent).action());
        assertThrows(IllegalArgumentException.class, () -> new RouteTableEvent(RouteEvent.Action.DEL, event.route(), true));
        byte[] multicast = added.clone();
        multicast[Netlink.HEADER_SIZE + RtnetlinkLayout.RTMSG_FAMILY] = (byte) 128; // RTNL_FAMILY_IPMR
        assertNull(decode(multicast, RouteCodec::decodeRouteEvent), "a multicast routing table's route is no RouteTableEvent");
        byte[] shortRtmsg = new NetlinkBytes().message(Rtnetlink.RTM_DELROUTE, 0, 0, 0).u8(2).endMessage().toArray();
        assertThrows(NetlinkDecodeException.class, () -> decode(shortRtmsg, RouteCodec::decodeRouteEvent));
    }

    // What is not modelled stays raw.

    @Test
    void unknownKindsAndAttributesKeepTheirRawValues() {
        byte[] m = new NetlinkBytes().message(Rtnetlink.RTM_NEWLINK, 0, 0, 0)
                .u8(0).u8(0).u16(0xFFFE).u32(12).u32(LinkFlags.UP | LinkFlags.RUNNING | 0x4000_0000).u32(0)
                .attr(Rtnetlink.IFLA_IFNAME, cString("odd0"))
                .attrU32(1000, 0xCAFE)
                .attrU8(Rtnetlink.IFLA_OPERSTATE, 42)
                .attrU8(Rtnetlink.IFLA_LINKMODE, 7)
                .attr(Rtnetlink.IFLA_ADDRESS, new byte[0])
                .nest(Rtnetlink.IFLA_LINKINFO | 0x8000)
                .attr(RtnetlinkLayout.IFLA_INFO_KIND, cString("nl4jkind"))
                .nest(RtnetlinkLayout.IFLA_INFO_DATA).attrU32(3, 7).attr(9, cString("x")).endNest()
                .attr(RtnetlinkLayout.IFLA_INFO_SLAVE_KIND, cString("bridge"))
                .endNest()
                .nest(Rtnetlink.IFLA_PROP_LIST).attr(Rtnetlink.IFLA_ALT_IFNAME, cString("a-very-long-alternative-name")).endNest()
                .endMessage().toArray();
        Link link = decode(m, RouteCodec::decodeLink);
        assertEquals(LinkType.NONE, link.type());
        assertEquals(LinkKind.of("nl4jkind"), link.kind().orElseThrow());
        assertEquals("nl4jkind", link.kind().orElseThrow().name());
        assertEquals(LinkKind.BRIDGE, link.info().orElseThrow().slaveKind());
        assertEquals(List.of(new RawAttribute(3, hostU32(7)), new RawAttribute(9, cString("x"))), link.info().orElseThrow().data());
        assertEquals(0xCAFE, link.attribute(1000).orElseThrow().u32());
        assertEquals(42, link.operState().value());
        assertEquals("42", link.operState().name());
        assertEquals(LinkMode.DEFAULT, link.linkMode(), "the kernel treats a mode it does not know as DEFAULT");
        assertEquals(7, link.attribute(Rtnetlink.IFLA_LINKMODE).orElseThrow().u8(), "and the number stays readable");
        assertEquals(0, link.address().orElseThrow().length());
        assertEquals(List.of("a-very-long-alternative-name"), link.alternativeNames());
        assertEquals(List.of("UP", "RUNNING", "0x40000000"), LinkFlags.names(link.flags()), "unknown bits in hex");
        assertEquals("65000", LinkType.of(65000).name());
        assertEquals(65000, LinkType.of(65000).value());
        assertFalse(LinkType.of(65000).isKnown());
    }

    @Test
    void addressesOfOtherFamiliesKeepTheirRawAddresses() {
        byte[] m = new NetlinkBytes().message(Rtnetlink.RTM_NEWADDR, 0, 0, 0)
                .u8(45).u8(0).u8(0).u8(0).u32(4) // AF_MCTP
                .attrU8(Rtnetlink.IFA_LOCAL, 8)
                .attrU32(77, 1)
                .endMessage().toArray();
        Address a = decode(m, RouteCodec::decodeAddress);
        assertEquals(AddressFamily.MCTP, a.addressFamily());
        assertTrue(a.address().isEmpty());
        assertEquals(8, a.attribute(Rtnetlink.IFA_LOCAL).orElseThrow().u8());
        assertEquals(1, a.attribute(77).orElseThrow().u32());
        assertEquals("99", AddressFamily.of(99).name());
    }

    // Malformed input: NetlinkDecodeException naming the problem, and nothing else.

    static void rejects(byte[] message, Function<MessageReader, ?> decoder, String expectedText) {
        NetlinkDecodeException e = assertThrows(NetlinkDecodeException.class, () -> decode(message, decoder));
        assertTrue(e.getMessage().contains(expectedText), e.getMessage());
    }

    static NetlinkBytes linkHeader() {
        return new NetlinkBytes().message(Rtnetlink.RTM_NEWLINK, 0, 0, 0).u8(0).u8(0).u16(1).u32(2).u32(0).u32(0);
    }

    static NetlinkBytes addressHeader(int family) {
        return new NetlinkBytes().message(Rtnetlink.RTM_NEWADDR, 0, 0, 0).u8(family).u8(24).u8(0).u8(0).u32(2);
    }

    @Test
    void malformedLinksAreRejectedWithAReason() {
        rejects(new NetlinkBytes().message(Rtnetlink.RTM_NEWLINK, 0, 0, 0).u32(0).endMessage().toArray(),
                RouteCodec::decodeLink, "payload of 4 bytes (expected: at least 16 for the ifinfomsg)");
        rejects(linkHeader().endMessage().toArray(), RouteCodec::decodeLink, "without IFLA_IFNAME");
        rejects(linkHeader().attr(Rtnetlink.IFLA_IFNAME, cString("a")).attrU16(Rtnetlink.IFLA_MTU, 1500).endMessage().toArray(),
                RouteCodec::decodeLink, "payload of 2 bytes (expected: 4)");
        rejects(linkHeader().attr(Rtnetlink.IFLA_ADDRESS, new byte[40]).endMessage().toArray(),
                RouteCodec::decodeLink, "40 bytes (expected: at most 32)");
        rejects(linkHeader().nest(Rtnetlink.IFLA_LINKINFO | 0x8000).attr(RtnetlinkLayout.IFLA_INFO_KIND, new byte[] {0}).endNest()
                .endMessage().toArray(), RouteCodec::decodeLink, "IFLA_INFO_KIND: empty");
        rejects(addressHeader(2).attr(Rtnetlink.IFA_LOCAL, new byte[4]).endMessage().toArray(),
                RouteCodec::decodeLink, "message type RTM_NEWADDR (expected: RTM_NEWLINK or RTM_DELLINK)");
    }

    @Test
    void malformedAddressesAreRejectedWithAReason() {
        rejects(addressHeader(2).attr(Rtnetlink.IFA_LOCAL, new byte[5]).endMessage().toArray(),
                RouteCodec::decodeAddress, "of 5 bytes (expected: 4 for INET)");
        rejects(addressHeader(10).attr(Rtnetlink.IFA_ADDRESS, new byte[4]).endMessage().toArray(),
                RouteCodec::decodeAddress, "of 4 bytes (expected: 16 for INET6)");
        rejects(addressHeader(2).endMessage().toArray(), RouteCodec::decodeAddress, "without IFA_ADDRESS or IFA_LOCAL");
        rejects(addressHeader(2).attr(Rtnetlink.IFA_LOCAL, new byte[4]).attr(Rtnetlink.IFA_CACHEINFO, new byte[12]).endMessage().toArray(),
                RouteCodec::decodeAddress, "IFA_CACHEINFO of 12 bytes (expected: 16)");
        rejects(new NetlinkBytes().message(Rtnetlink.RTM_DELADDR, 0, 0, 0).u32(0).endMessage().toArray(),
                RouteCodec::decodeAddress, "payload of 4 bytes (expected: at least 8 for the ifaddrmsg)");
        rejects(new NetlinkBytes().message(Rtnetlink.RTM_NEWLINK, 0, 0, 0).u16(0).endMessage().toArray(),
                RouteCodec::decodeEvent, "at least 16 for the ifinfomsg");
    }
}
