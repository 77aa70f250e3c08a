// SPDX-FileCopyrightText: 2026 The netlink4j Authors
// SPDX-License-Identifier: Apache-2.0
package io.netlink4j.codec;

import io.netlink4j.internal.ControlMessages;
import io.netlink4j.NetlinkDecodeException;
import io.netlink4j.genl.Genl;
import io.netlink4j.internal.GenlFamilyCodec;
import io.netlink4j.testsupport.NetlinkBytes;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import org.junit.jupiter.api.Test;
import org.quicktheories.api.Pair;
import org.quicktheories.core.Gen;
import org.quicktheories.generators.Generate;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;
import java.util.function.Supplier;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.arbitrary;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;

/**
 * Malformed and hostile input: every parser must either produce values or throw
 * {@link NetlinkDecodeException}, must never look outside the datagram, and must finish in work
 * proportional to the input.
 */
class MalformedInputTest {

    private static final HexFormat HEX = HexFormat.of();

    /** Payloads (with alignment) whose typed accessors this test has checked. */
    private final Set<String> checkedPayloads = new HashSet<>();

    /**
     * Parses everything a receiver could try on {@code buf[start, end)} and records what it saw.
     * Only {@link NetlinkDecodeException} is caught: any other exception fails the test. Every
     * attribute is also tried as a nest and, given a set to record them in, every typed accessor is
     * called on it and checked against the payload bytes. The accessors depend only on the payload
     * and its alignment, so each distinct pair is checked once.
     */
    static final class Walk {
        private final ByteBuf buf;
        private final int start;
        private final int end;
        private final Set<String> checkedPayloads;
        private final long bound;
        private final List<String> trace = new ArrayList<>();
        private long steps;

        Walk(ByteBuf buf, int start, int end, Set<String> checkedPayloads) {
            this.buf = buf;
            this.checkedPayloads = checkedPayloads;
            this.start = start;
            this.end = end;
            // Attributes are at least 4 bytes, regions at one depth are disjoint, and there are at
            // most MAX_DEPTH + 1 depths for each of the two attribute start offsets tried.
            this.bound = 2L * (NetlinkAttribute.MAX_DEPTH + 1) * ((end - start) / NetlinkAttribute.HEADER_SIZE + 1)
                    + (end - start) / Netlink.HEADER_SIZE + 1;
        }

        List<String> run() {
            try {
                MessageReader msgs = MessageReader.of(buf, start, end);
                while (msgs.next()) {
                    step();
                    message(msgs);
                }
                trace.add("end");
            } catch (NetlinkDecodeException e) {
                trace.add("messages: NDE");
            }
            return trace;
        }

        long steps() {
            return steps;
        }

        private void step() {
            if (++steps > bound) {
                throw new AssertionError("more than " + bound + " steps for " + (end - start) + " bytes");
            }
        }

        private void message(MessageReader msg) {
            assertTrue(msg.offset() >= start && msg.length() >= Netlink.HEADER_SIZE && msg.payloadEnd() <= end,
                    "message outside the datagram");
            trace.add("msg @" + (msg.offset() - start) + " len=" + msg.length() + " type=" + msg.type() + " flags="
                    + msg.flags() + " seq=" + msg.seq() + " pid=" + msg.pid());
            record("error", () -> describe(ControlMessages.decodeError(buf, msg.offset(), msg.length())));
            record("done", () -> describe(ControlMessages.decodeDone(buf, msg.offset(), msg.length())));
            record("family", () -> GenlFamilyCodec.decode(msg));
            record("genl", () -> Genl.command(msg) + "/" + Genl.version(msg));
            // Attributes right after the netlink header, and after a 4-byte genl header.
            for (int skip : new int[] {0, Genl.HEADER_SIZE}) {
                if (msg.payloadLength() >= skip) {
                    trace.add("attributes +" + skip);
                    attributes(AttributeReader.of(buf, msg.payloadOffset() + skip, msg.payloadEnd()));
                }
            }
        }

        private void record(String what, Supplier<Object> decode) {
            try {
                trace.add(what + ": " + decode.get());
            } catch (NetlinkDecodeException e) {
                trace.add(what + ": NDE");
            }
        }

        private static String describe(ControlMessages.Status s) {
            return s + " cookie=" + HEX.formatHex(s.extendedAck().cookie());
        }

