// SPDX-FileCopyrightText: 2026 The netlink4j Authors
// SPDX-License-Identifier: Apache-2.0
package io.netlink4j.ipvs;

import io.netlink4j.AddressFamily;
import io.netlink4j.Errno;
import io.netlink4j.codec.AttributeReader;
import io.netlink4j.internal.ControlMessages;
import io.netlink4j.codec.MessageReader;
import io.netlink4j.codec.MessageWriter;
import io.netlink4j.codec.Netlink;
import io.netlink4j.genl.Genl;
import io.netlink4j.ipvs.internal.Ipvs;
import io.netlink4j.ipvs.internal.IpvsCodec;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import io.netty.buffer.PooledByteBufAllocator;
import io.netty.buffer.Unpooled;
import org.junit.jupiter.api.Test;

import java.io.DataInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Consumer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Fixed vectors captured in the test VM (strace of the real ipvsadm 1.31 on Linux 6.1): what
 * ipvsadm sends and what the kernel answers. Our decoder reads both, and our encoder produces the
 * same attributes ipvsadm sends for the same objects. See golden/NN.cmd for each command.
 */
class GoldenBytesTest {

    static List<byte[]> load(String name) throws IOException {
        List<byte[]> out = new ArrayList<>();
        try (InputStream in = GoldenBytesTest.class.getResourceAsStream("golden/" + name);
             DataInputStream data = new DataInputStream(in)) {
            while (data.available() > 0) {
                byte[] d = new byte[data.readInt()];
                data.readFully(d);
                out.add(d);
            }
        }
        return out;
    }

    /** The IPVS request of capture {@code n} with command {@code cmd}. */
    static byte[] request(int n, int cmd) throws IOException {
        for (byte[] r : load(String.format("%02d.requests", n))) {
            if ((r[16] & 0xFF) == cmd) {
                return r;
            }
        }
        throw new AssertionError("no command " + cmd + " in capture " + n);
    }

    static <T> T decode(byte[] message, java.util.function.Function<MessageReader, T> f) {
        MessageReader r = MessageReader.of(Unpooled.wrappedBuffer(message), 0, message.length);
        assertTrue(r.next());
        return f.apply(r);
    }

    /** Attribute type → payload hex of the nest {@code nestType} in a message, recursing into nests. */
    static Map<String, String> attributes(byte[] message, int nestType) {
        Map<String, String> out = new TreeMap<>();
        decode(message, r -> {
            AttributeReader top = Genl.attributes(r, 0, new AttributeReader());
            while (top.next()) {
                if (top.type() == nestType) {
                    flatten("", top.nested(), out);
                }
            }
            return null;
        });
        return out;
    }

    static void flatten(String prefix, AttributeReader attrs, Map<String, String> out) {
        while (attrs.next()) {
            out.put(prefix + attrs.type(), ByteBufUtil.hexDump(attrs.buffer(), attrs.payloadOffset(), attrs.payloadLength()));
        }
    }

    static byte[] encode(int cmd, Consumer<MessageWriter> body) {
        ByteBuf buf = PooledByteBufAllocator.DEFAULT.directBuffer(512);
        try {
            MessageWriter w = new MessageWriter().begin(buf, 0x20, Netlink.NLM_F_REQUEST | Netlink.NLM_F_ACK, 1, 0);
            Genl.writeHeader(w, cmd, Ipvs.GENL_VERSION);
            body.accept(w);
            w.end();
            return ByteBufUtil.getBytes(buf);
        } finally {
            buf.release();
        }
    }

    static InetAddress ip(String s) {
        return IpvsNamespace.ip(s);
    }

    static final Service WEB = Service.builder().protocol(Protocol.TCP).address(ip("10.0.0.1")).port(80).scheduler(Scheduler.WRR)
            .persistent(300).netmask(Netmask.ofPrefix(24)).build();
    static final Service DNS6 = Service.builder().protocol(Protocol.UDP).address(ip("2001:db8::53")).port(53).scheduler(Scheduler.SH)
            .flags(ServiceFlags.ONEPACKET | ServiceFlags.SCHED1).build();
    static final Service MARK = Service.builder().fwMark(5).addressFamily(AddressFamily.INET).scheduler(Scheduler.RR).build();
    static final Destination WEB_REAL = Destination.builder().address(ip("10.1.1.2")).port(8080).weight(5)
            .upperThreshold(100).lowerThreshold(50).build();
    static final Destination DNS6_REAL = Destination.builder().address(ip("2001:db8:1::2")).port(53).weight(1)
            .forwardingMethod(ForwardingMethod.TUNNEL).tunnelType(TunnelType.GUE).tunnelPort(6080)
            .tunnelFlags(TunnelFlags.CSUM).build();

