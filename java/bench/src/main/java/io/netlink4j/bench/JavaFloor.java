// SPDX-FileCopyrightText: 2026 The netlink4j Authors
// SPDX-License-Identifier: Apache-2.0
package io.netlink4j.bench;

import io.netlink4j.internal.HostOrder;
import io.netlink4j.codec.MessageReader;
import io.netlink4j.codec.MessageWriter;
import io.netlink4j.codec.Netlink;
import io.netlink4j.genl.GenericNetlink;
import io.netlink4j.genl.Genl;
import io.netlink4j.socket.NetlinkAddress;
import io.netlink4j.socket.NetlinkProtocol;
import io.netlink4j.socket.NetlinkSocket;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.PooledByteBufAllocator;

/**
 * The floor program's loop written in Java over netlink4j's socket layer alone: the same
 * requests as {@code ipvs_floor.c} (same commands, attributes and numbering; B requests per
 * send), through {@link NetlinkSocket} (the JNI shim) and {@link MessageWriter}, with none of the
 * request engine, the IPVS codec or the model objects; replies are walked for their headers and
 * errors only. Set beside the C floor and the full library, it separates what running in a JVM
 * costs per system call from what the library's layers above the socket cost.
 */
final class JavaFloor implements AutoCloseable {
    // From linux/ip_vs.h (the library has these in io.netlink4j.ipvs.internal.Ipvs; repeated so this
    // loop depends on nothing above the socket layer).
    private static final int CMD_NEW_SERVICE = 1;
    private static final int CMD_DEL_SERVICE = 3;
    private static final int CMD_GET_SERVICE = 4;
    private static final int CMD_NEW_DEST = 5;
    private static final int CMD_SET_DEST = 6;
    private static final int CMD_GET_DEST = 8;
    private static final int CMD_ATTR_SERVICE = 1;
    private static final int CMD_ATTR_DEST = 2;
    private static final int SVC_AF = 1;
    private static final int SVC_PROTOCOL = 2;
    private static final int SVC_ADDR = 3;
    private static final int SVC_PORT = 4;
    private static final int SVC_SCHED_NAME = 6;
    private static final int SVC_FLAGS = 7;
    private static final int SVC_TIMEOUT = 8;
    private static final int SVC_NETMASK = 9;
    private static final int DEST_ADDR = 1;
    private static final int DEST_PORT = 2;
    private static final int DEST_FWD_METHOD = 3;
    private static final int DEST_WEIGHT = 4;
    private static final int DEST_U_THRESH = 5;
    private static final int DEST_L_THRESH = 6;
    private static final int DEST_ADDR_FAMILY = 11;
    private static final int DEST_TUN_TYPE = 13;
    private static final int DEST_TUN_PORT = 14;
    private static final int DEST_TUN_FLAGS = 15;
    private static final int CONN_F_MASQ = 0;

    /** What one request creates, changes or deletes. */
    enum Kind { NEW_SERVICE, NEW_DEST, SET_DEST, DEL_SERVICE }

    private final int family;
    private final int services;
    private final int dests;
    private final NetlinkSocket socket = NetlinkSocket.open(NetlinkProtocol.GENERIC);
    private final MessageWriter writer = new MessageWriter();
    private final ByteBuf tx = PooledByteBufAllocator.DEFAULT.directBuffer(1 << 22, 1 << 22);
    private final ByteBuf rx = PooledByteBufAllocator.DEFAULT.directBuffer(1 << 20, 1 << 20);
    private final MessageReader reader = new MessageReader();
    private final NetlinkAddress from = new NetlinkAddress();
    private final byte[] address = new byte[16];
    private int seq;

    JavaFloor(int services, int dests) {
        this.services = services;
        this.dests = dests;
        try (GenericNetlink genl = GenericNetlink.open()) {
            family = genl.getFamily("IPVS").id();
        }
        socket.bind(0, 0);
        socket.setReceiveBufferSize(64 << 20, true);
    }

    /**
     * Sends the requests of one phase, {@code batch} per send, and awaits their ACKs: NLM_F_ACK on
     * every request, or with {@code ackLast} on the last request of each send only (then one ACK
     * per send; an error still comes back for any request that fails).
     */
    void requests(Kind kind, int batch, boolean ackLast) {
        int total = services * (kind == Kind.NEW_DEST || kind == Kind.SET_DEST ? dests : 1);
        for (int done = 0; done < total; ) {
            tx.clear();
            int k = 0;
            for (; k < batch && done + k < total; k++) {
                boolean last = k + 1 == batch || done + k + 1 == total;
                writeRequest(kind, done + k, !ackLast || last);
            }
            socket.send(tx, 0);
            drain(ackLast ? 1 : k);
            done += k;
        }
    }

