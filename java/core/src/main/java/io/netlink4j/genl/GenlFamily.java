// SPDX-FileCopyrightText: 2026 The netlink4j Authors
// SPDX-License-Identifier: Apache-2.0
package io.netlink4j.genl;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A generic netlink family as the kernel's nlctrl describes it.
 *
 * @param id         the message type to address it with (dynamic: can change when a module reloads)
 * @param name       e.g. {@code "IPVS"}
 * @param version    the family's protocol version
 * @param headerSize size of the family's fixed header after the genl header
 * @param maxAttr    the highest top-level attribute type it accepts
 * @param operations the commands it implements
 * @param groups     its multicast groups
 */
public record GenlFamily(int id, String name, int version, int headerSize, int maxAttr,
                         List<Operation> operations, List<MulticastGroup> groups) {

    public GenlFamily {
        Objects.requireNonNull(name, "name");
        operations = List.copyOf(operations);
        groups = List.copyOf(groups);
    }

    /** A multicast group: join it by {@code id} with NETLINK_ADD_MEMBERSHIP. */
    public record MulticastGroup(int id, String name) {
        public MulticastGroup {
            Objects.requireNonNull(name, "name");
        }
    }

    /** A command of the family and its flags (GENL_ADMIN_PERM, GENL_CMD_CAP_DO, ...). */
    public record Operation(int id, int flags) {
        public static final int GENL_ADMIN_PERM = 0x01;
        public static final int GENL_CMD_CAP_DO = 0x02;
        public static final int GENL_CMD_CAP_DUMP = 0x04;
        public static final int GENL_CMD_CAP_HASPOL = 0x08;
        public static final int GENL_UNS_ADMIN_PERM = 0x10;

        public boolean requiresAdmin() {
            return (flags & (GENL_ADMIN_PERM | GENL_UNS_ADMIN_PERM)) != 0;
        }

        public boolean canDo() {
            return (flags & GENL_CMD_CAP_DO) != 0;
        }

        public boolean canDump() {
            return (flags & GENL_CMD_CAP_DUMP) != 0;
        }

        public boolean hasPolicy() {
            return (flags & GENL_CMD_CAP_HASPOL) != 0;
        }
    }

    /** The multicast group called {@code groupName}, if the family has one. */
    public Optional<MulticastGroup> group(String groupName) {
        return groups.stream().filter(g -> g.name().equals(groupName)).findFirst();
    }

    /** The operation with command number {@code cmd}, if the family has one. */
    public Optional<Operation> operation(int cmd) {
        return operations.stream().filter(o -> o.id() == cmd).findFirst();
    }
}
