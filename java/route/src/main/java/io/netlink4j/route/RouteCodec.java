// SPDX-FileCopyrightText: 2026 The netlink4j Authors
// SPDX-License-Identifier: Apache-2.0
package io.netlink4j.route;

import io.netlink4j.AddressFamily;
import io.netlink4j.NetlinkDecodeException;
import io.netlink4j.codec.AttributeReader;
import io.netlink4j.internal.HostOrder;
import io.netlink4j.codec.MessageReader;
import io.netlink4j.codec.MessageWriter;
import io.netlink4j.codec.Netlink;
import io.netty.buffer.ByteBuf;

import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.List;

/**
 * Encoding and decoding of rtnetlink link, address and route messages: pure functions over netlink
 * buffers, no I/O. Encoders write a message's payload (fixed header and attributes) into a
 * {@link MessageWriter} after the netlink header. Decoders read a message in place, copy what
 * they keep, and throw only {@link NetlinkDecodeException}, whatever the input.
 */
final class RouteCodec {
    private RouteCodec() {}

    // Encoding.

    /** A {@code struct ifinfomsg}. */
    static void writeLinkHeader(MessageWriter w, int family, int type, int index, int flags, int change) {
        w.rawU8(family).rawU8(0).rawU16(type).rawU32(index).rawU32(flags).rawU32(change);
    }

    /** A {@code struct ifaddrmsg}. */
    static void writeAddressHeader(MessageWriter w, int family, int prefixLength, int flags, int scope, int index) {
        w.rawU8(family).rawU8(prefixLength).rawU8(flags).rawU8(scope).rawU32(index);
    }

    /**
     * RTM_NEWLINK to create {@code spec}. For a veth, the MTU applies to both ends and the peer
     * gets its own name and namespace.
     */
    static void writeLinkSpec(MessageWriter w, LinkSpec spec) {
        writeLinkHeader(w, 0, 0, 0, spec.isUp() ? LinkFlags.UP : 0, spec.isUp() ? LinkFlags.UP : 0);
        w.string(Rtnetlink.IFLA_IFNAME, spec.name());
        spec.mtu().ifPresent(mtu -> w.u32(Rtnetlink.IFLA_MTU, mtu));
        spec.address().ifPresent(a -> w.bytes(Rtnetlink.IFLA_ADDRESS, a.bytes()));
        spec.namespace().ifPresent(ns -> w.u32(Rtnetlink.IFLA_NET_NS_PID, ns.pid()));
        w.beginNested(Rtnetlink.IFLA_LINKINFO);
        w.string(RtnetlinkLayout.IFLA_INFO_KIND, spec.kind().name());
        if (LinkKind.VETH.equals(spec.kind())) {
            w.beginNested(RtnetlinkLayout.IFLA_INFO_DATA);
            w.beginNested(RtnetlinkLayout.VETH_INFO_PEER);
            writeLinkHeader(w, 0, 0, 0, 0, 0);
            spec.peerName().ifPresent(name -> w.string(Rtnetlink.IFLA_IFNAME, name));
            spec.mtu().ifPresent(mtu -> w.u32(Rtnetlink.IFLA_MTU, mtu));
            spec.peerNamespace().ifPresent(ns -> w.u32(Rtnetlink.IFLA_NET_NS_PID, ns.pid()));
            w.endNested();
            w.endNested();
        }
        w.endNested();
    }

    /**
     * RTM_SETLINK applying {@code change} to the link with index {@code index}, or, when
     * {@code index} is 0, to the link named {@link LinkChange#target()} (which cannot then be
     * renamed in the same message).
     *
     * @throws IllegalArgumentException for a rename of a link named by name
     */
    static void writeLinkChange(MessageWriter w, int index, LinkChange change) {
        if (index == 0 && change.name().isPresent()) {
            throw new IllegalArgumentException("renaming " + change.describeTarget() + " needs its index");
        }
        int flags = (change.up().orElse(false) ? LinkFlags.UP : 0) | (change.multicast().orElse(false) ? LinkFlags.MULTICAST : 0);
        int mask = (change.up().isPresent() ? LinkFlags.UP : 0) | (change.multicast().isPresent() ? LinkFlags.MULTICAST : 0);
        writeLinkHeader(w, 0, 0, index, flags, mask);
        if (index == 0) {
            w.string(Rtnetlink.IFLA_IFNAME, change.target().orElseThrow());
        } else {
            change.name().ifPresent(name -> w.string(Rtnetlink.IFLA_IFNAME, name));
        }
        change.mtu().ifPresent(mtu -> w.u32(Rtnetlink.IFLA_MTU, mtu));
        change.address().ifPresent(a -> w.bytes(Rtnetlink.IFLA_ADDRESS, a.bytes()));
        change.namespace().ifPresent(ns -> w.u32(Rtnetlink.IFLA_NET_NS_PID, ns.pid()));
    }

