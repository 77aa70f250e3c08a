// SPDX-FileCopyrightText: 2026 The netlink4j Authors
// SPDX-License-Identifier: Apache-2.0

/**
 * rtnetlink (NETLINK_ROUTE): network interfaces (links), their addresses and their change
 * notifications, in {@code io.netlink4j.route}.
 */
module io.netlink4j.route {
    requires transitive io.netlink4j.core;

    exports io.netlink4j.route;
}
