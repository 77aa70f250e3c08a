// SPDX-FileCopyrightText: 2026 The netlink4j Authors
// SPDX-License-Identifier: Apache-2.0
package io.netlink4j.engine;

import io.netlink4j.internal.Errors;
import io.netlink4j.NetlinkClosedException;
import io.netlink4j.NetlinkDecodeException;
import io.netlink4j.NetlinkDumpInterruptedException;
import io.netlink4j.NetlinkErrnoException;
import io.netlink4j.NetlinkException;
import io.netlink4j.NetlinkOverrunException;
import io.netlink4j.NetlinkTimeoutException;
import io.netlink4j.internal.ControlMessages;
import io.netlink4j.codec.MessageReader;
import io.netlink4j.codec.MessageWriter;
import io.netlink4j.codec.Netlink;
import io.netlink4j.socket.NetlinkAddress;
import io.netlink4j.socket.NetlinkSocket;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufAllocator;
import io.netty.buffer.PooledByteBufAllocator;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.ReentrantLock;

/**
 * The request engine: one netlink socket, with sequence numbers, ACKs, multipart dumps, errors and
 * batches. Families build their clients on it.
 *
 * <ul>
 *   <li>Every request is sent with NLM_F_ACK and completes only when its ACK (or error) arrives,
 *       even when its reply came in an earlier datagram, so no ACK is ever left queued.</li>
 *   <li>Every message received is checked against the request's sequence number and this
 *       socket's port id, and the datagram's sender against the peer (the kernel by default).
 *       Anything else (a late reply to a request that timed out, a message from another
 *       process) is discarded and counted in {@link #discardedMessages()}.</li>
 *   <li>Dumps are read to NLMSG_DONE; its errno, NLM_F_DUMP_INTR and receive-buffer overruns
 *       become exceptions after the dump was drained.</li>
 *   <li>A receive that waits longer than the receive timeout throws
 *       {@link NetlinkTimeoutException}; the connection stays usable.</li>
 *   <li>Thread safety: one connection may be shared by any number of threads. Exchanges are
 *       serialised, so each caller receives exactly its own replies. {@link #close()} is
 *       idempotent; threads waiting in or for an exchange get {@link NetlinkClosedException}
 *       within about {@link #WAKEUP_INTERVAL}.</li>
 * </ul>
 *
 * Buffers: one direct send buffer and one direct receive buffer per connection, reused for every
 * exchange and released on close. Reply handlers see messages in place, without copies.
 */
public final class NetlinkConnection implements AutoCloseable {
    /** How often a blocked receive wakes up to notice close() and check its deadline. */
    public static final Duration WAKEUP_INTERVAL = Duration.ofMillis(100);
    /**
     * Receive-buffer bytes budgeted per ACK when sizing batches: an ACK is a small datagram, but
     * the kernel charges its whole socket-buffer footprint (about 0.8-1.3 KiB) against SO_RCVBUF.
     */
    static final int ACK_BUDGET_BYTES = 2048;
    /** Upper bound on request bytes in one sendmsg of a batch. */
    static final int MAX_BATCH_DATAGRAM = 1 << 20;

    private final NetlinkSocket socket;
    private final NetlinkOptions options;
    private final int portId;
    private final int socketReceiveBufferSize;
    private final int socketSendBufferSize;
    private final long receiveTimeoutNanos;
    private final ReentrantLock lock = new ReentrantLock();
    private final MessageWriter writer = new MessageWriter();
    private final MessageReader reader = new MessageReader();
    private final NetlinkAddress from = new NetlinkAddress();
    private final AtomicLong discarded = new AtomicLong();
    private final ByteBuf tx;
    private final ByteBuf rx;
    private int seq;
    private volatile boolean closed;
    private boolean released;

