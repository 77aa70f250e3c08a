// SPDX-FileCopyrightText: 2026 The netlink4j Authors
// SPDX-License-Identifier: Apache-2.0
package io.netlink4j.bench;

import io.netlink4j.codec.MessageReader;
import io.netlink4j.codec.MessageWriter;
import io.netlink4j.codec.Netlink;
import io.netlink4j.genl.Genl;
import io.netlink4j.ipvs.IpvsBatch;
import io.netlink4j.ipvs.IpvsHandle;
import io.netlink4j.ipvs.Protocol;
import io.netlink4j.ipvs.Scheduler;
import io.netlink4j.ipvs.Service;
import io.netlink4j.ipvs.internal.Ipvs;
import io.netlink4j.ipvs.internal.IpvsAccess;
import io.netlink4j.socket.NetlinkProtocol;
import io.netlink4j.socket.NetlinkSocket;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.PooledByteBufAllocator;
import io.netty.buffer.Unpooled;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Captures the datagrams of a real IPVS service dump, for the parse benchmark. Run as root where
 * IPVS exists (e.g. {@code scripts/kernel-vm run --share DIR -- java ... DumpCapture N DIR/file}):
 * creates N services in the current namespace, dumps them over a raw socket, saves each datagram
 * (a u32 length, then the bytes), and deletes the services.
 */
public final class DumpCapture {
    private DumpCapture() {}

    public static void main(String[] args) throws IOException {
        int n = Integer.parseInt(args[0]);
        Path out = Path.of(args[1]);
        List<Service> services = new ArrayList<>();
        try (IpvsHandle ipvs = IpvsHandle.open()) {
            IpvsBatch batch = ipvs.batch();
            for (int i = 0; i < n; i++) {
                Service s = Service.builder().protocol(i % 2 == 0 ? Protocol.TCP : Protocol.UDP)
                        .address(InetAddress.getByAddress(new byte[] {10, 20, (byte) (i >> 8), (byte) i})).port(80 + i % 3)
                        .scheduler(Scheduler.of(i % 3 == 0 ? "wrr" : "rr")).build();
                services.add(s);
                batch.newService(s);
            }
            if (!batch.apply().allSucceeded()) {
                throw new IllegalStateException("could not create the services");
            }
            int family = IpvsAccess.get().family(ipvs).id();
            try (NetlinkSocket socket = NetlinkSocket.open(NetlinkProtocol.GENERIC);
                 DataOutputStream file = new DataOutputStream(Files.newOutputStream(out))) {
                socket.bind(0, 0);
                ByteBuf buf = PooledByteBufAllocator.DEFAULT.directBuffer(1 << 16, 1 << 16);
                try {
                    MessageWriter w = new MessageWriter().begin(buf.clear(), family, Netlink.NLM_F_REQUEST | Netlink.NLM_F_DUMP, 1, 0);
                    Genl.writeHeader(w, Ipvs.CMD_GET_SERVICE, Ipvs.GENL_VERSION);
                    w.end();
                    socket.send(buf, 0);
                    boolean done = false;
                    while (!done) {
                        buf.clear();
                        int len = socket.receive(buf, 0, null);
                        byte[] bytes = new byte[len];
                        buf.getBytes(0, bytes);
                        MessageReader r = MessageReader.of(buf, 0, len);
                        while (r.next()) {
                            done |= r.type() == Netlink.NLMSG_DONE;
                        }
                        if (!done) {
                            file.writeInt(len);
                            file.write(bytes);
                        }
                    }
                } finally {
                    buf.release();
                }
            }
            ipvs.flush();
        }
        System.out.println("captured a dump of " + n + " services into " + out);
    }

    /** Reads a capture back: one heap buffer per datagram. */
    static List<ByteBuf> load(InputStream in) throws IOException {
        List<ByteBuf> out = new ArrayList<>();
        try (DataInputStream data = new DataInputStream(in)) {
            while (data.available() > 0) {
                byte[] d = new byte[data.readInt()];
                data.readFully(d);
                out.add(Unpooled.wrappedBuffer(d));
            }
        }
        return out;
    }
}
