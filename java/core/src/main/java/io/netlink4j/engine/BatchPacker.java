// SPDX-FileCopyrightText: 2026 The netlink4j Authors
// SPDX-License-Identifier: Apache-2.0
package io.netlink4j.engine;

import io.netlink4j.NetlinkException;
import io.netlink4j.codec.MessageWriter;
import io.netlink4j.codec.Netlink;
import io.netty.buffer.ByteBuf;

import java.util.List;

/**
 * Packs the requests of a batch into datagrams: each datagram holds at most as many requests as
 * the socket's receive buffer can hold ACKs for ({@link NetlinkConnection#ACK_BUDGET_BYTES} per
 * ACK) and fits the send buffer (and {@link NetlinkConnection#MAX_BATCH_DATAGRAM}). A request
 * whose body fails to encode is not sent; it fails on its own, the others go on.
 */
final class BatchPacker {
    private final int maxCount;
    private final int maxBytes;
    private final MessageWriter writer = new MessageWriter();
    private NetlinkException encodingFailure;

    /**
     * @param socketReceiveBufferSize SO_RCVBUF as the kernel reports it
     * @param socketSendBufferSize    SO_SNDBUF as the kernel reports it
     */
    BatchPacker(int socketReceiveBufferSize, int socketSendBufferSize) {
        this.maxCount = Math.max(1, socketReceiveBufferSize / NetlinkConnection.ACK_BUDGET_BYTES);
        this.maxBytes = Math.max(4096, Math.min(NetlinkConnection.MAX_BATCH_DATAGRAM, socketSendBufferSize - 64));
    }

    /** Most requests in one datagram. */
    int maxCount() {
        return maxCount;
    }

    /**
     * Writes requests {@code from, from+1, ...} into {@code tx} (cleared first) with sequence
     * numbers {@code firstSeq, firstSeq+1, ...}, NLM_F_REQUEST and NLM_F_ACK, as many as fit.
     * A request that fails to encode ends the datagram before it; when it is the first one, 0 is
     * returned and {@link #encodingFailure()} says why.
     *
     * @return how many requests were written
     */
    int pack(ByteBuf tx, List<Request> requests, int from, int firstSeq, int portId) {
        tx.clear();
        encodingFailure = null;
        int count = 0;
        while (from + count < requests.size() && count < maxCount) {
            Request r = requests.get(from + count);
            int mark = tx.writerIndex();
            try {
                writer.begin(tx, r.type(), r.flags() | Netlink.NLM_F_REQUEST | Netlink.NLM_F_ACK, firstSeq + count, portId);
                r.body().write(writer);
                writer.end();
            } catch (RuntimeException e) {
                tx.writerIndex(mark);
                if (count == 0) {
                    encodingFailure = e instanceof NetlinkException ne ? ne : new NetlinkException(r.operation() + ": " + e.getMessage(), e);
                }
                return count;
            }
            if (tx.writerIndex() > maxBytes && count > 0) {
                tx.writerIndex(mark);
                return count;
            }
            count++;
        }
        return count;
    }

    /** Why the request at {@code from} of the last {@link #pack} returning 0 could not be encoded. */
    NetlinkException encodingFailure() {
        return encodingFailure;
    }
}