    private NetlinkConnection(NetlinkSocket socket, NetlinkOptions options, ByteBufAllocator alloc) {
        this.socket = socket;
        this.options = options;
        this.receiveTimeoutNanos = options.receiveTimeout().toNanos();
        socket.setSendTimeout(options.sendTimeout());
        Duration slice = options.receiveTimeout().isZero() || options.receiveTimeout().compareTo(WAKEUP_INTERVAL) > 0
                ? WAKEUP_INTERVAL : options.receiveTimeout();
        socket.setReceiveTimeout(slice);
        if (options.extendedAck()) {
            socket.setNetlinkFlag(NetlinkSocket.NETLINK_EXT_ACK, true);
        }
        socket.setNetlinkFlag(NetlinkSocket.NETLINK_CAP_ACK, true);
        if (options.strictCheck()) {
            socket.setNetlinkFlag(NetlinkSocket.NETLINK_GET_STRICT_CHK, true);
        }
        this.socketReceiveBufferSize = socket.getOption(NetlinkSocket.SOL_SOCKET, NetlinkSocket.SO_RCVBUF);
        this.socketSendBufferSize = socket.getOption(NetlinkSocket.SOL_SOCKET, NetlinkSocket.SO_SNDBUF);
        this.portId = socket.localPortId();
        ByteBuf t = alloc.directBuffer(4096);
        try {
            this.rx = alloc.directBuffer(options.readBufferSize(), options.readBufferSize());
        } catch (RuntimeException | Error e) {
            t.release();
            throw e;
        }
        this.tx = t;
    }

    /** Opens a connection to the kernel's {@code protocol} (see {@code NetlinkProtocol}). */
    public static NetlinkConnection open(int protocol) {
        return open(protocol, NetlinkOptions.defaults());
    }

    public static NetlinkConnection open(int protocol, NetlinkOptions options) {
        Objects.requireNonNull(options, "options");
        NetlinkSocket socket = Sockets.openBound(protocol, options);
        try {
            return new NetlinkConnection(socket, options, PooledByteBufAllocator.DEFAULT);
        } catch (RuntimeException | Error e) {
            socket.close();
            throw e;
        }
    }

    public NetlinkOptions options() {
        return options;
    }

    /** The port id the kernel assigned to this connection's socket. */
    public int portId() {
        return portId;
    }

    /** SO_RCVBUF as the kernel reports it (twice the requested value). */
    public int socketReceiveBufferSize() {
        return socketReceiveBufferSize;
    }

    /** The socket underneath, for tests in this package. */
    NetlinkSocket socket() {
        return socket;
    }

    /** Messages received and discarded: wrong sequence number, port id or sender. */
    public long discardedMessages() {
        return discarded.get();
    }

    public boolean isClosed() {
        return closed;
    }

    /**
     * Sends one request with NLM_F_ACK and waits for its ACK. Reply messages, if the kernel sends
     * any, are discarded.
     *
     * @throws NetlinkErrnoException    the kernel refused the request (with its extended ACK)
     * @throws NetlinkTimeoutException  no ACK within the receive timeout
     * @throws NetlinkClosedException   the connection was closed
     */
    public void execute(String operation, int type, int flags, RequestBody body) {
        exchange(operation, type, flags | Netlink.NLM_F_ACK, body, ReplyHandler.IGNORE, false);
    }

    /**
     * Sends one request with NLM_F_ACK and returns its reply, decoded, once the ACK has arrived.
     * Of several replies the first one counts.
     *
     * @throws NetlinkDecodeException   the kernel acknowledged the request without a reply (or
     *                                  {@code decoder} returned null)
     * @throws NetlinkErrnoException    the kernel refused the request (with its extended ACK)
     * @throws NetlinkTimeoutException  no ACK within the receive timeout
     */
    public <T> T request(String operation, int type, int flags, RequestBody body, ReplyDecoder<T> decoder) {
        Objects.requireNonNull(decoder, "decoder");
        List<T> out = new ArrayList<>(1);
        exchange(operation, type, flags | Netlink.NLM_F_ACK, body, msg -> {
            if (out.isEmpty()) {
                T value = decoder.decode(msg);
                if (value != null) {
                    out.add(value);
                }
            }
        }, false);
        if (out.isEmpty()) {
            throw new NetlinkDecodeException(operation + ": acknowledged without a reply");
        }
        return out.get(0);
    }