        private void attributes(AttributeReader attrs) {
            try {
                while (attrs.next()) {
                    step();
                    attribute(attrs);
                    AttributeReader inner;
                    try {
                        inner = attrs.nested();
                    } catch (NetlinkDecodeException e) {
                        assertEquals(NetlinkAttribute.MAX_DEPTH, attrs.depth(), "nested() refused above MAX_DEPTH");
                        trace.add("too deep");
                        continue;
                    }
                    trace.add("nest");
                    attributes(inner);
                }
                trace.add("attributes end");
            } catch (NetlinkDecodeException e) {
                trace.add("attributes: NDE");
            }
        }

        private void attribute(AttributeReader a) {
            int length = a.payloadLength();
            assertTrue(length >= 0 && a.payloadOffset() >= start && a.payloadOffset() + length <= end,
                    "attribute outside the datagram");
            assertEquals(a.rawType() & NetlinkAttribute.TYPE_MASK, a.type());
            byte[] p = a.bytes();
            assertEquals(length, p.length);
            trace.add("attr " + a.rawType() + " " + HEX.formatHex(p));
            if (checkedPayloads != null && checkedPayloads.add((a.payloadOffset() - start) % 8 + ":" + HEX.formatHex(p))) {
                accessors(a, p);
            }
        }

        private static void accessors(AttributeReader a, byte[] p) {
            int length = p.length;
            ByteBuffer host = ByteBuffer.wrap(p).order(ByteOrder.nativeOrder());
            ByteBuffer be = ByteBuffer.wrap(p).order(ByteOrder.BIG_ENDIAN);
            expect(length == 1, a::u8, () -> p[0] & 0xFF);
            expect(length == 2, a::u16, () -> host.getShort(0) & 0xFFFF);
            expect(length == 2, a::u16Be, () -> be.getShort(0) & 0xFFFF);
            expect(length == 4, a::u32, () -> host.getInt(0));
            expect(length == 4, a::u32Be, () -> be.getInt(0));
            expect(length == 8, a::u64, () -> host.getLong(0));
            expect(length == 8, a::u64Be, () -> be.getLong(0));
            expect(length == 4 || length == 8, a::uint,
                    () -> length == 4 ? Integer.toUnsignedLong(host.getInt(0)) : host.getLong(0));
            expect(length == 0, a::flag, () -> true);
            expect(length == 4, () -> HEX.formatHex(a.bytes(4)), () -> HEX.formatHex(p));
            expect(length == 16, () -> HEX.formatHex(a.bytes(16)), () -> HEX.formatHex(p));
            assertEquals(cString(p), a.string());
            assertEquals(cString(p), a.string(VOCABULARY), "a vocabulary never changes what is read");
        }

        private static final String[] VOCABULARY = {"", "a", "rr", "wlc", "\u00e9t\u00e9"};

        /** The accessor returns the expected value when the size is right, else throws NetlinkDecodeException. */
        private static void expect(boolean sizeFits, Supplier<Object> accessor, Supplier<Object> expected) {
            if (sizeFits) {
                assertEquals(expected.get(), assertDoesNotThrow(accessor::get));
            } else {
                assertThrows(NetlinkDecodeException.class, accessor::get);
            }
        }

        private static String cString(byte[] p) {
            int nul = 0;
            while (nul < p.length && p[nul] != 0) {
                nul++;
            }
            return new String(p, 0, nul, StandardCharsets.UTF_8);
        }
    }

    /**
     * Walks {@code input} placed after {@code prefix} bytes and followed by {@code suffix} bytes
     * in a larger buffer; those other bytes are {@code fill}.
     */
    static List<String> explore(byte[] input, int prefix, int suffix, int fill, Set<String> checkedPayloads) {
        byte[] bytes = new byte[prefix + input.length + suffix];
        Arrays.fill(bytes, (byte) fill);
        System.arraycopy(input, 0, bytes, prefix, input.length);
        ByteBuf buf = Unpooled.wrappedBuffer(bytes);
        try {
            return new Walk(buf, prefix, prefix + input.length, checkedPayloads).run();
        } finally {
            buf.release();
        }
    }

