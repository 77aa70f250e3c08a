// SPDX-FileCopyrightText: 2026 The netlink4j Authors
// SPDX-License-Identifier: Apache-2.0
package io.netlink4j.codec;

import io.netlink4j.NetlinkDecodeException;
import io.netty.buffer.ByteBuf;

import java.util.Objects;

/**
 * A cursor over the netlink messages of one datagram in {@code buf[start, end)}. Steps by
 * NLMSG_ALIGN(nlmsg_len); the last message may lack its padding. A header shorter than 16 bytes,
 * or an nlmsg_len below 16 or beyond the datagram, throws {@link NetlinkDecodeException}.
 * Nothing is copied. Not thread safe.
 */
public final class MessageReader {
    private ByteBuf buf;
    private int position;
    private int end;
    private int msg = -1;
    private int msgLength;

    /**
     * A reader positioned nowhere, to be reused with {@link #reset}, so that reading datagrams in
     * a loop allocates no readers. {@link #of} makes a positioned one.
     */
    public MessageReader() {
    }

    /**
     * A reader over the messages in {@code buf[start, end)}.
     *
     * @param buf   the buffer holding the datagram
     * @param start offset of the first message
     * @param end   offset just past the datagram
     * @return the reader, before the first message
     * @throws NetlinkDecodeException if the region is not inside the buffer
     */
    public static MessageReader of(ByteBuf buf, int start, int end) {
        return new MessageReader().reset(buf, start, end);
    }

    /**
     * Repositions this reader over the messages in {@code buf[start, end)}.
     *
     * @param buf   the buffer holding the datagram
     * @param start offset of the first message
     * @param end   offset just past the datagram
     * @return this reader, before the first message
     * @throws NetlinkDecodeException if the region is not inside the buffer
     */
    public MessageReader reset(ByteBuf buf, int start, int end) {
        Objects.requireNonNull(buf, "buf");
        if (start < 0 || end < start || end > buf.capacity()) {
            throw new NetlinkDecodeException("datagram region [" + start + ", " + end + ") outside buffer of "
                    + buf.capacity() + " bytes");
        }
        this.buf = buf;
        this.position = start;
        this.end = end;
        this.msg = -1;
        return this;
    }

    /** Moves to the next message; false at the end of the datagram. */
    public boolean next() {
        if (msg >= 0) {
            position = Math.min(msg + Netlink.align(msgLength), end);
        }
        int remaining = end - position;
        if (remaining == 0) {
            msg = -1;
            return false;
        }
        if (remaining < Netlink.HEADER_SIZE) {
            throw new NetlinkDecodeException("truncated message header: " + remaining + " bytes at offset " + position
                    + " (expected: at least 16)");
        }
        int length = Netlink.length(buf, position);
        if (length < Netlink.HEADER_SIZE || length > remaining) {
            throw new NetlinkDecodeException("nlmsg_len " + Integer.toUnsignedString(length) + " at offset " + position
                    + " (expected: 16-" + remaining + ")");
        }
        msg = position;
        msgLength = length;
        return true;
    }

    private void ensureCurrent() {
        if (msg < 0) {
            throw new IllegalStateException("no current message: call next() first");
        }
    }

    /**
     * The buffer the messages are in, to read a message's fields in place at
     * {@link #payloadOffset()}. Valid only during the callback that was handed this reader (or
     * until the next {@link #reset}): do not retain or release it; copy out what you need.
     *
     * @return the buffer, owned by whoever positioned this reader
     */
    public ByteBuf buffer() {
        return buf;
    }

    /** Offset of the current message's header. */
    public int offset() {
        ensureCurrent();
        return msg;
    }

    /** nlmsg_len of the current message. */
    public int length() {
        ensureCurrent();
        return msgLength;
    }

    public int type() {
        ensureCurrent();
        return Netlink.type(buf, msg);
    }

    public int flags() {
        ensureCurrent();
        return Netlink.flags(buf, msg);
    }

    public int seq() {
        ensureCurrent();
        return Netlink.seq(buf, msg);
    }

    public int pid() {
        ensureCurrent();
        return Netlink.pid(buf, msg);
    }

    /** Offset of the payload (right after the 16-byte header). */
    public int payloadOffset() {
        ensureCurrent();
        return msg + Netlink.HEADER_SIZE;
    }

    public int payloadLength() {
        ensureCurrent();
        return msgLength - Netlink.HEADER_SIZE;
    }

    /** Offset just past the current message's payload. */
    public int payloadEnd() {
        ensureCurrent();
        return msg + msgLength;
    }
}