    /** RTM_GETLINK or RTM_DELLINK for the link with {@code index}, or (index 0) the one named {@code name}. */
    static void writeLinkSelector(MessageWriter w, int index, String name) {
        writeLinkHeader(w, 0, 0, index, 0, 0);
        if (index == 0) {
            w.string(Rtnetlink.IFLA_IFNAME, name);
        }
    }

    /** RTM_NEWADDR adding {@code spec} to the link with index {@code index}. */
    static void writeAddressAdd(MessageWriter w, int index, AddressSpec spec) {
        int scope = spec.scope().orElse(AddressScope.UNIVERSE).value();
        writeAddressHeader(w, spec.addressFamily().value(), spec.prefixLength(), spec.flags() & 0xFF, scope, index);
        writeAddresses(w, spec);
        spec.broadcast().ifPresent(b -> w.bytes(Rtnetlink.IFA_BROADCAST, b.getAddress()));
        spec.label().ifPresent(label -> w.string(Rtnetlink.IFA_LABEL, label));
        if ((spec.flags() & ~0xFF) != 0) {
            w.u32(Rtnetlink.IFA_FLAGS, spec.flags());
        }
    }

    /** RTM_DELADDR removing the address of {@code spec} (matched by address, prefix, peer and label) from link {@code index}. */
    static void writeAddressDelete(MessageWriter w, int index, AddressSpec spec) {
        writeAddressHeader(w, spec.addressFamily().value(), spec.prefixLength(), 0, 0, index);
        writeAddresses(w, spec);
        spec.label().ifPresent(label -> w.string(Rtnetlink.IFA_LABEL, label));
    }

    private static void writeAddresses(MessageWriter w, AddressSpec spec) {
        w.bytes(Rtnetlink.IFA_LOCAL, spec.address().getAddress());
        w.bytes(Rtnetlink.IFA_ADDRESS, spec.peer().orElse(spec.address()).getAddress());
    }

    /** An RTM_GETADDR dump request: {@code family} (UNSPEC for all) and {@code index} (0 for every link). */
    static void writeAddressDump(MessageWriter w, AddressFamily family, int index) {
        writeAddressHeader(w, family.value(), 0, 0, 0, index);
    }

    /** A {@code struct rtmsg}. */
    static void writeRouteHeader(MessageWriter w, int family, int dstLen, int srcLen, int tos, int table, int protocol, int scope,
                                 int type, int flags) {
        w.rawU8(family).rawU8(dstLen).rawU8(srcLen).rawU8(tos).rawU8(table).rawU8(protocol).rawU8(scope).rawU8(type).rawU32(flags);
    }

    /** {@code table} for the one-byte {@code rtm_table}: itself below 256, else RT_TABLE_UNSPEC (RTA_TABLE carries it). */
    private static int tableByte(int table) {
        return Integer.compareUnsigned(table, 256) < 0 ? table : RouteTables.UNSPEC;
    }

