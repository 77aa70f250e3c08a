// SPDX-FileCopyrightText: 2026 The netlink4j Authors
// SPDX-License-Identifier: Apache-2.0
package io.netlink4j.codec;

import io.netlink4j.internal.HostOrder;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;

import java.util.Objects;

/**
 * Appends netlink messages and their attributes to a ByteBuf. Reusable: {@link #begin} starts a
 * message at the buffer's writer index, the attribute methods append, {@link #end} fixes the
 * length. Several messages may be written back to back into one buffer (a batch); each starts
 * aligned. Writing allocates nothing beyond the buffer's own growth.
 * Alignment is relative to each message's start.
 *
 * <p>Byte order: methods without a suffix write host order, the {@code Be} methods big-endian
 * (network) order, as the family defines each field. Nests are sent with {@code NLA_F_NESTED}.
 * Not thread safe.
 */
public final class MessageWriter {
    /** Largest attribute payload: nla_len is a u16 that includes the 4-byte header. */
    public static final int MAX_ATTRIBUTE_PAYLOAD = 0xFFFF - NetlinkAttribute.HEADER_SIZE;

    private ByteBuf buf;
    private int start = -1;
    private final int[] nests = new int[NetlinkAttribute.MAX_DEPTH];
    private int depth;

    /**
     * A writer with no message started; {@link #begin} starts one. One writer may write any
     * number of messages, one after the other.
     */
    public MessageWriter() {
    }

    /**
     * Starts a message at the writer index of {@code buf}: writes a header with length 0, which
     * {@link #end()} fills in. An unfinished message is abandoned.
     *
     * @param buf   the buffer to append to; stays the caller's
     * @param type  nlmsg_type, 0-65535
     * @param flags nlmsg_flags, 0-65535
     * @param seq   nlmsg_seq
     * @param pid   nlmsg_pid, the sender's port id
     * @return this writer
     * @throws IllegalArgumentException if {@code type} or {@code flags} is outside 0-65535
     */
    public MessageWriter begin(ByteBuf buf, int type, int flags, int seq, int pid) {
        Objects.requireNonNull(buf, "buf");
        checkU16("message type", type);
        checkU16("message flags", flags);
        this.buf = buf;
        this.depth = 0;
        this.start = buf.writerIndex();
        HostOrder.writeI32(buf, 0);
        HostOrder.writeU16(buf, type);
        HostOrder.writeU16(buf, flags);
        HostOrder.writeI32(buf, seq);
        HostOrder.writeI32(buf, pid);
        return this;
    }

    /**
     * Offset of the current message's header in the buffer.
     *
     * @return the offset
     * @throws IllegalStateException if no message is begun
     */
    public int messageStart() {
        ensureStarted();
        return start;
    }

    /**
     * Finishes the message: sets nlmsg_len and pads the buffer to 4 bytes.
     *
     * @return the message's length (nlmsg_len)
     * @throws IllegalStateException if no message is begun, or a nest is still open
     */
    public int end() {
        ensureStarted();
        if (depth != 0) {
            throw new IllegalStateException(depth + " nested attribute(s) still open");
        }
        int length = buf.writerIndex() - start;
        HostOrder.setI32(buf, start + Netlink.LENGTH_OFFSET, length);
        padTo4();
        start = -1;
        buf = null;
        return length;
    }

    /**
     * Appends one byte of raw payload (a fixed family header such as genlmsghdr, or a struct
     * inside {@link #beginAttribute}), not an attribute.
     *
     * @param value the byte, low 8 bits
     * @return this writer
     * @throws IllegalStateException    if no message is begun
     */
    public MessageWriter rawU8(int value) {
        ensureStarted();
        buf.writeByte(value);
        return this;
    }

    /**
     * Appends a u16 of raw payload in host order.
     *
     * @param value the value, low 16 bits
     * @return this writer
     * @throws IllegalStateException    if no message is begun
     */
    public MessageWriter rawU16(int value) {
        ensureStarted();
        HostOrder.writeU16(buf, value);
        return this;
    }

    /**
     * Appends a u32 of raw payload in host order.
     *
     * @param value the value's 32 bits
     * @return this writer
     * @throws IllegalStateException    if no message is begun
     */
    public MessageWriter rawU32(int value) {
        ensureStarted();
        HostOrder.writeI32(buf, value);
        return this;
    }

    /**
     * Appends raw payload bytes.
     *
     * @param value the bytes
     * @return this writer
     * @throws IllegalStateException    if no message is begun
     */
    public MessageWriter rawBytes(byte[] value) {
        ensureStarted();
        buf.writeBytes(value);
        return this;
    }

    /**
     * A u8 attribute (NLA_U8), padded to 4 bytes.
     *
     * @param type  the attribute type, 0-16383
     * @param value the value, low 8 bits
     * @return this writer
     * @throws IllegalStateException    if no message is begun
     * @throws IllegalArgumentException if {@code type} is outside 0-16383
     */
    public MessageWriter u8(int type, int value) {
        header(type, 1);
        buf.writeByte(value);
        return pad();
    }

