// SPDX-FileCopyrightText: 2026 The netlink4j Authors
// SPDX-License-Identifier: Apache-2.0
package io.netlink4j.codec;

import io.netlink4j.internal.HostOrder;
import io.netlink4j.NetlinkDecodeException;
import io.netty.buffer.ByteBuf;

import java.nio.charset.StandardCharsets;
import java.util.Objects;

/**
 * A cursor over a sequence of netlink attributes in a region of a ByteBuf. Nothing is copied: the
 * accessors read the current attribute in place. Every length is checked against the region, each
 * typed accessor checks the payload size for its type, nesting depth is capped at
 * {@link NetlinkAttribute#MAX_DEPTH}, and any violation throws {@link NetlinkDecodeException} naming what was
 * expected and what was found.
 *
 * <pre>{@code
 * AttributeReader attrs = AttributeReader.of(buf, offset, end);
 * while (attrs.next()) {
 *     switch (attrs.type()) {
 *         case 1 -> name = attrs.string();
 *         case 2 -> readChildren(attrs.nested());
 *         default -> { } // unknown attributes are skipped
 *     }
 * }
 * }</pre>
 *
 * <p>The cursor is only valid while the buffer is; decoded values must be copied out (the typed
 * accessors do). Not thread safe.
 */
public final class AttributeReader {

    private ByteBuf buf;
    private int position;
    private int end;
    private int depth;
    private int attr = -1;
    private int attrLength;
    private int rawType;

    /**
     * A reader positioned nowhere, to be reused: {@link #reset}, {@link #nested(AttributeReader)}
     * or {@code Genl.attributes(msg, headerSize, into)} position it, so that decoding in a loop
     * allocates no readers. {@link #of} makes a positioned one.
     */
    public AttributeReader() {
    }

    /**
     * A reader over {@code buf[start, end)}, at the top level.
     *
     * @param buf   the buffer holding the attributes
     * @param start offset of the first attribute
     * @param end   offset just past the last attribute
     * @return the reader, before the first attribute
     * @throws NetlinkDecodeException if the region is not inside the buffer
     */
    public static AttributeReader of(ByteBuf buf, int start, int end) {
        return new AttributeReader().reset(buf, start, end, 0);
    }

    /**
     * Repositions this reader over {@code buf[start, end)} at nesting depth {@code depth}.
     *
     * @param buf   the buffer holding the attributes
     * @param start offset of the first attribute
     * @param end   offset just past the last attribute
     * @param depth the nesting depth of the region, 0 at the top level
     * @return this reader, before the first attribute
     * @throws NetlinkDecodeException   if the region is not inside the buffer, or {@code depth} is
     *                                  above {@link NetlinkAttribute#MAX_DEPTH}
     * @throws IllegalArgumentException if {@code depth} is negative
     */
    public AttributeReader reset(ByteBuf buf, int start, int end, int depth) {
        Objects.requireNonNull(buf, "buf");
        if (depth < 0) {
            throw new IllegalArgumentException("depth: " + depth + " (expected: 0-" + NetlinkAttribute.MAX_DEPTH + ")");
        }
        if (start < 0 || end < start || end > buf.capacity()) {
            throw new NetlinkDecodeException("attribute region [" + start + ", " + end + ") outside buffer of "
                    + buf.capacity() + " bytes");
        }
        if (depth > NetlinkAttribute.MAX_DEPTH) {
            throw new NetlinkDecodeException("attributes nested " + depth + " deep (expected: at most " + NetlinkAttribute.MAX_DEPTH + ")");
        }
        this.buf = buf;
        this.position = start;
        this.end = end;
        this.depth = depth;
        this.attr = -1;
        return this;
    }

    /**
     * Moves to the next attribute.
     *
     * @return false at the end of the region
     * @throws NetlinkDecodeException if the next attribute's header or length is invalid
     */
    public boolean next() {
        if (attr >= 0) {
            position = Math.min(attr + Netlink.align(attrLength), end);
        }
        int remaining = end - position;
        if (remaining == 0) {
            attr = -1;
            return false;
        }
        if (remaining < NetlinkAttribute.HEADER_SIZE) {
            throw new NetlinkDecodeException("truncated attribute header: " + remaining + " bytes at offset " + position
                    + " (expected: at least 4)");
        }
        int length = HostOrder.getU16(buf, position);
        if (length < NetlinkAttribute.HEADER_SIZE || length > remaining) {
            throw new NetlinkDecodeException("attribute length " + length + " at offset " + position
                    + " (expected: 4-" + remaining + ")");
        }
        attr = position;
        attrLength = length;
        rawType = HostOrder.getU16(buf, position + 2);
        return true;
    }

    private void ensureCurrent() {
        if (attr < 0) {
            throw new IllegalStateException("no current attribute: call next() first");
        }
    }

