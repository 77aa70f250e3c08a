package io.netlink4j.ipvs;

import io.netlink4j.NetlinkDecodeException;
import io.netlink4j.codec.AttributeReader;
import io.netlink4j.codec.MessageReader;
import io.netlink4j.codec.MessageWriter;
import io.netlink4j.genl.Genl;

import java.net.InetAddress;
import java.time.Duration;
import java.util.Arrays;

/**
 * Encoding and decoding of IPVS attributes: pure functions over netlink buffers, no I/O. Encoding
 * writes into a {@link MessageWriter} after the generic netlink header and allocates nothing.
 * Decoding reads the attributes of a reply in place and throws only {@link NetlinkDecodeException}.
 */
public final class IpvsCodec {
    private IpvsCodec() {}

    // Encoding.

    /** CMD_ATTR_SERVICE with only what identifies the service (DEL_SERVICE, GET_SERVICE, ZERO, destinations). */
    public static void writeServiceIdentity(MessageWriter w, Service s) {
        w.beginNested(Ipvs.CMD_ATTR_SERVICE);
        writeIdentity(w, s);
        w.endNested();
    }

    /** CMD_ATTR_SERVICE with the full specification (NEW_SERVICE, SET_SERVICE). */
    public static void writeService(MessageWriter w, Service s) {
        w.beginNested(Ipvs.CMD_ATTR_SERVICE);
        writeIdentity(w, s);
        w.string(Ipvs.SVC_ATTR_SCHED_NAME, s.schedName());
        if (!s.peName().isEmpty()) {
            w.string(Ipvs.SVC_ATTR_PE_NAME, s.peName());
        }
        // struct ip_vs_flags { u32 flags; u32 mask; }: the mask says which bits to take.
        w.beginAttribute(Ipvs.SVC_ATTR_FLAGS).rawU32(s.flags()).rawU32(0xFFFFFFFF).endAttribute();
        w.u32(Ipvs.SVC_ATTR_TIMEOUT, (int) s.timeout());
        if (s.addressFamily() == AddressFamily.INET) {
            w.u32Be(Ipvs.SVC_ATTR_NETMASK, s.ipv4Mask());
        } else {
            w.u32(Ipvs.SVC_ATTR_NETMASK, s.netmask());
        }
        w.endNested();
    }

    private static void writeIdentity(MessageWriter w, Service s) {
        w.u16(Ipvs.SVC_ATTR_AF, s.addressFamily().value());
        if (s.isFwMark()) {
            w.u32(Ipvs.SVC_ATTR_FWMARK, (int) s.fwMark());
        } else {
            w.u16(Ipvs.SVC_ATTR_PROTOCOL, s.protocol().value());
            w.bytes(Ipvs.SVC_ATTR_ADDR, s.wireAddress);
            w.u16Be(Ipvs.SVC_ATTR_PORT, s.port());
        }
    }

    /** CMD_ATTR_DEST with the full specification (NEW_DEST, SET_DEST). */
    public static void writeDestination(MessageWriter w, Destination d) {
        w.beginNested(Ipvs.CMD_ATTR_DEST);
        w.bytes(Ipvs.DEST_ATTR_ADDR, d.wireAddress);
        w.u16Be(Ipvs.DEST_ATTR_PORT, d.port());
        w.u16(Ipvs.DEST_ATTR_ADDR_FAMILY, d.addressFamily().value());
        w.u32(Ipvs.DEST_ATTR_FWD_METHOD, d.forwardingMethod().value());
        w.u32(Ipvs.DEST_ATTR_WEIGHT, d.weight());
        w.u32(Ipvs.DEST_ATTR_U_THRESH, (int) d.upperThreshold());
        w.u32(Ipvs.DEST_ATTR_L_THRESH, (int) d.lowerThreshold());
        // Sent whatever the method, so a destination reads back exactly as it was written.
        w.u8(Ipvs.DEST_ATTR_TUN_TYPE, d.tunnelType().value());
        w.u16Be(Ipvs.DEST_ATTR_TUN_PORT, d.tunnelPort());
        w.u16(Ipvs.DEST_ATTR_TUN_FLAGS, d.tunnelFlags());
        w.endNested();
    }