    /**
     * A u16 attribute (NLA_U16) in host order.
     *
     * @param type  the attribute type, 0-16383
     * @param value the value, low 16 bits
     * @return this writer
     * @throws IllegalStateException    if no message is begun
     * @throws IllegalArgumentException if {@code type} is outside 0-16383
     */
    public MessageWriter u16(int type, int value) {
        header(type, 2);
        HostOrder.writeU16(buf, value);
        return pad();
    }

    /**
     * A u16 attribute in network byte order (ports, for example).
     *
     * @param type  the attribute type, 0-16383
     * @param value the value, low 16 bits
     * @return this writer
     * @throws IllegalStateException    if no message is begun
     * @throws IllegalArgumentException if {@code type} is outside 0-16383
     */
    public MessageWriter u16Be(int type, int value) {
        header(type, 2);
        buf.writeShort(value);
        return pad();
    }

    /**
     * A u32 attribute (NLA_U32) in host order.
     *
     * @param type  the attribute type, 0-16383
     * @param value the value's 32 bits
     * @return this writer
     * @throws IllegalStateException    if no message is begun
     * @throws IllegalArgumentException if {@code type} is outside 0-16383
     */
    public MessageWriter u32(int type, int value) {
        header(type, 4);
        HostOrder.writeI32(buf, value);
        return this;
    }

    /**
     * A u32 attribute in network byte order (IPv4 addresses, for example).
     *
     * @param type  the attribute type, 0-16383
     * @param value the value's 32 bits
     * @return this writer
     * @throws IllegalStateException    if no message is begun
     * @throws IllegalArgumentException if {@code type} is outside 0-16383
     */
    public MessageWriter u32Be(int type, int value) {
        header(type, 4);
        buf.writeInt(value);
        return this;
    }

    /**
     * A u64 attribute (NLA_U64) in host order.
     *
     * @param type  the attribute type, 0-16383
     * @param value the value's 64 bits
     * @return this writer
     * @throws IllegalStateException    if no message is begun
     * @throws IllegalArgumentException if {@code type} is outside 0-16383
     */
    public MessageWriter u64(int type, long value) {
        header(type, 8);
        HostOrder.writeI64(buf, value);
        return this;
    }

    /**
     * A u64 attribute in network byte order.
     *
     * @param type  the attribute type, 0-16383
     * @param value the value's 64 bits
     * @return this writer
     * @throws IllegalStateException    if no message is begun
     * @throws IllegalArgumentException if {@code type} is outside 0-16383
     */
    public MessageWriter u64Be(int type, long value) {
        header(type, 8);
        buf.writeLong(value);
        return this;
    }

    /**
     * A zero-length attribute (NLA_FLAG).
     *
     * @param type the attribute type, 0-16383
     * @return this writer
     * @throws IllegalStateException    if no message is begun
     * @throws IllegalArgumentException if {@code type} is outside 0-16383
     */
    public MessageWriter flag(int type) {
        header(type, 0);
        return this;
    }

    /**
     * A NUL-terminated UTF-8 string attribute (NLA_NUL_STRING).
     *
     * @param type  the attribute type, 0-16383
     * @param value the string, without NUL
     * @return this writer
     * @throws IllegalStateException    if no message is begun
     * @throws IllegalArgumentException if {@code type} is outside 0-16383, or the string is
     *                                  longer than {@link #MAX_ATTRIBUTE_PAYLOAD} - 1 bytes
     */
    public MessageWriter string(int type, CharSequence value) {
        Objects.requireNonNull(value, "value");
        int length = ByteBufUtil.utf8Bytes(value);
        if (length + 1 > MAX_ATTRIBUTE_PAYLOAD) {
            throw new IllegalArgumentException("string attribute " + type + ": " + length
                    + " bytes (expected: at most " + (MAX_ATTRIBUTE_PAYLOAD - 1) + ")");
        }
        header(type, length + 1);
        ByteBufUtil.writeUtf8(buf, value);
        buf.writeByte(0);
        return pad();
    }

    /**
     * A binary attribute (NLA_BINARY), padded to 4 bytes.
     *
     * @param type  the attribute type, 0-16383
     * @param value the payload
     * @return this writer
     * @throws IllegalStateException    if no message is begun
     * @throws IllegalArgumentException if {@code type} is outside 0-16383, or the payload is
     *                                  longer than {@link #MAX_ATTRIBUTE_PAYLOAD}
     */
    public MessageWriter bytes(int type, byte[] value) {
        return bytes(type, value, 0, value.length);
    }

    /**
     * A binary attribute (NLA_BINARY) of {@code value[offset, offset + length)}, padded to 4 bytes.
     *
     * @param type   the attribute type, 0-16383
     * @param value  the bytes
     * @param offset the first byte of the payload
     * @param length the payload's length
     * @return this writer
     * @throws IllegalStateException    if no message is begun
     * @throws IllegalArgumentException  if {@code type} is outside 0-16383, or the payload is
     *                                   longer than {@link #MAX_ATTRIBUTE_PAYLOAD}
     * @throws IndexOutOfBoundsException if the range is not inside {@code value}
     */
    public MessageWriter bytes(int type, byte[] value, int offset, int length) {
        Objects.checkFromIndexSize(offset, length, value.length);
        header(type, length);
        buf.writeBytes(value, offset, length);
        return pad();
    }

