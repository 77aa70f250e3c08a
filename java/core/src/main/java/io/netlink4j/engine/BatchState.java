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
 * requests with consecutive sequence numbers, each of which completes once.
 *
 * <p>What the kernel answers: every netlink family's receive path ({@code netlink_rcv_skb} in
 * net/netlink/af_netlink.c, which rtnetlink and generic netlink use) handles the messages of one
 * datagram in order, one after the other, and answers a message with an {@code NLMSG_ERROR} when
 * it carries NLM_F_ACK (errno 0: the ACK) <em>or</em> its handler failed (with the errno and the
 * extended ACK); a failure does not stop the messages after it. All of it happens inside the
 * sender's sendmsg, and the answers are queued to the socket in that order. So there are two
 * modes:
 *
 * <ul>
 *   <li><b>ACK on the last request</b> (the default): only the window's last request carries
 *       NLM_F_ACK. An error for an earlier request completes that request; the last request's
 *       answer (ACK or error) completes the window, and every earlier request without an error
 *       succeeded. One ACK per datagram instead of one per request.</li>
 *   <li><b>ACK on every request</b> ({@code ackEveryRequest}): every request completes with its
 *       own answer; answers may come in any order.</li>
 * </ul>
 *
 * <p>In both modes a second answer for a request, and anything outside the window or for another
 * port id, is {@link Verdict#DISCARD discarded}. Other replies inside the window are
 * {@link Verdict#DELIVER delivered} until their request has its outcome or a handler fails.
 *
 * <p>Unknown outcomes: when the deadline passes (or, after an overrun, the queue is empty) before
 * the window is complete, every request without an answer gets {@link NetlinkOverrunException}
 * when an overrun was seen, else {@link NetlinkTimeoutException}. After an overrun, the last
 * request's ACK no longer stands for the earlier requests (the error of one of them may be the
 * answer that was lost): each earlier request without an answer of its own gets
 * {@link NetlinkOverrunException}.
 *
 * <p>Not thread safe: one receiving thread drives it.
 */
final class BatchState implements ProtocolState {
    private final int firstSeq;
    private final int portId;
    private final IntFunction<String> operations;
    private final boolean ackEveryRequest;
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
     * @param ackEveryRequest whether every request carries NLM_F_ACK, not only the last one
     */
    BatchState(int firstSeq, int count, int portId, IntFunction<String> operations, boolean ackEveryRequest) {
        if (count < 1) {
            throw new IllegalArgumentException("count: " + count + " (expected: >= 1)");
        }
        this.firstSeq = firstSeq;
        this.portId = portId;
        this.operations = operations;
        this.ackEveryRequest = ackEveryRequest;
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
            if (!ackEveryRequest && k == acked.length - 1) {
                settleBeforeLast();
            }
            return pending == 0 ? Verdict.COMPLETE : Verdict.SKIP;
        }
        if (type < Netlink.NLMSG_MIN_TYPE || acked[k] || timedOut || handlerFailure != null) {
            return Verdict.SKIP;
        }
        return Verdict.DELIVER;
    }

    /**
     * The last request was answered, so the kernel has handled every request of the datagram:
     * those without an error succeeded, unless an answer may have been lost to an overrun.
     */
    private void settleBeforeLast() {
        for (int k = 0; k < acked.length - 1; k++) {
            if (!acked[k]) {
                if (overrun) {
                    outcomes[k] = new NetlinkOverrunException(operations.apply(k),
                            "answer may have been lost to a receive buffer overrun, outcome unknown");
                }
                acked[k] = true;
                pending--;
            }
        }
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
                        ? new NetlinkOverrunException(op, "answer lost to a receive buffer overrun, outcome unknown")
                        : new NetlinkTimeoutException(op, "no answer within " + timeout + ", outcome unknown");
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

    /**
     * Whether request {@code k} of the window has an answer: its own (with or without an errno),
     * or, for an earlier request when only the last one asks for an ACK, the last one's.
     */
    boolean isAcknowledged(int k) {
        return acked[k];
    }

    /** The outcome of request {@code k}: null for success, else why it failed or why its outcome is unknown. */
    NetlinkException outcome(int k) {
        return outcomes[k];
    }
}
