// SPDX-FileCopyrightText: 2026 The netlink4j Authors
// SPDX-License-Identifier: Apache-2.0
package io.netlink4j.ipvs;

import io.netlink4j.AddressFamily;
import io.netlink4j.NetlinkDecodeException;
import io.netlink4j.codec.MessageReader;
import io.netlink4j.codec.MessageWriter;
import io.netlink4j.genl.Genl;
import io.netlink4j.ipvs.internal.Ipvs;
import io.netlink4j.ipvs.internal.IpvsCodec;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.PooledByteBufAllocator;
import org.junit.jupiter.api.Test;
import org.quicktheories.core.Gen;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.function.Consumer;
import java.util.function.Function;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.arbitrary;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.longs;
import static org.quicktheories.generators.SourceDSL.strings;

/** decode(encode(x)) == x for every IPVS value type, boundaries included. */
class IpvsCodecPropertyTest {

    static InetAddress address(byte[] raw) {
        try {
            return raw.length == 16 ? java.net.Inet6Address.getByAddress(null, raw, -1) : InetAddress.getByAddress(raw);
        } catch (UnknownHostException e) {
            throw new IllegalStateException(e);
        }
    }

    static Gen<InetAddress> addresses(boolean v6) {
        return integers().all().zip(longs().all(), longs().all(), (a, b, c) -> {
            if (!v6) {
                return address(new byte[] {(byte) (a >>> 24), (byte) (a >>> 16), (byte) (a >>> 8), (byte) (int) a});
            }
            byte[] r = new byte[16];
            for (int i = 0; i < 8; i++) {
                r[i] = (byte) (b >>> (8 * i));
                r[8 + i] = (byte) (c >>> (8 * i));
            }
            return address(r);
        });
    }

    static Gen<String> names(int min) {
        return strings().ascii().ofLengthBetween(min, Ipvs.MAX_NAME_LENGTH).map(s -> s.replace('\0', 'x'));
    }

    static final Gen<Integer> PORTS = integers().between(0, 65535);
    static final Gen<Long> U32 = longs().between(0, 0xFFFFFFFFL);

    /** {@code b} with the persistence engine named {@code pe}, or none for "". */
    static Service.Builder withEngine(Service.Builder b, String pe) {
        return pe.isEmpty() ? b.noPersistenceEngine() : b.persistenceEngine(PersistenceEngine.of(pe));
    }

    static Gen<Service> services() {
        Gen<Boolean> v6 = arbitrary().pick(false, true);
        return v6.flatMap(six -> addresses(six).zip(PORTS, arbitrary().enumValues(Protocol.class), names(1), (addr, port, proto, sched) ->
                        Service.builder().protocol(proto).address(addr).port(port).scheduler(Scheduler.of(sched)))
                // IPv4: any 32-bit mask, prefix or not (ipvsadm -M 255.0.255.0); IPv6: a prefix length.
                .zip(integers().all(), longs().between(0, Service.MAX_TIMEOUT), six ? integers().between(1, 128) : integers().all(), names(0),
                        (b, flags, timeout, mask, pe) -> withEngine(b.netmask(six ? Netmask.ofPrefix(AddressFamily.INET6, mask) : Netmask.of(mask))
                                .flags(flags).timeout(timeout), pe)))
                .zip(U32, integers().between(0, 3), (b, mark, kind) -> {
                    Service s = b.build();
                    if (kind == 0 && mark != 0) {
                        // The same settings on a firewall-mark service of the same family.
                        return withEngine(Service.builder().fwMark(mark).addressFamily(s.addressFamily()).scheduler(s.scheduler())
                                .flags(s.flags()).timeout(s.timeout()).netmask(s.netmask()),
                                s.persistenceEngine().map(PersistenceEngine::name).orElse("")).build();
                    }
                    return s;
                });
    }

    static Gen<Destination> destinations() {
        return arbitrary().pick(false, true).flatMap(six -> addresses(six).zip(PORTS, integers().between(0, Integer.MAX_VALUE),
                        arbitrary().pick(ForwardingMethod.MASQUERADE, ForwardingMethod.LOCAL, ForwardingMethod.TUNNEL, ForwardingMethod.DIRECT_ROUTE, ForwardingMethod.BYPASS), (a, p, w, m) -> Destination.builder().address(a).port(p).weight(w).forwardingMethod(m))
                .zip(U32, U32, arbitrary().pick(TunnelType.IPIP, TunnelType.GUE, TunnelType.GRE), integers().between(1, 65535),
                        (b, t1, t2, tt, tp) -> b.upperThreshold(Math.max(t1, t2)).lowerThreshold(Math.min(t1, t2)).tunnelType(tt).tunnelPort(tp))
                .zip(integers().between(0, 0xFFFF), (b, f) -> b.tunnelFlags(f).build()));
    }