    /**
     * RTM_NEWROUTE ({@code create}) or RTM_DELROUTE for {@code spec}. Creating fills in what
     * {@code ip route add} would (protocol BOOT, its scope); deleting leaves unset fields as
     * wildcards (protocol UNSPEC, scope NOWHERE).
     */
    static void writeRouteSpec(MessageWriter w, RouteSpec spec, boolean create) {
        AddressFamily family = spec.addressFamily();
        int protocol = spec.protocol().orElse(create ? RouteProtocol.BOOT : RouteProtocol.UNSPEC).value();
        int scope = create ? spec.scopeToCreate().value() : spec.scope().orElse(AddressScope.NOWHERE).value();
        writeRouteHeader(w, family.value(), spec.prefixLength(), spec.sourcePrefixLength(), spec.tos(), tableByte(spec.table()),
                protocol, scope, spec.type().value(), spec.flags());
        w.u32(Rtnetlink.RTA_TABLE, spec.table());
        if (spec.prefixLength() > 0) {
            w.bytes(Rtnetlink.RTA_DST, spec.destination().getAddress());
        }
        spec.source().ifPresent(s -> w.bytes(Rtnetlink.RTA_SRC, s.getAddress()));
        spec.gateway().ifPresent(g -> writeGateway(w, family, g));
        if (spec.linkIndex() != 0) {
            w.u32(Rtnetlink.RTA_OIF, spec.linkIndex());
        }
        spec.preferredSource().ifPresent(s -> w.bytes(Rtnetlink.RTA_PREFSRC, s.getAddress()));
        if (spec.priority() != 0) {
            w.u32(Rtnetlink.RTA_PRIORITY, spec.priority());
        }
        if (spec.mtu().isPresent()) {
            w.beginNested(Rtnetlink.RTA_METRICS);
            w.u32(Rtnetlink.RTAX_MTU, spec.mtu().getAsInt());
            w.endNested();
        }
        if (!spec.nextHops().isEmpty()) {
            w.bytes(Rtnetlink.RTA_MULTIPATH, multipath(family, spec.nextHops()));
        }
        spec.preference().ifPresent(p -> w.u8(Rtnetlink.RTA_PREF, p.value()));
    }

    private static void writeGateway(MessageWriter w, AddressFamily family, InetAddress gateway) {
        AddressFamily of = AddressFamily.of(gateway);
        if (of.equals(family)) {
            w.bytes(Rtnetlink.RTA_GATEWAY, gateway.getAddress());
        } else {
            w.bytes(Rtnetlink.RTA_VIA, via(of, gateway));
        }
    }

    /** A {@code struct rtvia}: u16 family, then the address. */
    private static byte[] via(AddressFamily family, InetAddress gateway) {
        byte[] address = gateway.getAddress();
        return ByteBuffer.allocate(2 + address.length).order(ByteOrder.nativeOrder()).putShort((short) family.value()).put(address)
                .array();
    }

    /** The payload of RTA_MULTIPATH: a {@code struct rtnexthop} and its attributes per next hop, each 4-byte aligned. */
    private static byte[] multipath(AddressFamily family, List<NextHop> hops) {
        ByteBuffer out = ByteBuffer.allocate(hops.size() * (RtnetlinkLayout.RTNEXTHOP_SIZE + 4 + 20)).order(ByteOrder.nativeOrder());
        for (NextHop hop : hops) {
            int start = out.position();
            out.putShort((short) 0).put((byte) hop.flags()).put((byte) (hop.weight() - 1)).putInt(hop.linkIndex());
            if (hop.gateway().isPresent()) {
                InetAddress g = hop.gateway().get();
                boolean same = AddressFamily.of(g).equals(family);
                byte[] payload = same ? g.getAddress() : via(AddressFamily.of(g), g);
                out.putShort((short) (4 + payload.length)).putShort((short) (same ? Rtnetlink.RTA_GATEWAY : Rtnetlink.RTA_VIA)).put(payload);
                while (out.position() % 4 != 0) {
                    out.put((byte) 0);
                }
            }
            out.putShort(start, (short) (out.position() - start));
        }
        byte[] bytes = new byte[out.position()];
        out.flip().get(bytes);
        return bytes;
    }

    /**
     * An RTM_GETROUTE dump request for {@code family} and {@code table} (0 for all): with strict
     * checking, the kernel filters by table.
     */
    static void writeRouteDump(MessageWriter w, AddressFamily family, int table) {
        writeRouteHeader(w, family.value(), 0, 0, 0, tableByte(table), 0, 0, 0, 0);
        if (table != RouteTables.UNSPEC) {
            w.u32(Rtnetlink.RTA_TABLE, table);
        }
    }

