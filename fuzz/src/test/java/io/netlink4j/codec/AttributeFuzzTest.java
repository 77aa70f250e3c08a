// SPDX-FileCopyrightText: 2026 The netlink4j Authors
// SPDX-License-Identifier: Apache-2.0
package io.netlink4j.codec;

import com.code_intelligence.jazzer.junit.FuzzTest;
import io.netlink4j.NetlinkDecodeException;
import io.netlink4j.fuzz.Fuzzing;
import io.netlink4j.fuzz.Reference;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.function.Supplier;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Attribute trees (nesting, type flags, lengths): the input is an attribute region, as found
 * after a message's family header. Every attribute is read with every accessor and opened as a
 * nest, recursively, and each result is checked against {@link Reference}: an accessor either
 * returns exactly the bytes the definition says or throws {@link NetlinkDecodeException}.
 */
class AttributeFuzzTest {

    @FuzzTest
    void attributes(byte[] data) {
        Fuzzing.withBuffer(data, buf -> checkRegion(data, AttributeReader.of(buf, 0, data.length), 0, data.length, 0));
    }

    private static void checkRegion(byte[] data, AttributeReader reader, int start, int end, int depth) {
        assertEquals(depth, reader.depth());
        Reference.Walk expected = Reference.attributes(data, start, end);
        for (Reference.Item item : expected.items()) {
            assertTrue(reader.next(), "attribute at " + item.offset());
            checkAttribute(data, reader, item, depth);
        }
        if (expected.broken()) {
            assertThrows(NetlinkDecodeException.class, reader::next);
        } else {
            assertFalse(reader.next());
            assertFalse(reader.next(), "next() after the end");
        }
    }

    private static void checkAttribute(byte[] data, AttributeReader r, Reference.Item item, int depth) {
        int p = item.offset() + NetlinkAttribute.HEADER_SIZE;
        int length = item.length() - NetlinkAttribute.HEADER_SIZE;
        assertEquals(item.type(), r.rawType());
        assertEquals(item.type() & NetlinkAttribute.TYPE_MASK, r.type());
        assertEquals((item.type() & NetlinkAttribute.F_NESTED) != 0, r.isNestedFlag());
        assertEquals((item.type() & NetlinkAttribute.F_NET_BYTEORDER) != 0, r.isNetByteOrder());
        assertEquals(p, r.payloadOffset());
        assertEquals(length, r.payloadLength());

        sized(length == 1, r::u8, () -> data[p] & 0xFF);
        sized(length == 2, r::u16, () -> Reference.u16(data, p));
        sized(length == 2, r::u16Be, () -> Reference.u16Be(data, p));
        sized(length == 4, r::u32, () -> Reference.i32(data, p));
        sized(length == 4, r::u32Be, () -> Reference.i32Be(data, p));
        sized(length == 8, r::u64, () -> Reference.i64(data, p));
        sized(length == 8, r::u64Be, () -> Reference.i64Be(data, p));
        sized(length == 4 || length == 8, r::uint,
                () -> length == 4 ? Integer.toUnsignedLong(Reference.i32(data, p)) : Reference.i64(data, p));
        sized(length == 0, r::flag, () -> true);
        assertArrayEquals(Arrays.copyOfRange(data, p, p + length), r.bytes(length));
        assertThrows(NetlinkDecodeException.class, () -> r.bytes(length + 1));
        assertArrayEquals(Arrays.copyOfRange(data, p, p + length), r.bytes());
        int nul = p;
        while (nul < p + length && data[nul] != 0) {
            nul++;
        }
        assertEquals(new String(data, p, nul - p, StandardCharsets.UTF_8), r.string());

        if (depth + 1 > NetlinkAttribute.MAX_DEPTH) {
            assertThrows(NetlinkDecodeException.class, r::nested);
        } else {
            checkRegion(data, r.nested(), p, p + length, depth + 1);
        }
    }

    /** An accessor for one payload size: returns the expected value when the size is right, else throws. */
    private static void sized(boolean fits, Supplier<Object> accessor, Supplier<Object> expected) {
        if (fits) {
            assertEquals(expected.get(), accessor.get());
        } else {
            assertThrows(NetlinkDecodeException.class, accessor::get);
        }
    }
}
