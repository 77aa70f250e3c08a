// SPDX-FileCopyrightText: 2026 The netlink4j Authors
// SPDX-License-Identifier: Apache-2.0
package io.netlink4j.ipvs;

import io.netlink4j.AddressFamily;
import io.netlink4j.NetlinkDecodeException;
import io.netlink4j.codec.MessageWriter;
import io.netlink4j.ipvs.internal.Ipvs;
import io.netlink4j.ipvs.internal.IpvsCodec;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

import java.net.Inet4Address;
import java.net.InetAddress;
import java.time.Duration;
import java.util.List;
import java.util.OptionalInt;
import java.util.function.Consumer;

import static io.netlink4j.ipvs.IpvsCodecPropertyTest.roundTrip;
import static io.netlink4j.ipvs.IpvsNamespace.ip;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;

/** The IPVS value types: netmasks, the closed enums, the one address family, messages, equality. */
class ValueTypesTest {

    private static void assertRefused(String message, Executable e) {
        assertEquals(message, assertThrows(IllegalArgumentException.class, e).getMessage());
    }

    @Test
    void netmasksOfPrefixes() {
        assertEquals("255.255.255.0", Netmask.ofPrefix(24).toString());
        assertEquals(0xFFFFFF00, Netmask.ofPrefix(24).value());
        assertEquals("0.0.0.0", Netmask.ofPrefix(0).toString());
        assertEquals("255.255.255.255", Netmask.ofPrefix(32).toString());
        assertEquals("128.0.0.0", Netmask.ofPrefix(1).toString());
        assertEquals(Netmask.ofPrefix(24), Netmask.ofPrefix(AddressFamily.INET, 24));
        assertEquals(Netmask.ofPrefix(24), Netmask.of(0xFFFFFF00));
        assertEquals(Netmask.ofPrefix(24).hashCode(), Netmask.of(0xFFFFFF00).hashCode());
        assertEquals(Netmask.ofPrefix(16), Netmask.of((Inet4Address) ip("255.255.0.0")));
        Netmask v6 = Netmask.ofPrefix(AddressFamily.INET6, 64);
        assertEquals("/64", v6.toString());
        assertEquals(AddressFamily.INET6, v6.addressFamily());
        assertEquals(OptionalInt.of(64), v6.prefixLength());
        assertTrue(v6.isContiguous());
        assertNotEquals(Netmask.ofPrefix(24), Netmask.ofPrefix(AddressFamily.INET6, 24), "a family's prefix is not another's");
        assertRefused("prefixLength: 33 (expected: 0-32 for INET; an IPv6 prefix is ofPrefix(AddressFamily.INET6, 0-128))",
                () -> Netmask.ofPrefix(33));
        assertRefused("prefixLength: -1 (expected: 0-32 for INET; an IPv6 prefix is ofPrefix(AddressFamily.INET6, 0-128))",
                () -> Netmask.ofPrefix(-1));
        assertRefused("prefixLength: 129 (expected: 0-128)", () -> Netmask.ofPrefix(AddressFamily.INET6, 129));
        assertRefused("family: MPLS (expected: INET or INET6, the families IPVS supports)", () -> Netmask.ofPrefix(AddressFamily.MPLS, 8));
        assertThrows(NullPointerException.class, () -> Netmask.ofPrefix(null, 8));
    }

    @Test
    void anyIpv4MaskIsANetmaskAndAPrefixOnlyWhenContiguous() {
        qt().forAll(integers().all()).checkAssert(mask -> {
            Netmask m = Netmask.of(mask);
            assertEquals(mask, m.value());
            assertEquals(AddressFamily.INET, m.addressFamily());
            // The dotted quad is the mask's four bytes, most significant first.
            assertEquals(m, Netmask.of((Inet4Address) ip(m.toString())));
            boolean contiguous = Integer.numberOfLeadingZeros(~mask) + Integer.numberOfTrailingZeros(mask) >= 32;
            assertEquals(contiguous, m.isContiguous(), m::toString);
            assertEquals(contiguous, m.prefixLength().isPresent());
            m.prefixLength().ifPresent(p -> assertEquals(m, Netmask.ofPrefix(p)));
        });
        assertEquals("255.0.255.0", Netmask.of(0xFF00FF00).toString());
        assertEquals(OptionalInt.empty(), Netmask.of(0xFF00FF00).prefixLength());
        assertFalse(Netmask.of(0x000000FF).isContiguous());
    }

