// SPDX-FileCopyrightText: 2026 The netlink4j Authors
// SPDX-License-Identifier: Apache-2.0
package io.netlink4j.internal;

import io.netlink4j.codec.Netlink;
import io.netlink4j.codec.AttributeReader;
import io.netlink4j.ExtendedAck;
import io.netlink4j.NetlinkDecodeException;
import io.netty.buffer.ByteBuf;

/**
 * Decoding of the two control messages that end an exchange: {@code NLMSG_ERROR} (an error or,
 * with errno 0, an ACK) and {@code NLMSG_DONE} (the end of a dump, carrying the dump's errno).
 * Both may carry extended-ACK attributes.
 */
public final class ControlMessages {
    private ControlMessages() {}

    // NLMSGERR_ATTR_*
    public static final int NLMSGERR_ATTR_MSG = 1;
    public static final int NLMSGERR_ATTR_OFFS = 2;
    public static final int NLMSGERR_ATTR_COOKIE = 3;
    public static final int NLMSGERR_ATTR_POLICY = 4;
    public static final int NLMSGERR_ATTR_MISS_TYPE = 5;
    public static final int NLMSGERR_ATTR_MISS_NEST = 6;

    /**
     * A decoded {@code NLMSG_ERROR} or {@code NLMSG_DONE}.
     *
     * @param error       the errno as the kernel sent it (0 or negative)
     * @param echoedSeq   nlmsg_seq of the request this answers ({@code NLMSG_ERROR} only; else the message's own)
     * @param echoedType  nlmsg_type of the request this answers ({@code NLMSG_ERROR} only; else -1)
     * @param extendedAck extended-ACK attributes, or {@link ExtendedAck#NONE}
     */
    public record Status(int error, int echoedSeq, int echoedType, ExtendedAck extendedAck) {
        public boolean isSuccess() {
            return error == 0;
        }
    }

    /**
     * Decodes the {@code NLMSG_ERROR} message whose header is at {@code msg}, {@code length} bytes
     * long. Layout: i32 error, the echoed request header, the echoed request payload unless
     * NLM_F_CAPPED, then extended-ACK attributes if NLM_F_ACK_TLVS.
     */
    public static Status decodeError(ByteBuf buf, int msg, int length) {
        checkRegion(buf, msg, length, "NLMSG_ERROR");
        int flags = Netlink.flags(buf, msg);
        int payload = msg + Netlink.HEADER_SIZE;
        int end = msg + length;
        if (end - payload < 4 + Netlink.HEADER_SIZE) {
            throw new NetlinkDecodeException("NLMSG_ERROR payload of " + (end - payload) + " bytes (expected: at least 20)");
        }
        int error = HostOrder.getI32(buf, payload);
        int echoed = payload + 4;
        int echoedLength = Netlink.length(buf, echoed);
        int echoedSeq = Netlink.seq(buf, echoed);
        int echoedType = Netlink.type(buf, echoed);
        int tlvs;
        if ((flags & Netlink.NLM_F_CAPPED) != 0) {
            tlvs = echoed + Netlink.HEADER_SIZE;
        } else {
            if (echoedLength < Netlink.HEADER_SIZE || echoedLength > end - echoed) {
                throw new NetlinkDecodeException("NLMSG_ERROR echoed nlmsg_len " + Integer.toUnsignedString(echoedLength)
                        + " (expected: 16-" + (end - echoed) + ")");
            }
            tlvs = Math.min(echoed + Netlink.align(echoedLength), end);
        }
        ExtendedAck ack = (flags & Netlink.NLM_F_ACK_TLVS) != 0 ? decodeExtendedAck(buf, tlvs, end) : ExtendedAck.NONE;
        return new Status(error, echoedSeq, echoedType, ack);
    }

    /**
     * Decodes the {@code NLMSG_DONE} message at {@code msg}: an i32 errno (absent in some
     * families: taken as 0) and, with NLM_F_ACK_TLVS, extended-ACK attributes.
     */
    public static Status decodeDone(ByteBuf buf, int msg, int length) {
        checkRegion(buf, msg, length, "NLMSG_DONE");
        int flags = Netlink.flags(buf, msg);
        int payload = msg + Netlink.HEADER_SIZE;
        int end = msg + length;
        int error = 0;
        ExtendedAck ack = ExtendedAck.NONE;
        if (end - payload >= 4) {
            error = HostOrder.getI32(buf, payload);
            if ((flags & Netlink.NLM_F_ACK_TLVS) != 0) {
                ack = decodeExtendedAck(buf, payload + 4, end);
            }
        }
        return new Status(error, Netlink.seq(buf, msg), -1, ack);
    }

    private static void checkRegion(ByteBuf buf, int msg, int length, String what) {
        if (msg < 0 || length < Netlink.HEADER_SIZE || msg > buf.capacity() - length) {
            throw new NetlinkDecodeException(what + " of " + length + " bytes at offset " + msg
                    + " (expected: at least 16 bytes inside a buffer of " + buf.capacity() + ")");
        }
    }

    /** Decodes NLMSGERR_ATTR_* attributes in {@code buf[start, end)}. Unknown ones are skipped. */
    public static ExtendedAck decodeExtendedAck(ByteBuf buf, int start, int end) {
        String message = null;
        int offset = -1;
        int missType = -1;
        int missNest = -1;
        byte[] cookie = null;
        AttributeReader attrs = AttributeReader.of(buf, start, end);
        while (attrs.next()) {
            switch (attrs.type()) {
                case NLMSGERR_ATTR_MSG -> message = attrs.string();
                case NLMSGERR_ATTR_OFFS -> offset = attrs.u32();
                case NLMSGERR_ATTR_COOKIE -> cookie = attrs.bytes();
                case NLMSGERR_ATTR_MISS_TYPE -> missType = attrs.u32();
                case NLMSGERR_ATTR_MISS_NEST -> missNest = attrs.u32();
                default -> { }
            }
        }
        if (message == null && offset < 0 && missType < 0 && missNest < 0 && cookie == null) {
            return ExtendedAck.NONE;
        }
        return new ExtendedAck(message, offset, missType, missNest, cookie);
    }
}
