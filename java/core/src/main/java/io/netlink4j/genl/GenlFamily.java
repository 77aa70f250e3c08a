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

    /**
     * Copies the lists.
     *
     * @param id         the message type to address it with
     * @param name       the family's name
     * @param version    the family's protocol version
     * @param headerSize size of the family's fixed header after the genl header
     * @param maxAttr    the highest top-level attribute type it accepts
     * @param operations the commands it implements
     * @param groups     its multicast groups
     * @throws NullPointerException if {@code name}, a list or an element is null
     */
    public GenlFamily {
        Objects.requireNonNull(name, "name");
        operations = List.copyOf(operations);
        groups = List.copyOf(groups);
    }

    /**
     * A multicast group: join it by {@code id} with NETLINK_ADD_MEMBERSHIP.
     *
     * @param id   the group's id
     * @param name the group's name
     */
    public record MulticastGroup(int id, String name) {
        /**
         * Validates the components.
         *
         * @param id   the group's id
         * @param name the group's name
         * @throws NullPointerException if {@code name} is null
         */
        public MulticastGroup {
            Objects.requireNonNull(name, "name");
        }
    }

    /**
     * A command of the family and its flags (GENL_ADMIN_PERM, GENL_CMD_CAP_DO, ...).
     *
     * @param id    the command number
     * @param flags its GENL_* flags
     */
    public record Operation(int id, int flags) {
        /** GENL_ADMIN_PERM: the command needs CAP_NET_ADMIN in the initial user namespace. */
        public static final int GENL_ADMIN_PERM = 0x01;
        /** GENL_CMD_CAP_DO: the command takes do requests. */
        public static final int GENL_CMD_CAP_DO = 0x02;
        /** GENL_CMD_CAP_DUMP: the command takes dump requests. */
        public static final int GENL_CMD_CAP_DUMP = 0x04;
        /** GENL_CMD_CAP_HASPOL: the command has an attribute policy. */
        public static final int GENL_CMD_CAP_HASPOL = 0x08;
        /** GENL_UNS_ADMIN_PERM: the command needs CAP_NET_ADMIN in the socket's user namespace. */
        public static final int GENL_UNS_ADMIN_PERM = 0x10;

        /**
         * Whether the command needs CAP_NET_ADMIN.
         *
         * @return true if GENL_ADMIN_PERM or GENL_UNS_ADMIN_PERM is set
         */
        public boolean requiresAdmin() {
            return (flags & (GENL_ADMIN_PERM | GENL_UNS_ADMIN_PERM)) != 0;
        }

        /**
         * Whether the command takes do requests.
         *
         * @return true if GENL_CMD_CAP_DO is set
         */
        public boolean canDo() {
            return (flags & GENL_CMD_CAP_DO) != 0;
        }

        /**
         * Whether the command takes dump requests.
         *
         * @return true if GENL_CMD_CAP_DUMP is set
         */
        public boolean canDump() {
            return (flags & GENL_CMD_CAP_DUMP) != 0;
        }

        /**
         * Whether the command has an attribute policy ({@link GenericNetlink#getPolicy}).
         *
         * @return true if GENL_CMD_CAP_HASPOL is set
         */
        public boolean hasPolicy() {
            return (flags & GENL_CMD_CAP_HASPOL) != 0;
        }
    }

    /**
     * The multicast group called {@code groupName}.
     *
     * @param groupName the group's name
     * @return the group, or empty if the family has none of that name
     */
    public Optional<MulticastGroup> group(String groupName) {
        return groups.stream().filter(g -> g.name().equals(groupName)).findFirst();
    }

    /**
     * The operation with command number {@code cmd}.
     *
     * @param cmd the command number
     * @return the operation, or empty if the family has no such command
     */
    public Optional<Operation> operation(int cmd) {
        return operations.stream().filter(o -> o.id() == cmd).findFirst();
    }
}
