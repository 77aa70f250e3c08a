// SPDX-FileCopyrightText: 2026 The netlink4j Authors
// SPDX-License-Identifier: Apache-2.0
package io.netlink4j.codec;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import io.netlink4j.fuzz.Fuzzing;
import io.netlink4j.genl.Genl;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.PooledByteBufAllocator;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Round trip of the codec itself: messages with attribute trees built from fuzzer data are
 * written back to back with {@link MessageWriter} (a batch) and read back with
 * {@link MessageReader} and {@link AttributeReader}; every header field and value must come
 * back as written. Values the writer must refuse (an attribute or nest longer than nla_len can
 * say) must be refused with IllegalArgumentException, and nothing else may be.
 */
class MessageRoundTripFuzzTest {
    private static final int MAX_NODES = 64;
    /** Largest length a repeated blob or string is blown up to: past what nla_len can hold. */
    private static final int MAX_REPEAT = 0x10010;

    enum Kind { U8, U16, U16_BE, U32, U32_BE, U64, U64_BE, FLAG, STRING, BYTES, STRUCT, NEST }

    /**
     * One attribute as written. STRUCT is a fixed C struct written with beginAttribute and the
     * raw methods; NEST has children.
     */
    record Node(Kind kind, int type, long value, String text, byte[] bytes, List<Node> children) {
        static Node scalar(Kind kind, int type, long value) {
            return new Node(kind, type, value, null, null, List.of());
        }

        static Node of(Kind kind, int type, byte[] bytes) {
            return new Node(kind, type, 0, null, bytes, List.of());
        }
    }

    record Message(int type, int flags, int seq, int pid, int cmd, int version, List<Node> attributes) {}

    @FuzzTest
    void messages(FuzzedDataProvider in) {
        List<Message> messages = new ArrayList<>();
        int[] budget = {MAX_NODES};
        int count = in.consumeInt(1, 4);
        for (int i = 0; i < count; i++) {
            messages.add(new Message(in.consumeInt(0, 0xFFFF), in.consumeInt(0, 0xFFFF), in.consumeInt(), in.consumeInt(),
                    in.consumeInt(0, 255), in.consumeInt(0, 255), nodes(in, 0, budget)));
        }
        boolean valid = messages.stream().allMatch(m -> m.attributes().stream().allMatch(MessageRoundTripFuzzTest::writable));

        ByteBuf tracked = PooledByteBufAllocator.DEFAULT.directBuffer(256);
        ByteBuf buf = Fuzzing.untraced(tracked);
        try {
            MessageWriter w = new MessageWriter();
            List<Integer> lengths = new ArrayList<>();
            if (!valid) {
                assertThrows(IllegalArgumentException.class, () -> messages.forEach(m -> write(w, buf, m)));
                return;
            }
            for (Message m : messages) {
                lengths.add(write(w, buf, m));
            }
            MessageReader reader = MessageReader.of(buf, 0, buf.writerIndex());
            for (int i = 0; i < messages.size(); i++) {
                Message m = messages.get(i);
                assertTrue(reader.next());
                assertEquals(0, reader.offset() % Netlink.ALIGNTO);
                assertEquals(lengths.get(i), reader.length());
                assertEquals(m.type(), reader.type());
                assertEquals(m.flags(), reader.flags());
                assertEquals(m.seq(), reader.seq());
                assertEquals(m.pid(), reader.pid());
                assertEquals(m.cmd(), Genl.command(reader));
                assertEquals(m.version(), Genl.version(reader));
                check(m.attributes(), Genl.attributes(reader, 0, new AttributeReader()));
            }
            assertFalse(reader.next());
        } finally {
            Fuzzing.release(tracked);
        }
    }

    private static List<Node> nodes(FuzzedDataProvider in, int depth, int[] budget) {
        List<Node> out = new ArrayList<>();
        while (budget[0] > 0 && in.remainingBytes() > 0 && in.consumeBoolean()) {
            budget[0]--;
            int type = in.consumeInt(0, NetlinkAttribute.TYPE_MASK);
            Node node = switch (in.consumeInt(0, 12)) {
                case 0 -> Node.scalar(Kind.U8, type, in.consumeInt(0, 0xFF));
                case 1 -> Node.scalar(Kind.U16, type, in.consumeInt(0, 0xFFFF));
                case 2 -> Node.scalar(Kind.U16_BE, type, in.consumeInt(0, 0xFFFF));
                case 3 -> Node.scalar(Kind.U32, type, in.consumeInt());
                case 4 -> Node.scalar(Kind.U32_BE, type, in.consumeInt());
                case 5 -> Node.scalar(Kind.U64, type, in.consumeLong());
                case 6 -> Node.scalar(Kind.U64_BE, type, in.consumeLong());
                case 7 -> Node.scalar(Kind.FLAG, type, 0);
                case 8 -> new Node(Kind.STRING, type, 0, in.consumeBoolean() ? in.consumeString(64)
                        : in.consumeString(8).repeat(in.consumeInt(0, MAX_REPEAT / 8)), null, List.of());
                case 9 -> Node.of(Kind.BYTES, type, blob(in));
                case 10 -> Node.of(Kind.STRUCT, type, blob(in));
                default -> depth < NetlinkAttribute.MAX_DEPTH
                        ? new Node(Kind.NEST, type, 0, null, null, nodes(in, depth + 1, budget))
                        : Node.scalar(Kind.FLAG, type, 0);
            };
            out.add(node);
        }
        return out;
    }

