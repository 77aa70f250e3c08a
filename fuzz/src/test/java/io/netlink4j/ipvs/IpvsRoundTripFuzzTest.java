// SPDX-FileCopyrightText: 2026 The netlink4j Authors
// SPDX-License-Identifier: Apache-2.0
package io.netlink4j.ipvs;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import io.netlink4j.AddressFamily;
import com.code_intelligence.jazzer.junit.FuzzTest;
import io.netlink4j.fuzz.Messages;
import io.netlink4j.ipvs.internal.Ipvs;
import io.netlink4j.ipvs.internal.IpvsCodec;

import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Duration;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * decode(encode(x)) == x for IPVS values built from fuzzer data through their public builders.
 * Values a builder rejects with IllegalArgumentException are skipped; whatever it accepts must
 * encode without error and decode back equal (counters excluded: they are never sent).
 * Numbers are drawn from just past each field's range so the builders' checks are exercised too.
 */
class IpvsRoundTripFuzzTest {

    @FuzzTest
    void service(FuzzedDataProvider in) {
        Service s;
        try {
            Service.Builder b = Service.builder();
            maybeSet(in, FAMILIES, b::addressFamily);
            if (in.consumeBoolean()) {
                b.fwMark(in.consumeLong(-1, 0x1_0000_0000L));
            }
            if (in.consumeBoolean()) {
                maybeSet(in, Protocol.values(), b::protocol);
                b.address(address(in)).port(in.consumeInt(-1, 0x10000));
            }
            b.scheduler(Scheduler.of(text(in))).flags(in.consumeInt()).timeout(in.consumeLong(-1, 0x1_0000_0000L));
            switch (in.consumeInt(0, 2)) {
                case 1 -> b.netmask(Netmask.ofPrefix(in.pickValue(FAMILIES), in.consumeInt(-1, 129)));
                case 2 -> b.netmask(Netmask.of(in.consumeInt()));
                default -> { }
            }
            if (in.consumeBoolean()) {
                b.persistenceEngine(PersistenceEngine.of(text(in)));
            }
            s = b.build();
        } catch (IllegalArgumentException e) {
            return;
        }
        assertEquals(s, Messages.roundTrip(Ipvs.CMD_NEW_SERVICE, w -> IpvsCodec.writeService(w, s), IpvsCodec::decodeService));
        Service identity = Messages.roundTrip(Ipvs.CMD_DEL_SERVICE, w -> IpvsCodec.writeServiceIdentity(w, s), IpvsCodec::decodeService);
        assertEquals(s.addressFamily(), identity.addressFamily());
        assertEquals(s.protocol(), identity.protocol());
        assertEquals(s.address(), identity.address());
        assertEquals(s.port(), identity.port());
        assertEquals(s.fwMark(), identity.fwMark());
    }

    @FuzzTest
    void destination(FuzzedDataProvider in) {
        Destination.Builder b = Destination.builder();
        maybeSet(in, FAMILIES, b::addressFamily);
        b.address(address(in)).port(in.consumeInt(-1, 0x10000)).weight(in.consumeInt());
        maybeSet(in, new ForwardingMethod[] {ForwardingMethod.of(in.consumeInt(0, 7))}, b::forwardingMethod);
        b.upperThreshold(in.consumeLong(-1, 0x1_0000_0000L)).lowerThreshold(in.consumeLong(-1, 0x1_0000_0000L));
        maybeSet(in, new TunnelType[] {TunnelType.of(in.consumeInt(0, 255))}, b::tunnelType);
        b.tunnelPort(in.consumeInt(-1, 0x10000)).tunnelFlags(in.consumeInt(-1, 0x10000));
        if (in.consumeBoolean()) {
            b.activeConnections(in.consumeLong(-1, 0x1_0000_0000L)).inactiveConnections(in.consumeLong(-1, 0x1_0000_0000L))
                    .persistentConnections(in.consumeLong(-1, 0x1_0000_0000L));
        }
        Destination d;
        try {
            d = b.build();
        } catch (IllegalArgumentException e) {
            return;
        }
        assertEquals(d.withoutStats(), Messages.roundTrip(Ipvs.CMD_NEW_DEST, w -> IpvsCodec.writeDestination(w, d),
                m -> IpvsCodec.decodeDestination(m, null)));
        Destination identity = Messages.roundTrip(Ipvs.CMD_DEL_DEST, w -> IpvsCodec.writeDestinationIdentity(w, d),
                m -> IpvsCodec.decodeDestination(m, null));
        assertEquals(d.address(), identity.address());
        assertEquals(d.port(), identity.port());
        assertEquals(d.addressFamily(), identity.addressFamily());
    }

