// SPDX-FileCopyrightText: 2026 The netlink4j Authors
// SPDX-License-Identifier: Apache-2.0
package io.netlink4j.ipvs;

import io.netlink4j.AddressFamily;
import com.code_intelligence.jazzer.junit.FuzzTest;
import io.netlink4j.codec.AttributeReader;
import io.netlink4j.codec.NetlinkAttribute;
import io.netlink4j.fuzz.Fuzzing;
import io.netlink4j.fuzz.Messages;
import io.netlink4j.fuzz.Reference;
import io.netlink4j.ipvs.internal.Ipvs;
import io.netlink4j.ipvs.internal.IpvsCodec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

/**
 * IPVS replies through {@link IpvsCodec}'s decoders, fed the messages of a datagram as a dump's
 * reply handler gets them. Whatever a decoder accepts must survive encoding and decoding again
 * unchanged (less the counters, which are never sent).
 */
class IpvsDecodeFuzzTest {
    private static final AddressFamily[] SERVICE_FAMILIES = {null, AddressFamily.INET, AddressFamily.INET6};

    @FuzzTest
    void service(byte[] data) {
        Fuzzing.withBuffer(data, buf -> Messages.forEachReply(buf, msg -> {
            Service s = Fuzzing.decodeOrNull(() -> IpvsCodec.decodeService(msg));
            if (s != null) {
                assertNotNull(s.toString());
                Service expected = s.toBuilder().stats(Stats.ZERO).buildDecoded();
                assertEquals(expected, Messages.roundTrip(Ipvs.CMD_NEW_SERVICE, w -> IpvsCodec.writeService(w, s),
                        IpvsCodec::decodeService));
            }
        }));
    }

    @FuzzTest
    void destination(byte[] data) {
        Fuzzing.withBuffer(data, buf -> Messages.forEachReply(buf, msg -> {
            for (AddressFamily family : SERVICE_FAMILIES) {
                Destination d = Fuzzing.decodeOrNull(() -> IpvsCodec.decodeDestination(msg, family));
                if (d != null) {
                    assertNotNull(d.toString());
                    Destination expected = d.toBuilder().stats(Stats.ZERO).activeConnections(0).inactiveConnections(0)
                            .persistentConnections(0).buildDecoded();
                    assertEquals(expected, Messages.roundTrip(Ipvs.CMD_NEW_DEST, w -> IpvsCodec.writeDestination(w, d),
                            m -> IpvsCodec.decodeDestination(m, null)));
                }
            }
        }));
    }

    /** The input is the attribute region inside an IPVS_SVC_ATTR_STATS(64) or IPVS_DEST_ATTR_STATS(64) nest. */
    @FuzzTest
    void stats(byte[] data) {
        Fuzzing.withBuffer(data, buf -> assertEquals(expectedStats(data),
                Fuzzing.decodeOrNull(() -> IpvsCodec.decodeStats(AttributeReader.of(buf, 0, data.length)))));
    }

    @FuzzTest
    void config(byte[] data) {
        Fuzzing.withBuffer(data, buf -> Messages.forEachReply(buf, msg -> {
            Config c = Fuzzing.decodeOrNull(() -> IpvsCodec.decodeConfig(msg));
            if (c != null) {
                assertEquals(c, Messages.roundTrip(Ipvs.CMD_SET_CONFIG, w -> IpvsCodec.writeConfig(w, c), IpvsCodec::decodeConfig));
            }
        }));
    }

    @FuzzTest
    void info(byte[] data) {
        Fuzzing.withBuffer(data, buf -> Messages.forEachReply(buf, msg -> {
            Info info = Fuzzing.decodeOrNull(() -> IpvsCodec.decodeInfo(msg));
            if (info != null) {
                assertNotNull(info.versionString());
            }
        }));
    }

    @FuzzTest
    void daemon(byte[] data) {
        Fuzzing.withBuffer(data, buf -> Messages.forEachReply(buf, msg -> {
            DaemonConfig d = Fuzzing.decodeOrNull(() -> IpvsCodec.decodeDaemon(msg));
            if (d != null) {
                assertEquals(d, Messages.roundTrip(Ipvs.CMD_NEW_DAEMON, w -> IpvsCodec.writeDaemon(w, d), IpvsCodec::decodeDaemon));
            }
        }));
    }

    /** IPVS_STATS_ATTR_*: u32 or u64 counters, the last of each kind wins, others skipped. Null: invalid. */
    private static Stats expectedStats(byte[] d) {
        Reference.Walk walk = Reference.attributes(d, 0, d.length);
        if (walk.broken()) {
            return null;
        }
        long[] v = new long[11];
        for (Reference.Item a : walk.items()) {
            int type = a.type() & NetlinkAttribute.TYPE_MASK;
            if (type < Ipvs.STATS_ATTR_CONNS || type > Ipvs.STATS_ATTR_OUTBPS) {
                continue;
            }
            int p = a.offset() + NetlinkAttribute.HEADER_SIZE;
            switch (a.length() - NetlinkAttribute.HEADER_SIZE) {
                case 4 -> v[type] = Integer.toUnsignedLong(Reference.i32(d, p));
                case 8 -> v[type] = Reference.i64(d, p);
                default -> {
                    return null;
                }
            }
        }
        return new Stats(v[1], v[2], v[3], v[4], v[5], v[6], v[7], v[8], v[9], v[10]);
    }
}