    /**
     * The current attribute's type, with the NESTED and NET_BYTEORDER bits masked off.
     *
     * @return the type, 0-16383
     * @throws IllegalStateException  if there is no current attribute ({@link #next()} first)
     */
    public int type() {
        ensureCurrent();
        return rawType & NetlinkAttribute.TYPE_MASK;
    }

    /**
     * The current attribute's nla_type as sent, flag bits included.
     *
     * @return the raw type, 0-65535
     * @throws IllegalStateException  if there is no current attribute ({@link #next()} first)
     */
    public int rawType() {
        ensureCurrent();
        return rawType;
    }

    /**
     * Whether the current attribute has NLA_F_NESTED (not every nest does).
     *
     * @return true if the flag is set
     * @throws IllegalStateException  if there is no current attribute ({@link #next()} first)
     */
    public boolean isNestedFlag() {
        return (rawType() & NetlinkAttribute.F_NESTED) != 0;
    }

    /**
     * Whether the current attribute has NLA_F_NET_BYTEORDER.
     *
     * @return true if the flag is set
     * @throws IllegalStateException  if there is no current attribute ({@link #next()} first)
     */
    public boolean isNetByteOrder() {
        return (rawType() & NetlinkAttribute.F_NET_BYTEORDER) != 0;
    }

    /**
     * Offset of the current attribute's payload in the buffer.
     *
     * @return the offset
     * @throws IllegalStateException  if there is no current attribute ({@link #next()} first)
     */
    public int payloadOffset() {
        ensureCurrent();
        return attr + NetlinkAttribute.HEADER_SIZE;
    }

    /**
     * The current attribute's payload length (nla_len minus the header, without padding).
     *
     * @return the length in bytes
     * @throws IllegalStateException  if there is no current attribute ({@link #next()} first)
     */
    public int payloadLength() {
        ensureCurrent();
        return attrLength - NetlinkAttribute.HEADER_SIZE;
    }

    /**
     * The nesting depth of this reader.
     *
     * @return 0 at the top level, 1 inside a nest, ...
     */
    public int depth() {
        return depth;
    }

    /**
     * The buffer this reader reads, valid only as long as the reader is: do not retain or release it.
     *
     * @return the buffer, or null before the reader was positioned
     */
    public ByteBuf buffer() {
        return buf;
    }

    private int payload(int size, String kind) {
        int length = payloadLength();
        if (length != size) {
            throw new NetlinkDecodeException("attribute " + type() + " (" + kind + "): payload of " + length
                    + " bytes (expected: " + size + ")");
        }
        return attr + NetlinkAttribute.HEADER_SIZE;
    }

    /**
     * A u8 attribute.
     *
     * @return the value, 0-255
     * @throws IllegalStateException  if there is no current attribute ({@link #next()} first)
     * @throws NetlinkDecodeException if the payload is not 1 byte
     */
    public int u8() {
        return buf.getUnsignedByte(payload(1, "u8"));
    }

    /**
     * A u16 attribute in host order.
     *
     * @return the value, 0-65535
     * @throws IllegalStateException  if there is no current attribute ({@link #next()} first)
     * @throws NetlinkDecodeException if the payload is not 2 bytes
     */
    public int u16() {
        return HostOrder.getU16(buf, payload(2, "u16"));
    }

    /**
     * A u16 attribute in network byte order.
     *
     * @return the value, 0-65535
     * @throws IllegalStateException  if there is no current attribute ({@link #next()} first)
     * @throws NetlinkDecodeException if the payload is not 2 bytes
     */
    public int u16Be() {
        return buf.getUnsignedShort(payload(2, "u16, big-endian"));
    }

    /**
     * A u32 attribute in host order.
     *
     * @return its 32 bits (use {@link Integer#toUnsignedLong} for the unsigned value)
     * @throws IllegalStateException  if there is no current attribute ({@link #next()} first)
     * @throws NetlinkDecodeException if the payload is not 4 bytes
     */
    public int u32() {
        return HostOrder.getI32(buf, payload(4, "u32"));
    }

    /**
     * A u32 attribute in network byte order.
     *
     * @return its 32 bits
     * @throws IllegalStateException  if there is no current attribute ({@link #next()} first)
     * @throws NetlinkDecodeException if the payload is not 4 bytes
     */
    public int u32Be() {
        return buf.getInt(payload(4, "u32, big-endian"));
    }

    /**
     * A u64 attribute in host order (never assumed 8-byte aligned).
     *
     * @return its 64 bits
     * @throws IllegalStateException  if there is no current attribute ({@link #next()} first)
     * @throws NetlinkDecodeException if the payload is not 8 bytes
     */
    public long u64() {
        return HostOrder.getI64(buf, payload(8, "u64"));
    }