    /** Encodes with {@code write} into a generic netlink message and decodes it back with {@code read}. */
    static <T> T roundTrip(Consumer<MessageWriter> write, Function<MessageReader, T> read) {
        ByteBuf buf = PooledByteBufAllocator.DEFAULT.directBuffer(512);
        try {
            MessageWriter w = new MessageWriter().begin(buf, 0x20, 0, 1, 0);
            Genl.writeHeader(w, 1, 1);
            write.accept(w);
            w.end();
            MessageReader r = MessageReader.of(buf, 0, buf.writerIndex());
            r.next();
            return read.apply(r);
        } finally {
            buf.release();
        }
    }

    @Test
    void servicesRoundTrip() {
        qt().forAll(services()).checkAssert(s ->
                assertEquals(s, roundTrip(w -> IpvsCodec.writeService(w, s), IpvsCodec::decodeService)));
    }

    @Test
    void destinationsRoundTrip() {
        qt().forAll(destinations()).checkAssert(d ->
                assertEquals(d, roundTrip(w -> IpvsCodec.writeDestination(w, d), r -> IpvsCodec.decodeDestination(r, AddressFamily.INET))));
    }

    @Test
    void configRoundTrips() {
        qt().forAll(U32, U32, U32).checkAssert((a, b, c) -> {
            Config config = new Config(Duration.ofSeconds(a), Duration.ofSeconds(b), Duration.ofSeconds(c));
            assertEquals(config, roundTrip(w -> IpvsCodec.writeConfig(w, config), IpvsCodec::decodeConfig));
        });
    }

    @Test
    void daemonsRoundTrip() {
        Gen<InetAddress> groups = arbitrary().pick(null, "239.1.2.3", "224.0.0.81", "ff02::1", "ff05::1:3")
                .map(t -> t == null ? null : address(ipBytes(t)));
        Gen<String> interfaces = strings().ascii().ofLengthBetween(1, Ipvs.MAX_IFNAME_LENGTH).map(t -> t.replace('\0', 'x'));
        Gen<DaemonConfig.Builder> base = arbitrary().enumValues(DaemonConfig.State.class)
                .zip(interfaces, (state, ifn) -> DaemonConfig.builder().state(state).multicastInterface(ifn));
        qt().forAll(base, U32, integers().between(0, 65535), groups)
                .checkAssert((b, syncId, port, group) -> {
                    b.syncId(syncId).syncMaxLength(port).multicastPort(port).multicastTtl(port & 0xFF);
                    DaemonConfig d = (group == null ? b : b.multicastGroup(group)).build();
                    assertEquals(d, roundTrip(w -> IpvsCodec.writeDaemon(w, d), IpvsCodec::decodeDaemon));
                });
    }

