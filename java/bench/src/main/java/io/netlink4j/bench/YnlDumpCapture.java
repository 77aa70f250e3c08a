// SPDX-FileCopyrightText: 2026 The netlink4j Authors
// SPDX-License-Identifier: Apache-2.0
package io.netlink4j.bench;

import io.netlink4j.codec.MessageReader;
import io.netlink4j.codec.MessageWriter;
import io.netlink4j.codec.Netlink;
import io.netlink4j.genl.Genl;
import io.netlink4j.internal.GenlFamilyCodec;
import io.netlink4j.socket.NetlinkProtocol;
import io.netlink4j.socket.NetlinkSocket;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.PooledByteBufAllocator;

import java.io.DataOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * Captures the dumps {@link YnlCodecBenchmark} decodes, in {@link DumpCapture}'s format (each
 * datagram: a u32 length, then the bytes). Run as root on a Linux host:
 * {@code java -cp benchmarks.jar io.netlink4j.bench.YnlDumpCapture DIR}. In a throwaway network
 * namespace holding 32 veth pairs, each first end with an IPv4 and an IPv6 address: the rtnetlink
 * address dump ({@code rt-addr-dump.bin}) and netdev's device dump ({@code netdev-dev-dump.bin});
 * and, in the host's namespace, nlctrl's family dump ({@code nlctrl-family-dump.bin}).
 */
public final class YnlDumpCapture {
    static final int PAIRS = 32;
    private static final int RTM_GETADDR = 22;
    private static final int NETDEV_CMD_DEV_GET = 1;

    private YnlDumpCapture() {}

    public static void main(String[] args) throws IOException {
        Path dir = Path.of(args[0]);
        Files.createDirectories(dir);
        String ns = "ynl-bench-" + ProcessHandle.current().pid();
        run(null, "ip", "netns", "add", ns);
        try {
            StringBuilder batch = new StringBuilder("link set lo up\n");
            for (int i = 0; i < PAIRS; i++) {
                batch.append("link add a").append(i).append(" type veth peer name b").append(i).append('\n')
                        .append("link set a").append(i).append(" up\n")
                        .append("addr add 10.").append(i).append(".0.1/24 brd + dev a").append(i).append('\n')
                        .append("addr add 2001:db8:").append(i).append("::1/64 dev a").append(i).append(" nodad\n");
            }
            run(batch.toString(), "ip", "-n", ns, "-batch", "-");
            Path netns = Path.of("/run/netns", ns);
            save(dir.resolve("rt-addr-dump.bin"), dump(NetlinkProtocol.ROUTE, netns, RTM_GETADDR, w -> w.rawBytes(new byte[8])));
            int netdev = familyId(netns, "netdev");
            save(dir.resolve("netdev-dev-dump.bin"), dump(NetlinkProtocol.GENERIC, netns, netdev,
                    w -> Genl.writeHeader(w, NETDEV_CMD_DEV_GET, 1)));
            // In the host's namespace: a namespace of its own sees only the families that allow it.
            save(dir.resolve("nlctrl-family-dump.bin"), dump(NetlinkProtocol.GENERIC, null, Genl.GENL_ID_CTRL,
                    w -> Genl.writeHeader(w, Genl.CTRL_CMD_GETFAMILY, 1)));
        } finally {
            run(null, "ip", "netns", "del", ns);
        }
    }

    private static int familyId(Path netns, String name) {
        for (byte[] d : exchange(NetlinkProtocol.GENERIC, netns, Genl.GENL_ID_CTRL, Netlink.NLM_F_REQUEST, w -> {
            Genl.writeHeader(w, Genl.CTRL_CMD_GETFAMILY, 1);
            w.string(Genl.CTRL_ATTR_FAMILY_NAME, name);
        })) {
            ByteBuf buf = io.netty.buffer.Unpooled.wrappedBuffer(d);
            MessageReader msg = MessageReader.of(buf, 0, d.length);
            while (msg.next()) {
                if (msg.type() == Genl.GENL_ID_CTRL) {
                    return GenlFamilyCodec.decode(msg).id();
                }
            }
        }
        throw new IllegalStateException("no generic netlink family " + name);
    }

    private static List<byte[]> dump(int protocol, Path netns, int type, Consumer<MessageWriter> body) {
        return exchange(protocol, netns, type, Netlink.NLM_F_REQUEST | Netlink.NLM_F_DUMP, body);
    }

    /** The datagrams answering one request, up to its NLMSG_DONE or NLMSG_ERROR (or its one reply). */
    private static List<byte[]> exchange(int protocol, Path netns, int type, int flags, Consumer<MessageWriter> body) {
        ByteBuf tx = PooledByteBufAllocator.DEFAULT.directBuffer(4096);
        ByteBuf rx = PooledByteBufAllocator.DEFAULT.directBuffer(1 << 16, 1 << 16);
        try (NetlinkSocket socket = netns == null ? NetlinkSocket.open(protocol) : NetlinkSocket.open(protocol, netns)) {
            socket.bind(0, 0);
            socket.setReceiveTimeout(Duration.ofSeconds(5));
            MessageWriter w = new MessageWriter().begin(tx, type, flags, 1, 0);
            body.accept(w);
            w.end();
            socket.send(tx, 0);
            List<byte[]> out = new ArrayList<>();
            for (;;) {
                rx.clear();
                int n = socket.receive(rx, 0, null);
                byte[] d = new byte[n];
                rx.getBytes(0, d);
                out.add(d);
                boolean last = (flags & Netlink.NLM_F_DUMP) == 0;
                MessageReader msg = MessageReader.of(rx, 0, n);
                while (msg.next()) {
                    last |= msg.type() == Netlink.NLMSG_DONE || msg.type() == Netlink.NLMSG_ERROR;
                }
                if (last) {
                    return out;
                }
            }
        } finally {
            tx.release();
            rx.release();
        }
    }

    private static void save(Path file, List<byte[]> datagrams) throws IOException {
        try (DataOutputStream out = new DataOutputStream(Files.newOutputStream(file))) {
            for (byte[] d : datagrams) {
                out.writeInt(d.length);
                out.write(d);
            }
        }
        System.out.println(file + ": " + datagrams.size() + " datagram(s)");
    }

    private static void run(String input, String... command) throws IOException {
        Process p = new ProcessBuilder(command).redirectOutput(ProcessBuilder.Redirect.INHERIT)
                .redirectError(ProcessBuilder.Redirect.INHERIT).start();
        try (OutputStream in = p.getOutputStream()) {
            if (input != null) {
                in.write(input.getBytes(StandardCharsets.UTF_8));
            }
        }
        try {
            if (!p.waitFor(60, TimeUnit.SECONDS) || p.exitValue() != 0) {
                throw new IllegalStateException(String.join(" ", command) + " failed");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