    @FuzzTest
    void daemon(FuzzedDataProvider in) {
        DaemonConfig.Builder b = DaemonConfig.builder();
        maybeSet(in, DaemonConfig.State.values(), b::state);
        if (in.consumeBoolean()) {
            b.multicastInterface(text(in));
        }
        b.syncId(in.consumeLong(-1, 0x1_0000_0000L)).syncMaxLength(in.consumeInt(-1, 0x10000))
                .multicastPort(in.consumeInt(-1, 0x10000)).multicastTtl(in.consumeInt(-1, 256));
        DaemonConfig d;
        try {
            if (in.consumeBoolean()) {
                b.multicastGroup(address(in));
            }
            d = b.build();
        } catch (IllegalArgumentException e) {
            return;
        }
        assertEquals(d, Messages.roundTrip(Ipvs.CMD_NEW_DAEMON, w -> IpvsCodec.writeDaemon(w, d), IpvsCodec::decodeDaemon));
    }

    @FuzzTest
    void config(FuzzedDataProvider in) {
        Config c;
        try {
            c = Config.builder().timeoutTcp(duration(in)).timeoutTcpFin(duration(in)).timeoutUdp(duration(in)).build();
        } catch (IllegalArgumentException e) {
            return;
        }
        assertEquals(c, Messages.roundTrip(Ipvs.CMD_SET_CONFIG, w -> IpvsCodec.writeConfig(w, c), IpvsCodec::decodeConfig));
    }

    /** IPVS's two families and two it refuses (the builders must say so). */
    private static final AddressFamily[] FAMILIES = {AddressFamily.INET, AddressFamily.INET6, AddressFamily.UNSPEC, AddressFamily.of(99)};

    /** Up to 20 UTF-16 units, any of them: NUL and unpaired surrogates included. */
    private static String text(FuzzedDataProvider in) {
        if (in.consumeBoolean()) {
            return in.consumeString(20);
        }
        char[] chars = new char[in.consumeInt(0, 20)];
        for (int i = 0; i < chars.length; i++) {
            chars[i] = in.consumeChar();
        }
        return new String(chars);
    }

    private static Duration duration(FuzzedDataProvider in) {
        long seconds = in.consumeLong(-1, Config.MAX_SECONDS + 1);
        return in.consumeBoolean() ? Duration.ofSeconds(seconds) : Duration.ofSeconds(seconds, in.consumeInt(0, 999_999_999));
    }

    /** An IPv4 or IPv6 address (IPv6 may be IPv4-mapped and stays IPv6). */
    private static InetAddress address(FuzzedDataProvider in) {
        try {
            return in.consumeBoolean() ? InetAddress.getByAddress(padded(in, 4)) : Inet6Address.getByAddress(null, padded(in, 16), -1);
        } catch (UnknownHostException e) {
            throw new AssertionError(e);
        }
    }

    private static byte[] padded(FuzzedDataProvider in, int length) {
        byte[] out = new byte[length];
        byte[] got = in.consumeBytes(length);
        System.arraycopy(got, 0, out, 0, got.length);
        return out;
    }

    /** Sets one of {@code values}, or nothing (leaving the builder's default, or a required value missing). */
    private static <T> void maybeSet(FuzzedDataProvider in, T[] values, java.util.function.Consumer<T> setter) {
        int i = in.consumeInt(0, values.length);
        if (i < values.length) {
            setter.accept(values[i]);
        }
    }
}
