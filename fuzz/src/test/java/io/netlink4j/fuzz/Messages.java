// SPDX-FileCopyrightText: 2026 The netlink4j Authors
// SPDX-License-Identifier: Apache-2.0
package io.netlink4j.fuzz;

import io.netlink4j.codec.MessageReader;
import io.netlink4j.codec.MessageWriter;
import io.netlink4j.codec.Netlink;
import io.netlink4j.genl.Genl;
import io.netlink4j.socket.NetlinkSocket;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import io.netty.buffer.PooledByteBufAllocator;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Function;

/** Message plumbing for the round-trip targets. */
public final class Messages {
    /** A dynamic generic netlink family id, as the kernel would assign one. */
    public static final int FAMILY_ID = 0x24;

    private Messages() {}

    /**
     * Writes one generic netlink message (command {@code cmd}) whose attributes {@code body}
     * writes, then decodes it with {@code decode}, as a reply would be.
     */
    public static <T> T roundTrip(int cmd, Consumer<MessageWriter> body, Function<MessageReader, T> decode) {
        ByteBuf tracked = PooledByteBufAllocator.DEFAULT.directBuffer(256);
        ByteBuf buf = Fuzzing.untraced(tracked);
        try {
            MessageWriter w = new MessageWriter().begin(buf, FAMILY_ID, Netlink.NLM_F_MULTI, 1, 0);
            Genl.writeHeader(w, cmd, 1);
            body.accept(w);
            w.end();
            MessageReader msg = MessageReader.of(buf, 0, buf.writerIndex());
            if (!msg.next()) {
                throw new AssertionError("no message written");
            }
            return decode.apply(msg);
        } finally {
            Fuzzing.release(tracked);
        }
    }

    /**
     * Calls {@code action} for each message in {@code buf} of a family type (the ones a reply
     * handler gets), stopping where the framing breaks.
     */
    public static void forEachReply(ByteBuf buf, Consumer<MessageReader> action) {
        MessageReader msg = MessageReader.of(buf, 0, buf.capacity());
        while (Boolean.TRUE.equals(Fuzzing.decodeOrNull(msg::next))) {
            if (msg.type() >= Netlink.NLMSG_MIN_TYPE) {
                action.accept(msg);
            }
        }
    }

    /**
     * The datagrams answering the request with sequence number {@code seq} on {@code socket}, as
     * the capture tools record them: up to the one with its NLMSG_DONE or NLMSG_ERROR, or, when
     * {@code untilDone} is false, the first one (a reply without an acknowledgement). {@code rx}
     * receives each datagram in turn.
     */
    public static List<byte[]> receiveReply(NetlinkSocket socket, ByteBuf rx, int seq, boolean untilDone) {
        List<byte[]> datagrams = new ArrayList<>();
        for (;;) {
            rx.clear();
            int n = socket.receive(rx, 0, null);
            datagrams.add(ByteBufUtil.getBytes(rx, 0, n));
            boolean last = !untilDone;
            MessageReader msg = MessageReader.of(rx, 0, n);
            while (msg.next()) {
                last |= msg.seq() == seq && (msg.type() == Netlink.NLMSG_DONE || msg.type() == Netlink.NLMSG_ERROR);
            }
            if (last) {
                return datagrams;
            }
        }
    }
}
