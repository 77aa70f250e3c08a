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

    /** GENL_HDRLEN: the size of the generic netlink header ({@code struct genlmsghdr}), 4 bytes. */
    public static final int HEADER_SIZE = 4;
    /** GENL_ID_CTRL: the fixed message type of the nlctrl family. */
    public static final int GENL_ID_CTRL = 0x10;

    /** CTRL_CMD_NEWFAMILY: a family was registered (notification, and the reply to GETFAMILY). */
    public static final int CTRL_CMD_NEWFAMILY = 1;
    /** CTRL_CMD_DELFAMILY: a family was unregistered (notification). */
    public static final int CTRL_CMD_DELFAMILY = 2;
    /** CTRL_CMD_GETFAMILY: asks for one family by name or id, or dumps them all. */
    public static final int CTRL_CMD_GETFAMILY = 3;
    /** CTRL_CMD_GETPOLICY: dumps the attribute policies of a family (Linux 5.10+). */
    public static final int CTRL_CMD_GETPOLICY = 10;

    /** CTRL_ATTR_FAMILY_ID (u16): the family's message type. */
    public static final int CTRL_ATTR_FAMILY_ID = 1;
    /** CTRL_ATTR_FAMILY_NAME (string): the family's name. */
    public static final int CTRL_ATTR_FAMILY_NAME = 2;
    /** CTRL_ATTR_VERSION (u32): the family's version. */
    public static final int CTRL_ATTR_VERSION = 3;
    /** CTRL_ATTR_HDRSIZE (u32): the size of the family's own header. */
    public static final int CTRL_ATTR_HDRSIZE = 4;
    /** CTRL_ATTR_MAXATTR (u32): the family's highest attribute type. */
    public static final int CTRL_ATTR_MAXATTR = 5;
    /** CTRL_ATTR_OPS (nested): the family's operations. */
    public static final int CTRL_ATTR_OPS = 6;
    /** CTRL_ATTR_MCAST_GROUPS (nested): the family's multicast groups. */
    public static final int CTRL_ATTR_MCAST_GROUPS = 7;
    /** CTRL_ATTR_POLICY (nested): attribute policies, by policy index. */
    public static final int CTRL_ATTR_POLICY = 8;
    /** CTRL_ATTR_OP_POLICY (nested): the policy indexes of each operation. */
    public static final int CTRL_ATTR_OP_POLICY = 9;
    /** CTRL_ATTR_OP (u32): the operation a GETPOLICY request asks about. */
    public static final int CTRL_ATTR_OP = 10;

    /** CTRL_ATTR_OP_ID (u32), inside an operation: its command number. */
    public static final int CTRL_ATTR_OP_ID = 1;
    /** CTRL_ATTR_OP_FLAGS (u32), inside an operation: its GENL_* flags. */
    public static final int CTRL_ATTR_OP_FLAGS = 2;

    /** CTRL_ATTR_MCAST_GRP_NAME (string), inside a multicast group: its name. */
    public static final int CTRL_ATTR_MCAST_GRP_NAME = 1;
    /** CTRL_ATTR_MCAST_GRP_ID (u32), inside a multicast group: its id. */
    public static final int CTRL_ATTR_MCAST_GRP_ID = 2;

    /** The longest family name: GENL_NAMSIZ - 1 = 15 bytes. */
    public static final int MAX_FAMILY_NAME = 15;

    /**
     * Writes the generic netlink header after the netlink header {@code writer} has begun.
     *
     * @param writer  a writer with a message begun
     * @param cmd     the family's command, 0-255
     * @param version the family's version, 0-255
     * @throws IllegalArgumentException if {@code cmd} or {@code version} is outside 0-255
     */
    public static void writeHeader(MessageWriter writer, int cmd, int version) {
        if (cmd < 0 || cmd > 255) {
            throw new IllegalArgumentException("generic netlink command: " + cmd + " (expected: 0-255)");
        }
        if (version < 0 || version > 255) {
            throw new IllegalArgumentException("generic netlink version: " + version + " (expected: 0-255)");
        }
        writer.rawU8(cmd).rawU8(version).rawU16(0);
    }

    /**
     * The command byte of the generic netlink message the reader is on.
     *
     * @param msg a reader on a generic netlink message
     * @return the command, 0-255
     * @throws NetlinkDecodeException if the message is too short for a generic netlink header
     */
    public static int command(MessageReader msg) {
        if (msg.payloadLength() < HEADER_SIZE) {
            throw new NetlinkDecodeException("generic netlink message of " + msg.payloadLength()
                    + " payload bytes (expected: at least " + HEADER_SIZE + ")");
        }
        return msg.buffer().getUnsignedByte(msg.payloadOffset());
    }

    /**
     * The version byte of the generic netlink message the reader is on.
     *
     * @param msg a reader on a generic netlink message
     * @return the version, 0-255
     * @throws NetlinkDecodeException if the message is too short for a generic netlink header
     */
    public static int version(MessageReader msg) {
        command(msg);
        return msg.buffer().getUnsignedByte(msg.payloadOffset() + 1);
    }

    /**
     * Positions {@code into} over the attributes of the generic netlink message the reader is on,
     * after the genl header and a family header of {@code familyHeaderSize} bytes.
     *
     * @param msg              a reader on a generic netlink message
     * @param familyHeaderSize the size of the family's own header ({@link GenlFamily#headerSize()}), usually 0
     * @param into             the reader to position
     * @return {@code into}, before the first attribute
     * @throws NetlinkDecodeException   if the message is too short for its headers
     * @throws IllegalArgumentException if {@code familyHeaderSize} is negative
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
