// SPDX-FileCopyrightText: 2026 The netlink4j Authors
// SPDX-License-Identifier: Apache-2.0
package io.netlink4j.genl;

import io.netlink4j.NetlinkDecodeException;
import io.netlink4j.codec.AttributeReader;
import io.netlink4j.codec.MessageReader;
import io.netlink4j.codec.MessageWriter;

/**
 * The generic netlink header ({@code struct genlmsghdr}: u8 cmd, u8 version, u16 reserved) that
 * follows the netlink header, and the constants of the nlctrl family.
 */
public final class Genl {
    private Genl() {}

    public static final int HEADER_SIZE = 4;
    /** The fixed message type of the nlctrl family. */
    public static final int GENL_ID_CTRL = 0x10;

    public static final int CTRL_CMD_NEWFAMILY = 1;
    public static final int CTRL_CMD_DELFAMILY = 2;
    public static final int CTRL_CMD_GETFAMILY = 3;
    public static final int CTRL_CMD_GETPOLICY = 10;

    public static final int CTRL_ATTR_FAMILY_ID = 1;
    public static final int CTRL_ATTR_FAMILY_NAME = 2;
    public static final int CTRL_ATTR_VERSION = 3;
    public static final int CTRL_ATTR_HDRSIZE = 4;
    public static final int CTRL_ATTR_MAXATTR = 5;
    public static final int CTRL_ATTR_OPS = 6;
    public static final int CTRL_ATTR_MCAST_GROUPS = 7;
    public static final int CTRL_ATTR_POLICY = 8;
    public static final int CTRL_ATTR_OP_POLICY = 9;
    public static final int CTRL_ATTR_OP = 10;

    public static final int CTRL_ATTR_OP_ID = 1;
    public static final int CTRL_ATTR_OP_FLAGS = 2;

    public static final int CTRL_ATTR_MCAST_GRP_NAME = 1;
    public static final int CTRL_ATTR_MCAST_GRP_ID = 2;

    /** Family names are at most GENL_NAMSIZ - 1 = 15 bytes. */
    public static final int MAX_FAMILY_NAME = 15;

    /** Writes the generic netlink header. */
    public static void writeHeader(MessageWriter writer, int cmd, int version) {
        if (cmd < 0 || cmd > 255) {
            throw new IllegalArgumentException("generic netlink command: " + cmd + " (expected: 0-255)");
        }
        if (version < 0 || version > 255) {
            throw new IllegalArgumentException("generic netlink version: " + version + " (expected: 0-255)");
        }
        writer.rawU8(cmd).rawU8(version).rawU16(0);
    }

    /** The command byte of the generic netlink message the reader is on. */
    public static int command(MessageReader msg) {
        if (msg.payloadLength() < HEADER_SIZE) {
            throw new NetlinkDecodeException("generic netlink message of " + msg.payloadLength()
                    + " payload bytes (expected: at least " + HEADER_SIZE + ")");
        }
        return msg.buffer().getUnsignedByte(msg.payloadOffset());
    }

    /** The version byte of the generic netlink message the reader is on. */
    public static int version(MessageReader msg) {
        command(msg);
        return msg.buffer().getUnsignedByte(msg.payloadOffset() + 1);
    }

    /**
     * Positions {@code into} over the attributes of the generic netlink message the reader is on,
     * after the genl header and a family header of {@code familyHeaderSize} bytes.
     */
    public static AttributeReader attributes(MessageReader msg, int familyHeaderSize, AttributeReader into) {
        if (familyHeaderSize < 0) {
            throw new IllegalArgumentException("family header size: " + familyHeaderSize + " (expected: >= 0)");
        }
        // The kernel starts attributes at NLMSG_ALIGN(GENL_HDRLEN + hdrsize).
        int skip = io.netlink4j.codec.Netlink.align(HEADER_SIZE + familyHeaderSize);
        if (msg.payloadLength() < skip) {
            throw new NetlinkDecodeException("generic netlink message of " + msg.payloadLength()
                    + " payload bytes (expected: at least " + skip + ")");
        }
        return into.reset(msg.buffer(), msg.payloadOffset() + skip, msg.payloadEnd(), 0);
    }
}
