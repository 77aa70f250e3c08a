// SPDX-FileCopyrightText: 2026 The netlink4j Authors
// SPDX-License-Identifier: Apache-2.0
package io.netlink4j.codec;

import io.netlink4j.testsupport.NetlinkBytes;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.PooledByteBufAllocator;
import io.netty.buffer.Unpooled;
import org.junit.jupiter.api.Test;
import org.quicktheories.api.Pair;
import org.quicktheories.core.Gen;
import org.quicktheories.generators.Generate;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Objects;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.arbitrary;
import static org.quicktheories.generators.SourceDSL.booleans;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;
import static org.quicktheories.generators.SourceDSL.longs;

/** Round trips through {@link MessageWriter}, {@link MessageReader} and {@link AttributeReader}. */
class MessageCodecPropertyTest {

    // ---- The model: an attribute tree with typed leaves. ----

    enum Kind { U8, U16, U16_BE, U32, U32_BE, U64, U64_BE, FLAG, STRING, BINARY }

    sealed interface Node permits Leaf, Nest {
        int type();
    }

    /** A leaf: {@code number} holds the numeric kinds (u32 sign-extended), {@code text} strings, {@code data} binary. */
    record Leaf(int type, Kind kind, long number, String text, byte[] data) implements Node {
        static Leaf number(int type, Kind kind, long value) {
            return new Leaf(type, kind, value, null, null);
        }

        static Leaf flag(int type) {
            return new Leaf(type, Kind.FLAG, 0, null, null);
        }

        static Leaf string(int type, String value) {
            return new Leaf(type, Kind.STRING, 0, value, null);
        }

        static Leaf binary(int type, byte[] value) {
            return new Leaf(type, Kind.BINARY, 0, null, value.clone());
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Leaf l && type == l.type && kind == l.kind && number == l.number
                    && Objects.equals(text, l.text) && Arrays.equals(data, l.data);
        }

        @Override
        public int hashCode() {
            return Objects.hash(type, kind, number, text) * 31 + Arrays.hashCode(data);
        }

        @Override
        public String toString() {
            String value = switch (kind) {
                case STRING -> '"' + text + '"';
                case BINARY -> data.length + ":" + HexFormat.of().formatHex(data);
                case FLAG -> "";
                default -> Long.toString(number);
            };
            return kind + "#" + type + "=" + value;
        }
    }

    record Nest(int type, List<Node> children) implements Node {
        Nest {
            children = List.copyOf(children);
        }
    }

    /** The payload bytes a leaf must have on the wire, built with java.nio rather than the codec. */
    static byte[] expectedPayload(Leaf leaf) {
        ByteOrder host = ByteOrder.nativeOrder();
        return switch (leaf.kind()) {
            case U8 -> new byte[] {(byte) leaf.number()};
            case U16 -> ByteBuffer.allocate(2).order(host).putShort((short) leaf.number()).array();
            case U16_BE -> ByteBuffer.allocate(2).order(ByteOrder.BIG_ENDIAN).putShort((short) leaf.number()).array();
            case U32 -> ByteBuffer.allocate(4).order(host).putInt((int) leaf.number()).array();
            case U32_BE -> ByteBuffer.allocate(4).order(ByteOrder.BIG_ENDIAN).putInt((int) leaf.number()).array();
            case U64 -> ByteBuffer.allocate(8).order(host).putLong(leaf.number()).array();
            case U64_BE -> ByteBuffer.allocate(8).order(ByteOrder.BIG_ENDIAN).putLong(leaf.number()).array();
            case FLAG -> new byte[0];
            case STRING -> NetlinkBytes.cString(leaf.text());
            case BINARY -> leaf.data();
        };
    }

    /** Encoded size of a node including its header and padding. */
    static int encodedSize(Node node) {
        if (node instanceof Nest nest) {
            return NetlinkAttribute.HEADER_SIZE + encodedSize(nest.children());
        }
        return Netlink.align(NetlinkAttribute.HEADER_SIZE + expectedPayload((Leaf) node).length);
    }

