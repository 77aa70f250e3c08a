// SPDX-FileCopyrightText: 2026 The netlink4j Authors
// SPDX-License-Identifier: Apache-2.0
package io.netlink4j.codec;

import io.netlink4j.internal.ControlMessages;
import com.code_intelligence.jazzer.junit.FuzzTest;
import io.netlink4j.NetlinkDecodeException;
import io.netlink4j.fuzz.Fuzzing;
import io.netlink4j.fuzz.Reference;
import io.netlink4j.genl.Genl;
import io.netty.buffer.ByteBuf;

import java.util.ArrayList;
import java.util.List;
import java.util.zip.CRC32;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A datagram of one or more netlink messages (framing, alignment, truncation), read the way the
 * request engine reads one: message by message, control messages decoded, generic netlink
 * messages opened down to their attribute trees. The framing must match {@link Reference}, and
 * the same datagram placed in the middle of a larger buffer filled with junk must read exactly
 * the same: no parser may look outside its region.
 */
class DatagramFuzzTest {
    /** Bytes of junk around the embedded copy; odd, so alignment is relative to the datagram. */
    private static final int BEFORE = 13;
    private static final int AFTER = 7;

    @FuzzTest
    void datagram(byte[] data) {
        List<String> alone = new ArrayList<>();
        Fuzzing.withBuffer(data, buf -> alone.addAll(read(data, buf, 0)));
        ByteBuf embedded = Fuzzing.embedded(data, BEFORE, AFTER, (byte) 0xA5);
        try {
            assertEquals(alone, read(data, Fuzzing.untraced(embedded), BEFORE));
        } finally {
            Fuzzing.release(embedded);
        }
    }

    /** Reads the datagram at {@code base} in {@code buf}; returns a description free of absolute offsets. */
    private static List<String> read(byte[] data, ByteBuf buf, int base) {
        List<String> out = new ArrayList<>();
        Reference.Walk expected = Reference.messages(data, 0, data.length);
        MessageReader reader = MessageReader.of(buf, base, base + data.length);
        for (Reference.Item item : expected.items()) {
            assertTrue(reader.next(), "message at " + item.offset());
            assertEquals(base + item.offset(), reader.offset());
            assertEquals(0, (reader.offset() - base) % Netlink.ALIGNTO, "message start not aligned");
            assertEquals(item.length(), reader.length());
            assertEquals(item.type(), reader.type());
            assertEquals(Reference.u16(data, item.offset() + 6), reader.flags());
            assertEquals(Reference.i32(data, item.offset() + 8), reader.seq());
            assertEquals(Reference.i32(data, item.offset() + 12), reader.pid());
            assertEquals(reader.offset() + Netlink.HEADER_SIZE, reader.payloadOffset());
            assertEquals(item.length() - Netlink.HEADER_SIZE, reader.payloadLength());
            assertEquals(reader.offset() + item.length(), reader.payloadEnd());
            out.add(describe(reader));
        }
        if (expected.broken()) {
            assertThrows(NetlinkDecodeException.class, reader::next);
        } else {
            assertFalse(reader.next());
        }
        return out;
    }

    private static String describe(MessageReader msg) {
        ByteBuf buf = msg.buffer();
        StringBuilder sb = new StringBuilder(Netlink.typeName(msg.type())).append(" flags=").append(msg.flags());
        switch (msg.type()) {
            case Netlink.NLMSG_ERROR -> sb.append(' ').append(Fuzzing.decodeOrNull(
                    () -> ControlMessages.decodeError(buf, msg.offset(), msg.length())));
            case Netlink.NLMSG_DONE -> sb.append(' ').append(Fuzzing.decodeOrNull(
                    () -> ControlMessages.decodeDone(buf, msg.offset(), msg.length())));
            default -> {
                if (msg.type() >= Netlink.NLMSG_MIN_TYPE) {
                    sb.append(" cmd=").append(Fuzzing.decodeOrNull(() -> Genl.command(msg)))
                            .append(" version=").append(Fuzzing.decodeOrNull(() -> Genl.version(msg)))
                            .append(' ').append(Fuzzing.decodeOrNull(() -> tree(Genl.attributes(msg, 0, new AttributeReader()))));
                }
            }
        }
        return sb.toString();
    }

    /** The attribute tree: every attribute's type, length and payload checksum, nests opened where they parse. */
    private static String tree(AttributeReader attrs) {
        StringBuilder sb = new StringBuilder("[");
        while (attrs.next()) {
            CRC32 crc = new CRC32();
            crc.update(attrs.bytes());
            sb.append(attrs.rawType()).append(':').append(attrs.payloadLength()).append(':')
                    .append(Long.toHexString(crc.getValue()));
            if (attrs.depth() < NetlinkAttribute.MAX_DEPTH && attrs.payloadLength() >= NetlinkAttribute.HEADER_SIZE) {
                sb.append(Fuzzing.decodeOrNull(() -> tree(attrs.nested())));
            }
            sb.append(' ');
        }
        return sb.append(']').toString();
    }
}
