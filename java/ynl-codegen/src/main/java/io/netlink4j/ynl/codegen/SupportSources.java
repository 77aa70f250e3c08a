// SPDX-FileCopyrightText: 2026 The netlink4j Authors
// SPDX-License-Identifier: Apache-2.0
package io.netlink4j.ynl.codegen;

/** The classes every generated family's package holds besides its own: wire helpers and unknown attributes. */
final class SupportSources {
    private SupportSources() {
    }

    static String wire(String pkg) {
        return HEADER + "package " + pkg + ";\n" + """

                import io.netlink4j.NetlinkDecodeException;
                import io.netlink4j.codec.AttributeReader;
                import io.netlink4j.codec.MessageWriter;
                import io.netty.buffer.ByteBuf;

                import java.net.InetAddress;
                import java.net.UnknownHostException;
                import java.nio.ByteOrder;
                import java.nio.charset.StandardCharsets;
                import java.util.ArrayList;
                import java.util.List;

                /** Reads and writes of the wire forms the core codec has no method for. Generated: not API. */
                final class Wire {
                    /** Whether this host's byte order is big-endian. */
                    static final boolean HOST_BE = ByteOrder.nativeOrder() == ByteOrder.BIG_ENDIAN;

                    private Wire() {
                    }

                    static int s8(int v) {
                        return (byte) v;
                    }

                    static int s16(int v) {
                        return (short) v;
                    }

                    static int u16Le(AttributeReader r) {
                        return HOST_BE ? Short.reverseBytes((short) r.u16()) & 0xFFFF : r.u16();
                    }

                    static int u32Le(AttributeReader r) {
                        return HOST_BE ? Integer.reverseBytes(r.u32()) : r.u32();
                    }

                    static long u64Le(AttributeReader r) {
                        return HOST_BE ? Long.reverseBytes(r.u64()) : r.u64();
                    }

                    static void u16Le(MessageWriter w, int type, int v) {
                        w.u16(type, HOST_BE ? Short.reverseBytes((short) v) & 0xFFFF : v);
                    }

                    static void u32Le(MessageWriter w, int type, int v) {
                        w.u32(type, HOST_BE ? Integer.reverseBytes(v) : v);
                    }

                    static void u64Le(MessageWriter w, int type, long v) {
                        w.u64(type, HOST_BE ? Long.reverseBytes(v) : v);
                    }

                    /** A sint: 4 bytes sign-extended, or 8. */
                    static long sint(AttributeReader r) {
                        int length = r.payloadLength();
                        if (length == 4) {
                            return r.u32();
                        }
                        if (length == 8) {
                            return r.u64();
                        }
                        throw new NetlinkDecodeException("attribute " + r.type() + " (sint): payload of " + length
                                + " bytes (expected: 4 or 8)");
                    }

                    /** A uint in 4 bytes when it fits, else 8, as the kernel writes them. */
                    static void uint(MessageWriter w, int type, long v) {
                        if ((v >>> 32) == 0) {
                            w.u32(type, (int) v);
                        } else {
                            w.u64(type, v);
                        }
                    }

                    /** A sint in 4 bytes when it fits, else 8. */
                    static void sint(MessageWriter w, int type, long v) {
                        if (v == (int) v) {
                            w.u32(type, (int) v);
                        } else {
                            w.u64(type, v);
                        }
                    }

                    /** An integer of {@code size} bytes at {@code offset}, sign-extended when {@code signed}. */
                    static long get(ByteBuf buf, int offset, int size, boolean signed, boolean bigEndian) {
                        long v = 0;
                        for (int i = 0; i < size; i++) {
                            int b = buf.getUnsignedByte(offset + (bigEndian ? i : size - 1 - i));
                            v = (v << 8) | b;
                        }
                        if (signed && size < 8) {
                            int shift = 64 - 8 * size;
                            v = (v << shift) >> shift;
                        }
                        return v;
                    }

                    static int u16(ByteBuf buf, int offset, boolean bigEndian) {
                        return bigEndian ? buf.getUnsignedShort(offset) : buf.getUnsignedShortLE(offset);
                    }

                    static long u32(ByteBuf buf, int offset, boolean bigEndian) {
                        return bigEndian ? buf.getUnsignedInt(offset) : buf.getUnsignedIntLE(offset);
                    }

                    static int i32(ByteBuf buf, int offset, boolean bigEndian) {
                        return bigEndian ? buf.getInt(offset) : buf.getIntLE(offset);
                    }

                    static long i64(ByteBuf buf, int offset, boolean bigEndian) {
                        return bigEndian ? buf.getLong(offset) : buf.getLongLE(offset);
                    }

                    static byte[] bytes(ByteBuf buf, int offset, int size) {
                        byte[] out = new byte[size];
                        buf.getBytes(offset, out);
                        return out;
                    }

                    /** A fixed-size char array: the bytes up to the first NUL. */
                    static String string(ByteBuf buf, int offset, int size) {
                        int nul = buf.indexOf(offset, offset + size, (byte) 0);
                        return buf.toString(offset, nul < 0 ? size : nul - offset, StandardCharsets.UTF_8);
                    }

                    /** Writes the low {@code size} bytes of {@code v} in the byte order given. */
                    static void put(MessageWriter w, long v, int size, boolean bigEndian) {
                        for (int i = 0; i < size; i++) {
                            int shift = 8 * (bigEndian ? size - 1 - i : i);
                            w.rawU8((int) (v >>> shift));
                        }
                    }

                    /** Writes a string into a fixed-size char array, NUL-padded. */
                    static void putString(MessageWriter w, String s, int size) {
                        byte[] b = s.getBytes(StandardCharsets.UTF_8);
                        w.rawBytes(b);
                        for (int i = b.length; i < size; i++) {
                            w.rawU8(0);
                        }
                    }

                    /** Writes bytes into a fixed-size field. */
                    static void putBytes(MessageWriter w, byte[] b, int size) {
                        w.rawBytes(b);
                        for (int i = b.length; i < size; i++) {
                            w.rawU8(0);
                        }
                    }

                    /** A scalar item of an array attribute or indexed array (0 size: uint or sint, 4 or 8 bytes). */
                    static long scalar(AttributeReader r, int size, boolean signed, boolean bigEndian) {
                        int length = r.payloadLength();
                        if (size == 0 ? length != 4 && length != 8 : length != size) {
                            throw new NetlinkDecodeException("attribute " + r.type() + ": payload of " + length
                                    + " bytes (expected: " + (size == 0 ? "4 or 8" : Integer.toString(size)) + ")");
                        }
                        return get(r.buffer(), r.payloadOffset(), length, signed, bigEndian);
                    }

                    static void scalar(MessageWriter w, int type, long v, int size, boolean bigEndian) {
                        int n = size != 0 ? size : (v >>> 32) == 0 ? 4 : 8;
                        w.beginAttribute(type);
                        put(w, v, n, bigEndian);
                        w.endAttribute();
                    }

                    /** A binary attribute holding an array of {@code size}-byte integers. */
                    static List<Long> array(AttributeReader r, int size, boolean signed, boolean bigEndian) {
                        int length = r.payloadLength();
                        if (length % size != 0) {
                            throw new NetlinkDecodeException("attribute " + r.type() + ": payload of " + length
                                    + " bytes (expected: a multiple of " + size + ")");
                        }
                        List<Long> out = new ArrayList<>(length / size);
                        for (int at = r.payloadOffset(); at < r.payloadOffset() + length; at += size) {
                            out.add(get(r.buffer(), at, size, signed, bigEndian));
                        }
                        return List.copyOf(out);
                    }

                    static void array(MessageWriter w, int type, List<Long> values, int size, boolean bigEndian) {
                        w.beginAttribute(type);
                        for (long v : values) {
                            put(w, v, size, bigEndian);
                        }
                        w.endAttribute();
                    }

                    /** Bytes as the spec's display hint shows them: {@code mac}, {@code ipv4}/{@code ipv6}, else hex. */
                    static String show(byte[] b, String hint) {
                        if ((hint.equals("ipv4") || hint.equals("ipv6")) && (b.length == 4 || b.length == 16)) {
                            try {
                                return InetAddress.getByAddress(b).getHostAddress();
                            } catch (UnknownHostException e) {
                                throw new AssertionError(e);
                            }
                        }
                        StringBuilder sb = new StringBuilder();
                        for (int i = 0; i < b.length; i++) {
                            if (i > 0 && hint.equals("mac")) {
                                sb.append(':');
                            }
                            sb.append(Character.forDigit((b[i] >> 4) & 0xF, 16)).append(Character.forDigit(b[i] & 0xF, 16));
                        }
                        return sb.toString();
                    }
                }
                """;
    }