    /** One service dump; returns how many services it held. */
    int dumpServices() {
        tx.clear();
        writer.begin(tx, family, Netlink.NLM_F_REQUEST | Netlink.NLM_F_DUMP, ++seq, 0);
        Genl.writeHeader(writer, CMD_GET_SERVICE, 1);
        writer.end();
        socket.send(tx, 0);
        return awaitDump();
    }

    /** One destination dump per service; returns how many destinations they held. */
    int dumpDestinations() {
        int count = 0;
        for (int i = 0; i < services; i++) {
            tx.clear();
            writer.begin(tx, family, Netlink.NLM_F_REQUEST | Netlink.NLM_F_DUMP, ++seq, 0);
            Genl.writeHeader(writer, CMD_GET_DEST, 1);
            writeService(i, false);
            writer.end();
            socket.send(tx, 0);
            count += awaitDump();
        }
        return count;
    }

    private void writeRequest(Kind kind, int k, boolean ack) {
        int cmd = switch (kind) {
            case NEW_SERVICE -> CMD_NEW_SERVICE;
            case NEW_DEST -> CMD_NEW_DEST;
            case SET_DEST -> CMD_SET_DEST;
            case DEL_SERVICE -> CMD_DEL_SERVICE;
        };
        writer.begin(tx, family, ack ? Netlink.NLM_F_REQUEST | Netlink.NLM_F_ACK : Netlink.NLM_F_REQUEST, ++seq, 0);
        Genl.writeHeader(writer, cmd, 1);
        switch (kind) {
            case NEW_SERVICE -> writeService(k, true);
            case DEL_SERVICE -> writeService(k, false);
            case NEW_DEST, SET_DEST -> {
                writeService(k / dests, false);
                writeDest(k / dests, k % dests, kind == Kind.NEW_DEST ? 1 : 2);
            }
        }
        writer.end();
    }

    private void writeService(int i, boolean full) {
        writer.beginNested(CMD_ATTR_SERVICE);
        writer.u16(SVC_AF, 2).u16(SVC_PROTOCOL, 6);
        setAddress(10, 20, i >> 8 & 0xFF, i & 0xFF);
        writer.bytes(SVC_ADDR, address).u16Be(SVC_PORT, 80);
        if (full) {
            writer.string(SVC_SCHED_NAME, "rr");
            writer.beginAttribute(SVC_FLAGS).rawU32(0).rawU32(0xFFFFFFFF).endAttribute();
            writer.u32(SVC_TIMEOUT, 0).u32(SVC_NETMASK, 0xFFFFFFFF);
        }
        writer.endNested();
    }

    private void writeDest(int i, int j, int weight) {
        int k = i * dests + j;
        writer.beginNested(CMD_ATTR_DEST);
        setAddress(10, 1, 1 + (k >> 8) % 254, k & 0xFF | 1);
        writer.bytes(DEST_ADDR, address).u16Be(DEST_PORT, 8000 + j).u16(DEST_ADDR_FAMILY, 2)
                .u32(DEST_FWD_METHOD, CONN_F_MASQ).u32(DEST_WEIGHT, weight).u32(DEST_U_THRESH, 0).u32(DEST_L_THRESH, 0)
                .u8(DEST_TUN_TYPE, 0).u16Be(DEST_TUN_PORT, 0).u16(DEST_TUN_FLAGS, 0);
        writer.endNested();
    }

    private void setAddress(int a, int b, int c, int d) {
        address[0] = (byte) a;
        address[1] = (byte) b;
        address[2] = (byte) c;
        address[3] = (byte) d;
    }

    private void drain(int acks) {
        int got = 0;
        while (got < acks) {
            rx.clear();
            int len = socket.receive(rx, 0, from);
            reader.reset(rx, 0, len);
            while (reader.next()) {
                if (reader.type() == Netlink.NLMSG_ERROR) {
                    int error = HostOrder.getI32(rx, reader.offset() + Netlink.HEADER_SIZE);
                    if (error != 0) {
                        throw new IllegalStateException("IPVS request failed: errno " + -error);
                    }
                    got++;
                }
            }
        }
    }

    private int awaitDump() {
        int count = 0;
        for (;;) {
            rx.clear();
            int len = socket.receive(rx, 0, from);
            reader.reset(rx, 0, len);
            while (reader.next()) {
                if (reader.type() == Netlink.NLMSG_DONE) {
                    return count;
                } else if (reader.type() == family) {
                    count++;
                } else if (reader.type() == Netlink.NLMSG_ERROR && HostOrder.getI32(rx, reader.offset() + Netlink.HEADER_SIZE) != 0) {
                    throw new IllegalStateException("IPVS dump failed: errno " + -HostOrder.getI32(rx, reader.offset() + Netlink.HEADER_SIZE));
                }
            }
        }
    }

    @Override
    public void close() {
        socket.close();
        tx.release();
        rx.release();
    }
}