    /**
     * Sends a dump request (NLM_F_DUMP) and returns every reply message, decoded, in the order the
     * kernel sent them (values the decoder returns null for are left out). The whole dump is held
     * in memory; {@link #dumpEach} streams it instead.
     *
     * @throws NetlinkDumpInterruptedException the kernel flagged NLM_F_DUMP_INTR (after draining)
     * @throws NetlinkOverrunException          messages were lost to ENOBUFS (after draining)
     */
    public <T> List<T> dump(String operation, int type, int flags, RequestBody body, ReplyDecoder<T> decoder) {
        Objects.requireNonNull(decoder, "decoder");
        List<T> out = new ArrayList<>();
        exchange(operation, type, flags | Netlink.NLM_F_DUMP, body, msg -> {
            T value = decoder.decode(msg);
            if (value != null) {
                out.add(value);
            }
        }, true);
        return out;
    }

    /**
     * Sends one request with NLM_F_ACK and waits for its ACK. Reply messages that come before the
     * ACK go to {@code handler}, in place and without copies.
     *
     * @throws NetlinkErrnoException    the kernel refused the request (with its extended ACK)
     * @throws NetlinkTimeoutException  no ACK within the receive timeout
     * @throws NetlinkClosedException   the connection was closed
     */
    public void execute(String operation, int type, int flags, RequestBody body, ReplyHandler handler) {
        exchange(operation, type, flags | Netlink.NLM_F_ACK, body, handler, false);
    }

    /**
     * Sends a dump request (NLM_F_DUMP) and hands every reply message to {@code handler}, in place
     * and without copies, until NLMSG_DONE: a dump of any size in bounded memory.
     *
     * @throws NetlinkDumpInterruptedException the kernel flagged NLM_F_DUMP_INTR (after draining)
     * @throws NetlinkOverrunException          messages were lost to ENOBUFS (after draining)
     */
    public void dumpEach(String operation, int type, int flags, RequestBody body, ReplyHandler handler) {
        exchange(operation, type, flags | Netlink.NLM_F_DUMP, body, handler, true);
    }

    private void exchange(String operation, int type, int flags, RequestBody body, ReplyHandler handler, boolean dump) {
        Objects.requireNonNull(operation, "operation");
        Objects.requireNonNull(body, "body");
        Objects.requireNonNull(handler, "handler");
        lock();
        try {
            int s = nextSeq();
            tx.clear();
            writer.begin(tx, type, flags | Netlink.NLM_F_REQUEST, s, portId);
            body.write(writer);
            writer.end();
            send(operation);
            awaitReplies(operation, s, dump, handler);
        } finally {
            lock.unlock();
        }
    }

    /**
     * Applies many requests with as few system calls as the socket buffers allow: requests are
     * packed into datagrams sized so that their ACKs fit the receive buffer, every ACK is matched
     * to its request by sequence number, and the result says, per request, whether it succeeded,
     * failed (and why), or has an unknown outcome. A failed request does not stop the others.
     * Replies other than ACKs go to {@code handler}.
     */
    public BatchResult batch(List<Request> requests, ReplyHandler handler) {
        Objects.requireNonNull(requests, "requests");
        Objects.requireNonNull(handler, "handler");
        NetlinkException[] results = new NetlinkException[requests.size()];
        int maxCount = Math.max(1, socketReceiveBufferSize / ACK_BUDGET_BYTES);
        int maxBytes = Math.max(4096, Math.min(MAX_BATCH_DATAGRAM, socketSendBufferSize - 64));
        int datagrams = 0;
        lock();
        try {
            int i = 0;
            while (i < requests.size()) {
                tx.clear();
                int base = seq + 1;
                int count = 0;
                while (i + count < requests.size() && count < maxCount) {
                    Request r = requests.get(i + count);
                    int mark = tx.writerIndex();
                    try {
                        writer.begin(tx, r.type(), r.flags() | Netlink.NLM_F_REQUEST | Netlink.NLM_F_ACK, base + count, portId);
                        r.body().write(writer);
                        writer.end();
                    } catch (RuntimeException e) {
                        tx.writerIndex(mark);
                        if (count == 0) {
                            results[i] = e instanceof NetlinkException ne ? ne : new NetlinkException(r.operation() + ": " + e.getMessage(), e);
                            i++;
                            base++;
                            seq++;
                            continue;
                        }
                        break;
                    }
                    if (tx.writerIndex() > maxBytes && count > 0) {
                        tx.writerIndex(mark);
                        break;
                    }
                    count++;
                }
                if (count == 0) {
                    continue;
                }
                seq = base + count - 1;
                send("batch of " + count + " requests");
                datagrams++;
                awaitAcks(requests, i, base, count, results, handler);
                i += count;
            }
        } catch (NetlinkClosedException e) {
            fillUnknown(results, requests, e);
            throw e;
        } finally {
            lock.unlock();
        }
        return new BatchResult(Arrays.asList(results), datagrams);
    }

