// SPDX-FileCopyrightText: 2026 The netlink4j Authors
// SPDX-License-Identifier: Apache-2.0
package io.netlink4j.testing;

import io.netlink4j.NetlinkClosedException;
import io.netlink4j.NetlinkTimeoutException;
import io.netlink4j.internal.HostOrder;
import io.netlink4j.codec.MessageReader;
import io.netlink4j.codec.Netlink;
import io.netlink4j.engine.NetlinkOptions;
import io.netlink4j.socket.NetlinkAddress;
import io.netlink4j.socket.NetlinkProtocol;
import io.netlink4j.socket.NetlinkSocket;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.PooledByteBufAllocator;
import io.netty.buffer.Unpooled;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A scripted netlink peer for tests: a real netlink socket (protocol NETLINK_USERSOCK) served by a
 * thread that hands every request message it receives to a {@link Responder} and sends back the
 * datagrams the responder returns, byte for byte. Point a connection at it with
 * {@link #clientOptions()}; everything above the socket (sequence checks, ACK matching, error
 * decoding, dump reassembly, a family's parser) then runs exactly as against the kernel, on replies
 * you script: late, duplicated, truncated, malformed or missing.
 *
 * <pre>{@code
 * try (NetlinkTestPeer peer = NetlinkTestPeer.start(req -> List.of(NetlinkTestPeer.ack(req, 0)));
 *      NetlinkConnection conn = NetlinkConnection.open(NetlinkTestPeer.PROTOCOL, peer.clientOptions().build())) {
 *     conn.execute("op", 0x20, 0, RequestBody.EMPTY, ReplyHandler.IGNORE);
 * }
 * }</pre>
 */
public final class NetlinkTestPeer implements AutoCloseable {
    /** The protocol to open client connections with. */
    public static final int PROTOCOL = NetlinkProtocol.USERSOCK;

    /**
     * A request the peer received. The message is copied in and out; equality compares it by
     * content.
     *
     * @param type         nlmsg_type
     * @param flags        nlmsg_flags
     * @param seq          nlmsg_seq
     * @param pid          nlmsg_pid (the port id the sender wrote)
     * @param message      the whole message, header included
     * @param senderPortId the port id the datagram came from
     */
    public record ReceivedRequest(int type, int flags, int seq, int pid, byte[] message, int senderPortId) {
        /**
         * Copies the message.
         *
         * @param type         nlmsg_type
         * @param flags        nlmsg_flags
         * @param seq          nlmsg_seq
         * @param pid          nlmsg_pid
         * @param message      the whole message, header included
         * @param senderPortId the port id the datagram came from
         * @throws IllegalArgumentException if {@code message} is shorter than a netlink header
         */
        public ReceivedRequest {
            Objects.requireNonNull(message, "message");
            if (message.length < Netlink.HEADER_SIZE) {
                throw new IllegalArgumentException("message: " + message.length + " bytes (expected: at least "
                        + Netlink.HEADER_SIZE + ")");
            }
            message = message.clone();
        }

        /**
         * The whole message, header included.
         *
         * @return a copy of the message's bytes
         */
        @Override
        public byte[] message() {
            return message.clone();
        }

        /**
         * The payload after the 16-byte netlink header.
         *
         * @return a copy of the payload's bytes
         */
        public byte[] payload() {
            return Arrays.copyOfRange(message, Netlink.HEADER_SIZE, message.length);
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof ReceivedRequest r && type == r.type && flags == r.flags && seq == r.seq && pid == r.pid
                    && senderPortId == r.senderPortId && Arrays.equals(message, r.message);
        }

        @Override
        public int hashCode() {
            return Objects.hash(type, flags, seq, pid, senderPortId) * 31 + Arrays.hashCode(message);
        }

        @Override
        public String toString() {
            return "ReceivedRequest[type=" + type + ", flags=0x" + Integer.toHexString(flags) + ", seq="
                    + Integer.toUnsignedString(seq) + ", pid=" + Integer.toUnsignedString(pid) + ", message="
                    + message.length + " bytes, senderPortId=" + Integer.toUnsignedString(senderPortId) + "]";
        }
    }

    /** Decides what to send back for one request: a list of whole datagrams (possibly empty). */
    @FunctionalInterface
    public interface Responder {
        /**
         * The answer to {@code request}.
         *
         * @param request the request the peer received
         * @return the datagrams to send back, in order; each is one or more whole messages
         */
        List<byte[]> respond(ReceivedRequest request);
    }

    private final NetlinkSocket socket;
    private final Responder responder;
    private final Thread thread;
    private final int portId;
    private final List<ReceivedRequest> received = new CopyOnWriteArrayList<>();
    private final List<Throwable> errors = new CopyOnWriteArrayList<>();
    private final AtomicLong datagramsSent = new AtomicLong();
    private volatile boolean closed;

    private NetlinkTestPeer(Responder responder) {
        this.responder = Objects.requireNonNull(responder, "responder");
        this.socket = NetlinkSocket.open(PROTOCOL);
        try {
            socket.bind(0, 0);
            socket.setReceiveTimeout(Duration.ofMillis(50));
            socket.setReceiveBufferSize(1 << 20, true);
            this.portId = socket.localPortId();
        } catch (RuntimeException e) {
            socket.close();
            throw e;
        }
        this.thread = new Thread(this::serve, "netlink-test-peer-" + Integer.toUnsignedString(portId));
        this.thread.setDaemon(true);
    }

    /**
     * Starts a peer on a NETLINK_USERSOCK socket of its own, answering each request with what
     * {@code responder} returns, on a daemon thread.
     *
     * @param responder decides the answers
     * @return the running peer; close it when done
     * @throws io.netlink4j.NetlinkErrnoException if its socket cannot be opened or bound
     */
    public static NetlinkTestPeer start(Responder responder) {
        NetlinkTestPeer peer = new NetlinkTestPeer(responder);
        peer.thread.start();
        return peer;
    }

    /**
     * The peer's port id, which clients send to ({@link #clientOptions()}).
     *
     * @return the port id
     */
    public int portId() {
        return portId;
    }

    /**
     * Options for a client connection that talks to this peer: open it with
     * {@code NetlinkConnection.open(NetlinkTestPeer.PROTOCOL, peer.clientOptions().build())}.
     *
     * @return a builder with {@link NetlinkOptions#peerPortId()} set to this peer
     */
    public NetlinkOptions.Builder clientOptions() {
        return NetlinkOptions.builder().peerPortId(portId);
    }

    /**
     * Every request received so far, in order.
     *
     * @return an unmodifiable snapshot
     */
    public List<ReceivedRequest> received() {
        return List.copyOf(received);
    }

    /**
     * Failures inside the serving thread (a responder that threw, a send that failed).
     *
     * @return an unmodifiable snapshot, empty when all went well
     */
    public List<Throwable> errors() {
        return List.copyOf(errors);
    }

    /**
     * How many datagrams the peer has sent, replies and multicasts.
     *
     * @return the count
     */
    public long datagramsSent() {
        return datagramsSent.get();
    }

    /**
     * Sends a datagram to {@code destPortId} outside any request (e.g. an unsolicited message).
     *
     * @param destPortId the receiver's port id
     * @param datagram   one or more whole messages
     * @throws io.netlink4j.NetlinkErrnoException if the send fails
     */
    public void send(int destPortId, byte[] datagram) {
        ByteBuf buf = PooledByteBufAllocator.DEFAULT.directBuffer(Math.max(datagram.length, 1));
        try {
            buf.writeBytes(datagram);
            socket.send(buf, destPortId);
            datagramsSent.incrementAndGet();
        } finally {
            buf.release();
        }
    }

    /**
     * Sends a datagram to the multicast groups in {@code groups} (a bitmask of groups 1-32).
     * Subscribers whose receive buffer is full lose it and see ENOBUFS, as with kernel events.
     *
     * @param groups   the groups, a bitmask
     * @param datagram one or more whole messages
     * @throws io.netlink4j.NetlinkErrnoException if the send fails
     */
    public void multicast(int groups, byte[] datagram) {
        ByteBuf buf = PooledByteBufAllocator.DEFAULT.directBuffer(Math.max(datagram.length, 1));
        try {
            buf.writeBytes(datagram);
            try {
                socket.send(buf, 0, groups);
            } catch (io.netlink4j.NetlinkErrnoException e) {
                // sendto delivers to the groups, then also unicasts to port 0, which on
                // NETLINK_USERSOCK has no kernel socket: the broadcast has happened regardless.
                if (e.errno() != io.netlink4j.Errno.ECONNREFUSED) {
                    throw e;
                }
            }
            datagramsSent.incrementAndGet();
        } finally {
            buf.release();
        }
    }

    private void serve() {
        NetlinkAddress from = new NetlinkAddress();
        ByteBuf rx = PooledByteBufAllocator.DEFAULT.directBuffer(1 << 16, 1 << 16);
        try {
            while (!closed) {
                rx.clear();
                int n;
                try {
                    n = socket.receive(rx, 0, from);
                } catch (NetlinkTimeoutException e) {
                    continue;
                } catch (NetlinkClosedException e) {
                    return;
                }
                MessageReader msgs = MessageReader.of(rx, 0, n);
                while (msgs.next()) {
                    byte[] whole = new byte[msgs.length()];
                    rx.getBytes(msgs.offset(), whole);
                    ReceivedRequest req = new ReceivedRequest(msgs.type(), msgs.flags(), msgs.seq(), msgs.pid(), whole, from.portId());
                    received.add(req);
                    List<byte[]> replies;
                    try {
                        replies = responder.respond(req);
                    } catch (RuntimeException | Error e) {
                        errors.add(e);
                        continue;
                    }
                    for (byte[] datagram : replies) {
                        send(from.portId(), datagram);
                    }
                }
            }
        } catch (RuntimeException e) {
            if (!closed) {
                errors.add(e);
            }
        } finally {
            rx.release();
        }
    }

    @Override
    public void close() {
        closed = true;
        try {
            thread.join(5000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        socket.close();
    }

    // Builders for reply datagrams.

    /**
     * A netlink message: header (length filled in) plus payload.
     *
     * @param type    nlmsg_type
     * @param flags   nlmsg_flags
     * @param seq     nlmsg_seq
     * @param pid     nlmsg_pid
     * @param payload the payload
     * @return the message's bytes
     */
    public static byte[] message(int type, int flags, int seq, int pid, byte[] payload) {
        ByteBuffer b = ByteBuffer.allocate(Netlink.HEADER_SIZE + payload.length).order(ByteOrder.nativeOrder());
        b.putInt(Netlink.HEADER_SIZE + payload.length).putShort((short) type).putShort((short) flags).putInt(seq).putInt(pid).put(payload);
        return b.array();
    }

    /**
     * An NLMSG_ERROR answering {@code req}, capped (NLM_F_CAPPED: only the request's header).
     *
     * @param req   the request to answer
     * @param errno 0 for an ACK, or a positive errno
     * @return the message's bytes
     */
    public static byte[] ack(ReceivedRequest req, int errno) {
        return error(req, errno, null);
    }

    /**
     * An NLMSG_ERROR with an extended-ACK message (NLMSGERR_ATTR_MSG), capped.
     *
     * @param req           the request to answer
     * @param errno         a positive errno (or 0)
     * @param extAckMessage the kernel's text
     * @return the message's bytes
     */
    public static byte[] error(ReceivedRequest req, int errno, String extAckMessage) {
        ByteBuffer p = ByteBuffer.allocate(256 + (extAckMessage == null ? 0 : extAckMessage.length() * 3)).order(ByteOrder.nativeOrder());
        p.putInt(-Math.abs(errno));
        p.put(req.message(), 0, Netlink.HEADER_SIZE);
        int flags = Netlink.NLM_F_CAPPED;
        if (extAckMessage != null) {
            flags |= Netlink.NLM_F_ACK_TLVS;
            byte[] text = (extAckMessage + "\0").getBytes(java.nio.charset.StandardCharsets.UTF_8);
            p.putShort((short) (4 + text.length)).putShort((short) 1).put(text);
            while (p.position() % 4 != 0) {
                p.put((byte) 0);
            }
        }
        byte[] payload = new byte[p.position()];
        p.flip().get(payload);
        return message(Netlink.NLMSG_ERROR, flags, req.seq(), req.senderPortId(), payload);
    }

    /**
     * An NLMSG_DONE ending the dump {@code req}.
     *
     * @param req   the dump request
     * @param errno 0, or a positive errno that fails the dump
     * @return the message's bytes
     */
    public static byte[] done(ReceivedRequest req, int errno) {
        ByteBuffer p = ByteBuffer.allocate(4).order(ByteOrder.nativeOrder()).putInt(-Math.abs(errno));
        return message(Netlink.NLMSG_DONE, Netlink.NLM_F_MULTI, req.seq(), req.senderPortId(), p.array());
    }

    /**
     * Several messages in one datagram, each padded to 4 bytes.
     *
     * @param messages the messages
     * @return the datagram's bytes
     */
    public static byte[] datagram(byte[]... messages) {
        int total = 0;
        for (byte[] m : messages) {
            total += Netlink.align(m.length);
        }
        byte[] out = new byte[total];
        int at = 0;
        for (byte[] m : messages) {
            System.arraycopy(m, 0, out, at, m.length);
            at += Netlink.align(m.length);
        }
        return out;
    }

    /**
     * Reads a host-order u32 from a byte array (for inspecting received requests).
     *
     * @param bytes  the bytes
     * @param offset where the u32 starts
     * @return its 32 bits
     */
    public static int u32(byte[] bytes, int offset) {
        return HostOrder.getI32(Unpooled.wrappedBuffer(bytes), offset);
    }

    /**
     * A list of datagrams, for responders.
     *
     * @param datagrams the datagrams, in order
     * @return them as a list
     */
    public static List<byte[]> replies(byte[]... datagrams) {
        return new ArrayList<>(List.of(datagrams));
    }
}