    /** CMD_ATTR_DEST with only address and port (DEL_DEST). */
    public static void writeDestinationIdentity(MessageWriter w, Destination d) {
        w.beginNested(Ipvs.CMD_ATTR_DEST);
        w.bytes(Ipvs.DEST_ATTR_ADDR, d.wireAddress);
        w.u16Be(Ipvs.DEST_ATTR_PORT, d.port());
        w.u16(Ipvs.DEST_ATTR_ADDR_FAMILY, d.addressFamily().value());
        w.endNested();
    }

    /** CMD_ATTR_DAEMON for NEW_DAEMON. */
    public static void writeDaemon(MessageWriter w, DaemonConfig d) {
        w.beginNested(Ipvs.CMD_ATTR_DAEMON);
        w.u32(Ipvs.DAEMON_ATTR_STATE, d.state().value());
        w.string(Ipvs.DAEMON_ATTR_MCAST_IFN, d.multicastInterface());
        w.u32(Ipvs.DAEMON_ATTR_SYNC_ID, (int) d.syncId());
        if (d.syncMaxLength() != 0) {
            w.u16(Ipvs.DAEMON_ATTR_SYNC_MAXLEN, d.syncMaxLength());
        }
        if (d.multicastGroup() != null) {
            if (d.isIpv4Group()) {
                w.bytes(Ipvs.DAEMON_ATTR_MCAST_GROUP, d.multicastGroup().getAddress());
            } else {
                w.bytes(Ipvs.DAEMON_ATTR_MCAST_GROUP6, d.multicastGroup().getAddress());
            }
        }
        if (d.multicastPort() != 0) {
            w.u16(Ipvs.DAEMON_ATTR_MCAST_PORT, d.multicastPort());
        }
        if (d.multicastTtl() != 0) {
            w.u8(Ipvs.DAEMON_ATTR_MCAST_TTL, d.multicastTtl());
        }
        w.endNested();
    }

    /** CMD_ATTR_DAEMON with only the state (DEL_DAEMON). */
    public static void writeDaemonState(MessageWriter w, DaemonConfig.State state) {
        w.beginNested(Ipvs.CMD_ATTR_DAEMON);
        w.u32(Ipvs.DAEMON_ATTR_STATE, state.value());
        w.endNested();
    }

    /** The three timeouts for SET_CONFIG (0 = unchanged). */
    public static void writeConfig(MessageWriter w, Config c) {
        w.u32(Ipvs.CMD_ATTR_TIMEOUT_TCP, (int) c.timeoutTcp().getSeconds());
        w.u32(Ipvs.CMD_ATTR_TIMEOUT_TCP_FIN, (int) c.timeoutTcpFin().getSeconds());
        w.u32(Ipvs.CMD_ATTR_TIMEOUT_UDP, (int) c.timeoutUdp().getSeconds());
    }

    // Decoding.

    /** The service in a GET_SERVICE reply (its CMD_ATTR_SERVICE). */
    public static Service decodeService(MessageReader msg) {
        AttributeReader top = Genl.attributes(msg, 0, new AttributeReader());
        while (top.next()) {
            if (top.type() == Ipvs.CMD_ATTR_SERVICE) {
                return decodeServiceAttributes(top.nested());
            }
        }
        throw new NetlinkDecodeException("IPVS service reply without IPVS_CMD_ATTR_SERVICE");
    }