    /**
     * Only NetlinkDecodeException escapes, work is bounded, and nothing outside the datagram is
     * read: the outcome is the same whatever precedes it, and the same when it ends the buffer
     * (where reading past it fails) as when bytes follow it. The typed accessors, which only read
     * inside a payload already checked to be in the datagram, run in the first walk.
     */
    private List<String> check(byte[] input, int prefix) {
        List<String> zeros = explore(input, prefix, 64, 0x00, checkedPayloads);
        List<String> ones = explore(input, prefix, 0, 0xFF, null);
        assertEquals(zeros, ones, "the result depends on bytes outside the datagram");
        return zeros;
    }

    // ---- A valid datagram of varied messages, the seed for mutations. ----

    /** A message of the corpus: where it starts, its nlmsg_len, and where its attributes start (-1: none). */
    record Framed(int start, int length, int attributes) {
        int end() {
            return start + length;
        }
    }

    record Corpus(byte[] bytes, List<Framed> messages) {}

    /** An attribute of the corpus, the region of its parent, and the message it is in. */
    record Attr(int offset, int length, int parentStart, int parentEnd, int index, Framed message) {}

    static final Corpus CORPUS = buildCorpus();
    static final List<Attr> CORPUS_ATTRIBUTES = attributesOf(CORPUS);

    private static Corpus buildCorpus() {
        ByteBuf buf = Unpooled.buffer();
        try {
            List<Framed> framed = new ArrayList<>();
            MessageWriter w = new MessageWriter();

            w.begin(buf, Genl.GENL_ID_CTRL, 0, 1, 0);
            Genl.writeHeader(w, Genl.CTRL_CMD_NEWFAMILY, 2);
            int attrs = buf.writerIndex();
            w.string(Genl.CTRL_ATTR_FAMILY_NAME, "corpus").u16(Genl.CTRL_ATTR_FAMILY_ID, 0x1c)
                    .u32(Genl.CTRL_ATTR_VERSION, 1).u32(Genl.CTRL_ATTR_HDRSIZE, 0).u32(Genl.CTRL_ATTR_MAXATTR, 7)
                    .beginNested(Genl.CTRL_ATTR_OPS)
                    .beginNested(1).u32(Genl.CTRL_ATTR_OP_ID, 3).u32(Genl.CTRL_ATTR_OP_FLAGS, 0x0e).endNested()
                    .beginNested(2).u32(Genl.CTRL_ATTR_OP_ID, 4).endNested()
                    .endNested()
                    .beginNested(Genl.CTRL_ATTR_MCAST_GROUPS)
                    .beginNested(1).string(Genl.CTRL_ATTR_MCAST_GRP_NAME, "events").u32(Genl.CTRL_ATTR_MCAST_GRP_ID, 9).endNested()
                    .endNested();
            framed.add(new Framed(w.messageStart(), w.end(), attrs));

            byte[] request = new NetlinkBytes().message(0x24, Netlink.NLM_F_REQUEST | Netlink.NLM_F_ACK, 5, 77)
                    .attrU32(3, 42).endMessage().toArray();
            w.begin(buf, Netlink.NLMSG_ERROR, Netlink.NLM_F_ACK_TLVS, 5, 0).rawU32(-22).rawBytes(request);
            attrs = buf.writerIndex();
            w.string(ControlMessages.NLMSGERR_ATTR_MSG, "Invalid argument").u32(ControlMessages.NLMSGERR_ATTR_OFFS, 20)
                    .bytes(ControlMessages.NLMSGERR_ATTR_COOKIE, new byte[] {1, 2, 3})
                    .u32(ControlMessages.NLMSGERR_ATTR_MISS_TYPE, 4).u32(ControlMessages.NLMSGERR_ATTR_MISS_NEST, 16);
            framed.add(new Framed(w.messageStart(), w.end(), attrs));

            w.begin(buf, Netlink.NLMSG_ERROR, Netlink.NLM_F_CAPPED | Netlink.NLM_F_ACK_TLVS, 6, 0).rawU32(0)
                    .rawBytes(Arrays.copyOf(request, Netlink.HEADER_SIZE));
            attrs = buf.writerIndex();
            w.string(ControlMessages.NLMSGERR_ATTR_MSG, "warning");
            framed.add(new Framed(w.messageStart(), w.end(), attrs));

            w.begin(buf, 0x24, Netlink.NLM_F_MULTI, 7, 0).rawU32(0);
            attrs = buf.writerIndex();
            w.u8(1, 0xAB).u16(2, 0xBEEF).u16Be(3, 0x1234).u32Be(4, 0xC0A80001).flag(5).bytes(6, new byte[] {9, 8, 7, 6, 5})
                    .beginNested(10).u64(11, Long.MIN_VALUE).u64Be(12, -2)
                    .beginNested(13).string(14, "eth0").beginNested(15).flag(16).u8(17, 0).endNested().beginNested(18).endNested()
                    .endNested().endNested();
            framed.add(new Framed(w.messageStart(), w.end(), attrs));

            w.begin(buf, Netlink.NLMSG_DONE, Netlink.NLM_F_MULTI | Netlink.NLM_F_ACK_TLVS, 8, 0).rawU32(-105);
            attrs = buf.writerIndex();
            w.string(ControlMessages.NLMSGERR_ATTR_MSG, "dump interrupted");
            framed.add(new Framed(w.messageStart(), w.end(), attrs));

            // Last, with an unaligned nlmsg_len and no padding after it.
            w.begin(buf, 0x25, 0, 9, 0).rawBytes(new byte[] {1, 2, 3});
            framed.add(new Framed(w.messageStart(), w.end(), -1));

            Framed last = framed.get(framed.size() - 1);
            byte[] bytes = new byte[last.end()];
            buf.getBytes(0, bytes);
            return new Corpus(bytes, List.copyOf(framed));
        } finally {
            buf.release();
        }
    }

