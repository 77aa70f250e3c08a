// SPDX-FileCopyrightText: 2026 The netlink4j Authors
// SPDX-License-Identifier: Apache-2.0
package io.netlink4j.codec;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class MessageWriterTest {
    @Test
    void oversizedBinaryAttributeIsRejected() {
        ByteBuf buf = Unpooled.buffer();
        try {
            MessageWriter w = new MessageWriter().begin(buf, 0x20, 0, 0, 0);
            // nla_len would be 65536, which a u16 cannot hold.
            assertThrows(IllegalArgumentException.class, () -> w.bytes(1, new byte[MessageWriter.MAX_ATTRIBUTE_PAYLOAD + 1]));
        } finally {
            buf.release();
        }
    }

    @Test
    void attributesAfterAnUnalignedFixedHeaderStartAligned() {
        ByteBuf buf = Unpooled.buffer();
        try {
            // A 1-byte family header (struct rtgenmsg) then an attribute, as in an RTM_GETLINK dump.
            MessageWriter w = new MessageWriter().begin(buf, 18, Netlink.NLM_F_REQUEST | Netlink.NLM_F_DUMP, 1, 0);
            w.rawU8(0).u32(29, 1);
            w.end();
            // The kernel reads attributes at NLMSG_ALIGN(hdrlen): offset 16 + 4.
            AttributeReader attrs = AttributeReader.of(buf, Netlink.HEADER_SIZE + 4, buf.writerIndex());
            assertTrue(attrs.next());
            assertEquals(29, attrs.type());
            assertEquals(1, attrs.u32());
        } finally {
            buf.release();
        }
    }
}