    /**
     * An RTM_GETROUTE lookup of {@code destination}, reporting the table the route was found in
     * (IPv4 needs RTM_F_LOOKUP_TABLE for that and IPv6, which always reports it, refuses the flag).
     */
    static void writeRouteLookup(MessageWriter w, InetAddress destination) {
        AddressFamily family = AddressFamily.of(destination);
        int flags = family.equals(AddressFamily.INET) ? RouteFlags.LOOKUP_TABLE : 0;
        writeRouteHeader(w, family.value(), family.maxPrefixLength(), 0, 0, 0, 0, 0, 0, flags);
        w.bytes(Rtnetlink.RTA_DST, destination.getAddress());
    }

    // Decoding.

    /** The link in an RTM_NEWLINK or RTM_DELLINK message. */
    static Link decodeLink(MessageReader msg) {
        checkType(msg, Rtnetlink.RTM_NEWLINK, Rtnetlink.RTM_DELLINK);
        int p = headerOffset(msg, RtnetlinkLayout.IFINFOMSG_SIZE, "ifinfomsg");
        ByteBuf buf = msg.buffer();
        Link.Builder b = Link.builder()
                .type(LinkType.of(HostOrder.getU16(buf, p + RtnetlinkLayout.IFINFOMSG_TYPE)))
                .index(HostOrder.getI32(buf, p + RtnetlinkLayout.IFINFOMSG_INDEX))
                .flags(HostOrder.getI32(buf, p + RtnetlinkLayout.IFINFOMSG_FLAGS));
        String name = null;
        List<RawAttribute> other = new ArrayList<>();
        AttributeReader attrs = AttributeReader.of(buf, p + RtnetlinkLayout.IFINFOMSG_SIZE, msg.payloadEnd());
        while (attrs.next()) {
            switch (attrs.type()) {
                case Rtnetlink.IFLA_IFNAME -> name = attrs.string();
                case Rtnetlink.IFLA_MTU -> b.mtu(attrs.u32());
                case Rtnetlink.IFLA_OPERSTATE -> b.operState(OperState.of(attrs.u8()));
                case Rtnetlink.IFLA_LINKMODE -> {
                    int mode = attrs.u8();
                    if (mode <= LinkMode.TESTING.value()) {
                        b.linkMode(LinkMode.of(mode));
                    } else {
                        other.add(raw(attrs)); // the kernel treats it as DEFAULT; the number stays readable
                    }
                }
                case Rtnetlink.IFLA_ADDRESS -> b.address(hardwareAddress(attrs));
                case Rtnetlink.IFLA_BROADCAST -> b.broadcast(hardwareAddress(attrs));
                case Rtnetlink.IFLA_PERM_ADDRESS -> b.permanentAddress(hardwareAddress(attrs));
                case Rtnetlink.IFLA_TXQLEN -> b.txQueueLength(attrs.u32());
                case Rtnetlink.IFLA_QDISC -> b.qdisc(attrs.string());
                case Rtnetlink.IFLA_GROUP -> b.group(attrs.u32());
                case Rtnetlink.IFLA_LINK -> b.parentIndex(attrs.u32());
                case Rtnetlink.IFLA_MASTER -> b.masterIndex(attrs.u32());
                case Rtnetlink.IFLA_LINK_NETNSID -> b.linkNetnsId(attrs.u32());
                case Rtnetlink.IFLA_LINKINFO -> b.info(linkInfo(attrs.nested()));
                case Rtnetlink.IFLA_IFALIAS -> b.alias(attrs.string());
                case Rtnetlink.IFLA_PROP_LIST -> b.alternativeNames(alternativeNames(attrs.nested()));
                case Rtnetlink.IFLA_MIN_MTU -> b.minMtu(attrs.u32());
                case Rtnetlink.IFLA_MAX_MTU -> b.maxMtu(attrs.u32());
                default -> other.add(raw(attrs));
            }
        }
        if (name == null) {
            throw new NetlinkDecodeException(RtnetlinkLayout.typeName(msg.type()) + " without IFLA_IFNAME");
        }
        try {
            return b.name(name).otherAttributes(other).build();
        } catch (IllegalArgumentException e) {
            throw new NetlinkDecodeException(RtnetlinkLayout.typeName(msg.type()) + ": " + e.getMessage(), e);
        }
    }

