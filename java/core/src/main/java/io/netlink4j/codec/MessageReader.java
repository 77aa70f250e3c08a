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

    /**
     * Moves to the next message.
     *
     * @return false at the end of the datagram
     * @throws NetlinkDecodeException if the next message's header or length is invalid
     */
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

    /**
     * Offset of the current message's header in the buffer.
     *
     * @return the offset
     * @throws IllegalStateException if there is no current message ({@link #next()} first)
     */
    public int offset() {
        ensureCurrent();
        return msg;
    }

    /**
     * nlmsg_len of the current message.
     *
     * @return the length, header included, padding excluded
     * @throws IllegalStateException if there is no current message ({@link #next()} first)
     */
    public int length() {
        ensureCurrent();
        return msgLength;
    }

    /**
     * nlmsg_type of the current message.
     *
     * @return the type, 0-65535
     * @throws IllegalStateException if there is no current message ({@link #next()} first)
     */
    public int type() {
        ensureCurrent();
        return Netlink.type(buf, msg);
    }

    /**
     * nlmsg_flags of the current message.
     *
     * @return the flags, 0-65535
     * @throws IllegalStateException if there is no current message ({@link #next()} first)
     */
    public int flags() {
        ensureCurrent();
        return Netlink.flags(buf, msg);
    }

    /**
     * nlmsg_seq of the current message.
     *
     * @return the sequence number (an unsigned 32-bit value)
     * @throws IllegalStateException if there is no current message ({@link #next()} first)
     */
    public int seq() {
        ensureCurrent();
        return Netlink.seq(buf, msg);
    }

    /**
     * nlmsg_pid of the current message.
     *
     * @return the port id (an unsigned 32-bit value)
     * @throws IllegalStateException if there is no current message ({@link #next()} first)
     */
    public int pid() {
        ensureCurrent();
        return Netlink.pid(buf, msg);
    }

    /**
     * Offset of the current message's payload (right after the 16-byte header).
     *
     * @return the offset
     * @throws IllegalStateException if there is no current message ({@link #next()} first)
     */
    public int payloadOffset() {
        ensureCurrent();
        return msg + Netlink.HEADER_SIZE;
    }

    /**
     * Length of the current message's payload (nlmsg_len minus the header).
     *
     * @return the length in bytes
     * @throws IllegalStateException if there is no current message ({@link #next()} first)
     */
    public int payloadLength() {
        ensureCurrent();
        return msgLength - Netlink.HEADER_SIZE;
    }

    /**
     * Offset just past the current message's payload.
     *
     * @return the offset
     * @throws IllegalStateException if there is no current message ({@link #next()} first)
     */
    public int payloadEnd() {
        ensureCurrent();
        return msg + msgLength;
    }
}