    static String unknownAttribute(String pkg) {
        return HEADER + "package " + pkg + ";\n" + """

                import io.netlink4j.codec.AttributeReader;
                import io.netlink4j.codec.MessageWriter;

                import java.util.Arrays;
                import java.util.Objects;

                /**
                 * An attribute the spec does not describe (a newer kernel's), kept as it came: its number,
                 * whether it was sent as a nest, and its payload. Encoded back as it came.
                 *
                 * @param type    its number, 0-16383
                 * @param nested  whether it carried {@code NLA_F_NESTED}
                 * @param payload its payload (copied in and out)
                 */
                public record UnknownAttribute(int type, boolean nested, byte[] payload) {
                    /**
                     * Checks and copies the components.
                     *
                     * @throws IllegalArgumentException if {@code type} is outside 0-16383
                     */
                    public UnknownAttribute {
                        if (type < 0 || type > 0x3FFF) {
                            throw new IllegalArgumentException("type: " + type + " (expected: 0-16383)");
                        }
                        payload = Objects.requireNonNull(payload, "payload").clone();
                    }

                    /**
                     * The attribute the reader is on.
                     *
                     * @param r a reader on an attribute
                     * @return the attribute, its payload copied
                     */
                    public static UnknownAttribute read(AttributeReader r) {
                        return new UnknownAttribute(r.type(), r.isNestedFlag(), r.bytes());
                    }

                    /**
                     * Writes the attribute as it came.
                     *
                     * @param w a writer with a message begun
                     */
                    public void encodeTo(MessageWriter w) {
                        if (nested) {
                            w.beginNested(type).rawBytes(payload).endNested();
                        } else {
                            w.bytes(type, payload);
                        }
                    }

                    /** @return a copy of the payload */
                    @Override
                    public byte[] payload() {
                        return payload.clone();
                    }

                    @Override
                    public boolean equals(Object o) {
                        return o instanceof UnknownAttribute u && u.type == type && u.nested == nested
                                && Arrays.equals(u.payload, payload);
                    }

                    @Override
                    public int hashCode() {
                        return (type * 31 + Boolean.hashCode(nested)) * 31 + Arrays.hashCode(payload);
                    }

                    @Override
                    public String toString() {
                        return "UnknownAttr(" + type + ")=" + Wire.show(payload, "hex");
                    }
                }
                """;
    }