    private static LinkInfo linkInfo(AttributeReader attrs) {
        LinkKind kind = null;
        LinkKind slaveKind = null;
        List<RawAttribute> data = List.of();
        List<RawAttribute> slaveData = List.of();
        while (attrs.next()) {
            switch (attrs.type()) {
                case RtnetlinkLayout.IFLA_INFO_KIND -> kind = kind(attrs, "IFLA_INFO_KIND");
                case RtnetlinkLayout.IFLA_INFO_DATA -> data = rawList(attrs.nested());
                case RtnetlinkLayout.IFLA_INFO_SLAVE_KIND -> slaveKind = kind(attrs, "IFLA_INFO_SLAVE_KIND");
                case RtnetlinkLayout.IFLA_INFO_SLAVE_DATA -> slaveData = rawList(attrs.nested());
                default -> { }
            }
        }
        return new LinkInfo(kind, data, slaveKind, slaveData);
    }

    private static LinkKind kind(AttributeReader attrs, String what) {
        String name = attrs.string();
        if (name.isEmpty()) {
            throw new NetlinkDecodeException(what + ": empty (expected: a kind name)");
        }
        return LinkKind.of(name);
    }

    private static List<String> alternativeNames(AttributeReader attrs) {
        List<String> out = new ArrayList<>();
        while (attrs.next()) {
            if (attrs.type() == Rtnetlink.IFLA_ALT_IFNAME) {
                out.add(attrs.string());
            }
        }
        return out;
    }

    private static HardwareAddress hardwareAddress(AttributeReader attrs) {
        if (attrs.payloadLength() > HardwareAddress.MAX_LENGTH) {
            throw new NetlinkDecodeException("link-layer address attribute " + attrs.type() + ": " + attrs.payloadLength()
                    + " bytes (expected: at most " + HardwareAddress.MAX_LENGTH + ")");
        }
        return HardwareAddress.of(attrs.bytes());
    }

    /** The route in an RTM_NEWROUTE or RTM_DELROUTE message of family INET or INET6. */
    static Route decodeRoute(MessageReader msg) {
        checkType(msg, Rtnetlink.RTM_NEWROUTE, Rtnetlink.RTM_DELROUTE);
        int p = headerOffset(msg, RtnetlinkLayout.RTMSG_SIZE, "rtmsg");
        ByteBuf buf = msg.buffer();
        AddressFamily family = AddressFamily.of(buf.getUnsignedByte(p + RtnetlinkLayout.RTMSG_FAMILY));
        if (!family.isIp()) {
            throw new NetlinkDecodeException(RtnetlinkLayout.typeName(msg.type()) + " for " + family + " (expected: INET or INET6)");
        }
        Route.Builder b = Route.builder().addressFamily(family)
                .destinationPrefixLength(buf.getUnsignedByte(p + RtnetlinkLayout.RTMSG_DST_LEN))
                .sourcePrefixLength(buf.getUnsignedByte(p + RtnetlinkLayout.RTMSG_SRC_LEN))
                .tos(buf.getUnsignedByte(p + RtnetlinkLayout.RTMSG_TOS))
                .table(buf.getUnsignedByte(p + RtnetlinkLayout.RTMSG_TABLE))
                .protocol(RouteProtocol.of(buf.getUnsignedByte(p + RtnetlinkLayout.RTMSG_PROTOCOL)))
                .scope(AddressScope.of(buf.getUnsignedByte(p + RtnetlinkLayout.RTMSG_SCOPE)))
                .type(RouteType.of(buf.getUnsignedByte(p + RtnetlinkLayout.RTMSG_TYPE)))
                .flags(HostOrder.getI32(buf, p + RtnetlinkLayout.RTMSG_FLAGS));
        List<RawAttribute> other = new ArrayList<>();
        AttributeReader attrs = AttributeReader.of(buf, p + RtnetlinkLayout.RTMSG_SIZE, msg.payloadEnd());
        while (attrs.next()) {
            switch (attrs.type()) {
                case Rtnetlink.RTA_DST -> b.destination(inetAddress(attrs, family));
                case Rtnetlink.RTA_SRC -> b.source(inetAddress(attrs, family));
                case Rtnetlink.RTA_GATEWAY -> b.gateway(inetAddress(attrs, family));
                case Rtnetlink.RTA_VIA -> b.gateway(via(attrs));
                case Rtnetlink.RTA_OIF -> b.linkIndex(attrs.u32());
                case Rtnetlink.RTA_PREFSRC -> b.preferredSource(inetAddress(attrs, family));
                case Rtnetlink.RTA_PRIORITY -> b.priority(attrs.u32());
                case Rtnetlink.RTA_TABLE -> b.table(attrs.u32());
                case Rtnetlink.RTA_METRICS -> metrics(attrs.nested(), b);
                case Rtnetlink.RTA_MULTIPATH -> b.nextHops(nextHops(attrs, family));
                case Rtnetlink.RTA_PREF -> {
                    int pref = attrs.u8();
                    if (pref <= RoutePreference.LOW.value()) {
                        b.preference(RoutePreference.of(pref));
                    } else {
                        other.add(raw(attrs));
                    }
                }
                default -> other.add(raw(attrs));
            }
        }
        try {
            return b.otherAttributes(other).build();
        } catch (IllegalArgumentException e) {
            throw new NetlinkDecodeException(RtnetlinkLayout.typeName(msg.type()) + ": " + e.getMessage(), e);
        }
    }

