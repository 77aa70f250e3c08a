// SPDX-FileCopyrightText: 2026 The netlink4j Authors
// SPDX-License-Identifier: Apache-2.0
package io.netlink4j.engine;

import io.netlink4j.NetlinkClosedException;
import io.netlink4j.NetlinkTruncatedException;
import io.netlink4j.codec.MessageReader;
import io.netlink4j.codec.Netlink;
import io.netlink4j.socket.NetlinkSocket;
import io.netty.buffer.PooledByteBufAllocator;

import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A netlink socket that listens to multicast groups: the receiving side of kernel notifications
 * (rtnetlink link and address changes, generic netlink family events, ...). Groups are joined with
 * NETLINK_ADD_MEMBERSHIP, so generic netlink group ids above 31 work like any other.
 *
 * <p>Messages are read with {@link #poll}, on the caller's thread, or by a
 * {@link NetlinkEventLoop} thread. A receive-buffer overrun (ENOBUFS) is reported to the
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
 * polls are serialised. Closing wakes a blocked poll within about 100 ms, which then throws
 * {@link NetlinkClosedException}.
 */
public final class NetlinkSubscription implements AutoCloseable {
    /** Most datagrams dropped after an overrun (a flood that never lets the queue empty ends the drain). */
    private static final int MAX_DRAIN = 4096;

    private final Receiver receiver;
    private final NetlinkOptions options;
    private final int portId;
    private final MessageReader reader = new MessageReader();
    private final AtomicLong overruns = new AtomicLong();

    private NetlinkSubscription(NetlinkSocket socket, NetlinkOptions options) {
        this.options = options;
        this.portId = socket.localPortId();
        this.receiver = new Receiver(socket, options.peerPortId(), options.readBufferSize(),
                PooledByteBufAllocator.DEFAULT, "netlink subscription");
    }

    /**
     * Opens a socket of {@code protocol} (see {@code NetlinkProtocol}) in the namespace of
     * {@code options} and joins {@code groups}.
     *
     * @param protocol the netlink protocol, e.g. {@code NetlinkProtocol.ROUTE}
     * @param options  the namespace, buffer sizes and peer
     * @param groups   the multicast groups to join
     * @return the open subscription
     * @throws io.netlink4j.NetlinkErrnoException a system call failed (socket, bind, setsockopt,
     *                                            joining a group), or the namespace cannot be entered
     * @throws UnsatisfiedLinkError               the native library cannot be loaded
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

    /**
     * The settings this subscription was opened with.
     *
     * @return the options
     */
    public NetlinkOptions options() {
        return options;
    }

    /**
     * The port id the kernel assigned to this subscription's socket.
     *
     * @return the port id, an unsigned 32-bit value in an int
     */
    public int portId() {
        return portId;
    }

    /**
     * Joins multicast group {@code group} (NETLINK_ADD_MEMBERSHIP).
     *
     * @param group the group id (above 0)
     * @throws io.netlink4j.NetlinkErrnoException the kernel refused (no such group, no permission)
     * @throws NetlinkClosedException              the subscription was closed
     */
    public void join(int group) {
        receiver.socket().joinGroup(group);
    }

    /**
     * Leaves multicast group {@code group} (NETLINK_DROP_MEMBERSHIP).
     *
     * @param group the group id (above 0)
     * @throws io.netlink4j.NetlinkErrnoException the kernel refused
     * @throws NetlinkClosedException              the subscription was closed
     */
    public void leave(int group) {
        receiver.socket().leaveGroup(group);
    }

    /**
     * How many times notifications were lost (each reported once to {@code onOverrun}).
     *
     * @return the count since the subscription was opened
     */
    public long overruns() {
        return overruns.get();
    }

    /**
     * Datagrams received from a sender other than the peer and dropped.
     *
     * @return the count since the subscription was opened
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
     * Waits up to {@code timeout} for one datagram and hands its messages to {@code handler}, or
     * reports an overrun. A zero timeout only takes what is already queued.
     *
     * <p>An exception thrown by the handler propagates from here; the rest of that datagram is
     * dropped (the kernel sends each notification in a datagram of its own).
     *
     * @param timeout how long to wait; zero: do not wait
     * @param handler receives the messages, or the overrun
     * @return the number of messages delivered to {@link NetlinkEventHandler#onMessage}; 0 when
     *         the timeout expired or an overrun was reported
     * @throws NetlinkClosedException the subscription was closed, before or during the wait
     * @throws io.netlink4j.NetlinkDecodeException a malformed datagram
     * @throws io.netlink4j.NetlinkErrnoException  the receive failed otherwise
     */
    public int poll(Duration timeout, NetlinkEventHandler handler) {
        Objects.requireNonNull(timeout, "timeout");
        Objects.requireNonNull(handler, "handler");
        if (timeout.isNegative()) {
            throw new IllegalArgumentException("timeout: " + timeout + " (expected: >= 0)");
        }
        boolean nonBlocking = timeout.isZero();
        long deadline = timeout.compareTo(Duration.ofDays(365)) > 0 ? Long.MAX_VALUE : System.nanoTime() + timeout.toNanos();
        receiver.lock();
        try {
            for (;;) {
                int n;
                boolean truncated = false;
                try {
                    n = receiver.receive(nonBlocking, deadline);
                } catch (NetlinkTruncatedException e) {
                    truncated = true;
                    n = Receiver.OVERRUN;
                }
                if (n == Receiver.TIMED_OUT) {
                    return 0;
                }
                if (n == Receiver.OVERRUN) {
                    if (!truncated) {
                        drain();
                    }
                    overruns.incrementAndGet();
                    handler.onOverrun();
                    return 0;
                }
                if (n >= 0) {
                    return deliver(n, handler);
                }
            }
        } finally {
            receiver.unlock();
        }
    }

    private int deliver(int length, NetlinkEventHandler handler) {
        int count = 0;
        reader.reset(receiver.buffer(), 0, length);
        while (!receiver.isClosed() && reader.next()) {
            if (reader.type() >= Netlink.NLMSG_MIN_TYPE) {
                handler.onMessage(reader);
                count++;
            }
        }
        return count;
    }

    /**
     * Drops what is queued after an overrun. The kernel marks an overrun socket congested and
     * silently drops every further notification until the queue is empty; the queued ones
     * predate the resync the handler is about to do, so emptying the queue now makes sure that
     * every change after the overrun is either in that resync or delivered as a notification.
     */
    private void drain() {
        for (int i = 0; i < MAX_DRAIN; i++) {
            int n;
            try {
                n = receiver.receive(true, 0);
            } catch (NetlinkTruncatedException e) {
                continue;
            }
            if (n == Receiver.TIMED_OUT) {
                return;
            }
        }
    }

    /**
     * Closes the socket. Idempotent. A poll in progress on another thread ends with
     * {@link NetlinkClosedException}; one in progress on this thread (a handler closing its own
     * subscription) returns after the current message.
     */
    @Override
    public void close() {
        receiver.close();
    }

    @Override
    public String toString() {
        return "NetlinkSubscription[protocol=" + receiver.socket().protocol() + ", portId=" + Integer.toUnsignedString(portId)
                + options.netns().map(p -> ", netns=" + p).orElse("") + (isClosed() ? ", closed" : "") + "]";
    }
}