    private static void fillUnknown(NetlinkException[] results, List<Request> requests, NetlinkException cause) {
        for (int k = 0; k < results.length; k++) {
            if (results[k] == null) {
                results[k] = cause;
            }
        }
    }

    private void awaitAcks(List<Request> requests, int first, int base, int count, NetlinkException[] results, ReplyHandler handler) {
        boolean[] acked = new boolean[count];
        int pending = count;
        boolean overrun = false;
        long deadline = deadline();
        while (pending > 0) {
            int n;
            try {
                n = receive(overrun, deadline);
            } catch (NetlinkOverrunException e) {
                overrun = true;
                continue;
            } catch (NetlinkTimeoutException e) {
                for (int k = 0; k < count; k++) {
                    if (!acked[k]) {
                        results[first + k] = overrun
                                ? new NetlinkOverrunException(requests.get(first + k).operation() + ": ACK lost, outcome unknown")
                                : new NetlinkTimeoutException(requests.get(first + k).operation(), "no ACK within " + options.receiveTimeout());
                    }
                }
                return;
            }
            if (n < 0) {
                continue;
            }
            reader.reset(rx, 0, n);
            while (reader.next()) {
                int k = reader.seq() - base;
                if (k < 0 || k >= count || !fromUs(reader.pid())) {
                    discarded.incrementAndGet();
                    continue;
                }
                if (reader.type() == Netlink.NLMSG_ERROR) {
                    ControlMessages.Status st = ControlMessages.decodeError(rx, reader.offset(), reader.length());
                    if (!acked[k]) {
                        acked[k] = true;
                        pending--;
                        results[first + k] = st.isSuccess() ? null
                                : Errors.fromKernel(requests.get(first + k).operation(), st.error(), st.extendedAck());
                    }
                } else if (reader.type() >= Netlink.NLMSG_MIN_TYPE) {
                    handler.onMessage(reader);
                }
            }
        }
    }