    static byte[] ipBytes(String text) {
        try {
            return InetAddress.getByName(text).getAddress();
        } catch (UnknownHostException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A service reply with the given counter nests, as the kernel sends them (32-bit first, then 64-bit). */
    private static Service serviceWithCounters(Consumer<MessageWriter> counters) {
        return roundTrip(w -> {
            w.beginNested(Ipvs.CMD_ATTR_SERVICE);
            w.u16(Ipvs.SVC_ATTR_AF, 2).u16(Ipvs.SVC_ATTR_PROTOCOL, 6).bytes(Ipvs.SVC_ATTR_ADDR, new byte[] {10, 0, 0, 1})
                    .u16Be(Ipvs.SVC_ATTR_PORT, 80).string(Ipvs.SVC_ATTR_SCHED_NAME, "rr");
            counters.accept(w);
            w.endNested();
        }, IpvsCodec::decodeService);
    }

    private static void counters(MessageWriter w, int type, boolean wide, long connections) {
        w.beginNested(type);
        if (wide) {
            w.u64(Ipvs.STATS_ATTR_CONNS, connections).u64(Ipvs.STATS_ATTR_INBYTES, connections * 10);
        } else {
            w.u32(Ipvs.STATS_ATTR_CONNS, (int) connections).u32(Ipvs.STATS_ATTR_INBYTES, (int) (connections * 10));
        }
        w.endNested();
    }

    @Test
    void sixtyFourBitCountersWinAndThirtyTwoBitOnesStandIn() {
        Service both = serviceWithCounters(w -> {
            counters(w, Ipvs.SVC_ATTR_STATS, false, 7);
            counters(w, Ipvs.SVC_ATTR_STATS64, true, 0x1_0000_0007L);
        });
        assertEquals(0x1_0000_0007L, both.stats().connections());
        assertEquals(0xA_0000_0046L, both.stats().bytesIn());
        Service narrow = serviceWithCounters(w -> counters(w, Ipvs.SVC_ATTR_STATS, false, 7));
        assertEquals(7, narrow.stats().connections());
        assertEquals(70, narrow.stats().bytesIn());
        assertEquals(Stats.ZERO, serviceWithCounters(w -> { }).stats());
        // A malformed 32-bit nest is an error when it is the only one.
        Consumer<MessageWriter> truncated = w -> w.bytes(Ipvs.SVC_ATTR_STATS, new byte[] {8, 0, 1});
        assertThrows(NetlinkDecodeException.class, () -> serviceWithCounters(truncated));
        Service wide = serviceWithCounters(truncated.andThen(w -> counters(w, Ipvs.SVC_ATTR_STATS64, true, 9)));
        assertEquals(9, wide.stats().connections(), "the unused 32-bit nest is not read");
    }

    @Test
    void boundaries() {
        Service max = Service.builder().protocol(Protocol.SCTP).address(address(new byte[16])).port(65535)
                .scheduler(Scheduler.of("abcdefghijklmno")).persistenceEngine(PersistenceEngine.of("abcdefghijklmno")).timeout(Service.MAX_TIMEOUT).netmask(Netmask.ofPrefix(AddressFamily.INET6, 128)).flags(-1).build();
        assertEquals(max, roundTrip(w -> IpvsCodec.writeService(w, max), IpvsCodec::decodeService));
        Service mark = Service.builder().fwMark(0xFFFFFFFFL).addressFamily(AddressFamily.INET).netmask(Netmask.ofPrefix(0)).build();
        assertEquals(mark, roundTrip(w -> IpvsCodec.writeService(w, mark), IpvsCodec::decodeService));
        Destination d = Destination.builder().address(address(new byte[4])).port(0).weight(Integer.MAX_VALUE)
                .upperThreshold(0xFFFFFFFFL).lowerThreshold(0xFFFFFFFFL).build();
        assertEquals(d, roundTrip(w -> IpvsCodec.writeDestination(w, d), r -> IpvsCodec.decodeDestination(r, AddressFamily.INET)));
    }

    @Test
    void aForwardingMethodOrTunnelTypeOfANewerKernelDecodesWithItsNumber() {
        Destination d = Destination.builder().address(address(new byte[] {10, 1, 1, 2})).port(80)
                .forwardingMethod(ForwardingMethod.of(5)).tunnelType(TunnelType.of(3)).build();
        Destination decoded = roundTrip(w -> IpvsCodec.writeDestination(w, d), r -> IpvsCodec.decodeDestination(r, AddressFamily.INET));
        assertEquals(d, decoded);
        assertEquals(5, decoded.forwardingMethod().value());
        assertFalse(decoded.forwardingMethod().isKnown());
        assertEquals("3", decoded.tunnelType().name());
        assertFalse(decoded.tunnelType().isKnown());
        // Bits above the kernel's three-bit mask are not the method's.
        Destination masked = roundTrip(w -> {
            w.beginNested(Ipvs.CMD_ATTR_DEST);
            w.bytes(Ipvs.DEST_ATTR_ADDR, new byte[] {10, 1, 1, 2, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0});
            w.u16Be(Ipvs.DEST_ATTR_PORT, 80);
            w.u32(Ipvs.DEST_ATTR_FWD_METHOD, 0x100 | 3);
            w.endNested();
        }, r -> IpvsCodec.decodeDestination(r, AddressFamily.INET));
        assertSame(ForwardingMethod.DIRECT_ROUTE, masked.forwardingMethod());
    }

    @Test
    void identityEncodingCarriesOnlyTheIdentity() {
        Service s = Service.builder().protocol(Protocol.TCP).address(address(new byte[] {10, 0, 0, 1})).port(80).scheduler(Scheduler.SH).persistent(9).build();
        Service decoded = roundTrip(w -> IpvsCodec.writeServiceIdentity(w, s), IpvsCodec::decodeService);
        assertEquals(s.describe(), decoded.describe());
        assertEquals("none", decoded.scheduler().name(), "the kernel's name for no scheduler");
        assertEquals(0, decoded.timeout());
    }

    @Test
    void malformedRepliesGiveTheDecodeException() {
        // A service nest with an IPv4 family but a 2-byte address.
        NetlinkDecodeException e = assertThrows(NetlinkDecodeException.class, () -> roundTrip(w -> {
            w.beginNested(Ipvs.CMD_ATTR_SERVICE).u16(Ipvs.SVC_ATTR_AF, 2).u16(Ipvs.SVC_ATTR_PROTOCOL, 6)
                    .bytes(Ipvs.SVC_ATTR_ADDR, new byte[2]).endNested();
        }, IpvsCodec::decodeService));
        assertEquals(true, e.getMessage().contains("address of 2 bytes"), e.getMessage());
        assertThrows(NetlinkDecodeException.class, () -> roundTrip(w -> w.beginNested(Ipvs.CMD_ATTR_SERVICE)
                .u16(Ipvs.SVC_ATTR_AF, 99).endNested(), IpvsCodec::decodeService));
        assertThrows(NetlinkDecodeException.class, () -> roundTrip(w -> w.beginNested(Ipvs.CMD_ATTR_DEST)
                .u32(Ipvs.DEST_ATTR_FWD_METHOD, 7).endNested(),
                r -> IpvsCodec.decodeDestination(r, AddressFamily.INET)), "a destination without an address");
        assertThrows(NetlinkDecodeException.class, () -> roundTrip(w -> { }, IpvsCodec::decodeInfo));
    }
}