    private static void metrics(AttributeReader attrs, Route.Builder b) {
        List<RawAttribute> other = new ArrayList<>();
        while (attrs.next()) {
            if (attrs.type() == Rtnetlink.RTAX_MTU && attrs.payloadLength() == 4) {
                b.mtu(attrs.u32());
            } else {
                other.add(raw(attrs));
            }
        }
        b.otherMetrics(other);
    }

    /** A {@code struct rtvia}: u16 family, then an address of that family. */
    private static InetAddress via(AttributeReader attrs) {
        ByteBuf buf = attrs.buffer();
        int p = attrs.payloadOffset();
        if (attrs.payloadLength() < 2) {
            throw new NetlinkDecodeException("RTA_VIA of " + attrs.payloadLength() + " bytes (expected: at least 2)");
        }
        AddressFamily family = AddressFamily.of(HostOrder.getU16(buf, p));
        int length = attrs.payloadLength() - 2;
        if (!family.isIp() || length != family.addressLength()) {
            throw new NetlinkDecodeException("RTA_VIA for " + family + " with " + length + " address bytes (expected: an IPv4 or IPv6 address)");
        }
        byte[] raw = new byte[length];
        buf.getBytes(p + 2, raw);
        return address(raw, "RTA_VIA");
    }

    private static List<NextHop> nextHops(AttributeReader attrs, AddressFamily family) {
        ByteBuf buf = attrs.buffer();
        int p = attrs.payloadOffset();
        int end = p + attrs.payloadLength();
        List<NextHop> hops = new ArrayList<>();
        while (end - p >= RtnetlinkLayout.RTNEXTHOP_SIZE) {
            int length = HostOrder.getU16(buf, p);
            if (length < RtnetlinkLayout.RTNEXTHOP_SIZE || length > end - p) {
                throw new NetlinkDecodeException("RTA_MULTIPATH: next hop of " + length + " bytes with " + (end - p) + " left (expected: "
                        + RtnetlinkLayout.RTNEXTHOP_SIZE + "-" + (end - p) + ")");
            }
            NextHop.Builder hop = NextHop.builder().flags(buf.getUnsignedByte(p + 2)).weight(buf.getUnsignedByte(p + 3) + 1)
                    .linkIndex(HostOrder.getI32(buf, p + 4));
            List<RawAttribute> other = new ArrayList<>();
            AttributeReader nested = AttributeReader.of(buf, p + RtnetlinkLayout.RTNEXTHOP_SIZE, p + length);
            while (nested.next()) {
                switch (nested.type()) {
                    case Rtnetlink.RTA_GATEWAY -> hop.gateway(inetAddress(nested, family));
                    case Rtnetlink.RTA_VIA -> hop.gateway(via(nested));
                    default -> other.add(raw(nested));
                }
            }
            try {
                hops.add(hop.otherAttributes(other).build());
            } catch (IllegalArgumentException e) {
                throw new NetlinkDecodeException("RTA_MULTIPATH: " + e.getMessage(), e);
            }
            p += (length + 3) & ~3;
        }
        return hops;
    }