    private static List<Attr> attributesOf(Corpus corpus) {
        ByteBuf buf = Unpooled.wrappedBuffer(corpus.bytes());
        try {
            List<Attr> out = new ArrayList<>();
            for (Framed m : corpus.messages()) {
                if (m.attributes() >= 0) {
                    collect(AttributeReader.of(buf, m.attributes(), m.end()), m.attributes(), m.end(), m, out);
                }
            }
            return List.copyOf(out);
        } finally {
            buf.release();
        }
    }

    private static void collect(AttributeReader attrs, int parentStart, int parentEnd, Framed message, List<Attr> out) {
        int index = 0;
        while (attrs.next()) {
            int offset = attrs.payloadOffset() - NetlinkAttribute.HEADER_SIZE;
            out.add(new Attr(offset, NetlinkAttribute.HEADER_SIZE + attrs.payloadLength(), parentStart, parentEnd, index++,
                    message));
            if (attrs.isNestedFlag()) {
                collect(attrs.nested(), attrs.payloadOffset(), attrs.payloadOffset() + attrs.payloadLength(), message, out);
            }
        }
    }

    // ---- Properties. ----

    @Test
    void theCorpusIsValid() {
        List<String> trace = check(CORPUS.bytes(), 0);
        assertEquals("end", trace.get(trace.size() - 1));
        assertEquals(CORPUS.messages().size(), trace.stream().filter(s -> s.startsWith("msg @")).count());
        assertTrue(trace.contains("family: GenlFamily[id=28, name=corpus, version=1, headerSize=0, maxAttr=7, "
                + "operations=[Operation[id=3, flags=14], Operation[id=4, flags=0]], groups=[MulticastGroup[id=9, name=events]]]"));
        assertTrue(CORPUS_ATTRIBUTES.size() > 30);
    }

    @Test
    void arbitraryBytes() {
        Gen<byte[]> bytes = Generate.byteArrays(integers().between(0, 512), Generate.bytes(Byte.MIN_VALUE, Byte.MAX_VALUE, (byte) 0));
        qt().withExamples(1000).forAll(bytes, integers().between(0, 7)).checkAssert(this::check);
    }

    /** Correctly framed messages of random bytes biased towards small values, so that lengths often look plausible. */
    @Test
    void framedRandomPayloads() {
        Gen<Byte> small = Generate.frequency(Pair.of(4, arbitrary().constant((byte) 0)),
                Pair.of(3, Generate.bytes((byte) 1, (byte) 24, (byte) 4)),
                Pair.of(1, Generate.bytes(Byte.MIN_VALUE, Byte.MAX_VALUE, (byte) 0)));
        Gen<Integer> types = Generate.oneOf(arbitrary().pick(Netlink.NLMSG_ERROR, Netlink.NLMSG_DONE, Genl.GENL_ID_CTRL),
                integers().between(0, 0xFFFF));
        Gen<Integer> flags = arbitrary().pick(0, Netlink.NLM_F_ACK_TLVS, Netlink.NLM_F_CAPPED,
                Netlink.NLM_F_CAPPED | Netlink.NLM_F_ACK_TLVS, 0xFFFF);
        Gen<byte[]> message = types.zip(flags, Generate.byteArrays(integers().between(0, 160), small), (type, f, payload) ->
                new NetlinkBytes().message(type, f, 1, 0).bytes(payload).endMessage().toArray());
        qt().withExamples(500).forAll(lists().of(message).ofSizeBetween(1, 3), integers().between(0, 3)).checkAssert((messages, cut) -> {
            NetlinkBytes datagram = new NetlinkBytes();
            messages.forEach(datagram::bytes);
            byte[] bytes = datagram.toArray();
            // Sometimes drop the final padding.
            check(Arrays.copyOf(bytes, Math.max(0, bytes.length - cut)), 0);
        });
    }

