// SPDX-FileCopyrightText: 2026 The netlink4j Authors
// SPDX-License-Identifier: Apache-2.0
package io.netlink4j.engine;

import io.netlink4j.NetlinkClosedException;
import io.netlink4j.NetlinkException;
import io.netlink4j.NetlinkOverrunException;
import io.netlink4j.NetlinkTimeoutException;
import io.netlink4j.socket.NetlinkAddress;
import io.netlink4j.socket.NetlinkSocket;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufAllocator;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.ReentrantLock;

/**
 * The receiving side shared by {@link NetlinkConnection} and {@link NetlinkSubscription}: the
 * socket, its direct receive buffer, the check that a datagram comes from the peer, the count of
 * discarded messages, the lock that serialises exchanges, and close.
 *
 * <ul>
 *   <li>A receive waits in slices of at most {@link NetlinkConnection#WAKEUP_INTERVAL}
 *       (SO_RCVTIMEO), so it notices {@link #close()} and its deadline within one slice.</li>
 *   <li>{@link #lock()} waits in the same slices and fails with {@link NetlinkClosedException}
 *       once the owner is closed.</li>
 *   <li>Buffers are released under the lock: by {@link #close()} when nobody holds it, else by
 *       the holder's {@link #unlock()}. Close never waits for a holder, so it cannot hang behind
 *       a caller that keeps a dump open.</li>
 * </ul>
 */
final class Receiver {
    /** {@link #receive}: a wake-up slice passed (or a datagram from another sender was dropped); wait on. */
    static final int IDLE = -1;
    /** {@link #receive}: the deadline passed, or nothing was queued for a non-blocking receive. */
    static final int TIMED_OUT = -2;
    /** {@link #receive}: the socket reported ENOBUFS; messages were lost. */
    static final int OVERRUN = -3;

    private final NetlinkSocket socket;
    private final int peerPortId;
    private final String what;
    private final ReentrantLock lock = new ReentrantLock();
    private final NetlinkAddress from = new NetlinkAddress();
    private final AtomicLong discarded = new AtomicLong();
    private final List<ByteBuf> buffers = new ArrayList<>(2);
    private final ByteBuf rx;
    private Duration socketTimeout;
    private volatile boolean closed;
    private boolean released;

    /**
     * Takes over {@code socket} (closed by {@link #close()}) and allocates a receive buffer of
     * {@code readBufferSize} bytes.
     *
     * @param what names the owner in {@link NetlinkClosedException}, e.g. "netlink connection"
     */
    Receiver(NetlinkSocket socket, int peerPortId, int readBufferSize, ByteBufAllocator alloc, String what) {
        this.socket = socket;
        this.peerPortId = peerPortId;
        this.what = what;
        this.socketTimeout = NetlinkConnection.WAKEUP_INTERVAL;
        socket.setReceiveTimeout(socketTimeout);
        this.rx = alloc.directBuffer(readBufferSize, readBufferSize);
        buffers.add(rx);
    }

    /** Releases {@code buf} with the receive buffer when the owner is closed. */
    ByteBuf attach(ByteBuf buf) {
        buffers.add(buf);
        return buf;
    }

    NetlinkSocket socket() {
        return socket;
    }

    /** The receive buffer: the last datagram is at {@code [0, length)}. Use only while holding the lock. */
    ByteBuf buffer() {
        return rx;
    }

    /** The sender of the last datagram received. */
    NetlinkAddress sender() {
        return from;
    }

    /** The deadline {@code timeout} from now, in {@link System#nanoTime()} terms; zero: none. */
    static long deadline(Duration timeout) {
        return timeout.isZero() ? Long.MAX_VALUE : System.nanoTime() + timeout.toNanos();
    }

    /**
     * Receives one datagram from the peer into {@link #buffer()}. Waits at most one wake-up slice,
     * and not past {@code deadline}.
     *
     * @param nonBlocking take only what is already queued
     * @param deadline    {@link System#nanoTime()} after which to give up; {@link Long#MAX_VALUE}: never
     * @return the datagram's length, or {@link #IDLE}, {@link #TIMED_OUT} or {@link #OVERRUN}
     * @throws NetlinkClosedException               the owner was closed
     * @throws io.netlink4j.NetlinkTruncatedException the datagram did not fit the buffer (it is consumed)
     */
    int receive(boolean nonBlocking, long deadline) {
        checkOpen();
        if (!nonBlocking) {
            long remaining = deadline == Long.MAX_VALUE ? Long.MAX_VALUE : deadline - System.nanoTime();
            if (remaining <= 0) {
                return TIMED_OUT;
            }
            Duration slice = remaining >= NetlinkConnection.WAKEUP_INTERVAL.toNanos()
                    ? NetlinkConnection.WAKEUP_INTERVAL : Duration.ofNanos(remaining);
            if (!slice.equals(socketTimeout)) {
                socket.setReceiveTimeout(slice);
                socketTimeout = slice;
            }
        }
        rx.clear();
        int n;
        try {
            n = socket.receive(rx, nonBlocking ? NetlinkSocket.MSG_DONTWAIT : 0, from);
        } catch (NetlinkTimeoutException e) {
            checkOpen();
            return nonBlocking || deadline - System.nanoTime() <= 0 ? TIMED_OUT : IDLE;
        } catch (NetlinkOverrunException e) {
            return OVERRUN;
        } catch (NetlinkClosedException e) {
            checkOpen();
            throw e;
        }
        if (from.portId() != peerPortId) {
            discarded.incrementAndGet();
            return IDLE;
        }
        return n;
    }

    /** Counts {@code n} messages that were received and dropped. */
    void discard(long n) {
        discarded.addAndGet(n);
    }

    long discarded() {
        return discarded.get();
    }

    boolean isClosed() {
        return closed;
    }

    /** @throws NetlinkClosedException if the owner was closed */
    void checkOpen() {
        if (closed) {
            throw new NetlinkClosedException(what);
        }
    }

    /**
     * Takes the lock, waiting in wake-up slices so that a close is noticed.
     *
     * @throws NetlinkClosedException the owner is or was closed while waiting
     * @throws NetlinkException       the thread was interrupted while waiting (its flag is set again)
     */
    void lock() {
        try {
            while (!lock.tryLock(NetlinkConnection.WAKEUP_INTERVAL.toMillis(), TimeUnit.MILLISECONDS)) {
                checkOpen();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new NetlinkException("interrupted while waiting for the " + what, e);
        }
        if (closed) {
            unlock();
            throw new NetlinkClosedException(what);
        }
    }

    /** Whether the current thread holds the lock (inside an exchange, a handler, or an open dump). */
    boolean isHeldByCurrentThread() {
        return lock.isHeldByCurrentThread();
    }

    /** Releases the lock; the last holder after a close releases the buffers. */
    void unlock() {
        lock.unlock();
        if (closed) {
            releaseIfIdle();
        }
    }

    /**
     * Closes the socket and releases the buffers unless someone holds the lock (its
     * {@link #unlock()} does it then). Idempotent; never waits.
     */
    void close() {
        if (closed) {
            return;
        }
        closed = true;
        socket.close();
        releaseIfIdle();
    }

    private void releaseIfIdle() {
        if (lock.isHeldByCurrentThread() || !lock.tryLock()) {
            return;
        }
        try {
            if (!released) {
                released = true;
                for (ByteBuf b : buffers) {
                    b.release();
                }
            }
        } finally {
            lock.unlock();
        }
    }
}
