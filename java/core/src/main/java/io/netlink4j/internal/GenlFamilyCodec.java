// SPDX-FileCopyrightText: 2026 The netlink4j Authors
// SPDX-License-Identifier: Apache-2.0
package io.netlink4j.internal;

import io.netlink4j.genl.Genl;
import io.netlink4j.genl.GenlFamily;
import io.netlink4j.NetlinkDecodeException;
import io.netlink4j.codec.AttributeReader;
import io.netlink4j.codec.MessageReader;

import java.util.ArrayList;
import java.util.List;

/** Decodes nlctrl's NEWFAMILY messages (replies to CTRL_CMD_GETFAMILY). Pure: no I/O. */
public final class GenlFamilyCodec {
    private GenlFamilyCodec() {}

    /** Decodes the family in the message the reader is on. Attributes may come in any order. */
    public static GenlFamily decode(MessageReader msg) {
        AttributeReader attrs = Genl.attributes(msg, 0, new AttributeReader());
        int id = -1;
        String name = null;
        int version = 0;
        int headerSize = 0;
        int maxAttr = 0;
        List<GenlFamily.Operation> ops = new ArrayList<>();
        List<GenlFamily.MulticastGroup> groups = new ArrayList<>();
        while (attrs.next()) {
            switch (attrs.type()) {
                case Genl.CTRL_ATTR_FAMILY_ID -> id = attrs.u16();
                case Genl.CTRL_ATTR_FAMILY_NAME -> name = attrs.string();
                case Genl.CTRL_ATTR_VERSION -> version = attrs.u32();
                case Genl.CTRL_ATTR_HDRSIZE -> headerSize = attrs.u32();
                case Genl.CTRL_ATTR_MAXATTR -> maxAttr = attrs.u32();
                case Genl.CTRL_ATTR_OPS -> decodeOps(attrs.nested(), ops);
                case Genl.CTRL_ATTR_MCAST_GROUPS -> decodeGroups(attrs.nested(), groups);
                default -> { }
            }
        }
        if (id < 0 || name == null) {
            throw new NetlinkDecodeException("nlctrl family reply without " + (id < 0 ? "CTRL_ATTR_FAMILY_ID" : "CTRL_ATTR_FAMILY_NAME"));
        }
        return new GenlFamily(id, name, version, headerSize, maxAttr, ops, groups);
    }

    private static void decodeOps(AttributeReader list, List<GenlFamily.Operation> out) {
        AttributeReader op = new AttributeReader();
        while (list.next()) {
            list.nested(op);
            int id = 0;
            boolean hasId = false;
            int flags = 0;
            while (op.next()) {
                switch (op.type()) {
                    case Genl.CTRL_ATTR_OP_ID -> {
                        id = op.u32();
                        hasId = true;
                    }
                    case Genl.CTRL_ATTR_OP_FLAGS -> flags = op.u32();
                    default -> { }
                }
            }
            if (!hasId) {
                throw new NetlinkDecodeException("nlctrl operation without CTRL_ATTR_OP_ID");
            }
            out.add(new GenlFamily.Operation(id, flags));
        }
    }

    private static void decodeGroups(AttributeReader list, List<GenlFamily.MulticastGroup> out) {
        AttributeReader group = new AttributeReader();
        while (list.next()) {
            list.nested(group);
            int id = 0;
            boolean hasId = false;
            String name = null;
            while (group.next()) {
                switch (group.type()) {
                    case Genl.CTRL_ATTR_MCAST_GRP_ID -> {
                        id = group.u32();
                        hasId = true;
                    }
                    case Genl.CTRL_ATTR_MCAST_GRP_NAME -> name = group.string();
                    default -> { }
                }
            }
            if (!hasId || name == null) {
                throw new NetlinkDecodeException("nlctrl multicast group without "
                        + (!hasId ? "CTRL_ATTR_MCAST_GRP_ID" : "CTRL_ATTR_MCAST_GRP_NAME"));
            }
            out.add(new GenlFamily.MulticastGroup(id, name));
        }
    }
}
