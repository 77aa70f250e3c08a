// SPDX-FileCopyrightText: 2026 The netlink4j Authors
// SPDX-License-Identifier: Apache-2.0
package io.netlink4j.route;

/** The rtnetlink multicast groups a {@link RouteMonitor} can join. */
public enum RouteGroup {
    /** Links created, changed and deleted (RTNLGRP_LINK). */
    LINK(Rtnetlink.RTNLGRP_LINK),
    /** IPv4 addresses added, changed and removed (RTNLGRP_IPV4_IFADDR). */
    IPV4_ADDRESS(Rtnetlink.RTNLGRP_IPV4_IFADDR),
    /** IPv6 addresses added, changed and removed (RTNLGRP_IPV6_IFADDR). */
    IPV6_ADDRESS(Rtnetlink.RTNLGRP_IPV6_IFADDR);

    private final int value;

    RouteGroup(int value) {
        this.value = value;
    }

    /** The RTNLGRP_* number. */
    public int value() {
        return value;
    }
}
