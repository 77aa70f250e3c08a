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

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The floor program's loop written in Java over netlink4j's socket layer alone: the same
 * requests as {@code ipvs_floor.c} (NEW_SERVICE with the same attributes, a service dump,
 * DEL_SERVICE; BATCH requests per sendmsg), through {@link NetlinkSocket} (the JNI shim) and
 * {@link MessageWriter}, with none of the request engine, the IPVS codec or the model objects.
 * Set beside the C floor and the full library, it separates what running in a JVM costs per
 * system call from what the library's layers above the socket cost.
 */
final class JavaFloor implements AutoCloseable {
    // From linux/ip_vs.h (the library has these in io.netlink4j.ipvs.internal.Ipvs; repeated so this
    // loop depends on nothing above the socket layer).
    private static final int CMD_NEW_SERVICE = 1;
    private static final int CMD_DEL_SERVICE = 3;
    private static final int CMD_GET_SERVICE = 4;
    private static final int CMD_ATTR_SERVICE = 1;
    private static final int SVC_AF = 1;
    private static final int SVC_PROTOCOL = 2;
    private static final int SVC_ADDR = 3;
    private static final int SVC_PORT = 4;
    private static final int SVC_SCHED_NAME = 6;
    private static final int SVC_FLAGS = 7;
    private static final int SVC_TIMEOUT = 8;
    private static final int SVC_NETMASK = 9;

    private final int family;
    private final NetlinkSocket socket = NetlinkSocket.open(NetlinkProtocol.GENERIC);
    private final MessageWriter writer = new MessageWriter();
    private final ByteBuf tx = PooledByteBufAllocator.DEFAULT.directBuffer(1 << 22, 1 << 22);
    private final ByteBuf rx = PooledByteBufAllocator.DEFAULT.directBuffer(1 << 20, 1 << 20);
    private final MessageReader reader = new MessageReader();
    private final NetlinkAddress from = new NetlinkAddress();
    private final byte[] address = new byte[16];
    private int seq;

    JavaFloor() {
        try (GenericNetlink genl = GenericNetlink.open()) {
            family = genl.getFamily("IPVS").id();
        }
        socket.bind(0, 0);
        socket.setReceiveBufferSize(64 << 20, true);
    }

    /** Microseconds per operation for "create services", "dump services" (the second dump) and "delete all". */
    Map<String, Double> run(int n, int batch, String[] phases) {
        Map<String, Double> out = new LinkedHashMap<>();
        out.put(phases[0], apply(CMD_NEW_SERVICE, n, batch, true));
        dump(n);
        out.put(phases[2], dump(n));
        out.put(phases[5], apply(CMD_DEL_SERVICE, n, batch, false));
        return out;
    }

    private double apply(int cmd, int n, int batch, boolean withAttributes) {
        long t0 = System.nanoTime();
        for (int i = 0; i < n; i += batch) {
            tx.clear();
            int k = 0;
            for (; k < batch && i + k < n; k++) {
                writeRequest(cmd, 0x0a000000 + i + k, withAttributes);
            }
            socket.send(tx, 0);
            drain(k);
        }
        return (System.nanoTime() - t0) / 1e3 / n;
    }

    private void writeRequest(int cmd, int ip, boolean withAttributes) {
        writer.begin(tx, family, Netlink.NLM_F_REQUEST | Netlink.NLM_F_ACK, ++seq, 0);
        Genl.writeHeader(writer, cmd, 1);
        writer.beginNested(CMD_ATTR_SERVICE);
        writer.u16(SVC_AF, 2).u16(SVC_PROTOCOL, 6);
        address[0] = (byte) (ip >>> 24);
        address[1] = (byte) (ip >>> 16);
        address[2] = (byte) (ip >>> 8);
        address[3] = (byte) ip;
        writer.bytes(SVC_ADDR, address).u16Be(SVC_PORT, 80);
        if (withAttributes) {
            writer.string(SVC_SCHED_NAME, "rr");
            writer.beginAttribute(SVC_FLAGS).rawU32(0).rawU32(0xFFFFFFFF).endAttribute();
            writer.u32(SVC_TIMEOUT, 0).u32(SVC_NETMASK, 0xFFFFFFFF);
        }
        writer.endNested();
        writer.end();
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

    private double dump(int expected) {
        long t0 = System.nanoTime();
        tx.clear();
        writer.begin(tx, family, Netlink.NLM_F_REQUEST | Netlink.NLM_F_DUMP, ++seq, 0);
        Genl.writeHeader(writer, CMD_GET_SERVICE, 1);
        writer.end();
        socket.send(tx, 0);
        int count = 0;
        for (boolean done = false; !done; ) {
            rx.clear();
            int len = socket.receive(rx, 0, from);
            reader.reset(rx, 0, len);
            while (reader.next()) {
                if (reader.type() == Netlink.NLMSG_DONE) {
                    done = true;
                } else if (reader.type() == family) {
                    count++;
                } else if (reader.type() == Netlink.NLMSG_ERROR) {
                    throw new IllegalStateException("IPVS dump failed");
                }
            }
        }
        if (count != expected) {
            throw new IllegalStateException("dumped " + count + " services (expected " + expected + ")");
        }
        return (System.nanoTime() - t0) / 1e3 / count;
    }

    @Override
    public void close() {
        socket.close();
        tx.release();
        rx.release();
    }
}