    static int encodedSize(List<Node> nodes) {
        return nodes.stream().mapToInt(MessageCodecPropertyTest::encodedSize).sum();
    }

    static void write(MessageWriter w, Node node) {
        if (node instanceof Nest nest) {
            w.beginNested(nest.type());
            nest.children().forEach(child -> write(w, child));
            w.endNested();
            return;
        }
        Leaf leaf = (Leaf) node;
        int type = leaf.type();
        switch (leaf.kind()) {
            case U8 -> w.u8(type, (int) leaf.number());
            case U16 -> w.u16(type, (int) leaf.number());
            case U16_BE -> w.u16Be(type, (int) leaf.number());
            case U32 -> w.u32(type, (int) leaf.number());
            case U32_BE -> w.u32Be(type, (int) leaf.number());
            case U64 -> w.u64(type, leaf.number());
            case U64_BE -> w.u64Be(type, leaf.number());
            case FLAG -> w.flag(type);
            case STRING -> w.string(type, leaf.text());
            case BINARY -> w.bytes(type, leaf.data());
        }
    }

    /**
     * Decodes attributes by walking {@code schema} (types and kinds only are taken from it) and
     * checks the wire format on the way: exact nla_type and nla_len, the payload bytes, and that
     * every attribute starts 4-aligned relative to the message.
     */
    static List<Node> read(AttributeReader attrs, List<Node> schema, int messageStart) {
        List<Node> out = new ArrayList<>();
        for (Node expected : schema) {
            assertTrue(attrs.next(), () -> "missing attribute " + expected);
            int start = attrs.payloadOffset() - NetlinkAttribute.HEADER_SIZE;
            assertEquals(0, (start - messageStart) % Netlink.ALIGNTO, () -> "attribute at unaligned offset " + (start - messageStart));
            assertEquals(expected.type(), attrs.type());
            if (expected instanceof Nest nest) {
                assertEquals(nest.type() | NetlinkAttribute.F_NESTED, attrs.rawType(), "nest without NLA_F_NESTED");
                assertTrue(attrs.isNestedFlag());
                assertEquals(encodedSize(nest.children()), attrs.payloadLength());
                AttributeReader children = attrs.nested();
                assertEquals(attrs.depth() + 1, children.depth());
                out.add(new Nest(attrs.type(), read(children, nest.children(), messageStart)));
            } else {
                Leaf leaf = (Leaf) expected;
                assertEquals(leaf.type(), attrs.rawType(), "flag bits on a leaf");
                assertArrayEquals(expectedPayload(leaf), attrs.bytes(), () -> "payload of " + leaf);
                out.add(readLeaf(attrs, leaf.kind()));
            }
        }
        assertFalse(attrs.next(), "trailing attributes");
        return out;
    }

    static Leaf readLeaf(AttributeReader attrs, Kind kind) {
        int type = attrs.type();
        return switch (kind) {
            case U8 -> Leaf.number(type, kind, attrs.u8());
            case U16 -> Leaf.number(type, kind, attrs.u16());
            case U16_BE -> Leaf.number(type, kind, attrs.u16Be());
            case U32 -> Leaf.number(type, kind, attrs.u32());
            case U32_BE -> Leaf.number(type, kind, attrs.u32Be());
            case U64 -> Leaf.number(type, kind, attrs.u64());
            case U64_BE -> Leaf.number(type, kind, attrs.u64Be());
            case FLAG -> {
                assertTrue(attrs.flag());
                yield Leaf.flag(type);
            }
            case STRING -> Leaf.string(type, attrs.string());
            case BINARY -> Leaf.binary(type, attrs.bytes());
        };
    }

    /** Decodes without a schema: NLA_F_NESTED marks nests, everything else becomes binary. */
    static List<Node> readGeneric(AttributeReader attrs) {
        List<Node> out = new ArrayList<>();
        while (attrs.next()) {
            if (attrs.isNestedFlag()) {
                out.add(new Nest(attrs.type(), readGeneric(attrs.nested())));
            } else {
                out.add(Leaf.binary(attrs.type(), attrs.bytes()));
            }
        }
        return out;
    }