    private static byte[] blob(FuzzedDataProvider in) {
        if (in.consumeBoolean()) {
            return in.consumeBytes(64);
        }
        byte[] out = new byte[in.consumeInt(0, MAX_REPEAT)];
        Arrays.fill(out, in.consumeByte());
        return out;
    }

    /** Whether nla_len can describe the attribute, nests included. */
    private static boolean writable(Node node) {
        return switch (node.kind()) {
            case STRING -> utf8Length(node.text()) + 1 <= MessageWriter.MAX_ATTRIBUTE_PAYLOAD;
            case BYTES, STRUCT -> node.bytes().length <= MessageWriter.MAX_ATTRIBUTE_PAYLOAD;
            case NEST -> node.children().stream().allMatch(MessageRoundTripFuzzTest::writable) && size(node) <= 0xFFFF;
            default -> true;
        };
    }

    /** nla_len of a node as the definition has it (children padded to 4 bytes). */
    private static int size(Node node) {
        return NetlinkAttribute.HEADER_SIZE + switch (node.kind()) {
            case U8 -> 1;
            case U16, U16_BE -> 2;
            case U32, U32_BE -> 4;
            case U64, U64_BE -> 8;
            case FLAG -> 0;
            case STRING -> utf8Length(node.text()) + 1;
            case BYTES, STRUCT -> node.bytes().length;
            case NEST -> node.children().stream().mapToInt(c -> Netlink.align(size(c))).sum();
        };
    }

    private static int utf8Length(String s) {
        return s.getBytes(StandardCharsets.UTF_8).length;
    }

    private static int write(MessageWriter w, ByteBuf buf, Message m) {
        w.begin(buf, m.type(), m.flags(), m.seq(), m.pid());
        Genl.writeHeader(w, m.cmd(), m.version());
        m.attributes().forEach(n -> write(w, n));
        return w.end();
    }

    private static void write(MessageWriter w, Node node) {
        int type = node.type();
        switch (node.kind()) {
            case U8 -> w.u8(type, (int) node.value());
            case U16 -> w.u16(type, (int) node.value());
            case U16_BE -> w.u16Be(type, (int) node.value());
            case U32 -> w.u32(type, (int) node.value());
            case U32_BE -> w.u32Be(type, (int) node.value());
            case U64 -> w.u64(type, node.value());
            case U64_BE -> w.u64Be(type, node.value());
            case FLAG -> w.flag(type);
            case STRING -> w.string(type, node.text());
            case BYTES -> w.bytes(type, node.bytes());
            case STRUCT -> w.beginAttribute(type).rawBytes(node.bytes()).endAttribute();
            case NEST -> {
                w.beginNested(type);
                node.children().forEach(c -> write(w, c));
                w.endNested();
            }
        }
    }

    private static void check(List<Node> expected, AttributeReader r) {
        for (Node node : expected) {
            assertTrue(r.next(), "attribute " + node.type() + " missing");
            assertEquals(node.type(), r.type());
            assertEquals(node.kind() == Kind.NEST, r.isNestedFlag());
            assertEquals(size(node) - NetlinkAttribute.HEADER_SIZE, r.payloadLength());
            switch (node.kind()) {
                case U8 -> assertEquals(node.value(), r.u8());
                case U16 -> assertEquals(node.value(), r.u16());
                case U16_BE -> assertEquals(node.value(), r.u16Be());
                case U32 -> assertEquals(node.value(), r.u32());
                case U32_BE -> assertEquals(node.value(), r.u32Be());
                case U64 -> assertEquals(node.value(), r.u64());
                case U64_BE -> assertEquals(node.value(), r.u64Be());
                case FLAG -> assertTrue(r.flag());
                case STRING -> {
                    String sent = new String(node.text().getBytes(StandardCharsets.UTF_8), StandardCharsets.UTF_8);
                    int nul = sent.indexOf('\0');
                    assertEquals(nul < 0 ? sent : sent.substring(0, nul), r.string());
                }
                case BYTES, STRUCT -> assertArrayEquals(node.bytes(), r.bytes());
                case NEST -> check(node.children(), r.nested());
            }
        }
        assertFalse(r.next(), "attribute after the last one written");
    }
}
