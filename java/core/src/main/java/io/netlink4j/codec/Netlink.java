// SPDX-FileCopyrightText: 2026 The netlink4j Authors
// SPDX-License-Identifier: Apache-2.0
package io.netlink4j.codec;

import io.netlink4j.internal.HostOrder;
import io.netty.buffer.ByteBuf;

/**
 * The netlink message header ({@code struct nlmsghdr}, 16 bytes, host byte order) as named
 * offsets and static flyweight accessors, plus the protocol's constants.
 *
 * <pre>
 *  0: u32 nlmsg_len    total length including this header, not padding
 *  4: u16 nlmsg_type
 *  6: u16 nlmsg_flags
 *  8: u32 nlmsg_seq
 * 12: u32 nlmsg_pid
 * </pre>
 */
public final class Netlink {
    private Netlink() {}

    public static final int HEADER_SIZE = 16;
    public static final int LENGTH_OFFSET = 0;
    public static final int TYPE_OFFSET = 4;
    public static final int FLAGS_OFFSET = 6;
    public static final int SEQ_OFFSET = 8;
    public static final int PID_OFFSET = 12;

    public static final int ALIGNTO = 4;

    // Control message types.
    public static final int NLMSG_NOOP = 1;
    public static final int NLMSG_ERROR = 2;
    public static final int NLMSG_DONE = 3;
    public static final int NLMSG_OVERRUN = 4;
    public static final int NLMSG_MIN_TYPE = 0x10;

    // Flags of every request.
    public static final int NLM_F_REQUEST = 0x01;
    public static final int NLM_F_MULTI = 0x02;
    public static final int NLM_F_ACK = 0x04;
    public static final int NLM_F_ECHO = 0x08;
    public static final int NLM_F_DUMP_INTR = 0x10;
    public static final int NLM_F_DUMP_FILTERED = 0x20;
    // GET requests.
    public static final int NLM_F_ROOT = 0x100;
    public static final int NLM_F_MATCH = 0x200;
    public static final int NLM_F_ATOMIC = 0x400;
    public static final int NLM_F_DUMP = NLM_F_ROOT | NLM_F_MATCH;
    // NEW requests.
    public static final int NLM_F_REPLACE = 0x100;
    public static final int NLM_F_EXCL = 0x200;
    public static final int NLM_F_CREATE = 0x400;
    public static final int NLM_F_APPEND = 0x800;
    // DELETE requests.
    public static final int NLM_F_NONREC = 0x100;
    public static final int NLM_F_BULK = 0x200;
    // ACK messages.
    public static final int NLM_F_CAPPED = 0x100;
    public static final int NLM_F_ACK_TLVS = 0x200;

    /** NLMSG_ALIGN / NLA_ALIGN: rounds up to a multiple of 4. */
    public static int align(int length) {
        return (length + ALIGNTO - 1) & ~(ALIGNTO - 1);
    }

    public static int length(ByteBuf buf, int msg) {
        return HostOrder.getI32(buf, msg + LENGTH_OFFSET);
    }

    public static int type(ByteBuf buf, int msg) {
        return HostOrder.getU16(buf, msg + TYPE_OFFSET);
    }

    public static int flags(ByteBuf buf, int msg) {
        return HostOrder.getU16(buf, msg + FLAGS_OFFSET);
    }

    public static int seq(ByteBuf buf, int msg) {
        return HostOrder.getI32(buf, msg + SEQ_OFFSET);
    }

    public static int pid(ByteBuf buf, int msg) {
        return HostOrder.getI32(buf, msg + PID_OFFSET);
    }

    /** A readable name for a message type that is one of the control types, else its number. */
    public static String typeName(int type) {
        return switch (type) {
            case NLMSG_NOOP -> "NLMSG_NOOP";
            case NLMSG_ERROR -> "NLMSG_ERROR";
            case NLMSG_DONE -> "NLMSG_DONE";
            case NLMSG_OVERRUN -> "NLMSG_OVERRUN";
            default -> Integer.toString(type);
        };
    }
}