    // ---- Generators. ----

    /** Deepest nesting level a generated leaf sits at (top-level attributes are at level 0). */
    static final int MAX_LEVEL = 5;

    static final Gen<Integer> TYPES = Generate.oneOf(arbitrary().pick(0, 1, NetlinkAttribute.TYPE_MASK),
            integers().between(0, NetlinkAttribute.TYPE_MASK));
    static final Gen<Integer> U32_VALUES = Generate.oneOf(
            arbitrary().pick(0, -1, 1, Integer.MIN_VALUE, Integer.MAX_VALUE), integers().all());
    static final Gen<Long> U64_VALUES = Generate.oneOf(
            arbitrary().pick(0L, -1L, 1L, Long.MIN_VALUE, Long.MAX_VALUE, 0xFFFF_FFFFL, 0x1_0000_0000L), longs().all());

    /** Code points without NUL (it ends a C string) and without lone surrogates (not valid UTF-16). */
    static final Gen<Integer> CODE_POINTS = Generate.oneOf(integers().between(1, 0x7F), integers().between(0x80, 0x7FF),
            integers().between(0x800, 0xD7FF), integers().between(0xE000, 0xFFFF), integers().between(0x10000, 0x10FFFF));
    static final Gen<String> STRINGS = Generate.oneOf(
            arbitrary().pick("", "abcdefghijklmno", "é", "Grüße €", "\uD83D\uDE00 x", "nl80211"),
            Generate.intArrays(integers().between(0, 20), CODE_POINTS).map(cps -> new String(cps, 0, cps.length)));
    static final Gen<byte[]> BINARIES = Generate.oneOf(
            arbitrary().pick(0, 1, 2, 3, 5, 255, 299, 300).map(n -> new byte[n]),
            Generate.byteArrays(integers().between(0, 300), Generate.bytes(Byte.MIN_VALUE, Byte.MAX_VALUE, (byte) 0)));

    static Gen<Node> leaves() {
        List<Gen<Node>> kinds = List.of(
                TYPES.zip(integers().between(0, 0xFF), (t, v) -> Leaf.number(t, Kind.U8, v)),
                TYPES.zip(integers().between(0, 0xFFFF), (t, v) -> Leaf.number(t, Kind.U16, v)),
                TYPES.zip(integers().between(0, 0xFFFF), (t, v) -> Leaf.number(t, Kind.U16_BE, v)),
                TYPES.zip(U32_VALUES, (t, v) -> Leaf.number(t, Kind.U32, v)),
                TYPES.zip(U32_VALUES, (t, v) -> Leaf.number(t, Kind.U32_BE, v)),
                TYPES.zip(U64_VALUES, (t, v) -> Leaf.number(t, Kind.U64, v)),
                TYPES.zip(U64_VALUES, (t, v) -> Leaf.number(t, Kind.U64_BE, v)),
                TYPES.map(Leaf::flag),
                TYPES.zip(STRINGS, Leaf::string),
                TYPES.zip(BINARIES, Leaf::binary));
        return Generate.pick(kinds).flatMap(g -> g);
    }

    /**
     * Nodes at {@code level}: nests get fewer children the deeper they are, so that even the
     * largest top-level nest (4*3*2*2*2 leaves of at most 304 bytes) fits in a u16 nla_len.
     */
    static Gen<Node> nodes(int level) {
        Gen<Node> leaf = leaves();
        if (level == MAX_LEVEL) {
            return leaf;
        }
        int maxChildren = level == 0 ? 4 : level == 1 ? 3 : 2;
        Gen<Node> nest = TYPES.zip(lists().of(nodes(level + 1)).ofSizeBetween(0, maxChildren), Nest::new);
        return Generate.frequency(Pair.of(2, leaf), Pair.of(1, nest));
    }