    @Test
    void closedSetsNameTheirValues() {
        for (Protocol p : Protocol.values()) {
            assertEquals(p, Protocol.of(p.value()));
        }
        for (ForwardingMethod m : List.of(ForwardingMethod.MASQUERADE, ForwardingMethod.LOCAL, ForwardingMethod.TUNNEL,
                ForwardingMethod.DIRECT_ROUTE, ForwardingMethod.BYPASS)) {
            assertSame(m, ForwardingMethod.of(m.value()));
            assertSame(m, ForwardingMethod.parse(m.name().toLowerCase(java.util.Locale.ROOT)));
            assertTrue(m.isKnown());
        }
        for (TunnelType t : List.of(TunnelType.IPIP, TunnelType.GUE, TunnelType.GRE)) {
            assertSame(t, TunnelType.of(t.value()));
            assertSame(t, TunnelType.parse(t.name()));
            assertTrue(t.isKnown());
        }
        for (DaemonConfig.State s : DaemonConfig.State.values()) {
            assertEquals(s, DaemonConfig.State.of(s.value()));
        }
        assertEquals(17, Protocol.UDP.value());
        assertEquals(3, ForwardingMethod.DIRECT_ROUTE.value());
        assertEquals(2, TunnelType.GRE.value());
        assertEquals(2, DaemonConfig.State.BACKUP.value());
        assertRefused("protocol: 1 (expected: 6 TCP, 17 UDP or 132 SCTP)", () -> Protocol.of(1));
        // Open sets: a number without a constant is a value named by it; only the field's range is refused.
        assertEquals("5", ForwardingMethod.of(5).name());
        assertEquals(ForwardingMethod.of(5), ForwardingMethod.parse("5"));
        assertRefused("forwarding method: 8 (expected: 0-7)", () -> ForwardingMethod.of(8));
        assertRefused("forwarding method: -1 (expected: 0-7)", () -> ForwardingMethod.of(-1));
        assertRefused("forwarding method 'nat' (expected: MASQUERADE, LOCAL, TUNNEL, DIRECT_ROUTE, BYPASS or a number 0-7)",
                () -> ForwardingMethod.parse("nat"));
        assertEquals(TunnelType.of(3), TunnelType.parse("3"));
        assertFalse(TunnelType.of(3).isKnown());
        assertRefused("tunnel type: 256 (expected: 0-255)", () -> TunnelType.of(256));
        assertRefused("daemon state: 0 (expected: 1 MASTER or 2 BACKUP)", () -> DaemonConfig.State.of(0));
    }

    @Test
    void ipvsTakesInetAndInet6Only() {
        assertRefused("addressFamily: MPLS (expected: INET or INET6, the families IPVS supports)",
                () -> Service.builder().fwMark(1).addressFamily(AddressFamily.MPLS).build());
        assertRefused("addressFamily: 99 (expected: INET or INET6, the families IPVS supports)",
                () -> Service.builder().fwMark(1).addressFamily(AddressFamily.of(99)).build());
        assertRefused("address 10.1.1.2 is INET but addressFamily is UNSPEC (expected: the same family)",
                () -> Destination.builder().addressFamily(AddressFamily.UNSPEC).address(ip("10.1.1.2")).build());
        Service mark = Service.builder().fwMark(1).addressFamily(AddressFamily.parse("inet6")).build();
        assertEquals(AddressFamily.INET6, mark.addressFamily());
        assertEquals(Netmask.ofPrefix(AddressFamily.INET6, 128), mark.netmask());
        assertEquals(AddressFamily.INET, Destination.builder().address(ip("10.1.1.2")).build().addressFamily());
    }

