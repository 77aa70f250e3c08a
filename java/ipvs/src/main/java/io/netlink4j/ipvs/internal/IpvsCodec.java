// SPDX-FileCopyrightText: 2026 The netlink4j Authors
// SPDX-License-Identifier: Apache-2.0
package io.netlink4j.ipvs.internal;

import io.netlink4j.AddressFamily;
import io.netlink4j.NetlinkDecodeException;
import io.netlink4j.codec.AttributeReader;
import io.netlink4j.codec.MessageReader;
import io.netlink4j.codec.MessageWriter;
import io.netlink4j.genl.Genl;
import io.netlink4j.ipvs.Config;
import io.netlink4j.ipvs.DaemonConfig;
import io.netlink4j.ipvs.Destination;
import io.netlink4j.ipvs.ForwardingMethod;
import io.netlink4j.ipvs.Info;
import io.netlink4j.ipvs.Netmask;
import io.netlink4j.ipvs.Protocol;
import io.netlink4j.ipvs.PersistenceEngine;
import io.netlink4j.ipvs.Scheduler;
import io.netlink4j.ipvs.Service;
import io.netlink4j.ipvs.Stats;
import io.netlink4j.ipvs.TunnelType;

import java.net.InetAddress;
import java.time.Duration;

/**
 * Encoding and decoding of IPVS attributes: pure functions over netlink buffers, no I/O. Encoding
 * writes into a {@link MessageWriter} after the generic netlink header and allocates nothing.
 * Decoding reads the attributes of a reply in place and throws only {@link NetlinkDecodeException}.
 */
