// SPDX-FileCopyrightText: 2026 The netlink4j Authors
// SPDX-License-Identifier: Apache-2.0
package io.netlink4j.route;

/**
 * The rtnetlink multicast groups a {@link RouteMonitor} can join.
 *
 * <p>Closed: the kernel has many more RTNLGRP_* groups (neighbours, rules, ...), but these are the
 * ones whose notifications {@link RouteMonitor} decodes, into {@link RouteEvent}s (links and
 * addresses) and {@link RouteTableEvent}s (routes); the set grows with the events this library
 * models, not with the kernel.
 */
public enum RouteGroup {
    /** Links created, changed and deleted (RTNLGRP_LINK, 1). */
    LINK(Rtnetlink.RTNLGRP_LINK),
    /** IPv4 addresses added, changed and removed (RTNLGRP_IPV4_IFADDR, 5). */
    IPV4_ADDRESS(Rtnetlink.RTNLGRP_IPV4_IFADDR),
    /** IPv6 addresses added, changed and removed (RTNLGRP_IPV6_IFADDR, 9). */
    IPV6_ADDRESS(Rtnetlink.RTNLGRP_IPV6_IFADDR),
    /** IPv4 routes added, replaced and deleted, in every table (RTNLGRP_IPV4_ROUTE, 7): {@link RouteTableEvent}s. */
    IPV4_ROUTE(Rtnetlink.RTNLGRP_IPV4_ROUTE),
    /** IPv6 routes added, replaced and deleted, in every table (RTNLGRP_IPV6_ROUTE, 11): {@link RouteTableEvent}s. */
    IPV6_ROUTE(Rtnetlink.RTNLGRP_IPV6_ROUTE);

    /** The groups, for messages. */
    static final String EXPECTED = "1 (LINK), 5 (IPV4_ADDRESS), 7 (IPV4_ROUTE), 9 (IPV6_ADDRESS) or 11 (IPV6_ROUTE)";

    private final int value;

    RouteGroup(int value) {
        this.value = value;
    }

    /** {@return the RTNLGRP_* number} */
    public int value() {
        return value;
    }

    /**
     * The group with RTNLGRP_* number {@code value}.
     *
     * @param value the value
     * @return the group with RTNLGRP_ number {@code value}
     * @throws IllegalArgumentException for a group this enum does not name
     */
    public static RouteGroup of(int value) {
        for (RouteGroup g : values()) {
            if (g.value == value) {
                return g;
            }
        }
        throw new IllegalArgumentException("route group: " + value + " (expected: " + EXPECTED + ")");
    }
}
