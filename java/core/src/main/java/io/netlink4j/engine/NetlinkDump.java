// SPDX-FileCopyrightText: 2026 The netlink4j Authors
// SPDX-License-Identifier: Apache-2.0
package io.netlink4j.engine;

import io.netlink4j.NetlinkClosedException;
import io.netlink4j.NetlinkDumpInterruptedException;
import io.netlink4j.NetlinkErrnoException;
import io.netlink4j.NetlinkOverrunException;
import io.netlink4j.NetlinkTimeoutException;

import java.util.ArrayDeque;
import java.util.Iterator;
import java.util.NoSuchElementException;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;

/**
 * A dump in progress, read as it is iterated: {@link #hasNext()} receives the next datagram when
 * the values of the last one are used up, so memory stays bounded by one datagram's values
 * whatever the size of the dump. Opened by {@link NetlinkConnection#openDump}.
 *
 * <p><b>The connection is held.</b> From {@code openDump} until the dump is exhausted or closed,
 * no other exchange runs on the connection: other threads wait, and the opening thread gets
 * {@link IllegalStateException} if it tries one. Exhausting the dump releases the connection;
 * {@link #close()} before that reads the rest of the dump without decoding it (so the socket
 * stays in sync) and releases it. Always close a dump, best in a try-with-resources statement.
 *
 * <p><b>Errors come at the end.</b> An errno in NLMSG_DONE, NLM_F_DUMP_INTR and a receive-buffer
 * overrun are reported once the dump has been read to its end: the call to {@link #hasNext()}
 * that reaches the end throws ({@link NetlinkErrnoException},
 * {@link NetlinkDumpInterruptedException}, {@link NetlinkOverrunException}). The values returned
 * before are then not the whole table. A decoder that throws ends the iteration: the rest of the
 * dump is read without decoding, and the decoder's exception is thrown by the {@code hasNext()}
 * or {@code next()} that ran it. A {@link NetlinkTimeoutException} or
 * {@link NetlinkClosedException} ends the dump at once. After any of these, {@code hasNext()}
 * returns false.
 *
 * <p><b>Threading.</b> A dump is confined to the thread that opened it: iterate and close it on
 * that thread (other threads get {@link IllegalStateException}). It is not safe for use by
 * several threads.
 *
 * @param <T> the type of the decoded values
 */
public final class NetlinkDump<T> implements Iterator<T>, AutoCloseable {
    private final NetlinkConnection connection;
    private final ExchangeState state;
    private final ReplyDecoder<T> decoder;
    private final Thread owner;
    private final ArrayDeque<T> ready = new ArrayDeque<>();
    private final ReplyHandler collect;
    private boolean draining;
    private boolean finished;
    /** When waiting for the next datagram gives up: one receive timeout after the last one. */
    private long deadline;

    NetlinkDump(NetlinkConnection connection, ExchangeState state, ReplyDecoder<T> decoder) {
        this.connection = connection;
        this.state = state;
        this.decoder = decoder;
        this.owner = Thread.currentThread();
        this.deadline = connectionDeadline();
        this.collect = msg -> {
            if (!draining) {
                T value = this.decoder.decode(msg);
                if (value != null) {
                    ready.add(value);
                }
            }
        };
    }

    /**
     * Whether another value follows; receives datagrams until one yields a value or the dump
     * ends.
     *
     * @return true if {@link #next()} returns a value
     * @throws NetlinkErrnoException            the dump ended with an errno (at its end)
     * @throws NetlinkDumpInterruptedException  the kernel flagged NLM_F_DUMP_INTR (at the end)
     * @throws NetlinkOverrunException          messages were lost to ENOBUFS (at the end)
     * @throws NetlinkTimeoutException          no datagram within the receive timeout
     * @throws NetlinkClosedException           the connection was closed
     * @throws IllegalStateException            called from another thread than the one that opened the dump
     */
    @Override
    public boolean hasNext() {
        checkThread();
        while (ready.isEmpty()) {
            if (finished) {
                return false;
            }
            if (state.isComplete()) {
                finish();
                RuntimeException outcome = state.outcome();
                if (outcome != null) {
                    throw outcome;
                }
                return false;
            }
            advance();
        }
        return true;
    }

    /**
     * The next value of the dump.
     *
     * @return the next decoded value, never null
     * @throws NoSuchElementException the dump has no more values
     * @see #hasNext() for the exceptions of reading the dump
     */
    @Override
    public T next() {
        if (!hasNext()) {
            throw new NoSuchElementException("dump has no more values");
        }
        return ready.poll();
    }

    /** Receives one datagram; a failure of the decoder drains the dump and is thrown at once. */
    private void advance() {
        try {
            if (connection.step(state, collect, deadline)) {
                deadline = connectionDeadline();
            }
            if (state.hasFailed() && !state.isComplete()) {
                ready.clear();
                drain();
            }
        } catch (RuntimeException | Error e) {
            finish();
            throw e;
        }
        if (state.hasFailed()) {
            ready.clear();
            finish();
            throw state.outcome();
        }
    }

    private long connectionDeadline() {
        return Receiver.deadline(connection.options().receiveTimeout());
    }

    /** Reads the rest of the dump without decoding it. */
    private void drain() {
        draining = true;
        while (!state.isComplete()) {
            if (connection.step(state, collect, deadline)) {
                deadline = connectionDeadline();
            }
        }
    }

    private void finish() {
        if (!finished) {
            finished = true;
            ready.clear();
            connection.release();
        }
    }

    private void checkThread() {
        if (Thread.currentThread() != owner) {
            throw new IllegalStateException("a NetlinkDump is confined to the thread that opened it ("
                    + owner.getName() + "), not " + Thread.currentThread().getName());
        }
    }

    /**
     * A sequential stream of the dump's values; closing the stream closes this dump. The stream
     * has the same rules as this iterator: consume it on this thread, close it (try-with-resources).
     *
     * @return a stream over the remaining values
     */
    public Stream<T> stream() {
        return StreamSupport.stream(Spliterators.spliteratorUnknownSize(this, Spliterator.ORDERED | Spliterator.NONNULL), false)
                .onClose(this::close);
    }

    /**
     * Ends the dump and releases the connection. Values not yet received are read and dropped so
     * the socket stays in sync; the dump's own outcome (an errno in NLMSG_DONE, NLM_F_DUMP_INTR,
     * an overrun) is then not reported. Idempotent.
     *
     * @throws NetlinkTimeoutException no datagram within the receive timeout while draining (the
     *                                 connection is released; a late rest of the dump is discarded
     *                                 by sequence number)
     * @throws IllegalStateException   called from another thread than the one that opened the dump
     */
    @Override
    public void close() {
        if (finished) {
            return;
        }
        checkThread();
        try {
            drain();
        } catch (NetlinkClosedException e) {
            // Nothing left to keep in sync.
        } finally {
            finish();
        }
    }

    @Override
    public String toString() {
        return "NetlinkDump[" + connection + (finished ? ", finished" : "") + "]";
    }
}
