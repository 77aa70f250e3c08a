// SPDX-FileCopyrightText: 2026 The netlink4j Authors
// SPDX-License-Identifier: Apache-2.0
package io.netlink4j.internal;

import io.netlink4j.codec.NetlinkAttribute;
import io.netlink4j.codec.Netlink;
import io.netlink4j.codec.MessageReader;
import io.netlink4j.ExtendedAck;
import io.netlink4j.NetlinkDecodeException;
import io.netlink4j.testsupport.NetlinkBytes;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.function.Function;

import static io.netlink4j.internal.ControlMessages.NLMSGERR_ATTR_COOKIE;
import static io.netlink4j.internal.ControlMessages.NLMSGERR_ATTR_MISS_NEST;
import static io.netlink4j.internal.ControlMessages.NLMSGERR_ATTR_MISS_TYPE;
import static io.netlink4j.internal.ControlMessages.NLMSGERR_ATTR_MSG;
import static io.netlink4j.internal.ControlMessages.NLMSGERR_ATTR_OFFS;
import static io.netlink4j.internal.ControlMessages.NLMSGERR_ATTR_POLICY;
import static io.netlink4j.codec.Netlink.NLMSG_DONE;
import static io.netlink4j.codec.Netlink.NLMSG_ERROR;
import static io.netlink4j.codec.Netlink.NLM_F_ACK_TLVS;
import static io.netlink4j.codec.Netlink.NLM_F_CAPPED;
import static io.netlink4j.codec.Netlink.NLM_F_MULTI;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** NLMSG_ERROR and NLMSG_DONE decoding against messages built byte by byte. */
class ControlMessagesTest {
    private static final int EINVAL = 22;
    private static final int ENOENT = 2;
    private static final int EINTR = 4;

    private static final int REQUEST_TYPE = 0x1234;
    private static final int REQUEST_SEQ = 0x7777_0001;

    /** A request of 16 + 8 + 7 = 31 bytes (unaligned): a u32 attribute and a 3-byte binary one. */
    private static final byte[] REQUEST = new NetlinkBytes()
            .message(REQUEST_TYPE, Netlink.NLM_F_REQUEST | Netlink.NLM_F_ACK, REQUEST_SEQ, 4242)
            .attrU32(1, 5).u16(7).u16(2).bytes(new byte[] {1, 2, 3})
            .endMessageUnpadded().toArray();

    private static final byte[] COOKIE = {(byte) 0xDE, (byte) 0xAD, (byte) 0xBE, (byte) 0xEF, 0, 1, 2, 3};

    /** Decodes the first message of {@code bytes} with {@code decoder}, checking it is the only one. */
    private static ControlMessages.Status decode(byte[] bytes, Decoder decoder) {
        ByteBuf buf = Unpooled.wrappedBuffer(bytes);
        try {
            MessageReader r = MessageReader.of(buf, 0, bytes.length);
            assertTrue(r.next());
            ControlMessages.Status status = decoder.decode(buf, r.offset(), r.length());
            assertFalse(r.next());
            return status;
        } finally {
            buf.release();
        }
    }

    @FunctionalInterface
    private interface Decoder {
        ControlMessages.Status decode(ByteBuf buf, int msg, int length);
    }

    private static ControlMessages.Status decodeError(byte[] bytes) {
        return decode(bytes, ControlMessages::decodeError);
    }

    private static ControlMessages.Status decodeDone(byte[] bytes) {
        return decode(bytes, ControlMessages::decodeDone);
    }

    private static NetlinkBytes error(int flags, int errno) {
        return new NetlinkBytes().message(NLMSG_ERROR, flags, REQUEST_SEQ, 0).u32(errno);
    }

