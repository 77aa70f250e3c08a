// SPDX-FileCopyrightText: 2026 The netlink4j Authors
// SPDX-License-Identifier: Apache-2.0
package io.netlink4j.engine;

import io.netlink4j.NetlinkClosedException;
import io.netlink4j.NetlinkDecodeException;
import io.netlink4j.NetlinkDumpInterruptedException;
import io.netlink4j.NetlinkErrnoException;
import io.netlink4j.NetlinkException;
import io.netlink4j.NetlinkOverrunException;
import io.netlink4j.NetlinkTimeoutException;
import io.netlink4j.codec.MessageReader;
import io.netlink4j.codec.MessageWriter;
import io.netlink4j.codec.Netlink;
import io.netlink4j.socket.NetlinkSocket;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufAllocator;
import io.netty.buffer.PooledByteBufAllocator;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The request engine: one netlink socket, with sequence numbers, ACKs, multipart dumps, errors and
 * batches. Families build their clients on it.
 *
 * <ul>
 *   <li>Every request is sent with NLM_F_ACK and completes only when its ACK (or error) arrives,
 *       even when its reply came in an earlier datagram, so no ACK is ever left queued. In a
 *       {@link #batch batch}, the last request of each datagram asks for the ACK that completes
 *       the datagram; the others are answered only when they fail.</li>
 *   <li>Every message received is checked against the request's sequence number and this
 *       socket's port id, and the datagram's sender against the peer (the kernel by default).
 *       Anything else (a late reply to a request that timed out, a message from another
 *       process) is discarded and counted in {@link #discardedMessages()}.</li>
 *   <li>Dumps are read to NLMSG_DONE; its errno, NLM_F_DUMP_INTR and receive-buffer overruns
 *       become exceptions after the dump was drained. {@link #dump dump}, which returns only
 *       when the whole dump is read, makes the dump again after an interruption or an overrun,
 *       up to {@link NetlinkOptions#dumpAttempts()} times in all; {@link #dumpEach dumpEach}
 *       and {@link #openDump openDump}, which have already handed out what they read, never
 *       restart: they throw.</li>
 *   <li>A handler or decoder that throws stops further callbacks; the exchange is still read to
 *       its ACK or NLMSG_DONE, so the socket stays in sync, and the exception is then rethrown.</li>
 *   <li>A receive that waits longer than the receive timeout throws
 *       {@link NetlinkTimeoutException}; the connection stays usable.</li>
 *   <li>Thread safety: one connection may be shared by any number of threads. Exchanges are
 *       serialised, so each caller receives exactly its own replies. A handler must not use the
 *       connection it is called from ({@link IllegalStateException}). {@link #close()} is
 *       idempotent; threads waiting in or for an exchange get {@link NetlinkClosedException}
 *       within about 100 ms.</li>
 * </ul>
 *
 * Buffers: one direct send buffer and one direct receive buffer per connection, reused for every
 * exchange and released on close. Reply handlers see messages in place, without copies.
 */
public final class NetlinkConnection implements AutoCloseable {
    /** How often a blocked receive wakes up to notice close() and check its deadline. */
    static final Duration WAKEUP_INTERVAL = Duration.ofMillis(100);
    /**
     * Receive-buffer bytes budgeted per request when sizing batches, for the worst case of every
     * request answered (refused, with an extended ACK): an answer is a small datagram, but the
     * kernel charges its whole socket-buffer footprint (about 0.8-1.3 KiB) against SO_RCVBUF.
     */
    static final int ACK_BUDGET_BYTES = 2048;
    /** Upper bound on request bytes in one sendmsg of a batch. */
    static final int MAX_BATCH_DATAGRAM = 1 << 20;

    private final Receiver receiver;
    private final NetlinkOptions options;
    private final int portId;
    private final int socketReceiveBufferSize;
    private final BatchPacker packer;
    private final MessageWriter writer = new MessageWriter();
    private final MessageReader reader = new MessageReader();
    private final ByteBuf tx;
    private int seq;

    private NetlinkConnection(NetlinkSocket socket, NetlinkOptions options, ByteBufAllocator alloc) {
        this.options = options;
        socket.setSendTimeout(options.sendTimeout());
        if (options.extendedAck()) {
            socket.setNetlinkFlag(NetlinkSocket.NETLINK_EXT_ACK, true);
        }
        socket.setNetlinkFlag(NetlinkSocket.NETLINK_CAP_ACK, true);
        if (options.strictCheck()) {
            socket.setNetlinkFlag(NetlinkSocket.NETLINK_GET_STRICT_CHK, true);
        }
        this.socketReceiveBufferSize = socket.getOption(NetlinkSocket.SOL_SOCKET, NetlinkSocket.SO_RCVBUF);
        int socketSendBufferSize = socket.getOption(NetlinkSocket.SOL_SOCKET, NetlinkSocket.SO_SNDBUF);
        this.packer = new BatchPacker(socketReceiveBufferSize, socketSendBufferSize, options.ackEveryBatchRequest());
        this.portId = socket.localPortId();
        this.receiver = new Receiver(socket, options.peerPortId(), options.readBufferSize(), alloc, "netlink connection");
        ByteBuf t;
        try {
            t = alloc.directBuffer(4096);
        } catch (RuntimeException | Error e) {
            receiver.close();
            throw e;
        }
        this.tx = receiver.attach(t);
    }

    /**
     * Opens a connection to the kernel's {@code protocol} (see {@code NetlinkProtocol}) with
     * {@link NetlinkOptions#defaults()}.
     *
     * @param protocol the netlink protocol, e.g. {@code NetlinkProtocol.GENERIC}
     * @return the open connection
     * @throws io.netlink4j.NetlinkErrnoException a system call failed (socket, bind, setsockopt)
     * @throws UnsatisfiedLinkError               the native library cannot be loaded
     */
    public static NetlinkConnection open(int protocol) {
        return open(protocol, NetlinkOptions.defaults());
    }

    /**
     * Opens a connection to {@code protocol} with {@code options} (the namespace, timeouts,
     * buffer sizes, the peer).
     *
     * @param protocol the netlink protocol, e.g. {@code NetlinkProtocol.GENERIC}
     * @param options  the connection's settings
     * @return the open connection
     * @throws io.netlink4j.NetlinkErrnoException a system call failed (socket, bind, setsockopt), or
     *                                            the namespace of {@code options} cannot be entered
     * @throws UnsatisfiedLinkError               the native library cannot be loaded
     */
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

    /**
     * The settings this connection was opened with.
     *
     * @return the options
     */
    public NetlinkOptions options() {
        return options;
    }

    /**
     * The port id the kernel assigned to this connection's socket.
     *
     * @return the port id, an unsigned 32-bit value in an int
     */
    public int portId() {
        return portId;
    }

    /**
     * SO_RCVBUF as the kernel reports it (twice the requested value).
     *
     * @return the socket's receive buffer size in bytes
     */
    public int socketReceiveBufferSize() {
        return socketReceiveBufferSize;
    }

    /** The socket underneath, for tests in this package. */
    NetlinkSocket socket() {
        return receiver.socket();
    }

    /**
     * Messages received and discarded: wrong sequence number, port id or sender, or arriving after
     * the exchange they belonged to had ended.
     *
     * @return the count since the connection was opened
     */
    public long discardedMessages() {
        return receiver.discarded();
    }

    /**
     * Whether {@link #close()} was called.
     *
     * @return true once closed
     */
    public boolean isClosed() {
        return receiver.isClosed();
    }

    /**
     * Sends one request with NLM_F_ACK and waits for its ACK. Reply messages, if the kernel sends
     * any, are discarded.
     *
     * @param operation names the request in exceptions, e.g. {@code "IPVS FLUSH"}
     * @param type      the message type
     * @param flags     extra message flags (NLM_F_REQUEST and NLM_F_ACK are added)
     * @param body      writes the payload
     * @throws NetlinkErrnoException    the kernel refused the request (with its extended ACK)
     * @throws NetlinkTimeoutException  no ACK within the receive timeout
     * @throws NetlinkClosedException   the connection was closed
     * @throws IllegalStateException    the current thread is inside an exchange or dump of this connection
     */
    public void execute(String operation, int type, int flags, RequestBody body) {
        exchange(operation, type, flags | Netlink.NLM_F_ACK, body, ReplyHandler.IGNORE, false);
    }

    /**
     * Sends one request with NLM_F_ACK and returns its reply, decoded, once the ACK has arrived.
     * Of several replies the first one counts.
     *
     * @param operation names the request in exceptions
     * @param type      the message type
     * @param flags     extra message flags (NLM_F_REQUEST and NLM_F_ACK are added)
     * @param body      writes the payload
     * @param decoder   turns the reply into a value
     * @param <T>       the type of the value
     * @return the decoded reply, never null
     * @throws NetlinkDecodeException   the kernel acknowledged the request without a reply (or
     *                                  {@code decoder} returned null)
     * @throws NetlinkErrnoException    the kernel refused the request (with its extended ACK)
     * @throws NetlinkTimeoutException  no ACK within the receive timeout
     * @throws NetlinkClosedException   the connection was closed
     * @throws IllegalStateException    the current thread is inside an exchange or dump of this connection
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
     * in memory; {@link #openDump} and {@link #dumpEach} read it in bounded memory instead.
     *
     * <p>When the kernel flags the dump interrupted (NLM_F_DUMP_INTR: its table changed meanwhile)
     * or messages are lost to a receive-buffer overrun, the values read so far are dropped and the
     * dump is made again, up to {@link NetlinkOptions#dumpAttempts()} times in all; the last
     * attempt's exception is thrown, with those of the earlier attempts suppressed. This is safe
     * because nothing is returned before the end, as long as {@code decoder} has no side effects
     * (it may run more than once for the same object).
     *
     * @param operation names the dump in exceptions
     * @param type      the message type
     * @param flags     extra message flags (NLM_F_REQUEST and NLM_F_DUMP are added)
     * @param body      writes the payload
     * @param decoder   turns each reply into a value
     * @param <T>       the type of the values
     * @return the decoded replies, in order, in a new list the caller may modify
     * @throws NetlinkDumpInterruptedException the kernel flagged NLM_F_DUMP_INTR in every attempt
     * @throws NetlinkOverrunException          messages were lost to ENOBUFS in every attempt
     * @throws NetlinkErrnoException            the kernel refused the dump or ended it with an errno
     * @throws NetlinkTimeoutException          no reply within the receive timeout
     * @throws NetlinkClosedException           the connection was closed
     * @throws IllegalStateException            the current thread is inside an exchange or dump of this connection
     */
    public <T> List<T> dump(String operation, int type, int flags, RequestBody body, ReplyDecoder<T> decoder) {
        Objects.requireNonNull(decoder, "decoder");
        List<NetlinkException> earlier = List.of();
        for (int attempt = 1; ; attempt++) {
            List<T> out = new ArrayList<>();
            try {
                exchange(operation, type, flags | Netlink.NLM_F_DUMP, body, msg -> {
                    T value = decoder.decode(msg);
                    if (value != null) {
                        out.add(value);
                    }
                }, true);
                return out;
            } catch (NetlinkOverrunException | NetlinkDumpInterruptedException e) {
                if (attempt >= options.dumpAttempts()) {
                    earlier.forEach(e::addSuppressed);
                    throw e;
                }
                if (earlier.isEmpty()) {
                    earlier = new ArrayList<>();
                }
                earlier.add(e);
            }
        }
    }

    /**
     * Sends one request with NLM_F_ACK and waits for its ACK. Reply messages that come before the
     * ACK go to {@code handler}, in place and without copies.
     *
     * @param operation names the request in exceptions
     * @param type      the message type
     * @param flags     extra message flags (NLM_F_REQUEST and NLM_F_ACK are added)
     * @param body      writes the payload
     * @param handler   receives each reply
     * @throws NetlinkErrnoException    the kernel refused the request (with its extended ACK)
     * @throws NetlinkTimeoutException  no ACK within the receive timeout
     * @throws NetlinkClosedException   the connection was closed
     * @throws IllegalStateException    the current thread is inside an exchange or dump of this connection
     */
    public void execute(String operation, int type, int flags, RequestBody body, ReplyHandler handler) {
        exchange(operation, type, flags | Netlink.NLM_F_ACK, body, handler, false);
    }

    /**
     * Sends a dump request (NLM_F_DUMP) and hands every reply message to {@code handler}, in place
     * and without copies, until NLMSG_DONE: a dump of any size in bounded memory.
     *
     * @param operation names the dump in exceptions
     * @param type      the message type
     * @param flags     extra message flags (NLM_F_REQUEST and NLM_F_DUMP are added)
     * @param body      writes the payload
     * <p>Never restarted: what {@code handler} has seen cannot be taken back, so an interruption
     * or an overrun is thrown, after the dump was drained, for the caller to start again.
     *
     * @param handler   receives each reply
     * @throws NetlinkDumpInterruptedException the kernel flagged NLM_F_DUMP_INTR (after draining)
     * @throws NetlinkOverrunException          messages were lost to ENOBUFS (after draining)
     * @throws NetlinkErrnoException            the kernel refused the dump or ended it with an errno
     * @throws NetlinkTimeoutException          no reply within the receive timeout
     * @throws NetlinkClosedException           the connection was closed
     * @throws IllegalStateException            the current thread is inside an exchange or dump of this connection
     */
    public void dumpEach(String operation, int type, int flags, RequestBody body, ReplyHandler handler) {
        exchange(operation, type, flags | Netlink.NLM_F_DUMP, body, handler, true);
    }

    /**
     * Sends a dump request (NLM_F_DUMP) and returns its replies as an iterator that reads the
     * dump as it is consumed, one datagram at a time: a dump of any size in bounded memory, with
     * decoded values. The dump holds the connection until it is exhausted or closed; use it in a
     * try-with-resources statement, on the thread that opened it. See {@link NetlinkDump}. Never
     * restarted: an interruption or an overrun is thrown by the iterator.
     *
     * <pre>{@code
     * try (NetlinkDump<GenlFamily> families = conn.openDump("families", GENL_ID_CTRL, 0, body, decoder)) {
     *     while (families.hasNext()) {
     *         GenlFamily f = families.next();
     *         ...
     *     }
     * }
     * }</pre>
     *
     * @param operation names the dump in exceptions
     * @param type      the message type
     * @param flags     extra message flags (NLM_F_REQUEST and NLM_F_DUMP are added)
     * @param body      writes the payload
     * @param decoder   turns each reply into a value (null leaves the message out)
     * @param <T>       the type of the values
     * @return the open dump
     * @throws IllegalStateException   the current thread is inside an exchange or dump of this connection
     * @throws NetlinkClosedException  the connection was closed
     */
    public <T> NetlinkDump<T> openDump(String operation, int type, int flags, RequestBody body, ReplyDecoder<T> decoder) {
        Objects.requireNonNull(operation, "operation");
        Objects.requireNonNull(body, "body");
        Objects.requireNonNull(decoder, "decoder");
        enter();
        try {
            int s = send(operation, type, flags | Netlink.NLM_F_DUMP, body);
            return new NetlinkDump<>(this, new ExchangeState(operation, s, portId, true), decoder);
        } catch (RuntimeException | Error e) {
            receiver.unlock();
            throw e;
        }
    }

    private void exchange(String operation, int type, int flags, RequestBody body, ReplyHandler handler, boolean dump) {
        Objects.requireNonNull(operation, "operation");
        Objects.requireNonNull(body, "body");
        Objects.requireNonNull(handler, "handler");
        enter();
        try {
            int s = send(operation, type, flags, body);
            ExchangeState state = new ExchangeState(operation, s, portId, dump);
            long deadline = Receiver.deadline(options.receiveTimeout());
            while (!state.isComplete()) {
                if (step(state, handler, deadline)) {
                    deadline = Receiver.deadline(options.receiveTimeout());
                }
            }
            RuntimeException outcome = state.outcome();
            if (outcome != null) {
                throw outcome;
            }
        } finally {
            receiver.unlock();
        }
    }

    /** {@link #receive}: a datagram was received and fed to the state. */
    static final int RECEIVED = 0;

    /**
     * Receives one datagram and feeds its messages to {@code state}, delivering to {@code handler}
     * what the state says to deliver; a handler that throws fails the state (and is not called
     * again). The caller holds the lock.
     *
     * @return {@link #RECEIVED}, {@link Receiver#IDLE} (a wake-up slice passed, or an overrun was
     *         reported to the state) or {@link Receiver#TIMED_OUT}
     */
    int receive(ProtocolState state, ReplyHandler handler, long deadline) {
        int n = receiver.receive(state.receiveNonBlocking(), deadline);
        if (n == Receiver.OVERRUN) {
            state.overrun();
            return Receiver.IDLE;
        }
        if (n < 0) {
            return n;
        }
        reader.reset(receiver.buffer(), 0, n);
        while (reader.next()) {
            switch (state.onMessage(reader)) {
                case DISCARD -> receiver.discard(1);
                case DELIVER -> {
                    try {
                        handler.onMessage(reader);
                    } catch (RuntimeException e) {
                        state.handlerFailed(e);
                    }
                }
                default -> { }
            }
        }
        return RECEIVED;
    }

    /**
     * {@link #receive} for a request or dump: true when a datagram was received.
     *
     * @throws NetlinkTimeoutException  the deadline passed ({@link ExchangeState#timedOut})
     * @throws NetlinkOverrunException  ACK lost after an overrun ({@link ExchangeState#timedOut})
     */
    boolean step(ExchangeState state, ReplyHandler handler, long deadline) {
        int r = receive(state, handler, deadline);
        if (r == Receiver.TIMED_OUT) {
            throw state.timedOut(options.receiveTimeout());
        }
        return r == RECEIVED;
    }

    /**
     * Applies many requests with as few system calls as the socket buffers allow: requests are
     * packed into datagrams sized so that an answer to every one of them would fit the receive
     * buffer, every answer is matched to its request by sequence number, and the result says, per
     * request, whether it succeeded, failed (and why), or has an unknown outcome. A failed request
     * does not stop the others.
     *
     * <p>On the wire, only the last request of each datagram carries NLM_F_ACK (unless
     * {@link NetlinkOptions#ackEveryBatchRequest()}): the kernel handles a datagram's requests in
     * order and answers every one that fails with its error and extended ACK whether it asked for
     * an ACK or not, so the last request's ACK (or error) says that the kernel is done with the
     * datagram and every earlier request without an error succeeded. A request whose answer may
     * have been lost (a receive-buffer overrun) or did not come within the receive timeout has an
     * unknown outcome ({@link io.netlink4j.NetlinkOverrunException},
     * {@link NetlinkTimeoutException}). Requests must not be dumps.
     *
     * <p>Replies other than answers go to {@code handler}; if it throws, no further datagram is
     * sent, the answers of the one in flight are read, and the handler's exception is rethrown.
     *
     * @param requests the requests, in order
     * @param handler  receives replies other than ACKs and errors
     * @return each request's outcome
     * @throws NetlinkClosedException the connection was closed (requests in flight or not yet
     *                                sent have unknown outcomes)
     */
    public BatchResult batch(List<Request> requests, ReplyHandler handler) {
        Objects.requireNonNull(requests, "requests");
        Objects.requireNonNull(handler, "handler");
        List<Request> all = List.copyOf(requests);
        NetlinkException[] outcomes = new NetlinkException[all.size()];
        int datagrams = 0;
        enter();
        try {
            int i = 0;
            while (i < all.size()) {
                int base = seq + 1;
                int count = packer.pack(tx, all, i, base, portId);
                if (count == 0) {
                    outcomes[i++] = packer.encodingFailure();
                    seq++;
                    continue;
                }
                seq = base + count - 1;
                send("batch of " + count + " requests");
                datagrams++;
                int first = i;
                BatchState state = new BatchState(base, count, portId, k -> all.get(first + k).operation(),
                        packer.ackEveryRequest());
                awaitAcks(state, handler);
                for (int k = 0; k < count; k++) {
                    outcomes[first + k] = state.outcome(k);
                }
                i += count;
                if (state.handlerFailure() != null) {
                    throw state.handlerFailure();
                }
            }
        } finally {
            receiver.unlock();
        }
        return new BatchResult(all, outcomes, datagrams);
    }

    /**
     * Reads answers until every request of the datagram has its outcome ({@link BatchState}). The
     * receive timeout bounds the kernel's silence, not the whole batch: a large batch on a slow
     * machine takes as long as the kernel needs while its answers keep coming, and requests whose
     * answer never comes get an unknown outcome once nothing has arrived for the receive timeout.
     */
    private void awaitAcks(BatchState state, ReplyHandler handler) {
        long deadline = Receiver.deadline(options.receiveTimeout());
        while (!state.isComplete()) {
            int r = receive(state, handler, deadline);
            if (r == RECEIVED) {
                deadline = Receiver.deadline(options.receiveTimeout());
            } else if (r == Receiver.TIMED_OUT) {
                state.timedOut(options.receiveTimeout());
            }
        }
    }

    /** Takes the connection for one exchange. */
    private void enter() {
        if (receiver.isHeldByCurrentThread()) {
            throw new IllegalStateException("this thread is inside an exchange on " + this
                    + " (a reply handler or decoder, or an open NetlinkDump): finish it first");
        }
        receiver.lock();
    }

    /** Writes one request with the next sequence number into the send buffer and sends it. */
    private int send(String operation, int type, int flags, RequestBody body) {
        int s = ++seq;
        tx.clear();
        writer.begin(tx, type, flags | Netlink.NLM_F_REQUEST, s, portId);
        body.write(writer);
        writer.end();
        send(operation);
        return s;
    }

    private void send(String operation) {
        receiver.checkOpen();
        int length = tx.readableBytes();
        int sent = receiver.socket().send(tx, options.peerPortId());
        if (sent != length) {
            throw new NetlinkException(operation + ": sent " + sent + " of " + length + " bytes");
        }
    }

    /** Releases the connection after {@link NetlinkDump} is done with it. */
    void release() {
        receiver.unlock();
    }

    /**
     * Closes the connection. Idempotent. Threads inside or waiting for an exchange get
     * {@link NetlinkClosedException}; buffers are released once the exchange in progress (or an
     * open {@link NetlinkDump}) ends. Does not wait for it.
     */
    @Override
    public void close() {
        receiver.close();
    }

    @Override
    public String toString() {
        NetlinkSocket socket = receiver.socket();
        return "NetlinkConnection[protocol=" + socket.protocol() + ", portId=" + Integer.toUnsignedString(portId)
                + options.netns().map(p -> ", netns=" + p).orElse("") + (isClosed() ? ", closed" : "") + "]";
    }
}