    @Test
    void badValuesAreNamedWithTheirRange() {
        Service.Builder web = Service.builder().protocol(Protocol.TCP).address(ip("10.0.0.1")).port(80);
        Destination.Builder real = Destination.builder().address(ip("10.1.1.2"));
        assertRefused("port: 65536 (expected: 0-65535)", () -> web.port(65536).build());
        assertRefused("fwMark: -1 (expected: 0-4294967295)", () -> Service.builder().fwMark(-1).build());
        assertRefused("weight: -1 (expected: 0-2147483647)", () -> real.weight(-1).build());
        assertRefused("upperThreshold: 4294967296 (expected: 0-4294967295)", () -> real.weight(1).upperThreshold(1L << 32).build());
        assertRefused("tunnelFlags: 65536 (expected: 0-65535)", () -> real.upperThreshold(0).tunnelFlags(65536).build());
        assertRefused("netmask: /64 is INET6 but the service is INET (expected: a netmask of the service's family)",
                () -> Service.builder().protocol(Protocol.TCP).address(ip("10.0.0.1")).netmask(Netmask.ofPrefix(AddressFamily.INET6, 64)).build());
        DaemonConfig.Builder daemon = DaemonConfig.builder().multicastInterface("eth0");
        assertRefused("multicastTtl: 256 (expected: 0-255)", () -> daemon.multicastTtl(256).build());
        assertRefused("multicastGroup: 10.0.0.1 (expected: a multicast address, 224.0.0.0/4 or ff00::/8)",
                () -> daemon.multicastTtl(1).multicastGroup(ip("10.0.0.1")).build());
        assertRefused("multicastInterface: required (expected: 1-15 bytes)", () -> DaemonConfig.builder().build());
        assertRefused("connectionTableSize: -1 (expected: 0-4294967295)", () -> new Info(0x010201, -1));
        assertEquals("1.2.1", new Info(0x010201, 4096).versionString());
    }

    @Test
    void buildersRefuseNullAndNameTheField() {
        assertEquals("address", assertThrows(NullPointerException.class, () -> Service.builder().address(null)).getMessage());
        assertEquals("netmask", assertThrows(NullPointerException.class, () -> Service.builder().netmask(null)).getMessage());
        assertEquals("stats", assertThrows(NullPointerException.class, () -> Destination.builder().stats(null)).getMessage());
        assertEquals("tunnelType", assertThrows(NullPointerException.class, () -> Destination.builder().tunnelType(null)).getMessage());
        assertEquals("state", assertThrows(NullPointerException.class, () -> DaemonConfig.builder().state(null)).getMessage());
        assertEquals("timeoutUdp", assertThrows(NullPointerException.class, () -> Config.builder().timeoutUdp(null)).getMessage());
    }

    @Test
    void equalityToStringAndIdentity() {
        Service a = Service.builder().protocol(Protocol.TCP).address(ip("10.0.0.1")).port(80).scheduler(Scheduler.RR)
                .persistent(300).netmask(Netmask.ofPrefix(24)).build();
        Service b = Service.builder().protocol(Protocol.TCP).address(ip("10.0.0.1")).port(80).scheduler(Scheduler.RR)
                .persistent(300).netmask(Netmask.of(0xFFFFFF00)).build();
        assertEquals(a, b);
        assertEquals(a.hashCode(), b.hashCode());
        assertEquals("Service[TCP 10.0.0.1:80, sched=rr, flags=0x1, timeout=300, netmask=255.255.255.0]", a.toString());
        assertEquals(a.toString(), b.toString());
        assertEquals(a, a.toBuilder().build());
        Service counted = a.toBuilder().stats(new Stats(1, 0, 0, 0, 0, 0, 0, 0, 0, 0)).build();
        assertNotEquals(a, counted);
        assertTrue(a.sameSettings(counted));
        assertEquals(a, counted.withoutStats());
        Service rr = a.toBuilder().scheduler(Scheduler.WLC).build();
        assertTrue(a.sameIdentity(rr));
        assertFalse(a.sameSettings(rr));
        assertEquals(0, Service.IDENTITY_ORDER.compare(a, rr));

        Destination d = Destination.builder().address(ip("2001:db8::2")).port(8080).weight(3)
                .forwardingMethod(ForwardingMethod.TUNNEL).tunnelType(TunnelType.GUE).tunnelPort(6080).build();
        assertEquals("Destination[[2001:db8::2]:8080, TUNNEL, weight=3, tunnel=GUE:6080, tunnelFlags=0]", d.toString());
        assertEquals(d, d.toBuilder().build());
        assertEquals(d.hashCode(), d.toBuilder().build().hashCode());
        Destination busy = d.toBuilder().activeConnections(4).build();
        assertNotEquals(d, busy);
        assertTrue(d.sameSettings(busy));
        assertEquals(d, busy.withoutStats());

        Config config = Config.builder().timeoutTcp(Duration.ofSeconds(900)).build();
        assertEquals(new Config(Duration.ofSeconds(900), Duration.ZERO, Duration.ZERO), config);
        assertEquals(config, config.toBuilder().build());
        DaemonConfig daemon = DaemonConfig.builder().state(DaemonConfig.State.BACKUP).multicastInterface("eth0")
                .multicastGroup(ip("ff02::1")).build();
        assertEquals(daemon, daemon.toBuilder().build());
        assertFalse(daemon.isIpv4Group());
    }