    @Test
    void randomlyEditedCorpus() {
        int size = CORPUS.bytes().length;
        Gen<Integer> values = Generate.oneOf(arbitrary().pick(0, 1, 3, 4, 5, 0x80, 0xFF), integers().between(0, 0xFF));
        Gen<int[]> edit = integers().between(0, size - 1).zip(values, (at, value) -> new int[] {at, value});
        qt().withExamples(300).forAll(lists().of(edit).ofSizeBetween(1, 6), integers().between(0, size), integers().between(0, 7))
                .checkAssert((edits, length, prefix) -> {
                    byte[] bytes = CORPUS.bytes().clone();
                    edits.forEach(e -> bytes[e[0]] = (byte) e[1]);
                    check(Arrays.copyOf(bytes, length), prefix);
                });
    }

    @Test
    void truncationAtEveryOffset() {
        byte[] bytes = CORPUS.bytes();
        for (int cut = 0; cut <= bytes.length; cut++) {
            check(Arrays.copyOf(bytes, cut), cut % 8);

            int whole = 0;
            boolean split = false;
            for (Framed m : CORPUS.messages()) {
                whole += m.end() <= cut ? 1 : 0;
                split |= m.start() < cut && cut < m.end();
            }
            ByteBuf buf = Unpooled.wrappedBuffer(bytes);
            try {
                MessageReader r = MessageReader.of(buf, 0, cut);
                for (int i = 0; i < whole; i++) {
                    assertTrue(r.next());
                    assertEquals(CORPUS.messages().get(i).start(), r.offset());
                }
                if (split) {
                    assertThrows(NetlinkDecodeException.class, r::next, "cut at " + cut);
                } else {
                    assertFalse(r.next(), "cut at " + cut);
                }
            } finally {
                buf.release();
            }
        }
    }

    @Test
    void attributeRegionTruncatedAtEveryOffset() {
        ByteBuf buf = Unpooled.wrappedBuffer(CORPUS.bytes());
        try {
            for (Framed m : CORPUS.messages()) {
                if (m.attributes() < 0) {
                    continue;
                }
                List<Attr> top = CORPUS_ATTRIBUTES.stream()
                        .filter(a -> a.parentStart() == m.attributes() && a.parentEnd() == m.end()).toList();
                for (int cut = m.attributes(); cut <= m.end(); cut++) {
                    int c = cut;
                    long whole = top.stream().filter(a -> a.offset() + a.length() <= c).count();
                    boolean split = top.stream().anyMatch(a -> a.offset() < c && c < a.offset() + a.length());
                    AttributeReader attrs = AttributeReader.of(buf, m.attributes(), cut);
                    for (int i = 0; i < whole; i++) {
                        assertTrue(attrs.next());
                        assertEquals(top.get(i).offset() + NetlinkAttribute.HEADER_SIZE, attrs.payloadOffset());
                    }
                    if (split) {
                        assertThrows(NetlinkDecodeException.class, attrs::next, "cut at " + cut);
                    } else {
                        assertFalse(attrs.next(), "cut at " + cut);
                    }
                }
            }
        } finally {
            buf.release();
        }
    }