    static final Gen<List<Node>> TREES = lists().of(nodes(0)).ofSizeBetween(0, 6);

    // ---- Properties. ----

    @Test
    void headerRoundTrips() {
        Gen<int[]> headers = integers().between(0, 0xFFFF).zip(integers().between(0, 0xFFFF), U32_VALUES, U32_VALUES,
                (type, flags, seq, pid) -> new int[] {type, flags, seq, pid});
        Gen<byte[]> payloads = Generate.byteArrays(integers().between(0, 40), Generate.bytes(Byte.MIN_VALUE, Byte.MAX_VALUE, (byte) 0));
        qt().forAll(headers, payloads, integers().between(0, 3)).checkAssert((h, payload, prefix) -> {
            ByteBuf buf = Unpooled.buffer();
            try {
                buf.writeZero(prefix);
                MessageWriter w = new MessageWriter().begin(buf, h[0], h[1], h[2], h[3]);
                assertEquals(prefix, w.messageStart());
                w.rawBytes(payload);
                int length = w.end();

                assertEquals(Netlink.HEADER_SIZE + payload.length, length);
                assertEquals(prefix + Netlink.align(length), buf.writerIndex(), "end() pads to 4 bytes");
                ByteBuffer header = ByteBuffer.wrap(copy(buf, prefix, Netlink.HEADER_SIZE)).order(ByteOrder.nativeOrder());
                assertEquals(length, header.getInt(0));
                assertEquals((short) h[0], header.getShort(4));
                assertEquals((short) h[1], header.getShort(6));
                assertEquals(h[2], header.getInt(8));
                assertEquals(h[3], header.getInt(12));

                MessageReader r = MessageReader.of(buf, prefix, buf.writerIndex());
                assertTrue(r.next());
                assertEquals(prefix, r.offset());
                assertEquals(length, r.length());
                assertEquals(h[0], r.type());
                assertEquals(h[1], r.flags());
                assertEquals(h[2], r.seq());
                assertEquals(h[3], r.pid());
                assertEquals(prefix + Netlink.HEADER_SIZE, r.payloadOffset());
                assertEquals(payload.length, r.payloadLength());
                assertEquals(prefix + length, r.payloadEnd());
                assertArrayEquals(payload, copy(buf, r.payloadOffset(), r.payloadLength()));
                assertFalse(r.next());
            } finally {
                buf.release();
            }
        });
    }

    @Test
    void headerFieldsOutOfRangeAreRejected() {
        ByteBuf buf = Unpooled.buffer();
        try {
            MessageWriter w = new MessageWriter();
            assertThrows(IllegalArgumentException.class, () -> w.begin(buf, 0x10000, 0, 0, 0));
            assertThrows(IllegalArgumentException.class, () -> w.begin(buf, -1, 0, 0, 0));
            assertThrows(IllegalArgumentException.class, () -> w.begin(buf, 0, 0x10000, 0, 0));
            w.begin(buf, 0, 0, 0, 0);
            assertThrows(IllegalArgumentException.class, () -> w.u32(NetlinkAttribute.TYPE_MASK + 1, 0));
            assertThrows(IllegalArgumentException.class, () -> w.beginNested(-1));
        } finally {
            buf.release();
        }
    }

    @Test
    void attributeTreesRoundTrip() {
        qt().withExamples(500).forAll(TREES, integers().between(0, 3), booleans().all()).checkAssert((tree, prefix, direct) -> {
            ByteBuf buf = direct ? PooledByteBufAllocator.DEFAULT.directBuffer() : Unpooled.buffer();
            try {
                // The message may start anywhere: alignment is relative to its start.
                buf.writeBytes(new byte[] {(byte) 0xA5, (byte) 0xA5, (byte) 0xA5}, 0, prefix);
                MessageWriter w = new MessageWriter().begin(buf, 0x1234, Netlink.NLM_F_REQUEST, 7, 0);
                tree.forEach(node -> write(w, node));
                int length = w.end();
                assertEquals(Netlink.HEADER_SIZE + encodedSize(tree), length);
                assertEquals(prefix + length, buf.writerIndex());

                MessageReader r = MessageReader.of(buf, prefix, buf.writerIndex());
                assertTrue(r.next());
                AttributeReader attrs = AttributeReader.of(buf, r.payloadOffset(), r.payloadEnd());
                assertEquals(tree, read(attrs, tree, r.offset()));
                assertFalse(r.next());
            } finally {
                buf.release();
            }
        });
    }

