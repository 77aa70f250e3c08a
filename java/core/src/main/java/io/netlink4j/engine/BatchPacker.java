// SPDX-FileCopyrightText: 2026 The netlink4j Authors
// SPDX-License-Identifier: Apache-2.0
package io.netlink4j.engine;

import io.netlink4j.NetlinkException;
import io.netlink4j.codec.MessageWriter;
import io.netlink4j.codec.Netlink;
import io.netlink4j.internal.HostOrder;
import io.netty.buffer.ByteBuf;

import java.util.List;

/**
 * Packs the requests of a batch into datagrams: each datagram holds at most as many requests as
 * the socket's receive buffer can hold answers for ({@link NetlinkConnection#ACK_BUDGET_BYTES}
 * per answer: the worst case, in which every request is refused with an error and an extended
 * ACK, whichever requests ask for an ACK) and fits the send buffer (and
 * {@link NetlinkConnection#MAX_BATCH_DATAGRAM}). A request whose body fails to encode is not
 * sent; it fails on its own, the others go on.
 *
 * <p>Every request carries NLM_F_REQUEST. NLM_F_ACK goes on the last request of each datagram
 * only, or on every request when the packer was made with {@code ackEveryRequest} (see
 * {@link BatchState} for what the kernel answers in each case).
 */
final class BatchPacker {
    private final int maxCount;
    private final int maxBytes;
    private final boolean ackEveryRequest;
    private final MessageWriter writer = new MessageWriter();
    private NetlinkException encodingFailure;

    /**
     * @param socketReceiveBufferSize SO_RCVBUF as the kernel reports it
     * @param socketSendBufferSize    SO_SNDBUF as the kernel reports it
     * @param ackEveryRequest         NLM_F_ACK on every request, not only on each datagram's last
     */
    BatchPacker(int socketReceiveBufferSize, int socketSendBufferSize, boolean ackEveryRequest) {
        this.ackEveryRequest = ackEveryRequest;
        this.maxCount = Math.max(1, socketReceiveBufferSize / NetlinkConnection.ACK_BUDGET_BYTES);
        this.maxBytes = Math.max(4096, Math.min(NetlinkConnection.MAX_BATCH_DATAGRAM, socketSendBufferSize - 64));
    }

    /** Most requests in one datagram. */
    int maxCount() {
        return maxCount;
    }

    /** Whether every request carries NLM_F_ACK (else only each datagram's last). */
    boolean ackEveryRequest() {
        return ackEveryRequest;
    }

    /**
     * Writes requests {@code from, from+1, ...} into {@code tx} (cleared first) with sequence
     * numbers {@code firstSeq, firstSeq+1, ...} and NLM_F_REQUEST, as many as fit, with NLM_F_ACK
     * on the last one written (or on all of them).
     * A request that fails to encode ends the datagram before it; when it is the first one, 0 is
     * returned and {@link #encodingFailure()} says why.
     *
     * @return how many requests were written
     */
    int pack(ByteBuf tx, List<Request> requests, int from, int firstSeq, int portId) {
        tx.clear();
        encodingFailure = null;
        int ack = ackEveryRequest ? Netlink.NLM_F_ACK : 0;
        int count = 0;
        int last = -1;
        while (from + count < requests.size() && count < maxCount) {
            Request r = requests.get(from + count);
            int mark = tx.writerIndex();
            try {
                writer.begin(tx, r.type(), r.flags() | Netlink.NLM_F_REQUEST | ack, firstSeq + count, portId);
                r.body().write(writer);
                writer.end();
            } catch (RuntimeException e) {
                tx.writerIndex(mark);
                if (count == 0) {
                    encodingFailure = e instanceof NetlinkException ne ? ne : new NetlinkException(r.operation() + ": " + e.getMessage(), e);
                }
                return ackLast(tx, last, count);
            }
            if (tx.writerIndex() > maxBytes && count > 0) {
                tx.writerIndex(mark);
                return ackLast(tx, last, count);
            }
            last = mark;
            count++;
        }
        return ackLast(tx, last, count);
    }

    /** Adds NLM_F_ACK to the flags of the message written at {@code offset} (none if negative). */
    private static int ackLast(ByteBuf tx, int offset, int count) {
        if (offset >= 0) {
            int at = offset + Netlink.FLAGS_OFFSET;
            HostOrder.setU16(tx, at, HostOrder.getU16(tx, at) | Netlink.NLM_F_ACK);
        }
        return count;
    }

    /** Why the request at {@code from} of the last {@link #pack} returning 0 could not be encoded. */
    NetlinkException encodingFailure() {
        return encodingFailure;
    }
}