    @Test
    void ack() {
        // The kernel caps every ACK: only the request's header is echoed, with its original nlmsg_len.
        byte[] bytes = error(NLM_F_CAPPED, 0).bytes(Arrays.copyOf(REQUEST, 16)).endMessage().toArray();
        assertEquals(36, bytes.length);
        ControlMessages.Status status = decodeError(bytes);
        assertEquals(new ControlMessages.Status(0, REQUEST_SEQ, REQUEST_TYPE, ExtendedAck.NONE), status);
        assertTrue(status.isSuccess());
        assertFalse(status.extendedAck().isPresent());
    }

    @Test
    void ackOfAHeaderOnlyRequestWithoutCapped() {
        byte[] request = new NetlinkBytes().message(REQUEST_TYPE, 5, REQUEST_SEQ, 0).endMessage().toArray();
        byte[] bytes = error(0, 0).bytes(request).endMessage().toArray();
        assertEquals(new ControlMessages.Status(0, REQUEST_SEQ, REQUEST_TYPE, ExtendedAck.NONE), decodeError(bytes));
    }

    @Test
    void errorWithTheFullRequestEchoedThenTlvs() {
        // The echoed request is 31 bytes: the TLVs start at its aligned end, 4 + 32 bytes into the payload.
        byte[] bytes = error(NLM_F_ACK_TLVS, -EINVAL).bytes(REQUEST).pad()
                .attrString(NLMSGERR_ATTR_MSG, "Unknown attribute type")
                .attrU32(NLMSGERR_ATTR_OFFS, 20)
                .endMessage().toArray();
        ControlMessages.Status status = decodeError(bytes);
        assertEquals(-EINVAL, status.error());
        assertEquals(REQUEST_SEQ, status.echoedSeq());
        assertEquals(REQUEST_TYPE, status.echoedType());
        assertEquals(new ExtendedAck("Unknown attribute type", 20, -1, -1, null), status.extendedAck());
        assertFalse(status.isSuccess());
    }

    @Test
    void errorWithTheFullRequestEchoedAndNoTlvFlagIgnoresTrailingBytes() {
        byte[] bytes = error(0, -ENOENT).bytes(REQUEST).pad().attrString(NLMSGERR_ATTR_MSG, "ignored").endMessage().toArray();
        assertEquals(new ControlMessages.Status(-ENOENT, REQUEST_SEQ, REQUEST_TYPE, ExtendedAck.NONE), decodeError(bytes));
    }

    @Test
    void errorWhoseEchoedRequestLooksLikeAttributesIsNotMistakenForTlvs() {
        // The request's own attributes would parse as a MSG if the echo were not skipped.
        byte[] request = new NetlinkBytes().message(REQUEST_TYPE, 0, REQUEST_SEQ, 0)
                .attrString(NLMSGERR_ATTR_MSG, "from the request").endMessage().toArray();
        byte[] bytes = error(NLM_F_ACK_TLVS, -EINVAL).bytes(request).endMessage().toArray();
        assertSame(ExtendedAck.NONE, decodeError(bytes).extendedAck());
    }

    @Test
    void cappedErrorWithEveryTlv() {
        // Capped: the echoed nlmsg_len (31) still names the original request; TLVs follow the 16-byte header.
        byte[] bytes = error(NLM_F_CAPPED | NLM_F_ACK_TLVS, -EINVAL).bytes(Arrays.copyOf(REQUEST, 16))
                .attrString(NLMSGERR_ATTR_MSG, "missing attribute")
                .attrU32(NLMSGERR_ATTR_OFFS, 24)
                .attr(NLMSGERR_ATTR_COOKIE, COOKIE)
                .nest(NLMSGERR_ATTR_POLICY | NetlinkAttribute.F_NESTED).attrU32(1, 3).endNest()
                .attrU32(NLMSGERR_ATTR_MISS_TYPE, 7)
                .attrU32(NLMSGERR_ATTR_MISS_NEST, 32)
                .attrU32(99, 0xFFFF)
                .endMessage().toArray();
        ControlMessages.Status status = decodeError(bytes);
        assertEquals(-EINVAL, status.error());
        assertEquals(REQUEST_SEQ, status.echoedSeq());
        assertEquals(REQUEST_TYPE, status.echoedType());
        ExtendedAck ack = status.extendedAck();
        assertEquals("missing attribute", ack.message());
        assertEquals(24, ack.offset());
        assertEquals(7, ack.missingType());
        assertEquals(32, ack.missingNest());
        assertArrayEquals(COOKIE, ack.cookie());
        assertEquals(new ExtendedAck("missing attribute", 24, 7, 32, COOKIE), ack);
    }

