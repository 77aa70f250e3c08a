// SPDX-FileCopyrightText: 2026 The netlink4j Authors
// SPDX-License-Identifier: Apache-2.0
package io.netlink4j.engine;

import io.netlink4j.NetlinkException;
import io.netlink4j.NetlinkOverrunException;
import io.netlink4j.NetlinkTimeoutException;
import io.netlink4j.codec.MessageReader;
import io.netlink4j.codec.Netlink;
import io.netlink4j.internal.ControlMessages;
import io.netlink4j.internal.Errors;

import java.time.Duration;
import java.util.function.IntFunction;

/**
 * The protocol state of one datagram of a batch, without a socket: a window of {@code count}
 * requests with consecutive sequence numbers, each of which completes once, with its own
 * {@code NLMSG_ERROR} (errno 0: the ACK). ACKs may come in any order; a second ACK for a request
 * and anything outside the window or for another port id is {@link Verdict#DISCARD discarded}.
 * Other replies inside the window are {@link Verdict#DELIVER delivered} until a handler fails.
 * When the deadline passes (or, after an overrun, the queue is empty) every request still without
 * an ACK gets an unknown outcome: {@link NetlinkOverrunException} when an overrun was seen,
 * else {@link NetlinkTimeoutException}.
 *
 * <p>Not thread safe: one receiving thread drives it.
 */
final class BatchState implements ProtocolState {
    private final int firstSeq;
    private final int portId;
    private final IntFunction<String> operations;
    private final boolean[] acked;
    private final NetlinkException[] outcomes;
    private int pending;
    private boolean overrun;
    private boolean timedOut;
    private RuntimeException handlerFailure;

    /**
     * @param firstSeq   the sequence number of the window's first request
     * @param count      requests in the window (at least 1)
     * @param portId     this socket's port id
     * @param operations the operation name of request {@code k} of the window, for exceptions
     */
    BatchState(int firstSeq, int count, int portId, IntFunction<String> operations) {
        if (count < 1) {
            throw new IllegalArgumentException("count: " + count + " (expected: >= 1)");
        }
        this.firstSeq = firstSeq;
        this.portId = portId;
        this.operations = operations;
        this.acked = new boolean[count];
        this.outcomes = new NetlinkException[count];
        this.pending = count;
    }

    /** Decides about the message {@code m} is positioned on. */
    @Override
    public Verdict onMessage(MessageReader m) {
        int k = m.seq() - firstSeq;
        if (k < 0 || k >= acked.length || !ExchangeState.fromUs(m.pid(), portId)) {
            return Verdict.DISCARD;
        }
        int type = m.type();
        if (type == Netlink.NLMSG_ERROR) {
            if (acked[k] || timedOut) {
                return Verdict.DISCARD;
            }
            ControlMessages.Status st = ControlMessages.decodeError(m.buffer(), m.offset(), m.length());
            acked[k] = true;
            pending--;
            if (!st.isSuccess()) {
                outcomes[k] = Errors.fromKernel(operations.apply(k), st.error(), st.extendedAck());
            }
            return pending == 0 ? Verdict.COMPLETE : Verdict.SKIP;
        }
        if (type < Netlink.NLMSG_MIN_TYPE || acked[k] || timedOut || handlerFailure != null) {
            return Verdict.SKIP;
        }
        return Verdict.DELIVER;
    }

    /** The socket reported ENOBUFS: ACKs may be lost. */
    @Override
    public void overrun() {
        overrun = true;
    }

    /** After an overrun, the ACKs still missing are either queued or lost: do not wait for more. */
    @Override
    public boolean receiveNonBlocking() {
        return overrun;
    }

    /** The caller's handler threw on a delivered reply: later replies are skipped, the first failure kept. */
    @Override
    public void handlerFailed(RuntimeException e) {
        if (handlerFailure == null) {
            handlerFailure = e;
        }
    }

    /** The first failure of the caller's handler, or null. */
    RuntimeException handlerFailure() {
        return handlerFailure;
    }

    /** The deadline passed: every request without an ACK gets an unknown outcome. */
    void timedOut(Duration timeout) {
        if (pending == 0) {
            return;
        }
        timedOut = true;
        for (int k = 0; k < acked.length; k++) {
            if (!acked[k]) {
                String op = operations.apply(k);
                outcomes[k] = overrun
                        ? new NetlinkOverrunException(op, "ACK lost to a receive buffer overrun, outcome unknown")
                        : new NetlinkTimeoutException(op, "no ACK within " + timeout + ", outcome unknown");
            }
        }
        pending = 0;
    }

    /** Whether every request has its outcome. */
    @Override
    public boolean isComplete() {
        return pending == 0;
    }

    /** Requests of the window, acknowledged or not. */
    int size() {
        return acked.length;
    }

    /** Whether request {@code k} of the window was acknowledged (with or without an errno). */
    boolean isAcknowledged(int k) {
        return acked[k];
    }

    /** The outcome of request {@code k}: null for success, else why it failed or why its outcome is unknown. */
    NetlinkException outcome(int k) {
        return outcomes[k];
    }
}