    @Test
    void batchesAreReadBackInOrder() {
        Gen<Message> messages = integers().between(Netlink.NLMSG_MIN_TYPE, 0xFFFF).zip(integers().between(0, 0xFFFF),
                U32_VALUES, BINARIES.map(b -> Arrays.copyOf(b, b.length % 24)), lists().of(nodes(2)).ofSizeBetween(0, 3),
                (type, flags, seq, raw, attrs) -> {
                    // A fixed header before attributes keeps them aligned only if it is a multiple of 4.
                    byte[] header = attrs.isEmpty() ? raw : Arrays.copyOf(raw, raw.length & ~3);
                    return new Message(type, flags, seq, ~seq, header, attrs);
                });
        qt().withExamples(300).forAll(lists().of(messages).ofSizeBetween(1, 8), integers().between(0, 3)).checkAssert((batch, prefix) -> {
            ByteBuf buf = Unpooled.buffer();
            try {
                buf.writeZero(prefix);
                MessageWriter w = new MessageWriter();
                List<Integer> starts = new ArrayList<>();
                for (Message m : batch) {
                    starts.add(buf.writerIndex());
                    w.begin(buf, m.type(), m.flags(), m.seq(), m.pid()).rawBytes(m.header());
                    m.attrs().forEach(node -> write(w, node));
                    w.end();
                }
                MessageReader r = MessageReader.of(buf, prefix, buf.writerIndex());
                for (int i = 0; i < batch.size(); i++) {
                    Message m = batch.get(i);
                    assertTrue(r.next(), "message " + i + " missing");
                    assertEquals(starts.get(i), r.offset());
                    assertEquals(0, (r.offset() - prefix) % Netlink.ALIGNTO);
                    assertEquals(m.type(), r.type());
                    assertEquals(m.flags(), r.flags());
                    assertEquals(m.seq(), r.seq());
                    assertEquals(m.pid(), r.pid());
                    assertEquals(m.header().length + encodedSize(m.attrs()), r.payloadLength());
                    assertArrayEquals(m.header(), copy(buf, r.payloadOffset(), m.header().length));
                    int attrStart = r.payloadOffset() + m.header().length;
                    assertEquals(m.attrs(), read(AttributeReader.of(buf, attrStart, r.payloadEnd()), m.attrs(), r.offset()));
                }
                assertFalse(r.next());
            } finally {
                buf.release();
            }
        });
    }

    record Message(int type, int flags, int seq, int pid, byte[] header, List<Node> attrs) {
        @Override
        public String toString() {
            return "Message[type=" + type + ", flags=" + flags + ", seq=" + seq + ", header=" + header.length
                    + " bytes, attrs=" + attrs + "]";
        }
    }

    /** Canonical input (as MessageWriter makes it) survives decode then re-encode byte for byte. */
    @Test
    void decodeThenEncodeReproducesTheBytes() {
        qt().withExamples(300).forAll(TREES).checkAssert(tree -> {
            ByteBuf first = Unpooled.buffer();
            ByteBuf second = Unpooled.buffer();
            try {
                MessageWriter w = new MessageWriter().begin(first, 0x42, 0, 1, 2);
                writeFamilyHeader(w);
                tree.forEach(node -> write(w, node));
                w.end();

                MessageReader r = MessageReader.of(first, 0, first.writerIndex());
                assertTrue(r.next());
                List<Node> decoded = readGeneric(AttributeReader.of(first, r.payloadOffset() + 4, r.payloadEnd()));

                w.begin(second, r.type(), r.flags(), r.seq(), r.pid());
                writeFamilyHeader(w);
                decoded.forEach(node -> write(w, node));
                w.end();
                assertEquals(first, second);
            } finally {
                first.release();
                second.release();
            }
        });
    }