    private void awaitReplies(String operation, int s, boolean dump, ReplyHandler handler) {
        RuntimeException failure = null;
        boolean interrupted = false;
        boolean overrun = false;
        long deadline = deadline();
        for (;;) {
            int n;
            try {
                n = receive(overrun && !dump, deadline);
            } catch (NetlinkOverrunException e) {
                overrun = true;
                continue;
            } catch (NetlinkTimeoutException e) {
                if (overrun) {
                    throw new NetlinkOverrunException(operation);
                }
                throw new NetlinkTimeoutException(operation, "no reply within " + options.receiveTimeout());
            }
            if (n < 0) {
                continue;
            }
            deadline = deadline();
            reader.reset(rx, 0, n);
            while (reader.next()) {
                if (reader.seq() != s || !fromUs(reader.pid())) {
                    discarded.incrementAndGet();
                    continue;
                }
                int type = reader.type();
                if (type == Netlink.NLMSG_ERROR) {
                    ControlMessages.Status st = ControlMessages.decodeError(rx, reader.offset(), reader.length());
                    if (!st.isSuccess() && failure == null) {
                        failure = Errors.fromKernel(operation, st.error(), st.extendedAck());
                    }
                    finish(operation, failure, interrupted, overrun);
                    return;
                }
                if (type == Netlink.NLMSG_DONE) {
                    if (!dump) {
                        discarded.incrementAndGet();
                        continue;
                    }
                    ControlMessages.Status st = ControlMessages.decodeDone(rx, reader.offset(), reader.length());
                    interrupted |= (reader.flags() & Netlink.NLM_F_DUMP_INTR) != 0;
                    if (!st.isSuccess() && failure == null) {
                        failure = Errors.fromKernel(operation, st.error(), st.extendedAck());
                    }
                    finish(operation, failure, interrupted, overrun);
                    return;
                }
                if (type < Netlink.NLMSG_MIN_TYPE) {
                    continue;
                }
                interrupted |= (reader.flags() & Netlink.NLM_F_DUMP_INTR) != 0;
                if (failure == null && !overrun) {
                    try {
                        handler.onMessage(reader);
                    } catch (RuntimeException e) {
                        failure = e;
                    }
                }
            }
        }
    }

    private static void finish(String operation, RuntimeException failure, boolean interrupted, boolean overrun) {
        if (failure != null) {
            throw failure;
        }
        if (overrun) {
            throw new NetlinkOverrunException(operation);
        }
        if (interrupted) {
            throw new NetlinkDumpInterruptedException(operation);
        }
    }

    private boolean fromUs(int pid) {
        return pid == portId || pid == 0;
    }

    private long deadline() {
        return receiveTimeoutNanos == 0 ? Long.MAX_VALUE : System.nanoTime() + receiveTimeoutNanos;
    }

    /**
     * Receives one datagram from the peer into {@code rx}. Returns its length, or -1 when a wakeup
     * interval passed (or a datagram from someone else was discarded) without the deadline
     * expiring. With {@code nonBlocking}, an empty queue counts as the deadline.
     */
    private int receive(boolean nonBlocking, long deadline) {
        if (closed) {
            throw new NetlinkClosedException("netlink connection");
        }
        rx.clear();
        int n;
        try {
            n = socket.receive(rx, nonBlocking ? NetlinkSocket.MSG_DONTWAIT : 0, from);
        } catch (NetlinkTimeoutException e) {
            if (nonBlocking || deadline - System.nanoTime() <= 0) {
                throw e;
            }
            return -1;
        }
        if (from.portId() != options.peerPortId()) {
            discarded.incrementAndGet();
            return -1;
        }
        return n;
    }

    private void send(String operation) {
        if (closed) {
            throw new NetlinkClosedException("netlink connection");
        }
        int length = tx.readableBytes();
        int sent = socket.send(tx, options.peerPortId());
        if (sent != length) {
            throw new NetlinkException(operation + ": sent " + sent + " of " + length + " bytes");
        }
    }

    private int nextSeq() {
        return ++seq;
    }

    private void lock() {
        try {
            while (!lock.tryLock(WAKEUP_INTERVAL.toMillis(), TimeUnit.MILLISECONDS)) {
                if (closed) {
                    throw new NetlinkClosedException("netlink connection");
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new NetlinkException("interrupted while waiting for the netlink connection", e);
        }
        if (closed) {
            lock.unlock();
            throw new NetlinkClosedException("netlink connection");
        }
    }

    /**
     * Closes the connection. Idempotent. Threads inside or waiting for an exchange get
     * {@link NetlinkClosedException}; buffers are released once the exchange in progress ends.
     */
    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        socket.close();
        lock.lock();
        try {
            if (!released) {
                released = true;
                tx.release();
                rx.release();
            }
        } finally {
            lock.unlock();
        }
    }

    @Override
    public String toString() {
        return "NetlinkConnection[protocol=" + socket.protocol() + ", portId=" + Integer.toUnsignedString(portId)
                + (options.netns() != null ? ", netns=" + options.netns() : "") + (closed ? ", closed" : "") + "]";
    }
}