    @Test
    void cappedErrorIgnoresTheEchoedLength() {
        byte[] header = new NetlinkBytes().message(REQUEST_TYPE, 0, REQUEST_SEQ, 0).putU32(0, 0xFFFF_FFFF).toArray();
        byte[] bytes = error(NLM_F_CAPPED | NLM_F_ACK_TLVS, -EINVAL).bytes(header)
                .attrU32(NLMSGERR_ATTR_MISS_TYPE, 3).endMessage().toArray();
        assertEquals(new ExtendedAck(null, -1, 3, -1, null), decodeError(bytes).extendedAck());
    }

    @Test
    void ackWithAWarning() {
        byte[] bytes = error(NLM_F_CAPPED | NLM_F_ACK_TLVS, 0).bytes(Arrays.copyOf(REQUEST, 16))
                .attrString(NLMSGERR_ATTR_MSG, "deprecated attribute").endMessage().toArray();
        ControlMessages.Status status = decodeError(bytes);
        assertTrue(status.isSuccess());
        assertTrue(status.extendedAck().isPresent());
        assertEquals("deprecated attribute", status.extendedAck().message());
    }

    @Test
    void tlvsAreReadOnlyUpToTheEndOfTheirMessage() {
        // A capped ACK with the TLV flag but no TLVs, followed by another message in the datagram.
        byte[] bytes = new NetlinkBytes()
                .message(NLMSG_ERROR, NLM_F_CAPPED | NLM_F_ACK_TLVS, 1, 0).u32(0).bytes(Arrays.copyOf(REQUEST, 16)).endMessage()
                .message(NLMSG_DONE, NLM_F_MULTI, 2, 0).u32(0).endMessage()
                .toArray();
        ByteBuf buf = Unpooled.wrappedBuffer(bytes);
        try {
            MessageReader r = MessageReader.of(buf, 0, bytes.length);
            assertTrue(r.next());
            assertSame(ExtendedAck.NONE, ControlMessages.decodeError(buf, r.offset(), r.length()).extendedAck());
            assertTrue(r.next());
            assertEquals(new ControlMessages.Status(0, 2, -1, ExtendedAck.NONE), ControlMessages.decodeDone(buf, r.offset(), r.length()));
        } finally {
            buf.release();
        }
    }

    @Test
    void doneWithoutPayload() {
        byte[] bytes = new NetlinkBytes().message(NLMSG_DONE, NLM_F_MULTI, 31, 0).endMessage().toArray();
        assertEquals(new ControlMessages.Status(0, 31, -1, ExtendedAck.NONE), decodeDone(bytes));
    }

    @Test
    void doneWithErrno() {
        byte[] bytes = new NetlinkBytes().message(NLMSG_DONE, NLM_F_MULTI, 32, 0).u32(-EINTR).endMessage().toArray();
        ControlMessages.Status status = decodeDone(bytes);
        assertEquals(new ControlMessages.Status(-EINTR, 32, -1, ExtendedAck.NONE), status);
        assertFalse(status.isSuccess());
    }