    @Test
    void corruptedNlmsgLen() {
        byte[] bytes = CORPUS.bytes();
        List<Framed> messages = CORPUS.messages();
        for (int k = 0; k < messages.size(); k++) {
            Framed m = messages.get(k);
            int remaining = bytes.length - m.start();
            int[] values = {0, 1, 3, 4, 5, 15, 16, 17, m.length() - 1, m.length() + 1, remaining, remaining + 1,
                    0xFFFF, 0xFFFF_FFFF, 0x8000_0000};
            for (int value : values) {
                byte[] mutated = bytes.clone();
                ByteBuffer.wrap(mutated).order(ByteOrder.nativeOrder()).putInt(m.start(), value);
                check(mutated, 3);

                ByteBuf buf = Unpooled.wrappedBuffer(mutated);
                try {
                    MessageReader r = MessageReader.of(buf, 0, mutated.length);
                    for (int i = 0; i < k; i++) {
                        assertTrue(r.next());
                        assertEquals(messages.get(i).length(), r.length());
                    }
                    long length = Integer.toUnsignedLong(value);
                    if (length >= Netlink.HEADER_SIZE && length <= remaining) {
                        assertTrue(r.next());
                        assertEquals(value, r.length());
                    } else {
                        assertThrows(NetlinkDecodeException.class, r::next, "nlmsg_len " + length);
                    }
                } finally {
                    buf.release();
                }
            }
        }
    }

    @Test
    void corruptedNlaLen() {
        byte[] bytes = CORPUS.bytes();
        for (Attr a : CORPUS_ATTRIBUTES) {
            int room = a.parentEnd() - a.offset();
            int[] values = {0, 1, 3, 4, 5, 15, 16, 17, a.length() - 1, a.length() + 1, room, room + 1, 0xFFFF};
            for (int value : values) {
                byte[] mutated = bytes.clone();
                ByteBuffer.wrap(mutated).order(ByteOrder.nativeOrder()).putShort(a.offset(), (short) value);
                // The other messages are unchanged: walking the mutated one alone is enough.
                check(Arrays.copyOfRange(mutated, a.message().start(), a.message().end()), 1);

                ByteBuf buf = Unpooled.wrappedBuffer(mutated);
                try {
                    AttributeReader parent = AttributeReader.of(buf, a.parentStart(), a.parentEnd());
                    for (int i = 0; i < a.index(); i++) {
                        assertTrue(parent.next());
                    }
                    if (value >= NetlinkAttribute.HEADER_SIZE && value <= room) {
                        assertTrue(parent.next());
                        assertEquals(a.offset() + NetlinkAttribute.HEADER_SIZE, parent.payloadOffset());
                        assertEquals(value - NetlinkAttribute.HEADER_SIZE, parent.payloadLength());
                    } else {
                        assertThrows(NetlinkDecodeException.class, parent::next, "nla_len " + value);
                    }
                } finally {
                    buf.release();
                }
            }
        }
    }

    // ---- Specific cases. ----

    @Test
    void nlmsgLenBelowTheHeaderSizeIsRejected() {
        for (int length = 0; length < Netlink.HEADER_SIZE; length++) {
            byte[] bytes = new NetlinkBytes().message(0x20, 0, 0, 0).zeros(8).putU32(0, length).toArray();
            assertMessagesRejected(bytes);
        }
    }

    @Test
    void nlmsgLenBeyondTheDatagramIsRejected() {
        byte[] bytes = new NetlinkBytes().message(0x20, 0, 0, 0).zeros(8).putU32(0, 25).toArray();
        assertMessagesRejected(bytes);
    }

    @Test
    void truncatedMessageHeadersAreRejected() {
        byte[] header = new NetlinkBytes().message(0x20, 0, 0, 0).endMessage().toArray();
        for (int length = 1; length < Netlink.HEADER_SIZE; length++) {
            assertMessagesRejected(Arrays.copyOf(header, length));
        }
    }

    private static void assertMessagesRejected(byte[] bytes) {
        ByteBuf buf = Unpooled.wrappedBuffer(bytes);
        try {
            MessageReader r = MessageReader.of(buf, 0, bytes.length);
            assertThrows(NetlinkDecodeException.class, r::next);
        } finally {
            buf.release();
        }
    }