    @Test
    void ipvsadmServiceRequestsDecodeToTheServicesTheyCreate() throws IOException {
        assertEquals(WEB, decode(request(1, Ipvs.CMD_NEW_SERVICE), IpvsCodec::decodeService));
        assertEquals(DNS6, decode(request(2, Ipvs.CMD_NEW_SERVICE), IpvsCodec::decodeService));
        assertEquals(MARK, decode(request(3, Ipvs.CMD_NEW_SERVICE), IpvsCodec::decodeService));
    }

    @Test
    void ourServiceRequestsCarryTheAttributesIpvsadmSends() throws IOException {
        assertEquals(attributes(request(1, Ipvs.CMD_NEW_SERVICE), Ipvs.CMD_ATTR_SERVICE),
                attributes(encode(Ipvs.CMD_NEW_SERVICE, w -> IpvsCodec.writeService(w, WEB)), Ipvs.CMD_ATTR_SERVICE));
        assertEquals(attributes(request(2, Ipvs.CMD_NEW_SERVICE), Ipvs.CMD_ATTR_SERVICE),
                attributes(encode(Ipvs.CMD_NEW_SERVICE, w -> IpvsCodec.writeService(w, DNS6)), Ipvs.CMD_ATTR_SERVICE));
        assertEquals(attributes(request(3, Ipvs.CMD_NEW_SERVICE), Ipvs.CMD_ATTR_SERVICE),
                attributes(encode(Ipvs.CMD_NEW_SERVICE, w -> IpvsCodec.writeService(w, MARK)), Ipvs.CMD_ATTR_SERVICE));
    }

    @Test
    void destinationRequestsMatchBothWays() throws IOException {
        byte[] web = request(4, Ipvs.CMD_NEW_DEST);
        byte[] dns = request(5, Ipvs.CMD_NEW_DEST);
        assertEquals(WEB_REAL, decode(web, r -> IpvsCodec.decodeDestination(r, AddressFamily.INET)));
        assertEquals(DNS6_REAL, decode(dns, r -> IpvsCodec.decodeDestination(r, AddressFamily.INET6)));
        assertEquals(attributes(web, Ipvs.CMD_ATTR_DEST),
                attributes(encode(Ipvs.CMD_NEW_DEST, w -> IpvsCodec.writeDestination(w, WEB_REAL)), Ipvs.CMD_ATTR_DEST));
        assertEquals(attributes(dns, Ipvs.CMD_ATTR_DEST),
                attributes(encode(Ipvs.CMD_NEW_DEST, w -> IpvsCodec.writeDestination(w, DNS6_REAL)), Ipvs.CMD_ATTR_DEST));
        // ipvsadm sends an empty service specification along with the identity; the kernel reads only the identity.
        Map<String, String> identity = attributes(web, Ipvs.CMD_ATTR_SERVICE);
        identity.keySet().retainAll(java.util.Set.of("1", "2", "3", "4", "5"));
        assertEquals(identity, attributes(encode(Ipvs.CMD_NEW_DEST, w -> IpvsCodec.writeServiceIdentity(w, WEB)), Ipvs.CMD_ATTR_SERVICE));
    }

    @Test
    void kernelErrorWithTheUncappedEchoDecodes() throws IOException {
        byte[] reply = load("06.replies").stream().filter(r -> r[4] == Netlink.NLMSG_ERROR && r.length > 36).findFirst().orElseThrow();
        ControlMessages.Status st = ControlMessages.decodeError(Unpooled.wrappedBuffer(reply), 0, reply.length);
        assertEquals(-Errno.EEXIST, st.error());
        assertEquals(0x20, st.echoedType());
    }

    @Test
    void kernelDumpRepliesDecodeToTheTable() throws IOException {
        List<Service> services = new ArrayList<>();
        List<Destination> dests = new ArrayList<>();
        for (byte[] d : load("07.replies")) {
            MessageReader r = MessageReader.of(Unpooled.wrappedBuffer(d), 0, d.length);
            while (r.next()) {
                if (r.type() == 0x20 && Genl.command(r) == Ipvs.CMD_NEW_SERVICE) {
                    services.add(IpvsCodec.decodeService(r).withoutStats());
                } else if (r.type() == 0x20 && Genl.command(r) == Ipvs.CMD_NEW_DEST) {
                    dests.add(IpvsCodec.decodeDestination(r, null).withoutStats());
                }
            }
        }
        assertEquals(java.util.Set.of(WEB, DNS6, MARK), new java.util.HashSet<>(services));
        assertEquals(java.util.Set.of(WEB_REAL, DNS6_REAL), new java.util.HashSet<>(dests));
    }
}