    /** A service from the attributes inside CMD_ATTR_SERVICE. */
    public static Service decodeServiceAttributes(AttributeReader attrs) {
        int af = -1;
        int protocol = -1;
        byte[] addr = null;
        int port = 0;
        long fwMark = 0;
        String sched = null;
        int flags = 0;
        long timeout = 0;
        int rawNetmask = 0;
        boolean hasNetmask = false;
        String pe = "";
        Stats stats = null;
        Stats stats64 = null;
        while (attrs.next()) {
            switch (attrs.type()) {
                case Ipvs.SVC_ATTR_AF -> af = attrs.u16();
                case Ipvs.SVC_ATTR_PROTOCOL -> protocol = attrs.u16();
                case Ipvs.SVC_ATTR_ADDR -> addr = attrs.bytes();
                case Ipvs.SVC_ATTR_PORT -> port = attrs.u16Be();
                case Ipvs.SVC_ATTR_FWMARK -> fwMark = Integer.toUnsignedLong(attrs.u32());
                case Ipvs.SVC_ATTR_SCHED_NAME -> sched = attrs.string();
                case Ipvs.SVC_ATTR_FLAGS -> flags = flagsOf(attrs);
                case Ipvs.SVC_ATTR_TIMEOUT -> timeout = Integer.toUnsignedLong(attrs.u32());
                case Ipvs.SVC_ATTR_NETMASK -> {
                    rawNetmask = attrs.u32();
                    hasNetmask = true;
                }
                case Ipvs.SVC_ATTR_PE_NAME -> pe = attrs.string();
                case Ipvs.SVC_ATTR_STATS -> stats = decodeStats(attrs.nested());
                case Ipvs.SVC_ATTR_STATS64 -> stats64 = decodeStats(attrs.nested());
                default -> { }
            }
        }
        AddressFamily family = familyOf(af, "service");
        Service.Builder b = Service.builder().addressFamily(family).fwMark(fwMark).port(port)
                .schedName(sched == null ? "" : sched).flags(flags).timeout(timeout).peName(pe)
                .stats(stats64 != null ? stats64 : stats != null ? stats : Stats.ZERO);
        if (fwMark == 0) {
            Protocol p = Protocol.fromValue(protocol);
            if (p == null) {
                throw new NetlinkDecodeException("IPVS service protocol " + protocol + " (expected: 6 TCP, 17 UDP or 132 SCTP)");
            }
            b.protocol(p).address(addressOf(addr, family, "service"));
        } else {
            b.port(0);
        }
        if (family == AddressFamily.INET) {
            // Four network-order mask bytes carried in a u32 read in host order; any mask is valid.
            b.ipv4Mask(!hasNetmask ? 0xFFFFFFFF
                    : io.netlink4j.codec.HostOrder.LITTLE_ENDIAN ? Integer.reverseBytes(rawNetmask) : rawNetmask);
        } else {
            b.netmask(hasNetmask ? ipv6Prefix(rawNetmask) : family.maxPrefixLength());
        }
        return b.buildDecoded();
    }

    private static int flagsOf(AttributeReader attrs) {
        if (attrs.payloadLength() != 8) {
            throw new NetlinkDecodeException("IPVS service flags: " + attrs.payloadLength() + " bytes (expected: 8)");
        }
        return io.netlink4j.codec.HostOrder.getI32(attrs.buffer(), attrs.payloadOffset());
    }

    private static int ipv6Prefix(int raw) {
        if (raw < 1 || raw > 128) {
            throw new NetlinkDecodeException("IPVS IPv6 netmask /" + Integer.toUnsignedString(raw) + " (expected: 1-128)");
        }
        return raw;
    }

    /** A destination from a GET_DEST reply; {@code serviceFamily} stands in for a missing ADDR_FAMILY. */
    public static Destination decodeDestination(MessageReader msg, AddressFamily serviceFamily) {
        AttributeReader top = Genl.attributes(msg, 0, new AttributeReader());
        while (top.next()) {
            if (top.type() == Ipvs.CMD_ATTR_DEST) {
                return decodeDestinationAttributes(top.nested(), serviceFamily);
            }
        }
        throw new NetlinkDecodeException("IPVS destination reply without IPVS_CMD_ATTR_DEST");
    }