    /**
     * A u64 attribute in network byte order.
     *
     * @return its 64 bits
     * @throws IllegalStateException  if there is no current attribute ({@link #next()} first)
     * @throws NetlinkDecodeException if the payload is not 8 bytes
     */
    public long u64Be() {
        return buf.getLong(payload(8, "u64, big-endian"));
    }

    /**
     * A variable-width unsigned integer (NLA_UINT): 4 or 8 bytes, host order.
     *
     * @return the value (its 64 bits for an 8-byte value)
     * @throws IllegalStateException  if there is no current attribute ({@link #next()} first)
     * @throws NetlinkDecodeException if the payload is not 4 or 8 bytes
     */
    public long uint() {
        int length = payloadLength();
        if (length == 4) {
            return Integer.toUnsignedLong(HostOrder.getI32(buf, payloadOffset()));
        }
        if (length == 8) {
            return HostOrder.getI64(buf, payloadOffset());
        }
        throw new NetlinkDecodeException("attribute " + type() + " (uint): payload of " + length + " bytes (expected: 4 or 8)");
    }

    /**
     * A flag attribute (NLA_FLAG), whose presence is its value.
     *
     * @return true
     * @throws IllegalStateException  if there is no current attribute ({@link #next()} first)
     * @throws NetlinkDecodeException if the payload is not empty
     */
    public boolean flag() {
        payload(0, "flag");
        return true;
    }

    /**
     * A NUL-terminated string: the bytes up to the first NUL (or the whole payload if it has
     * none), decoded as UTF-8 with malformed sequences replaced.
     *
     * @return the string
     * @throws IllegalStateException  if there is no current attribute ({@link #next()} first)
     */
    public String string() {
        int offset = payloadOffset();
        int length = payloadLength();
        int nul = buf.indexOf(offset, offset + length, (byte) 0);
        int size = nul < 0 ? length : nul - offset;
        return buf.toString(offset, size, StandardCharsets.UTF_8);
    }

    /**
     * Like {@link #string()}, but when the payload spells one of {@code known} (ASCII strings),
     * returns that instance without decoding or allocating: for attributes whose values come from
     * a small vocabulary, such as scheduler names or link kinds.
     *
     * @param known the strings to return as they are
     * @return the string, one of {@code known} where it spells one
     * @throws IllegalStateException  if there is no current attribute ({@link #next()} first)
     */
    public String string(String[] known) {
        int offset = payloadOffset();
        int length = payloadLength();
        int nul = buf.indexOf(offset, offset + length, (byte) 0);
        int size = nul < 0 ? length : nul - offset;
        for (String k : known) {
            if (k.length() == size && spells(offset, k)) {
                return k;
            }
        }
        return buf.toString(offset, size, StandardCharsets.UTF_8);
    }

    private boolean spells(int offset, String ascii) {
        for (int i = 0; i < ascii.length(); i++) {
            char c = ascii.charAt(i);
            if (c >= 0x80 || buf.getByte(offset + i) != (byte) c) {
                return false;
            }
        }
        return true;
    }

    /**
     * A copy of the current attribute's payload.
     *
     * @return the bytes
     * @throws IllegalStateException  if there is no current attribute ({@link #next()} first)
     */
    public byte[] bytes() {
        byte[] out = new byte[payloadLength()];
        buf.getBytes(payloadOffset(), out);
        return out;
    }

    /**
     * A copy of the current attribute's payload, which must be exactly {@code size} bytes.
     *
     * @param size the expected length
     * @return the bytes
     * @throws IllegalStateException  if there is no current attribute ({@link #next()} first)
     * @throws NetlinkDecodeException if the payload is not {@code size} bytes
     */
    public byte[] bytes(int size) {
        byte[] out = new byte[size];
        buf.getBytes(payload(size, size + " bytes"), out);
        return out;
    }

    /**
     * A new reader over the payload of the current attribute, one level deeper. Accepts nests with
     * or without {@code NLA_F_NESTED}.
     *
     * @return a new reader, before the nest's first attribute
     * @throws IllegalStateException  if there is no current attribute ({@link #next()} first)
     * @throws NetlinkDecodeException if the nest would be deeper than {@link NetlinkAttribute#MAX_DEPTH}
     */
    public AttributeReader nested() {
        return nested(new AttributeReader());
    }

    /**
     * Like {@link #nested()}, reusing {@code into}.
     *
     * @param into the reader to position over the current attribute's payload
     * @return {@code into}, before the nest's first attribute
     * @throws IllegalStateException  if there is no current attribute ({@link #next()} first)
     * @throws NetlinkDecodeException if the nest would be deeper than {@link NetlinkAttribute#MAX_DEPTH}
     */
    public AttributeReader nested(AttributeReader into) {
        int offset = payloadOffset();
        return into.reset(buf, offset, offset + payloadLength(), depth + 1);
    }
}
