// SPDX-FileCopyrightText: 2026 The netlink4j Authors
// SPDX-License-Identifier: Apache-2.0
package io.netlink4j.engine;

import io.netlink4j.NetlinkClosedException;
import io.netlink4j.NetlinkException;
import io.netlink4j.NetlinkOverrunException;
import io.netlink4j.NetlinkTimeoutException;
import io.netlink4j.NetlinkTruncatedException;
import io.netlink4j.codec.MessageReader;
import io.netlink4j.codec.Netlink;
import io.netlink4j.socket.NetlinkAddress;
import io.netlink4j.socket.NetlinkSocket;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.PooledByteBufAllocator;

import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.ReentrantLock;

/**
 * A netlink socket that listens to multicast groups: the receiving side of kernel notifications
 * (rtnetlink link and address changes, generic netlink family events, ...). Groups are joined with
 * NETLINK_ADD_MEMBERSHIP, so generic netlink group ids above 31 work like any other.
 *
 * <p>Messages are read with {@link #poll}, on the caller's thread, or by a
 * {@link NetlinkEventListener} thread. A receive-buffer overrun (ENOBUFS) is reported to the
 * handler's {@link NetlinkEventHandler#onOverrun()} and the subscription keeps working. Before
 * reporting it, the subscription drops the notifications still queued: they are older than the
 * resync the handler does, and the kernel delivers nothing new to an overrun socket until its
 * queue is empty. So after {@code onOverrun}, every change is either visible to a fresh dump or
 * arrives as a notification.
 *
 * <p>Of the {@link NetlinkOptions}, these apply: {@code netns} (the namespace whose notifications
 * are received), {@code socketReceiveBufferSize} (how many notifications may queue before they are
 * lost; it must hold at least one whole notification, which the kernel may allocate at 4-8 KiB),
 * {@code readBufferSize} (the largest datagram) and {@code peerPortId} (the sender whose messages
 * are accepted; 0, the kernel, by default). Messages from any other sender are discarded and
 * counted.
 *
 * <p>Thread safety: {@link #join}, {@link #leave} and {@link #close} may be called from any thread;
 * polls are serialised. Closing wakes a blocked poll within about
 * {@link NetlinkConnection#WAKEUP_INTERVAL}, which then throws {@link NetlinkClosedException}.
 */
public final class NetlinkSubscription implements AutoCloseable {
    private static final int TIMED_OUT = -1;
    private static final int LOST = -2;
    /** Most datagrams dropped after an overrun (a flood that never lets the queue empty ends the drain). */
    private static final int MAX_DRAIN = 4096;

    private final NetlinkSocket socket;
    private final NetlinkOptions options;
    private final int portId;
    private final ReentrantLock lock = new ReentrantLock();
    private final MessageReader reader = new MessageReader();
    private final NetlinkAddress from = new NetlinkAddress();
    private final AtomicLong overruns = new AtomicLong();
    private final AtomicLong discarded = new AtomicLong();
    private final ByteBuf rx;
    private Duration socketTimeout;
    private volatile boolean closed;
    private boolean released;

    private NetlinkSubscription(NetlinkSocket socket, NetlinkOptions options) {
        this.socket = socket;
        this.options = options;
        this.socketTimeout = NetlinkConnection.WAKEUP_INTERVAL;
        socket.setReceiveTimeout(socketTimeout);
        this.portId = socket.localPortId();
        this.rx = PooledByteBufAllocator.DEFAULT.directBuffer(options.readBufferSize(), options.readBufferSize());
    }

    /**
     * Opens a socket of {@code protocol} (see {@code NetlinkProtocol}) in the namespace of
     * {@code options} and joins {@code groups}.
     */
    public static NetlinkSubscription open(int protocol, NetlinkOptions options, int... groups) {
        Objects.requireNonNull(options, "options");
        Objects.requireNonNull(groups, "groups");
        NetlinkSocket socket = Sockets.openBound(protocol, options);
        NetlinkSubscription subscription = null;
        try {
            subscription = new NetlinkSubscription(socket, options);
            for (int group : groups) {
                subscription.join(group);
            }
            return subscription;
        } catch (RuntimeException | Error e) {
            if (subscription != null) {
                subscription.close();
            } else {
                socket.close();
            }
            throw e;
        }
    }

    public NetlinkOptions options() {
        return options;
    }

    /** The port id the kernel assigned to this subscription's socket. */
    public int portId() {
        return portId;
    }

    /** Joins multicast group {@code group} (NETLINK_ADD_MEMBERSHIP). */
    public void join(int group) {
        socket.joinGroup(group);
    }

    /** Leaves multicast group {@code group} (NETLINK_DROP_MEMBERSHIP). */
    public void leave(int group) {
        socket.leaveGroup(group);
    }

    /** How many times notifications were lost (each reported once to {@code onOverrun}). */
    public long overruns() {
        return overruns.get();
    }

    /** Messages received from a sender other than the peer and dropped. */
    public long discardedMessages() {
        return discarded.get();
    }

    public boolean isClosed() {
        return closed;
    }

