// SPDX-FileCopyrightText: 2026 The netlink4j Authors
// SPDX-License-Identifier: Apache-2.0
package io.netlink4j.testsupport;

import io.netlink4j.codec.Netlink;
import io.netlink4j.codec.NetlinkAttribute;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.Deque;

/**
 * Builds netlink bytes by hand, in host byte order, with java.nio only: tests of the decoders use
 * it so that they do not depend on {@link io.netlink4j.codec.MessageWriter}. Lengths are whatever the caller makes
 * them; {@link #putU16}/{@link #putU32} patch any field afterwards. Alignment is to absolute
 * multiples of 4, so messages should start at offset 0 or at an aligned offset.
 */
public final class NetlinkBytes {
    public static final ByteOrder HOST = ByteOrder.nativeOrder();

    private ByteBuffer out = ByteBuffer.allocate(256).order(HOST);
    private final Deque<Integer> messages = new ArrayDeque<>();
    private final Deque<Integer> nests = new ArrayDeque<>();

    /** Starts a message: a 16-byte header whose nlmsg_len {@link #endMessage()} fills in. */
    public NetlinkBytes message(int type, int flags, int seq, int pid) {
        messages.push(position());
        return u32(0).u16(type).u16(flags).u32(seq).u32(pid);
    }

    /** Sets nlmsg_len of the innermost open message and pads to 4 bytes. */
    public NetlinkBytes endMessage() {
        return endMessageUnpadded().pad();
    }

    /** Sets nlmsg_len of the innermost open message, leaving the end unaligned. */
    public NetlinkBytes endMessageUnpadded() {
        int at = messages.pop();
        return putU32(at, position() - at);
    }

    /** An attribute with nla_len = 4 + payload length, followed by padding. */
    public NetlinkBytes attr(int rawType, byte[] payload) {
        return u16(NetlinkAttribute.HEADER_SIZE + payload.length).u16(rawType).bytes(payload).pad();
    }

    public NetlinkBytes attrU8(int type, int value) {
        return attr(type, new byte[] {(byte) value});
    }

    public NetlinkBytes attrU16(int type, int value) {
        return attr(type, hostU16(value));
    }

    public NetlinkBytes attrU32(int type, int value) {
        return attr(type, hostU32(value));
    }

    public NetlinkBytes attrU64(int type, long value) {
        return attr(type, hostU64(value));
    }

    /** A NUL-terminated UTF-8 string attribute. */
    public NetlinkBytes attrString(int type, String value) {
        return attr(type, cString(value));
    }

    public NetlinkBytes flag(int type) {
        return attr(type, new byte[0]);
    }

    /** Opens a nest with exactly {@code rawType} as nla_type (add F_NESTED yourself if wanted). */
    public NetlinkBytes nest(int rawType) {
        nests.push(position());
        return u16(0).u16(rawType);
    }

    public NetlinkBytes endNest() {
        int at = nests.pop();
        return putU16(at, position() - at);
    }

    public NetlinkBytes u8(int value) {
        ensure(1).put((byte) value);
        return this;
    }

    public NetlinkBytes u16(int value) {
        ensure(2).putShort((short) value);
        return this;
    }

    public NetlinkBytes u32(int value) {
        ensure(4).putInt(value);
        return this;
    }

    public NetlinkBytes u64(long value) {
        ensure(8).putLong(value);
        return this;
    }

    public NetlinkBytes bytes(byte[] value) {
        ensure(value.length).put(value);
        return this;
    }

    public NetlinkBytes zeros(int count) {
        return bytes(new byte[count]);
    }

    /** Pads with zeros to a multiple of 4. */
    public NetlinkBytes pad() {
        return zeros(Netlink.align(position()) - position());
    }

    public NetlinkBytes putU16(int index, int value) {
        out.putShort(index, (short) value);
        return this;
    }

    public NetlinkBytes putU32(int index, int value) {
        out.putInt(index, value);
        return this;
    }

    public int position() {
        return out.position();
    }

    public byte[] toArray() {
        return Arrays.copyOf(out.array(), out.position());
    }

    /** The bytes in a new heap buffer; the caller releases it. */
    public ByteBuf toBuffer() {
        return Unpooled.wrappedBuffer(toArray());
    }

    public static byte[] hostU16(int value) {
        return ByteBuffer.allocate(2).order(HOST).putShort((short) value).array();
    }

    public static byte[] hostU32(int value) {
        return ByteBuffer.allocate(4).order(HOST).putInt(value).array();
    }

    public static byte[] hostU64(long value) {
        return ByteBuffer.allocate(8).order(HOST).putLong(value).array();
    }

    /** UTF-8 bytes followed by a NUL. */
    public static byte[] cString(String value) {
        byte[] utf8 = value.getBytes(StandardCharsets.UTF_8);
        return Arrays.copyOf(utf8, utf8.length + 1);
    }

    private ByteBuffer ensure(int count) {
        if (out.remaining() < count) {
            ByteBuffer bigger = ByteBuffer.allocate(Math.max(out.capacity() * 2, out.position() + count)).order(HOST);
            bigger.put(out.array(), 0, out.position());
            out = bigger;
        }
        return out;
    }
}
