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

    /** NLMSG_HDRLEN: the size of the message header, 16 bytes. */
    public static final int HEADER_SIZE = 16;
    /** Offset of {@code nlmsg_len} (u32) in the header. */
    public static final int LENGTH_OFFSET = 0;
    /** Offset of {@code nlmsg_type} (u16) in the header. */
    public static final int TYPE_OFFSET = 4;
    /** Offset of {@code nlmsg_flags} (u16) in the header. */
    public static final int FLAGS_OFFSET = 6;
    /** Offset of {@code nlmsg_seq} (u32) in the header. */
    public static final int SEQ_OFFSET = 8;
    /** Offset of {@code nlmsg_pid} (u32) in the header. */
    public static final int PID_OFFSET = 12;

    /** NLMSG_ALIGNTO: messages and attributes are aligned to 4 bytes. */
    public static final int ALIGNTO = 4;

    /** NLMSG_NOOP: a message to ignore. */
    public static final int NLMSG_NOOP = 1;
    /** NLMSG_ERROR: an error, or with errno 0 an ACK. */
    public static final int NLMSG_ERROR = 2;
    /** NLMSG_DONE: the end of a multipart message (a dump). */
    public static final int NLMSG_DONE = 3;
    /** NLMSG_OVERRUN: data lost (not sent by Linux). */
    public static final int NLMSG_OVERRUN = 4;
    /** NLMSG_MIN_TYPE: the lowest type a family may use; lower ones are control messages. */
    public static final int NLMSG_MIN_TYPE = 0x10;

    /** NLM_F_REQUEST: the message is a request. */
    public static final int NLM_F_REQUEST = 0x01;
    /** NLM_F_MULTI: part of a multipart message, ended by NLMSG_DONE. */
    public static final int NLM_F_MULTI = 0x02;
    /** NLM_F_ACK: asks for an ACK (NLMSG_ERROR with errno 0) on success. */
    public static final int NLM_F_ACK = 0x04;
    /** NLM_F_ECHO: echo this request to the sender. */
    public static final int NLM_F_ECHO = 0x08;
    /** NLM_F_DUMP_INTR: the dump was inconsistent because the table changed during it. */
    public static final int NLM_F_DUMP_INTR = 0x10;
    /** NLM_F_DUMP_FILTERED: the dump was filtered as requested. */
    public static final int NLM_F_DUMP_FILTERED = 0x20;
    /** NLM_F_ROOT (GET requests): return the whole table. */
    public static final int NLM_F_ROOT = 0x100;
    /** NLM_F_MATCH (GET requests): return all matching entries. */
    public static final int NLM_F_MATCH = 0x200;
    /** NLM_F_ATOMIC (GET requests): return an atomic snapshot of the table. */
    public static final int NLM_F_ATOMIC = 0x400;
    /** NLM_F_DUMP: NLM_F_ROOT | NLM_F_MATCH, a dump request. */
    public static final int NLM_F_DUMP = NLM_F_ROOT | NLM_F_MATCH;
    /** NLM_F_REPLACE (NEW requests): replace an existing object. */
    public static final int NLM_F_REPLACE = 0x100;
    /** NLM_F_EXCL (NEW requests): do not touch an object that exists. */
    public static final int NLM_F_EXCL = 0x200;
    /** NLM_F_CREATE (NEW requests): create the object if it does not exist. */
    public static final int NLM_F_CREATE = 0x400;
    /** NLM_F_APPEND (NEW requests): add to the end of a list. */
    public static final int NLM_F_APPEND = 0x800;
    /** NLM_F_NONREC (DEL requests): do not delete recursively. */
    public static final int NLM_F_NONREC = 0x100;
    /** NLM_F_BULK (DEL requests): delete many objects at once. */
    public static final int NLM_F_BULK = 0x200;
    /** NLM_F_CAPPED (ACKs): the request in the error message is capped to its header. */
    public static final int NLM_F_CAPPED = 0x100;
    /** NLM_F_ACK_TLVS (ACKs): extended-ACK attributes follow. */
    public static final int NLM_F_ACK_TLVS = 0x200;

    /**
     * NLMSG_ALIGN / NLA_ALIGN: rounds up to a multiple of 4.
     *
     * @param length a length in bytes
     * @return {@code length} rounded up to a multiple of {@link #ALIGNTO}
     */
    public static int align(int length) {
        return (length + ALIGNTO - 1) & ~(ALIGNTO - 1);
    }

    /**
     * Reads {@code nlmsg_len} of the message at {@code msg}.
     *
     * @param buf the buffer
     * @param msg offset of the message's header
     * @return the length, header included, padding excluded (an unsigned 32-bit value)
     */
    public static int length(ByteBuf buf, int msg) {
        return HostOrder.getI32(buf, msg + LENGTH_OFFSET);
    }

    /**
     * Reads {@code nlmsg_type} of the message at {@code msg}.
     *
     * @param buf the buffer
     * @param msg offset of the message's header
     * @return the type, 0-65535
     */
    public static int type(ByteBuf buf, int msg) {
        return HostOrder.getU16(buf, msg + TYPE_OFFSET);
    }

    /**
     * Reads {@code nlmsg_flags} of the message at {@code msg}.
     *
     * @param buf the buffer
     * @param msg offset of the message's header
     * @return the flags, 0-65535
     */
    public static int flags(ByteBuf buf, int msg) {
        return HostOrder.getU16(buf, msg + FLAGS_OFFSET);
    }

    /**
     * Reads {@code nlmsg_seq} of the message at {@code msg}.
     *
     * @param buf the buffer
     * @param msg offset of the message's header
     * @return the sequence number (an unsigned 32-bit value)
     */
    public static int seq(ByteBuf buf, int msg) {
        return HostOrder.getI32(buf, msg + SEQ_OFFSET);
    }

    /**
     * Reads {@code nlmsg_pid} of the message at {@code msg}.
     *
     * @param buf the buffer
     * @param msg offset of the message's header
     * @return the port id (an unsigned 32-bit value)
     */
    public static int pid(ByteBuf buf, int msg) {
        return HostOrder.getI32(buf, msg + PID_OFFSET);
    }

    /**
     * A readable name for a message type.
     *
     * @param type a message type
     * @return the control type's name ({@code NLMSG_DONE}), else the number
     */
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