    /**
     * Opens a nest (NLA_F_NESTED set); close it with {@link #endNested()}.
     *
     * @param type the attribute type, 0-16383
     * @return this writer
     * @throws IllegalStateException    if no message is begun, or {@link NetlinkAttribute#MAX_DEPTH}
     *                                  nests are open
     * @throws IllegalArgumentException if {@code type} is outside 0-16383
     */
    public MessageWriter beginNested(int type) {
        ensureStarted();
        if (depth == NetlinkAttribute.MAX_DEPTH) {
            throw new IllegalStateException("nesting deeper than " + NetlinkAttribute.MAX_DEPTH);
        }
        checkType(type);
        padTo4();
        nests[depth++] = buf.writerIndex();
        HostOrder.writeU16(buf, 0);
        HostOrder.writeU16(buf, type | NetlinkAttribute.F_NESTED);
        return this;
    }

    /**
     * Opens an attribute whose payload the caller writes with the {@code raw*} methods (a fixed
     * C struct such as {@code struct ip_vs_flags}); no NLA_F_NESTED. Close it with
     * {@link #endAttribute()}.
     *
     * @param type the attribute type, 0-16383
     * @return this writer
     * @throws IllegalStateException    if no message is begun, or {@link NetlinkAttribute#MAX_DEPTH}
     *                                  nests are open
     * @throws IllegalArgumentException if {@code type} is outside 0-16383
     */
    public MessageWriter beginAttribute(int type) {
        ensureStarted();
        if (depth == NetlinkAttribute.MAX_DEPTH) {
            throw new IllegalStateException("nesting deeper than " + NetlinkAttribute.MAX_DEPTH);
        }
        checkType(type);
        padTo4();
        nests[depth++] = buf.writerIndex();
        HostOrder.writeU16(buf, 0);
        HostOrder.writeU16(buf, type);
        return this;
    }

    /**
     * Closes the attribute opened by {@link #beginAttribute}, padding it to 4 bytes.
     *
     * @return this writer
     * @throws IllegalStateException    if no attribute is open
     * @throws IllegalArgumentException if the attribute is longer than 65535 bytes
     */
    public MessageWriter endAttribute() {
        if (depth == 0) {
            throw new IllegalStateException("no attribute is open");
        }
        int at = nests[depth - 1];
        endNested();
        int used = buf.writerIndex() - at;
        int pad = Netlink.align(used) - used;
        if (pad > 0) {
            buf.writeZero(pad);
        }
        return this;
    }

    /**
     * Closes the innermost open nest and sets its length.
     *
     * @return this writer
     * @throws IllegalStateException    if no nest is open
     * @throws IllegalArgumentException if the nest is longer than 65535 bytes
     */
    public MessageWriter endNested() {
        if (depth == 0) {
            throw new IllegalStateException("no nested attribute is open");
        }
        int at = nests[--depth];
        int length = buf.writerIndex() - at;
        if (length > 0xFFFF) {
            throw new IllegalArgumentException("nested attribute of " + length + " bytes (expected: at most 65535)");
        }
        HostOrder.setU16(buf, at, length);
        return this;
    }

    private void header(int type, int payloadLength) {
        ensureStarted();
        checkType(type);
        if (payloadLength > MAX_ATTRIBUTE_PAYLOAD) {
            throw new IllegalArgumentException("attribute " + type + ": payload of " + payloadLength
                    + " bytes (expected: at most " + MAX_ATTRIBUTE_PAYLOAD + ")");
        }
        // Attributes start aligned even after a fixed header of odd size, where the kernel reads them.
        padTo4();
        HostOrder.writeU16(buf, NetlinkAttribute.HEADER_SIZE + payloadLength);
        HostOrder.writeU16(buf, type);
    }

    private MessageWriter pad() {
        padTo4();
        return this;
    }

    /** Pads to 4 bytes relative to the message start, so a batch's messages all stay aligned. */
    private void padTo4() {
        int used = buf.writerIndex() - start;
        int pad = Netlink.align(used) - used;
        if (pad > 0) {
            buf.writeZero(pad);
        }
    }

    private void ensureStarted() {
        if (start < 0 || buf == null) {
            throw new IllegalStateException("no message started: call begin() first");
        }
    }

    private static void checkType(int type) {
        if (type < 0 || type > NetlinkAttribute.TYPE_MASK) {
            throw new IllegalArgumentException("attribute type: " + type + " (expected: 0-" + NetlinkAttribute.TYPE_MASK + ")");
        }
    }

    private static void checkU16(String what, int value) {
        if (value < 0 || value > 0xFFFF) {
            throw new IllegalArgumentException(what + ": " + value + " (expected: 0-65535)");
        }
    }
}