    static String bitfield32(String pkg) {
        return HEADER + "package " + pkg + ";\n" + """

                import io.netlink4j.NetlinkDecodeException;
                import io.netlink4j.codec.AttributeReader;
                import io.netlink4j.codec.MessageWriter;

                /**
                 * A {@code struct nla_bitfield32}: the bits' values and the selector of the bits that count.
                 *
                 * @param value    the bits' values
                 * @param selector which bits count
                 */
                public record Bitfield32(int value, int selector) {
                    /**
                     * The bitfield the reader is on.
                     *
                     * @param r a reader on a bitfield32 attribute
                     * @return the bitfield
                     * @throws NetlinkDecodeException if the payload is not 8 bytes
                     */
                    public static Bitfield32 read(AttributeReader r) {
                        if (r.payloadLength() != 8) {
                            throw new NetlinkDecodeException("attribute " + r.type() + " (bitfield32): payload of "
                                    + r.payloadLength() + " bytes (expected: 8)");
                        }
                        return new Bitfield32(Wire.i32(r.buffer(), r.payloadOffset(), Wire.HOST_BE),
                                Wire.i32(r.buffer(), r.payloadOffset() + 4, Wire.HOST_BE));
                    }

                    /**
                     * Writes it as attribute {@code type}.
                     *
                     * @param w    a writer with a message begun
                     * @param type the attribute's number
                     */
                    public void encodeTo(MessageWriter w, int type) {
                        w.beginAttribute(type).rawU32(value).rawU32(selector).endAttribute();
                    }
                }
                """;
    }

    static final String HEADER = "// Generated by netlink4j-ynl-codegen from a YNL spec: do not edit.\n";
}