    /** A reply with {@code nest} inside CMD_ATTR_DEST. */
    private static Destination destinationReply(Consumer<MessageWriter> nest) {
        return roundTrip(w -> {
            w.beginNested(Ipvs.CMD_ATTR_DEST).bytes(Ipvs.DEST_ATTR_ADDR, new byte[16]);
            nest.accept(w);
            w.endNested();
        }, r -> IpvsCodec.decodeDestination(r, AddressFamily.INET));
    }

    @Test
    void valuesOutsideTheClosedSetsAreDecodeErrors() {
        NetlinkDecodeException e = assertThrows(NetlinkDecodeException.class, () -> roundTrip(w -> w.beginNested(Ipvs.CMD_ATTR_SERVICE)
                .u16(Ipvs.SVC_ATTR_AF, 2).u16(Ipvs.SVC_ATTR_PROTOCOL, 1).bytes(Ipvs.SVC_ATTR_ADDR, new byte[16]).endNested(),
                IpvsCodec::decodeService));
        assertEquals("IPVS service protocol: 1 (expected: 6 TCP, 17 UDP or 132 SCTP)", e.getMessage());
        // Forwarding methods and tunnel types are open: a newer kernel's value decodes with its number.
        assertEquals(ForwardingMethod.of(5), destinationReply(w -> w.u32(Ipvs.DEST_ATTR_FWD_METHOD, 5)).forwardingMethod());
        assertEquals(ForwardingMethod.TUNNEL, destinationReply(w -> w.u32(Ipvs.DEST_ATTR_FWD_METHOD, 0x100 | 2)).forwardingMethod(),
                "only the method's three bits count");
        assertEquals(TunnelType.of(3), destinationReply(w -> w.u8(Ipvs.DEST_ATTR_TUN_TYPE, 3)).tunnelType());
        e = assertThrows(NetlinkDecodeException.class, () -> destinationReply(w -> w.u16(Ipvs.DEST_ATTR_ADDR_FAMILY, 7)));
        assertEquals("IPVS destination address family 7 (expected: 2 AF_INET or 10 AF_INET6)", e.getMessage());
        e = assertThrows(NetlinkDecodeException.class, () -> roundTrip(w -> w.beginNested(Ipvs.CMD_ATTR_DAEMON)
                .u32(Ipvs.DAEMON_ATTR_STATE, 3).string(Ipvs.DAEMON_ATTR_MCAST_IFN, "eth0").endNested(), IpvsCodec::decodeDaemon));
        assertTrue(e.getMessage().contains("daemon state: 3"), e.getMessage());
    }

    @Test
    void decodedNetmasksKeepTheirFamily() throws Exception {
        Service odd = Service.builder().protocol(Protocol.TCP).address(InetAddress.getByName("10.0.0.1")).port(80)
                .netmask(Netmask.of(0xFF00FF00)).build();
        assertEquals(Netmask.of(0xFF00FF00), roundTrip(w -> IpvsCodec.writeService(w, odd), IpvsCodec::decodeService).netmask());
        Service v6 = Service.builder().fwMark(9).addressFamily(AddressFamily.INET6).netmask(Netmask.ofPrefix(AddressFamily.INET6, 48)).build();
        assertEquals(Netmask.ofPrefix(AddressFamily.INET6, 48), roundTrip(w -> IpvsCodec.writeService(w, v6), IpvsCodec::decodeService).netmask());
    }
}
