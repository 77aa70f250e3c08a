// SPDX-FileCopyrightText: 2026 The netlink4j Authors
// SPDX-License-Identifier: Apache-2.0
package io.netlink4j.engine;

import io.netlink4j.NetlinkDumpInterruptedException;
import io.netlink4j.NetlinkException;
import io.netlink4j.NetlinkOverrunException;
import io.netlink4j.NetlinkTimeoutException;
import io.netlink4j.codec.MessageReader;
import io.netlink4j.codec.Netlink;
import io.netlink4j.internal.ControlMessages;
import io.netlink4j.internal.Errors;

import java.time.Duration;

/**
 * The protocol state of one request or one dump, without a socket: it is fed every message
 * received while the exchange runs (and the conditions the receiver meets: an overrun, the
 * deadline) and decides what happens to each and how the exchange ends.
 *
 * <ul>
 *   <li>A message belongs to the exchange when it carries the request's sequence number and this
 *       socket's port id (or 0, which the kernel uses in some replies); any other message is
 *       {@link Verdict#DISCARD discarded}, as is everything after the exchange completed.</li>
 *   <li>{@code NLMSG_ERROR} completes the exchange (errno 0 is the ACK); so does
 *       {@code NLMSG_DONE} for a dump (a {@code NLMSG_DONE} for a plain request is discarded).
 *       Their errno and extended ACK become the outcome, with the number of replies delivered
 *       before it ({@link io.netlink4j.NetlinkErrnoException#repliesDelivered()}).</li>
 *   <li>Replies are {@link Verdict#DELIVER delivered} until the first failure (a handler that
 *       threw, an errno) or overrun; after that they are {@link Verdict#SKIP skipped}, so the
 *       exchange is still read to its end and the socket stays in sync.</li>
 *   <li>Outcome, first match wins: the first failure (handler or kernel errno), an overrun, the
 *       kernel's NLM_F_DUMP_INTR on any message; else success.</li>
 * </ul>
 *
 * Not thread safe: one receiving thread drives it.
 */
final class ExchangeState implements ProtocolState {
    private final String operation;
    private final int seq;
    private final int portId;
    private final boolean dump;
    private RuntimeException failure;
    private boolean interrupted;
    private boolean overrun;
    private boolean complete;
    private int delivered;

    /**
     * @param operation names the exchange in exceptions
     * @param seq       the request's sequence number
     * @param portId    this socket's port id
     * @param dump      whether the request is a dump (ends with NLMSG_DONE)
     */
    ExchangeState(String operation, int seq, int portId, boolean dump) {
        this.operation = operation;
        this.seq = seq;
        this.portId = portId;
        this.dump = dump;
    }

    /** Decides about the message {@code m} is positioned on. */
    @Override
    public Verdict onMessage(MessageReader m) {
        if (complete || m.seq() != seq || !fromUs(m.pid(), portId)) {
            return Verdict.DISCARD;
        }
        int type = m.type();
        if (type == Netlink.NLMSG_ERROR) {
            ControlMessages.Status st = ControlMessages.decodeError(m.buffer(), m.offset(), m.length());
            if (!st.isSuccess()) {
                fail(Errors.fromKernel(operation, st.error(), st.extendedAck(), delivered));
            }
            complete = true;
            return Verdict.COMPLETE;
        }
        if (type == Netlink.NLMSG_DONE) {
            if (!dump) {
                return Verdict.DISCARD;
            }
            ControlMessages.Status st = ControlMessages.decodeDone(m.buffer(), m.offset(), m.length());
            interrupted |= (m.flags() & Netlink.NLM_F_DUMP_INTR) != 0;
            if (!st.isSuccess()) {
                fail(Errors.fromKernel(operation, st.error(), st.extendedAck(), delivered));
            }
            complete = true;
            return Verdict.COMPLETE;
        }
        if (type < Netlink.NLMSG_MIN_TYPE) {
            return Verdict.SKIP;
        }
        interrupted |= (m.flags() & Netlink.NLM_F_DUMP_INTR) != 0;
        if (failure != null || overrun) {
            return Verdict.SKIP;
        }
        delivered++;
        return Verdict.DELIVER;
    }

    /** The caller's handler or decoder threw on a delivered message: the first failure is kept. */
    @Override
    public void handlerFailed(RuntimeException e) {
        fail(e);
    }

    private void fail(RuntimeException e) {
        if (failure == null) {
            failure = e;
        }
    }

    /** The socket reported ENOBUFS: messages of this exchange may be lost. */
    @Override
    public void overrun() {
        overrun = true;
    }

    /**
     * Whether the receiver should only take what is already queued instead of waiting: after an
     * overrun, a plain request's ACK is either queued or lost. A dump keeps waiting for its
     * NLMSG_DONE.
     */
    @Override
    public boolean receiveNonBlocking() {
        return overrun && !dump;
    }

    /**
     * The deadline passed (or, when {@link #receiveNonBlocking()}, the queue is empty) before the
     * exchange completed. Completes it and returns the exception to throw: an overrun if one was
     * seen (the ACK or DONE was lost), else a timeout.
     */
    NetlinkException timedOut(Duration timeout) {
        complete = true;
        if (overrun) {
            return new NetlinkOverrunException(operation);
        }
        return new NetlinkTimeoutException(operation, "no reply within " + timeout);
    }

    /** Whether a handler or the kernel failed the exchange (it is then only drained to its end). */
    boolean hasFailed() {
        return failure != null;
    }

    /** Whether the exchange ended (ACK, error, DONE or timeout). */
    @Override
    public boolean isComplete() {
        return complete;
    }

    /** Messages delivered so far. */
    int delivered() {
        return delivered;
    }

    /**
     * How a completed exchange ended: null for success, else the exception to throw (the first
     * failure, else an overrun, else NLM_F_DUMP_INTR).
     */
    RuntimeException outcome() {
        if (!complete) {
            throw new IllegalStateException(operation + ": exchange not complete");
        }
        if (failure != null) {
            return failure;
        }
        if (overrun) {
            return new NetlinkOverrunException(operation);
        }
        if (interrupted) {
            return new NetlinkDumpInterruptedException(operation);
        }
        return null;
    }

    /** Whether a message's nlmsg_pid is this socket's port id or 0 (which kernel replies may carry). */
    static boolean fromUs(int pid, int portId) {
        return pid == portId || pid == 0;
    }
}