    @Test
    void unalignedMessagesAreSteppedOverByTheirPaddingAndTheLastNeedsNone() {
        byte[] bytes = new NetlinkBytes()
                .message(0x20, 0, 1, 0).bytes(new byte[] {1, 2, 3, 4, 5}).endMessage()
                .message(0x21, 0, 2, 0).bytes(new byte[] {6, 7, 8}).endMessageUnpadded()
                .toArray();
        assertEquals(24 + 19, bytes.length);
        ByteBuf buf = Unpooled.wrappedBuffer(bytes);
        try {
            MessageReader r = MessageReader.of(buf, 0, bytes.length);
            assertTrue(r.next());
            assertEquals(0, r.offset());
            assertEquals(21, r.length());
            assertEquals(1, r.seq());
            assertTrue(r.next());
            assertEquals(24, r.offset());
            assertEquals(19, r.length());
            assertEquals(0x21, r.type());
            assertEquals(3, r.payloadLength());
            assertEquals(bytes.length, r.payloadEnd());
            assertFalse(r.next());
            assertFalse(r.next(), "stays at the end");
        } finally {
            buf.release();
        }
    }

    @Test
    void zeroLengthAttributesAreLegal() {
        byte[] bytes = new NetlinkBytes().flag(1).attr(2 | NetlinkAttribute.F_NESTED, new byte[0]).attrU32(3, 99).flag(4).toArray();
        ByteBuf buf = Unpooled.wrappedBuffer(bytes);
        try {
            AttributeReader attrs = AttributeReader.of(buf, 0, bytes.length);
            assertTrue(attrs.next());
            assertEquals(1, attrs.type());
            assertEquals(0, attrs.payloadLength());
            assertTrue(attrs.flag());
            assertEquals("", attrs.string());
            assertArrayEquals(new byte[0], attrs.bytes());
            assertTrue(attrs.next());
            assertEquals(2, attrs.type());
            assertFalse(attrs.nested().next(), "an empty nest has no children");
            assertTrue(attrs.next());
            assertEquals(99, attrs.u32());
            assertTrue(attrs.next());
            assertEquals(4, attrs.type());
            assertTrue(attrs.flag());
            assertFalse(attrs.next());
        } finally {
            buf.release();
        }
    }

    @Test
    void truncatedAttributeHeadersAreRejected() {
        byte[] bytes = new NetlinkBytes().attrU32(1, 7).toArray();
        // Each region ends its buffer, so reading past it would fail with another exception.
        for (int remaining = 1; remaining < bytes.length; remaining++) {
            ByteBuf buf = Unpooled.wrappedBuffer(Arrays.copyOf(bytes, remaining));
            try {
                AttributeReader attrs = AttributeReader.of(buf, 0, remaining);
                assertThrows(NetlinkDecodeException.class, attrs::next, remaining + " bytes");
            } finally {
                buf.release();
            }
        }
    }

    @Test
    void regionsOutsideTheBufferAreRejected() {
        ByteBuf buf = Unpooled.wrappedBuffer(new byte[16]);
        try {
            assertThrows(NetlinkDecodeException.class, () -> AttributeReader.of(buf, 0, 17));
            assertThrows(NetlinkDecodeException.class, () -> AttributeReader.of(buf, -1, 4));
            assertThrows(NetlinkDecodeException.class, () -> AttributeReader.of(buf, 8, 4));
            assertThrows(NetlinkDecodeException.class, () -> new AttributeReader().reset(buf, 0, 0, NetlinkAttribute.MAX_DEPTH + 1));
            IllegalArgumentException negative = assertThrows(IllegalArgumentException.class,
                    () -> new AttributeReader().reset(buf, 0, 0, -1));
            assertEquals("depth: -1 (expected: 0-16)", negative.getMessage());
            assertThrows(NetlinkDecodeException.class, () -> MessageReader.of(buf, 0, 17));
            assertThrows(NetlinkDecodeException.class, () -> MessageReader.of(buf, -1, 4));
            assertThrows(NetlinkDecodeException.class, () -> MessageReader.of(buf, 8, 4));
        } finally {
            buf.release();
        }
    }

    /** {@code levels} nests, each inside the previous, around a u32 of value 42. */
    private static byte[] nests(int levels) {
        NetlinkBytes b = new NetlinkBytes();
        for (int i = 1; i <= levels; i++) {
            b.nest(i | NetlinkAttribute.F_NESTED);
        }
        b.attrU32(100, 42);
        for (int i = 0; i < levels; i++) {
            b.endNest();
        }
        return b.toArray();
    }