    @Test
    void doneWithErrnoAndTlvs() {
        byte[] bytes = new NetlinkBytes().message(NLMSG_DONE, NLM_F_MULTI | NLM_F_ACK_TLVS, 33, 0).u32(-EINVAL)
                .attrString(NLMSGERR_ATTR_MSG, "dump failed").attrU32(NLMSGERR_ATTR_OFFS, 28).endMessage().toArray();
        assertEquals(new ControlMessages.Status(-EINVAL, 33, -1, new ExtendedAck("dump failed", 28, -1, -1, null)),
                decodeDone(bytes));
    }

    @Test
    void doneWithTlvsButNoTlvFlagIgnoresThem() {
        byte[] bytes = new NetlinkBytes().message(NLMSG_DONE, NLM_F_MULTI, 34, 0).u32(0)
                .attrString(NLMSGERR_ATTR_MSG, "ignored").endMessage().toArray();
        assertEquals(new ControlMessages.Status(0, 34, -1, ExtendedAck.NONE), decodeDone(bytes));
    }

    @Test
    void errorShorterThanErrnoAndHeaderIsRejected() {
        byte[] full = error(NLM_F_CAPPED, -EINVAL).bytes(Arrays.copyOf(REQUEST, 16)).endMessage().toArray();
        for (int payload = 0; payload < 20; payload++) {
            byte[] truncated = withLength(full, 16 + payload);
            assertThrows(NetlinkDecodeException.class, () -> decodeError(truncated), "payload of " + payload);
        }
    }

    @Test
    void errorWithTheEchoTruncatedIsRejected() {
        // Not capped, but the echoed request claims 31 bytes and only 24 are there.
        byte[] bytes = error(NLM_F_ACK_TLVS, -EINVAL).bytes(Arrays.copyOf(REQUEST, 24)).endMessage().toArray();
        assertThrows(NetlinkDecodeException.class, () -> decodeError(bytes));
    }

    @Test
    void errorWithAnEchoedLengthBelowTheHeaderIsRejected() {
        byte[] header = new NetlinkBytes().message(REQUEST_TYPE, 0, REQUEST_SEQ, 0).putU32(0, 15).toArray();
        byte[] bytes = error(0, -EINVAL).bytes(header).endMessage().toArray();
        assertThrows(NetlinkDecodeException.class, () -> decodeError(bytes));
    }

    @Test
    void truncatedOrMistypedTlvsAreRejected() {
        Function<NetlinkBytes, NetlinkBytes> capped =
                b -> b.message(NLMSG_ERROR, NLM_F_CAPPED | NLM_F_ACK_TLVS, 1, 0).u32(-EINVAL).bytes(Arrays.copyOf(REQUEST, 16));
        byte[] cut = capped.apply(new NetlinkBytes()).attrString(NLMSGERR_ATTR_MSG, "cut short").endMessage().toArray();
        byte[] truncated = withLength(cut, cut.length - 4);
        assertThrows(NetlinkDecodeException.class, () -> decodeError(truncated));

        byte[] shortOffset = capped.apply(new NetlinkBytes()).attrU16(NLMSGERR_ATTR_OFFS, 20).endMessage().toArray();
        assertThrows(NetlinkDecodeException.class, () -> decodeError(shortOffset));

        byte[] longMissType = capped.apply(new NetlinkBytes()).attrU64(NLMSGERR_ATTR_MISS_TYPE, 3).endMessage().toArray();
        assertThrows(NetlinkDecodeException.class, () -> decodeError(longMissType));

        byte[] doneTlvs = new NetlinkBytes().message(NLMSG_DONE, NLM_F_MULTI | NLM_F_ACK_TLVS, 1, 0).u32(0)
                .u16(40).u16(NLMSGERR_ATTR_MSG).endMessage().toArray();
        assertThrows(NetlinkDecodeException.class, () -> decodeDone(doneTlvs));
    }

    /** {@code bytes} cut to {@code length} with nlmsg_len set to match. */
    private static byte[] withLength(byte[] bytes, int length) {
        return new NetlinkBytes().bytes(Arrays.copyOf(bytes, length)).putU32(0, length).toArray();
    }
}