    /** The address in an RTM_NEWADDR or RTM_DELADDR message. */
    static Address decodeAddress(MessageReader msg) {
        checkType(msg, Rtnetlink.RTM_NEWADDR, Rtnetlink.RTM_DELADDR);
        int p = headerOffset(msg, RtnetlinkLayout.IFADDRMSG_SIZE, "ifaddrmsg");
        ByteBuf buf = msg.buffer();
        AddressFamily family = AddressFamily.of(buf.getUnsignedByte(p + RtnetlinkLayout.IFADDRMSG_FAMILY));
        int flags = buf.getUnsignedByte(p + RtnetlinkLayout.IFADDRMSG_FLAGS);
        Address.Builder b = Address.builder().addressFamily(family)
                .prefixLength(buf.getUnsignedByte(p + RtnetlinkLayout.IFADDRMSG_PREFIXLEN))
                .scope(AddressScope.of(buf.getUnsignedByte(p + RtnetlinkLayout.IFADDRMSG_SCOPE)))
                .linkIndex(HostOrder.getI32(buf, p + RtnetlinkLayout.IFADDRMSG_INDEX));
        boolean ip = family.addressLength() > 0;
        InetAddress address = null;
        InetAddress local = null;
        List<RawAttribute> other = new ArrayList<>();
        AttributeReader attrs = AttributeReader.of(buf, p + RtnetlinkLayout.IFADDRMSG_SIZE, msg.payloadEnd());
        while (attrs.next()) {
            int type = attrs.type();
            if (!ip && (type == Rtnetlink.IFA_ADDRESS || type == Rtnetlink.IFA_LOCAL || type == Rtnetlink.IFA_BROADCAST)) {
                other.add(raw(attrs));
                continue;
            }
            switch (type) {
                case Rtnetlink.IFA_ADDRESS -> address = inetAddress(attrs, family);
                case Rtnetlink.IFA_LOCAL -> local = inetAddress(attrs, family);
                case Rtnetlink.IFA_BROADCAST -> b.broadcast(inetAddress(attrs, family));
                case Rtnetlink.IFA_LABEL -> b.label(attrs.string());
                case Rtnetlink.IFA_CACHEINFO -> b.cacheInfo(cacheInfo(attrs));
                case Rtnetlink.IFA_FLAGS -> flags = attrs.u32();
                case Rtnetlink.IFA_RT_PRIORITY -> b.routePriority(attrs.u32());
                case Rtnetlink.IFA_PROTO -> b.protocol(AddressProtocol.of(attrs.u8()));
                default -> other.add(raw(attrs));
            }
        }
        if (ip && address == null && local == null) {
            throw new NetlinkDecodeException(RtnetlinkLayout.typeName(msg.type()) + " for " + family + " without IFA_ADDRESS or IFA_LOCAL");
        }
        if (local != null) {
            b.address(local);
            if (address != null && !address.equals(local)) {
                b.peer(address);
            }
        } else if (address != null) {
            b.address(address);
        }
        try {
            return b.flags(flags).otherAttributes(other).build();
        } catch (IllegalArgumentException e) {
            throw new NetlinkDecodeException(RtnetlinkLayout.typeName(msg.type()) + ": " + e.getMessage(), e);
        }
    }

    private static InetAddress inetAddress(AttributeReader attrs, AddressFamily family) {
        byte[] raw = attrs.bytes();
        if (raw.length != family.addressLength()) {
            throw new NetlinkDecodeException("address attribute " + attrs.type() + " of " + raw.length + " bytes (expected: "
                    + family.addressLength() + " for " + family + ")");
        }
        return address(raw, "address attribute " + attrs.type());
    }

    private static InetAddress address(byte[] raw, String what) {
        try {
            // A 16-byte IPv4-mapped address stays IPv6 (InetAddress.getByAddress would turn it into IPv4).
            return raw.length == 16 ? Inet6Address.getByAddress(null, raw, -1) : InetAddress.getByAddress(raw);
        } catch (UnknownHostException e) {
            throw new NetlinkDecodeException(what + ": " + e.getMessage(), e);
        }
    }

