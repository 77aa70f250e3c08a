// SPDX-FileCopyrightText: 2026 The netlink4j Authors
// SPDX-License-Identifier: Apache-2.0
package io.netlink4j.codec;

import io.netlink4j.internal.ControlMessages;
import com.code_intelligence.jazzer.junit.FuzzTest;
import io.netlink4j.internal.Errors;
import io.netlink4j.ExtendedAck;
import io.netlink4j.NetlinkErrnoException;
import io.netlink4j.fuzz.Fuzzing;
import io.netlink4j.fuzz.Reference;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

/**
 * NLMSG_ERROR and NLMSG_DONE with extended-ACK TLVs, capped and uncapped. Every message of the
 * datagram is decoded both ways (the decoders do not look at the type) and compared with a
 * model written from the netlink documentation; a decoded status is then turned into the
 * exception the request engine would throw, as the engine does.
 */
class ControlMessageFuzzTest {

    @FuzzTest
    void errorAndDone(byte[] data) {
        Fuzzing.withBuffer(data, buf -> {
            for (Reference.Item msg : Reference.messages(data, 0, data.length).items()) {
                ControlMessages.Status error = Fuzzing.decodeOrNull(() -> ControlMessages.decodeError(buf, msg.offset(), msg.length()));
                assertEquals(expectedError(data, msg), error);
                ControlMessages.Status done = Fuzzing.decodeOrNull(() -> ControlMessages.decodeDone(buf, msg.offset(), msg.length()));
                assertEquals(expectedDone(data, msg), done);
                raise(error);
                raise(done);
            }
        });
    }

    /** The engine's path from a kernel status to an exception: must build one, whatever the errno. */
    private static void raise(ControlMessages.Status status) {
        if (status != null && !status.isSuccess()) {
            NetlinkErrnoException e = Errors.fromKernel("fuzz", status.error(), status.extendedAck());
            assertNotNull(e.getMessage());
            assertEquals(status.extendedAck(), e.extendedAck());
        }
    }

    /** struct nlmsgerr: i32 error, the request's header (and payload unless NLM_F_CAPPED), then TLVs. Null: invalid. */
    private static ControlMessages.Status expectedError(byte[] d, Reference.Item msg) {
        int flags = Reference.u16(d, msg.offset() + 6);
        int payload = msg.offset() + 16;
        int end = msg.offset() + msg.length();
        if (end - payload < 20) {
            return null;
        }
        int echoed = payload + 4;
        long echoedLength = Integer.toUnsignedLong(Reference.i32(d, echoed));
        int tlvs;
        if ((flags & Netlink.NLM_F_CAPPED) != 0) {
            tlvs = echoed + 16;
        } else {
            if (echoedLength < 16 || echoedLength > end - echoed) {
                return null;
            }
            tlvs = (int) Math.min(echoed + ((echoedLength + 3) & ~3L), end);
        }
        ExtendedAck ack = ExtendedAck.NONE;
        if ((flags & Netlink.NLM_F_ACK_TLVS) != 0) {
            ack = expectedExtendedAck(d, tlvs, end);
            if (ack == null) {
                return null;
            }
        }
        return new ControlMessages.Status(Reference.i32(d, payload), Reference.i32(d, echoed + 8),
                Reference.u16(d, echoed + 4), ack);
    }

    /** NLMSG_DONE: an optional i32 errno, then TLVs if NLM_F_ACK_TLVS. */
    private static ControlMessages.Status expectedDone(byte[] d, Reference.Item msg) {
        int flags = Reference.u16(d, msg.offset() + 6);
        int payload = msg.offset() + 16;
        int end = msg.offset() + msg.length();
        int error = 0;
        ExtendedAck ack = ExtendedAck.NONE;
        if (end - payload >= 4) {
            error = Reference.i32(d, payload);
            if ((flags & Netlink.NLM_F_ACK_TLVS) != 0) {
                ack = expectedExtendedAck(d, payload + 4, end);
                if (ack == null) {
                    return null;
                }
            }
        }
        return new ControlMessages.Status(error, Reference.i32(d, msg.offset() + 8), -1, ack);
    }

    /** NLMSGERR_ATTR_*: the last of each kind wins, unknown ones are skipped. Null: invalid. */
    private static ExtendedAck expectedExtendedAck(byte[] d, int start, int end) {
        Reference.Walk walk = Reference.attributes(d, start, end);
        if (walk.broken()) {
            return null;
        }
        String message = null;
        int offset = -1;
        int missType = -1;
        int missNest = -1;
        byte[] cookie = null;
        for (Reference.Item a : walk.items()) {
            int p = a.offset() + 4;
            int length = a.length() - 4;
            switch (a.type() & NetlinkAttribute.TYPE_MASK) {
                case ControlMessages.NLMSGERR_ATTR_MSG -> {
                    int nul = p;
                    while (nul < p + length && d[nul] != 0) {
                        nul++;
                    }
                    message = new String(d, p, nul - p, StandardCharsets.UTF_8);
                }
                case ControlMessages.NLMSGERR_ATTR_OFFS, ControlMessages.NLMSGERR_ATTR_MISS_TYPE,
                     ControlMessages.NLMSGERR_ATTR_MISS_NEST -> {
                    if (length != 4) {
                        return null;
                    }
                    int v = Reference.i32(d, p);
                    switch (a.type() & NetlinkAttribute.TYPE_MASK) {
                        case ControlMessages.NLMSGERR_ATTR_OFFS -> offset = v;
                        case ControlMessages.NLMSGERR_ATTR_MISS_TYPE -> missType = v;
                        default -> missNest = v;
                    }
                }
                case ControlMessages.NLMSGERR_ATTR_COOKIE -> cookie = Arrays.copyOfRange(d, p, p + length);
                default -> { }
            }
        }
        if (message == null && offset < 0 && missType < 0 && missNest < 0 && cookie == null) {
            return ExtendedAck.NONE;
        }
        return new ExtendedAck(message, offset, missType, missNest, cookie);
    }
}
