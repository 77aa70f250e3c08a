// SPDX-FileCopyrightText: 2026 The netlink4j Authors
// SPDX-License-Identifier: Apache-2.0
package io.netlink4j.ipvs;

import io.netlink4j.codec.MessageWriter;
import io.netlink4j.codec.Netlink;
import io.netlink4j.engine.NetlinkConnection;
import io.netlink4j.genl.Genl;
import io.netlink4j.testing.NetlinkTestPeer;
import io.netlink4j.testing.NetlinkTestPeer.ReceivedRequest;
import io.netlink4j.ipvs.internal.Ipvs;
import io.netlink4j.ipvs.internal.IpvsCodec;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import io.netty.buffer.PooledByteBufAllocator;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

/**
 * A scripted kernel for {@link IpvsHandle}: a {@link NetlinkTestPeer} that answers nlctrl's
 * GETFAMILY for "IPVS" as the kernel does (a NEWFAMILY message, then the ACK) and hands every IPVS
 * request to the test's responder. Replies are built in the kernel's wire format with the
 * project's codec.
 */
final class IpvsTestPeer implements AutoCloseable {
    /** The family id the peer gives IPVS (the kernel assigns one dynamically too). */
    static final int FAMILY_ID = 0x2a;

    final NetlinkTestPeer peer;

    private IpvsTestPeer(NetlinkTestPeer peer) {
        this.peer = peer;
    }

    /** A peer with IPVS whose IPVS requests {@code ipvs} answers. */
    static IpvsTestPeer start(NetlinkTestPeer.Responder ipvs) {
        return new IpvsTestPeer(NetlinkTestPeer.start(req -> {
            if (req.type() == Genl.GENL_ID_CTRL) {
                return List.of(family(req), NetlinkTestPeer.ack(req, 0));
            }
            return ipvs.respond(req);
        }));
    }

    /**
     * A peer whose IPVS family id is {@code familyId}'s current value, or absent while it is 0 (as
     * while ip_vs is removed): nlctrl answers with that id or ENOENT, and, as the kernel's generic
     * netlink does, a request to any other id is refused with ENOENT; requests to the current id
     * go to {@code ipvs}.
     */
    static IpvsTestPeer reloadable(AtomicInteger familyId, NetlinkTestPeer.Responder ipvs) {
        return new IpvsTestPeer(NetlinkTestPeer.start(req -> {
            int id = familyId.get();
            if (req.type() == Genl.GENL_ID_CTRL) {
                return id == 0 ? List.of(NetlinkTestPeer.ack(req, io.netlink4j.Errno.ENOENT))
                        : List.of(family(req, id), NetlinkTestPeer.ack(req, 0));
            }
            return req.type() == id ? ipvs.respond(req) : List.of(NetlinkTestPeer.ack(req, io.netlink4j.Errno.ENOENT));
        }));
    }

    /** A peer whose nlctrl knows no IPVS family (as on a kernel without ip_vs). */
    static IpvsTestPeer withoutIpvs() {
        return new IpvsTestPeer(NetlinkTestPeer.start(req -> List.of(NetlinkTestPeer.ack(req, io.netlink4j.Errno.ENOENT))));
    }

    /** A connection to the peer. */
    NetlinkConnection connect(Duration receiveTimeout) {
        return NetlinkConnection.open(NetlinkTestPeer.PROTOCOL, peer.clientOptions().receiveTimeout(receiveTimeout).build());
    }

    /** A handle over a connection to the peer (3 s receive timeout). */
    IpvsHandle open() {
        return IpvsHandle.open(connect(Duration.ofSeconds(3)));
    }

    /** The IPVS requests received so far, in order (nlctrl's left out). */
    List<ReceivedRequest> ipvsRequests() {
        List<ReceivedRequest> out = new ArrayList<>();
        for (ReceivedRequest r : peer.received()) {
            if (r.type() == FAMILY_ID) {
                out.add(r);
            }
        }
        return out;
    }

    /** The generic netlink command of a request. */
    static int cmd(ReceivedRequest req) {
        return req.message()[Netlink.HEADER_SIZE] & 0xFF;
    }

    /** One IPVS message as the kernel sends it: netlink header, genl header (version 1), attributes. */
    static byte[] ipvsMessage(ReceivedRequest req, int flags, int cmd, Consumer<MessageWriter> attributes) {
        return message(FAMILY_ID, flags, req, cmd, Ipvs.GENL_VERSION, attributes);
    }

    /** A reply to a GET request (flags 0). */
    static byte[] reply(ReceivedRequest req, int cmd, Consumer<MessageWriter> attributes) {
        return ipvsMessage(req, 0, cmd, attributes);
    }

    /** A dump part (NLM_F_MULTI, plus {@code extraFlags} such as NLM_F_DUMP_INTR). */
    static byte[] part(ReceivedRequest req, int extraFlags, int cmd, Consumer<MessageWriter> attributes) {
        return ipvsMessage(req, Netlink.NLM_F_MULTI | extraFlags, cmd, attributes);
    }

    /** A whole dump in one datagram: the parts, then NLMSG_DONE. */
    static List<byte[]> dump(ReceivedRequest req, byte[]... parts) {
        byte[][] all = new byte[parts.length + 1][];
        System.arraycopy(parts, 0, all, 0, parts.length);
        all[parts.length] = NetlinkTestPeer.done(req, 0);
        return List.of(NetlinkTestPeer.datagram(all));
    }

    /** The service part of a GET_SERVICE reply or dump. */
    static Consumer<MessageWriter> service(Service s) {
        return w -> IpvsCodec.writeService(w, s);
    }

    /** The destination part of a GET_DEST dump. */
    static Consumer<MessageWriter> destination(Destination d) {
        return w -> IpvsCodec.writeDestination(w, d);
    }

    /** The daemon part of a GET_DAEMON dump. */
    static Consumer<MessageWriter> daemon(DaemonConfig d) {
        return w -> IpvsCodec.writeDaemon(w, d);
    }

    private static byte[] family(ReceivedRequest req) {
        return family(req, FAMILY_ID);
    }

    private static byte[] family(ReceivedRequest req, int id) {
        return message(Genl.GENL_ID_CTRL, 0, req, Genl.CTRL_CMD_NEWFAMILY, 2, w -> {
            w.u16(Genl.CTRL_ATTR_FAMILY_ID, id);
            w.string(Genl.CTRL_ATTR_FAMILY_NAME, Ipvs.FAMILY_NAME);
            w.u32(Genl.CTRL_ATTR_VERSION, Ipvs.GENL_VERSION);
            w.u32(Genl.CTRL_ATTR_HDRSIZE, 0);
            w.u32(Genl.CTRL_ATTR_MAXATTR, Ipvs.CMD_ATTR_TIMEOUT_UDP);
        });
    }

    private static byte[] message(int type, int flags, ReceivedRequest req, int cmd, int version, Consumer<MessageWriter> attributes) {
        ByteBuf buf = PooledByteBufAllocator.DEFAULT.directBuffer(512);
        try {
            MessageWriter w = new MessageWriter().begin(buf, type, flags, req.seq(), req.senderPortId());
            Genl.writeHeader(w, cmd, version);
            attributes.accept(w);
            w.end();
            return ByteBufUtil.getBytes(buf);
        } finally {
            buf.release();
        }
    }

    @Override
    public void close() {
        peer.close();
    }
}