public final class IpvsCodec {
    private static final IpvsAccess ACCESS = IpvsAccess.get();

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
        w.string(Ipvs.SVC_ATTR_SCHED_NAME, s.scheduler().name());
        if (s.persistenceEngine().isPresent()) {
            w.string(Ipvs.SVC_ATTR_PE_NAME, s.persistenceEngine().get().name());
        }
        // struct ip_vs_flags { u32 flags; u32 mask; }: the mask says which bits to take.
        w.beginAttribute(Ipvs.SVC_ATTR_FLAGS).rawU32(s.flags()).rawU32(0xFFFFFFFF).endAttribute();
        w.u32(Ipvs.SVC_ATTR_TIMEOUT, (int) s.timeout());
        // IPv4: the mask's four bytes in network order; IPv6: the prefix length in host order.
        if (s.addressFamily().equals(AddressFamily.INET)) {
            w.u32Be(Ipvs.SVC_ATTR_NETMASK, s.netmask().value());
        } else {
            w.u32(Ipvs.SVC_ATTR_NETMASK, s.netmask().value());
        }
        w.endNested();
    }

    private static void writeIdentity(MessageWriter w, Service s) {
        w.u16(Ipvs.SVC_ATTR_AF, s.addressFamily().value());
        if (s.isFwMark()) {
            w.u32(Ipvs.SVC_ATTR_FWMARK, (int) s.fwMark());
        } else {
            w.u16(Ipvs.SVC_ATTR_PROTOCOL, s.protocol().value());
            w.bytes(Ipvs.SVC_ATTR_ADDR, ACCESS.wireAddress(s));
            w.u16Be(Ipvs.SVC_ATTR_PORT, s.port());
        }
    }

    /** CMD_ATTR_DEST with the full specification (NEW_DEST, SET_DEST). */
    public static void writeDestination(MessageWriter w, Destination d) {
        w.beginNested(Ipvs.CMD_ATTR_DEST);
        w.bytes(Ipvs.DEST_ATTR_ADDR, ACCESS.wireAddress(d));
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
        w.bytes(Ipvs.DEST_ATTR_ADDR, ACCESS.wireAddress(d));
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

    /**
     * Names decoded without allocating: the mainline schedulers, most used first, and the SIP
     * persistence engine.
     */
    private static final String[] KNOWN_NAMES = {Scheduler.WLC.name(), Scheduler.RR.name(), Scheduler.WRR.name(),
        Scheduler.LC.name(), Scheduler.LBLC.name(), Scheduler.LBLCR.name(), Scheduler.DH.name(), Scheduler.SH.name(),
        Scheduler.SED.name(), Scheduler.NQ.name(), Scheduler.FO.name(), Scheduler.OVF.name(), Scheduler.MH.name(),
        Scheduler.TWOS.name(), PersistenceEngine.SIP.name(), "none"};

    /** The kernel's name for a service without a scheduler bound, also taken for a reply that names none. */
    private static final Scheduler NO_SCHEDULER = Scheduler.of("none");

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
        int addr = -1;
        int addrLength = 0;
        int port = 0;
        long fwMark = 0;
        String sched = null;
        int flags = 0;
        long timeout = 0;
        int rawNetmask = 0;
        boolean hasNetmask = false;
        String pe = null;
        AttributeReader stats = null;
        AttributeReader stats64 = null;
        while (attrs.next()) {
            switch (attrs.type()) {
                case Ipvs.SVC_ATTR_AF -> af = attrs.u16();
                case Ipvs.SVC_ATTR_PROTOCOL -> protocol = attrs.u16();
                case Ipvs.SVC_ATTR_ADDR -> {
                    addr = attrs.payloadOffset();
                    addrLength = attrs.payloadLength();
                }
                case Ipvs.SVC_ATTR_PORT -> port = attrs.u16Be();
                case Ipvs.SVC_ATTR_FWMARK -> fwMark = Integer.toUnsignedLong(attrs.u32());
                case Ipvs.SVC_ATTR_SCHED_NAME -> sched = attrs.string(KNOWN_NAMES);
                case Ipvs.SVC_ATTR_FLAGS -> flags = flagsOf(attrs);
                case Ipvs.SVC_ATTR_TIMEOUT -> timeout = Integer.toUnsignedLong(attrs.u32());
                case Ipvs.SVC_ATTR_NETMASK -> {
                    rawNetmask = attrs.u32();
                    hasNetmask = true;
                }
                case Ipvs.SVC_ATTR_PE_NAME -> pe = attrs.string(KNOWN_NAMES);
                // The kernel sends both; the 32-bit counters are decoded only without the 64-bit ones.
                case Ipvs.SVC_ATTR_STATS -> stats = attrs.nested();
                case Ipvs.SVC_ATTR_STATS64 -> stats64 = attrs.nested();
                default -> { }
            }
        }
        AddressFamily family = familyOf(af, "service");
        Service.Builder b = Service.builder().addressFamily(family).fwMark(fwMark).flags(flags).timeout(timeout)
                .stats(statsOf(stats, stats64));
        try {
            b.scheduler(sched == null || sched.isEmpty() ? NO_SCHEDULER : Scheduler.of(sched));
            if (pe != null && !pe.isEmpty()) {
                b.persistenceEngine(PersistenceEngine.of(pe));
            }
        } catch (IllegalArgumentException e) {
            throw new NetlinkDecodeException("IPVS service " + e.getMessage(), e);
        }
        if (fwMark == 0) {
            Protocol p;
            try {
                p = Protocol.of(protocol);
            } catch (IllegalArgumentException e) {
                throw new NetlinkDecodeException("IPVS service " + e.getMessage(), e);
            }
            b.protocol(p).address(addressOf(attrs, addr, addrLength, family, "service")).port(port);
        }
        if (family.equals(AddressFamily.INET)) {
            // Four network-order mask bytes carried in a u32 read in host order; any mask is valid.
            b.netmask(Netmask.of(!hasNetmask ? 0xFFFFFFFF
                    : io.netlink4j.internal.HostOrder.LITTLE_ENDIAN ? Integer.reverseBytes(rawNetmask) : rawNetmask));
        } else {
            b.netmask(Netmask.ofPrefix(family, hasNetmask ? ipv6Prefix(rawNetmask) : family.maxPrefixLength()));
        }
        return ACCESS.decoded(b);
    }

    private static int flagsOf(AttributeReader attrs) {
        if (attrs.payloadLength() != 8) {
            throw new NetlinkDecodeException("IPVS service flags: " + attrs.payloadLength() + " bytes (expected: 8)");
        }
        return io.netlink4j.internal.HostOrder.getI32(attrs.buffer(), attrs.payloadOffset());
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
        int addr = -1;
        int addrLength = 0;
        int af = 0;
        Destination.Builder b = Destination.builder();
        AttributeReader stats = null;
        AttributeReader stats64 = null;
        int fwd = 0;
        int tunType = 0;
        while (attrs.next()) {
            switch (attrs.type()) {
                case Ipvs.DEST_ATTR_ADDR -> {
                    addr = attrs.payloadOffset();
                    addrLength = attrs.payloadLength();
                }
                case Ipvs.DEST_ATTR_PORT -> b.port(attrs.u16Be());
                case Ipvs.DEST_ATTR_FWD_METHOD -> fwd = attrs.u32();
                case Ipvs.DEST_ATTR_WEIGHT -> b.weight(attrs.u32());
                case Ipvs.DEST_ATTR_U_THRESH -> b.upperThreshold(Integer.toUnsignedLong(attrs.u32()));
                case Ipvs.DEST_ATTR_L_THRESH -> b.lowerThreshold(Integer.toUnsignedLong(attrs.u32()));
                case Ipvs.DEST_ATTR_ACTIVE_CONNS -> b.activeConnections(Integer.toUnsignedLong(attrs.u32()));
                case Ipvs.DEST_ATTR_INACT_CONNS -> b.inactiveConnections(Integer.toUnsignedLong(attrs.u32()));
                case Ipvs.DEST_ATTR_PERSIST_CONNS -> b.persistentConnections(Integer.toUnsignedLong(attrs.u32()));
                case Ipvs.DEST_ATTR_ADDR_FAMILY -> af = attrs.u16();
                case Ipvs.DEST_ATTR_STATS -> stats = attrs.nested();
                case Ipvs.DEST_ATTR_STATS64 -> stats64 = attrs.nested();
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
        ForwardingMethod method;
        TunnelType tunnel;
        try {
            // The kernel keeps the method in the three bits of IP_VS_CONN_F_FWD_MASK.
            method = ForwardingMethod.of(fwd & 7);
            tunnel = TunnelType.of(tunType);
        } catch (IllegalArgumentException e) {
            throw new NetlinkDecodeException("IPVS destination " + e.getMessage(), e);
        }
        return ACCESS.decoded(b.addressFamily(family).address(addressOf(attrs, addr, addrLength, family, "destination"))
                .forwardingMethod(method).tunnelType(tunnel).stats(statsOf(stats, stats64)));
    }

    /** Statistics from the attributes inside STATS or STATS64 (32- or 64-bit counters alike). */
    public static Stats decodeStats(AttributeReader attrs) {
        long conns = 0;
        long inPkts = 0;
        long outPkts = 0;
        long inBytes = 0;
        long outBytes = 0;
        long cps = 0;
        long inPps = 0;
        long outPps = 0;
        long inBps = 0;
        long outBps = 0;
        while (attrs.next()) {
            switch (attrs.type()) {
                case Ipvs.STATS_ATTR_CONNS -> conns = attrs.uint();
                case Ipvs.STATS_ATTR_INPKTS -> inPkts = attrs.uint();
                case Ipvs.STATS_ATTR_OUTPKTS -> outPkts = attrs.uint();
                case Ipvs.STATS_ATTR_INBYTES -> inBytes = attrs.uint();
                case Ipvs.STATS_ATTR_OUTBYTES -> outBytes = attrs.uint();
                case Ipvs.STATS_ATTR_CPS -> cps = attrs.uint();
                case Ipvs.STATS_ATTR_INPPS -> inPps = attrs.uint();
                case Ipvs.STATS_ATTR_OUTPPS -> outPps = attrs.uint();
                case Ipvs.STATS_ATTR_INBPS -> inBps = attrs.uint();
                case Ipvs.STATS_ATTR_OUTBPS -> outBps = attrs.uint();
                default -> { }
            }
        }
        return new Stats(conns, inPkts, outPkts, inBytes, outBytes, cps, inPps, outPps, inBps, outBps);
    }

    /** The 64-bit counters if sent, else the 32-bit ones, else zero. */
    private static Stats statsOf(AttributeReader stats, AttributeReader stats64) {
        return stats64 != null ? decodeStats(stats64) : stats != null ? decodeStats(stats) : Stats.ZERO;
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
        if (ifn == null) {
            throw new NetlinkDecodeException("IPVS daemon without an interface name");
        }
        try {
            return new DaemonConfig(DaemonConfig.State.of(state), ifn, syncId, maxLen, group, port, ttl);
        } catch (IllegalArgumentException e) {
            throw new NetlinkDecodeException("IPVS daemon: " + e.getMessage(), e);
        }
    }

    private static AddressFamily familyOf(int af, String what) {
        if (af != AddressFamily.INET.value() && af != AddressFamily.INET6.value()) {
            throw new NetlinkDecodeException("IPVS " + what + " address family " + af + " (expected: 2 AF_INET or 10 AF_INET6)");
        }
        return AddressFamily.of(af);
    }

    /** The address whose payload starts at {@code offset} in {@code attrs}' buffer, or -1 if none was sent. */
    private static InetAddress addressOf(AttributeReader attrs, int offset, int length, AddressFamily family, String what) {
        if (offset < 0) {
            throw new NetlinkDecodeException("IPVS " + what + " without an address");
        }
        if (length < family.addressLength()) {
            throw new NetlinkDecodeException("IPVS " + what + " address of " + length + " bytes (expected: at least "
                    + family.addressLength() + " for " + family + ")");
        }
        byte[] raw = new byte[family.addressLength()];
        attrs.buffer().getBytes(offset, raw);
        return Addresses.fromBytes(raw);
    }
}