    @Test
    void nestingUpToMaxDepthIsRead() {
        byte[] bytes = nests(NetlinkAttribute.MAX_DEPTH);
        ByteBuf buf = Unpooled.wrappedBuffer(bytes);
        try {
            AttributeReader attrs = AttributeReader.of(buf, 0, bytes.length);
            for (int depth = 0; depth < NetlinkAttribute.MAX_DEPTH; depth++) {
                assertTrue(attrs.next());
                assertEquals(depth + 1, attrs.type());
                attrs = attrs.nested();
            }
            assertEquals(NetlinkAttribute.MAX_DEPTH, attrs.depth());
            assertTrue(attrs.next());
            assertEquals(100, attrs.type());
            assertEquals(42, attrs.u32());
        } finally {
            buf.release();
        }
    }

    @Test
    void nestingDeeperThanMaxDepthIsRejected() {
        byte[] bytes = nests(NetlinkAttribute.MAX_DEPTH + 1);
        ByteBuf buf = Unpooled.wrappedBuffer(bytes);
        try {
            AttributeReader attrs = AttributeReader.of(buf, 0, bytes.length);
            for (int depth = 0; depth < NetlinkAttribute.MAX_DEPTH; depth++) {
                assertTrue(attrs.next());
                attrs = attrs.nested();
            }
            assertTrue(attrs.next());
            assertEquals(NetlinkAttribute.MAX_DEPTH + 1, attrs.type());
            assertThrows(NetlinkDecodeException.class, attrs::nested);
        } finally {
            buf.release();
        }
        List<String> trace = check(new NetlinkBytes().message(0x30, 0, 0, 0).bytes(bytes).endMessage().toArray(), 0);
        assertTrue(trace.contains("too deep"));
    }

    @Test
    void typeFlagBitsAreMasked() {
        int[] rawTypes = {5, NetlinkAttribute.F_NESTED | 5, NetlinkAttribute.F_NET_BYTEORDER | 5,
                NetlinkAttribute.F_NESTED | NetlinkAttribute.F_NET_BYTEORDER | 5, NetlinkAttribute.TYPE_MASK};
        NetlinkBytes b = new NetlinkBytes();
        for (int rawType : rawTypes) {
            b.attr(rawType, NetlinkBytes.hostU32(rawType));
        }
        byte[] bytes = b.toArray();
        ByteBuf buf = Unpooled.wrappedBuffer(bytes);
        try {
            AttributeReader attrs = AttributeReader.of(buf, 0, bytes.length);
            for (int rawType : rawTypes) {
                assertTrue(attrs.next());
                assertEquals(rawType, attrs.rawType());
                assertEquals(rawType & 0x3FFF, attrs.type());
                assertEquals((rawType & 0x8000) != 0, attrs.isNestedFlag());
                assertEquals((rawType & 0x4000) != 0, attrs.isNetByteOrder());
                assertEquals(rawType, attrs.u32());
            }
            assertFalse(attrs.next());
        } finally {
            buf.release();
        }
    }

    @Test
    void nestsWithoutTheNestedFlagAreAccepted() {
        byte[] bytes = new NetlinkBytes().nest(7).attrU16(1, 0xABCD).endNest().toArray();
        ByteBuf buf = Unpooled.wrappedBuffer(bytes);
        try {
            AttributeReader attrs = AttributeReader.of(buf, 0, bytes.length);
            assertTrue(attrs.next());
            assertFalse(attrs.isNestedFlag());
            AttributeReader inner = attrs.nested();
            assertTrue(inner.next());
            assertEquals(0xABCD, inner.u16());
            assertFalse(inner.next());
        } finally {
            buf.release();
        }
    }

    @Test
    void walkWorkIsProportionalToTheInput() {
        // The worst case for the walk: nothing but empty attributes, each tried as a nest.
        byte[] bytes = new NetlinkBytes().message(0x30, 0, 0, 0).zeros(4000).endMessage().toArray();
        for (int at = Netlink.HEADER_SIZE; at < bytes.length; at += 4) {
            ByteBuffer.wrap(bytes).order(ByteOrder.nativeOrder()).putShort(at, (short) 4);
        }
        ByteBuf buf = Unpooled.wrappedBuffer(bytes);
        try {
            Walk walk = new Walk(buf, 0, bytes.length, new HashSet<>());
            List<String> trace = walk.run();
            assertEquals("end", trace.get(trace.size() - 1));
            // One message, then 1000 empty attributes after the netlink header and 999 after the genl header.
            assertEquals(1 + 1000 + 999, walk.steps());
        } finally {
            buf.release();
        }
    }
}