    /** A destination from the attributes inside CMD_ATTR_DEST. */
    public static Destination decodeDestinationAttributes(AttributeReader attrs, AddressFamily serviceFamily) {
        byte[] addr = null;
        int af = 0;
        Destination.Builder b = Destination.builder();
        Stats stats = null;
        Stats stats64 = null;
        int fwd = 0;
        int tunType = 0;
        while (attrs.next()) {
            switch (attrs.type()) {
                case Ipvs.DEST_ATTR_ADDR -> addr = attrs.bytes();
                case Ipvs.DEST_ATTR_PORT -> b.port(attrs.u16Be());
                case Ipvs.DEST_ATTR_FWD_METHOD -> fwd = attrs.u32();
                case Ipvs.DEST_ATTR_WEIGHT -> b.weight(attrs.u32());
                case Ipvs.DEST_ATTR_U_THRESH -> b.upperThreshold(Integer.toUnsignedLong(attrs.u32()));
                case Ipvs.DEST_ATTR_L_THRESH -> b.lowerThreshold(Integer.toUnsignedLong(attrs.u32()));
                case Ipvs.DEST_ATTR_ACTIVE_CONNS -> b.activeConnections(Integer.toUnsignedLong(attrs.u32()));
                case Ipvs.DEST_ATTR_INACT_CONNS -> b.inactiveConnections(Integer.toUnsignedLong(attrs.u32()));
                case Ipvs.DEST_ATTR_PERSIST_CONNS -> b.persistentConnections(Integer.toUnsignedLong(attrs.u32()));
                case Ipvs.DEST_ATTR_ADDR_FAMILY -> af = attrs.u16();
                case Ipvs.DEST_ATTR_STATS -> stats = decodeStats(attrs.nested());
                case Ipvs.DEST_ATTR_STATS64 -> stats64 = decodeStats(attrs.nested());
                case Ipvs.DEST_ATTR_TUN_TYPE -> tunType = attrs.u8();
                case Ipvs.DEST_ATTR_TUN_PORT -> b.tunnelPort(attrs.u16Be());
                case Ipvs.DEST_ATTR_TUN_FLAGS -> b.tunnelFlags(attrs.u16());
                default -> { }
            }
        }
        AddressFamily family = af == 0 ? serviceFamily : familyOf(af, "destination");
        if (family == null) {
            throw new NetlinkDecodeException("IPVS destination without IPVS_DEST_ATTR_ADDR_FAMILY and no service family to infer it from");
        }
        ForwardingMethod method = ForwardingMethod.fromValue(fwd);
        if (method == null) {
            throw new NetlinkDecodeException("IPVS forwarding method " + (fwd & 7) + " (expected: 0-4)");
        }
        TunnelType tunnel = TunnelType.fromValue(tunType);
        if (tunnel == null) {
            throw new NetlinkDecodeException("IPVS tunnel type " + tunType + " (expected: 0 IPIP, 1 GUE, 2 GRE)");
        }
        return b.addressFamily(family).address(addressOf(addr, family, "destination")).forwardingMethod(method)
                .tunnelType(tunnel).stats(stats64 != null ? stats64 : stats != null ? stats : Stats.ZERO).buildDecoded();
    }

    /** Statistics from the attributes inside STATS or STATS64 (32- or 64-bit counters alike). */
    public static Stats decodeStats(AttributeReader attrs) {
        long[] v = new long[11];
        while (attrs.next()) {
            int t = attrs.type();
            if (t >= Ipvs.STATS_ATTR_CONNS && t <= Ipvs.STATS_ATTR_OUTBPS) {
                v[t] = attrs.uint();
            }
        }
        return new Stats(v[1], v[2], v[3], v[4], v[5], v[6], v[7], v[8], v[9], v[10]);
    }

    /** The timeouts of a GET_CONFIG reply. */
    public static Config decodeConfig(MessageReader msg) {
        AttributeReader attrs = Genl.attributes(msg, 0, new AttributeReader());
        long tcp = 0;
        long fin = 0;
        long udp = 0;
        while (attrs.next()) {
            switch (attrs.type()) {
                case Ipvs.CMD_ATTR_TIMEOUT_TCP -> tcp = Integer.toUnsignedLong(attrs.u32());
                case Ipvs.CMD_ATTR_TIMEOUT_TCP_FIN -> fin = Integer.toUnsignedLong(attrs.u32());
                case Ipvs.CMD_ATTR_TIMEOUT_UDP -> udp = Integer.toUnsignedLong(attrs.u32());
                default -> { }
            }
        }
        return new Config(Duration.ofSeconds(tcp), Duration.ofSeconds(fin), Duration.ofSeconds(udp));
    }