    /**
     * Waits up to {@code timeout} for one datagram and hands its messages to {@code handler}, or
     * reports an overrun. A zero timeout only takes what is already queued.
     *
     * <p>An exception thrown by the handler propagates from here; the rest of that datagram is
     * dropped (the kernel sends each notification in a datagram of its own).
     *
     * @return the number of messages delivered to {@link NetlinkEventHandler#onMessage}; 0 when
     *         the timeout expired or an overrun was reported
     * @throws NetlinkClosedException the subscription was closed, before or during the wait
     */
    public int poll(Duration timeout, NetlinkEventHandler handler) {
        Objects.requireNonNull(timeout, "timeout");
        Objects.requireNonNull(handler, "handler");
        if (timeout.isNegative()) {
            throw new IllegalArgumentException("timeout: " + timeout + " (expected: >= 0)");
        }
        boolean nonBlocking = timeout.isZero();
        long start = System.nanoTime();
        long timeoutNanos = timeout.compareTo(Duration.ofDays(365)) > 0 ? Long.MAX_VALUE : timeout.toNanos();
        lock();
        try {
            for (;;) {
                int n = receive(nonBlocking, timeoutNanos - (System.nanoTime() - start));
                if (n == TIMED_OUT) {
                    if (nonBlocking || System.nanoTime() - start >= timeoutNanos) {
                        return 0;
                    }
                } else if (n == LOST) {
                    overruns.incrementAndGet();
                    handler.onOverrun();
                    return 0;
                } else if (from.portId() != options.peerPortId()) {
                    discarded.incrementAndGet();
                } else {
                    return deliver(n, handler);
                }
            }
        } finally {
            try {
                if (closed) {
                    releaseBuffer();
                }
            } finally {
                lock.unlock();
            }
        }
    }

    private int deliver(int length, NetlinkEventHandler handler) {
        int count = 0;
        reader.reset(rx, 0, length);
        while (!closed && reader.next()) {
            if (reader.type() >= Netlink.NLMSG_MIN_TYPE) {
                handler.onMessage(reader);
                count++;
            }
        }
        return count;
    }

    /**
     * Receives one datagram into {@code rx}: its length, {@link #TIMED_OUT} when nothing arrived
     * within one wait slice (at most {@code remainingNanos}), {@link #LOST} when notifications
     * were lost.
     */
    private int receive(boolean nonBlocking, long remainingNanos) {
        if (closed) {
            throw new NetlinkClosedException("netlink subscription");
        }
        if (!nonBlocking) {
            Duration slice = Duration.ofNanos(Math.max(1, Math.min(remainingNanos, NetlinkConnection.WAKEUP_INTERVAL.toNanos())));
            if (!slice.equals(socketTimeout)) {
                socket.setReceiveTimeout(slice);
                socketTimeout = slice;
            }
        }
        rx.clear();
        try {
            return socket.receive(rx, nonBlocking ? NetlinkSocket.MSG_DONTWAIT : 0, from);
        } catch (NetlinkTimeoutException e) {
            return TIMED_OUT;
        } catch (NetlinkOverrunException e) {
            drain();
            return LOST;
        } catch (NetlinkTruncatedException e) {
            return LOST;
        }
    }

    /**
     * Drops what is queued after an overrun. The kernel marks an overrun socket congested and
     * silently drops every further notification until the queue is empty; the queued ones
     * predate the resync the handler is about to do, so emptying the queue now makes sure that
     * every change after the overrun is either in that resync or delivered as a notification.
     */
    private void drain() {
        for (int i = 0; i < MAX_DRAIN; i++) {
            rx.clear();
            try {
                socket.receive(rx, NetlinkSocket.MSG_DONTWAIT, from);
            } catch (NetlinkTimeoutException e) {
                return;
            } catch (NetlinkOverrunException | NetlinkTruncatedException e) {
                // keep draining
            }
        }
    }

    private void lock() {
        try {
            while (!lock.tryLock(NetlinkConnection.WAKEUP_INTERVAL.toMillis(), TimeUnit.MILLISECONDS)) {
                if (closed) {
                    throw new NetlinkClosedException("netlink subscription");
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new NetlinkException("interrupted while waiting for the netlink subscription", e);
        }
    }

    private void releaseBuffer() {
        if (!released) {
            released = true;
            rx.release();
        }
    }

    /**
     * Closes the socket. Idempotent. A poll in progress on another thread ends with
     * {@link NetlinkClosedException}; one in progress on this thread (a handler closing its own
     * subscription) returns after the current message.
     */
    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        socket.close();
        if (lock.isHeldByCurrentThread()) {
            return;
        }
        lock.lock();
        try {
            releaseBuffer();
        } finally {
            lock.unlock();
        }
    }

    @Override
    public String toString() {
        return "NetlinkSubscription[protocol=" + socket.protocol() + ", portId=" + Integer.toUnsignedString(portId)
                + (options.netns() != null ? ", netns=" + options.netns() : "") + (closed ? ", closed" : "") + "]";
    }
}