    private static Address.CacheInfo cacheInfo(AttributeReader attrs) {
        if (attrs.payloadLength() != RtnetlinkLayout.IFA_CACHEINFO_SIZE) {
            throw new NetlinkDecodeException("IFA_CACHEINFO of " + attrs.payloadLength() + " bytes (expected: "
                    + RtnetlinkLayout.IFA_CACHEINFO_SIZE + ")");
        }
        ByteBuf buf = attrs.buffer();
        int p = attrs.payloadOffset();
        return new Address.CacheInfo(u32(buf, p), u32(buf, p + 4), u32(buf, p + 8), u32(buf, p + 12));
    }

    private static long u32(ByteBuf buf, int index) {
        return Integer.toUnsignedLong(HostOrder.getI32(buf, index));
    }

    /**
     * The event in a link or address notification; null for any other message type, and for
     * link messages of a specific protocol family (such as a bridge's per-port messages), which
     * describe protocol state rather than the link.
     */
    static RouteEvent decodeEvent(MessageReader msg) {
        return switch (msg.type()) {
            case Rtnetlink.RTM_NEWLINK, Rtnetlink.RTM_DELLINK -> {
                int p = headerOffset(msg, RtnetlinkLayout.IFINFOMSG_SIZE, "ifinfomsg");
                if (msg.buffer().getUnsignedByte(p + RtnetlinkLayout.IFINFOMSG_FAMILY) != AddressFamily.UNSPEC.value()) {
                    yield null;
                }
                yield new LinkEvent(action(msg, Rtnetlink.RTM_NEWLINK), decodeLink(msg));
            }
            case Rtnetlink.RTM_NEWADDR, Rtnetlink.RTM_DELADDR -> new AddressEvent(action(msg, Rtnetlink.RTM_NEWADDR), decodeAddress(msg));
            default -> null;
        };
    }

    /**
     * The event in a route notification; null for any other message type, and for routes of
     * families other than INET and INET6 (multicast routing tables, whose messages share the type).
     */
    static RouteTableEvent decodeRouteEvent(MessageReader msg) {
        if (msg.type() != Rtnetlink.RTM_NEWROUTE && msg.type() != Rtnetlink.RTM_DELROUTE) {
            return null;
        }
        int p = headerOffset(msg, RtnetlinkLayout.RTMSG_SIZE, "rtmsg");
        if (!AddressFamily.of(msg.buffer().getUnsignedByte(p + RtnetlinkLayout.RTMSG_FAMILY)).isIp()) {
            return null;
        }
        RouteEvent.Action action = action(msg, Rtnetlink.RTM_NEWROUTE);
        boolean replaced = action == RouteEvent.Action.NEW && (msg.flags() & Netlink.NLM_F_REPLACE) != 0;
        return new RouteTableEvent(action, decodeRoute(msg), replaced);
    }

    private static RouteEvent.Action action(MessageReader msg, int newType) {
        return msg.type() == newType ? RouteEvent.Action.NEW : RouteEvent.Action.DEL;
    }

    private static void checkType(MessageReader msg, int newType, int delType) {
        int type = msg.type();
        if (type != newType && type != delType) {
            throw new NetlinkDecodeException("message type " + RtnetlinkLayout.typeName(type) + " (expected: "
                    + RtnetlinkLayout.typeName(newType) + " or " + RtnetlinkLayout.typeName(delType) + ")");
        }
    }

    private static int headerOffset(MessageReader msg, int size, String what) {
        if (msg.payloadLength() < size) {
            throw new NetlinkDecodeException(RtnetlinkLayout.typeName(msg.type()) + " payload of " + msg.payloadLength()
                    + " bytes (expected: at least " + size + " for the " + what + ")");
        }
        return msg.payloadOffset();
    }

    private static RawAttribute raw(AttributeReader attrs) {
        return new RawAttribute(attrs.rawType(), attrs.bytes());
    }

    private static List<RawAttribute> rawList(AttributeReader attrs) {
        List<RawAttribute> out = new ArrayList<>();
        while (attrs.next()) {
            out.add(raw(attrs));
        }
        return out;
    }
}