    /** Version and connection table size from a GET_INFO reply. */
    public static Info decodeInfo(MessageReader msg) {
        AttributeReader attrs = Genl.attributes(msg, 0, new AttributeReader());
        int version = -1;
        long size = -1;
        while (attrs.next()) {
            switch (attrs.type()) {
                case Ipvs.INFO_ATTR_VERSION -> version = attrs.u32();
                case Ipvs.INFO_ATTR_CONN_TAB_SIZE -> size = Integer.toUnsignedLong(attrs.u32());
                default -> { }
            }
        }
        if (version == -1 || size == -1) {
            throw new NetlinkDecodeException("IPVS info reply without " + (version == -1 ? "IPVS_INFO_ATTR_VERSION" : "IPVS_INFO_ATTR_CONN_TAB_SIZE"));
        }
        return new Info(version, size);
    }

    /** A sync daemon from a GET_DAEMON reply. */
    public static DaemonConfig decodeDaemon(MessageReader msg) {
        AttributeReader top = Genl.attributes(msg, 0, new AttributeReader());
        while (top.next()) {
            if (top.type() == Ipvs.CMD_ATTR_DAEMON) {
                return decodeDaemonAttributes(top.nested());
            }
        }
        throw new NetlinkDecodeException("IPVS daemon reply without IPVS_CMD_ATTR_DAEMON");
    }

    /** A sync daemon from the attributes inside CMD_ATTR_DAEMON. */
    public static DaemonConfig decodeDaemonAttributes(AttributeReader attrs) {
        int state = -1;
        String ifn = null;
        long syncId = 0;
        int maxLen = 0;
        InetAddress group = null;
        int port = 0;
        int ttl = 0;
        while (attrs.next()) {
            switch (attrs.type()) {
                case Ipvs.DAEMON_ATTR_STATE -> state = attrs.u32();
                case Ipvs.DAEMON_ATTR_MCAST_IFN -> ifn = attrs.string();
                case Ipvs.DAEMON_ATTR_SYNC_ID -> syncId = Integer.toUnsignedLong(attrs.u32());
                case Ipvs.DAEMON_ATTR_SYNC_MAXLEN -> maxLen = attrs.u16();
                case Ipvs.DAEMON_ATTR_MCAST_GROUP -> group = Addresses.fromBytes(attrs.bytes(4));
                case Ipvs.DAEMON_ATTR_MCAST_GROUP6 -> group = Addresses.fromBytes(attrs.bytes(16));
                case Ipvs.DAEMON_ATTR_MCAST_PORT -> port = attrs.u16();
                case Ipvs.DAEMON_ATTR_MCAST_TTL -> ttl = attrs.u8();
                default -> { }
            }
        }
        DaemonConfig.State s = DaemonConfig.State.fromValue(state);
        if (s == null || ifn == null) {
            throw new NetlinkDecodeException("IPVS daemon without a valid " + (s == null ? "state (got " + state + ")" : "interface name"));
        }
        try {
            return new DaemonConfig(s, ifn, syncId, maxLen, group, port, ttl);
        } catch (IllegalArgumentException e) {
            throw new NetlinkDecodeException("IPVS daemon: " + e.getMessage(), e);
        }
    }

    private static AddressFamily familyOf(int af, String what) {
        AddressFamily f = AddressFamily.fromValue(af);
        if (f == null) {
            throw new NetlinkDecodeException("IPVS " + what + " address family " + af + " (expected: 2 AF_INET or 10 AF_INET6)");
        }
        return f;
    }

    private static InetAddress addressOf(byte[] addr, AddressFamily family, String what) {
        if (addr == null) {
            throw new NetlinkDecodeException("IPVS " + what + " without an address");
        }
        if (addr.length < family.addressLength()) {
            throw new NetlinkDecodeException("IPVS " + what + " address of " + addr.length + " bytes (expected: at least "
                    + family.addressLength() + " for " + family + ")");
        }
        return Addresses.fromBytes(Arrays.copyOf(addr, family.addressLength()));
    }
}