    /** A 4-byte family header (shaped like genlmsghdr) in front of the attributes. */
    private static void writeFamilyHeader(MessageWriter w) {
        w.rawU8(7).rawU8(1).rawU16(0);
    }

    @Test
    void stringsFromAVocabularyAreItsInstances() {
        String[] known = {"wlc", "rr", "\u00e9t\u00e9"};
        ByteBuf buf = Unpooled.buffer();
        try {
            MessageWriter w = new MessageWriter().begin(buf, 0x20, 0, 0, 0);
            w.string(1, "rr").bytes(2, new byte[] {'w', 'l', 'c'}).string(3, "rrr").string(4, "\u00e9t\u00e9").string(5, "");
            w.end();
            AttributeReader attrs = AttributeReader.of(buf, Netlink.HEADER_SIZE, buf.writerIndex());
            assertTrue(attrs.next());
            assertSame(known[1], attrs.string(known));
            assertTrue(attrs.next());
            assertSame(known[0], attrs.string(known), "without its NUL too");
            assertTrue(attrs.next());
            assertEquals("rrr", attrs.string(known));
            assertTrue(attrs.next());
            String accented = attrs.string(known);
            assertEquals(known[2], accented);
            assertNotSame(known[2], accented, "only ASCII vocabulary words are matched byte for byte");
            assertTrue(attrs.next());
            assertEquals("", attrs.string(known));
        } finally {
            buf.release();
        }
    }

    @Test
    void stringsAreNulTerminatedAndReadUpToTheFirstNul() {
        ByteBuf buf = Unpooled.buffer();
        try {
            MessageWriter w = new MessageWriter().begin(buf, 0x20, 0, 0, 0);
            w.string(1, "abc").bytes(2, new byte[] {'a', 'b', 0, 'c'}).bytes(3, new byte[] {'x', 'y'});
            w.end();
            AttributeReader attrs = AttributeReader.of(buf, Netlink.HEADER_SIZE, buf.writerIndex());
            assertTrue(attrs.next());
            assertEquals(4, attrs.payloadLength());
            assertEquals("abc", attrs.string());
            assertTrue(attrs.next());
            assertEquals("ab", attrs.string());
            assertTrue(attrs.next());
            assertEquals("xy", attrs.string(), "a string without NUL is the whole payload");
            assertFalse(attrs.next());
        } finally {
            buf.release();
        }
    }

    @Test
    void maximalAttributesFitAndLargerOnesAreRejected() {
        ByteBuf buf = Unpooled.buffer();
        try {
            MessageWriter w = new MessageWriter().begin(buf, 0x20, 0, 0, 0);
            w.string(1, "x".repeat(MessageWriter.MAX_ATTRIBUTE_PAYLOAD - 1));
            assertThrows(IllegalArgumentException.class, () -> w.string(2, "x".repeat(MessageWriter.MAX_ATTRIBUTE_PAYLOAD)));
            w.end();
            AttributeReader attrs = AttributeReader.of(buf, Netlink.HEADER_SIZE, buf.writerIndex());
            assertTrue(attrs.next());
            assertEquals(MessageWriter.MAX_ATTRIBUTE_PAYLOAD, attrs.payloadLength());
            assertEquals(MessageWriter.MAX_ATTRIBUTE_PAYLOAD - 1, attrs.string().length());
            assertFalse(attrs.next());
        } finally {
            buf.release();
        }
    }

    /** Copies bytes out of a ByteBuf without moving its indices. */
    static byte[] copy(ByteBuf buf, int index, int length) {
        byte[] out = new byte[length];
        buf.getBytes(index, out);
        return out;
    }
}
