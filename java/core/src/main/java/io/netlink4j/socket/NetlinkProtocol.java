// SPDX-FileCopyrightText: 2026 The netlink4j Authors
// SPDX-License-Identifier: Apache-2.0
package io.netlink4j.socket;

/** Netlink protocol numbers (the third argument of socket(2)). */
public final class NetlinkProtocol {
    private NetlinkProtocol() {}

    /** NETLINK_ROUTE (0): routing and links (rtnetlink). */
    public static final int ROUTE = 0;
    /** NETLINK_USERSOCK (2): reserved for user-space protocols; test peers use it. */
    public static final int USERSOCK = 2;
    /** NETLINK_SOCK_DIAG (4): socket monitoring. */
    public static final int SOCK_DIAG = 4;
    /** NETLINK_NETFILTER (12): netfilter. */
    public static final int NETFILTER = 12;
    /** NETLINK_GENERIC (16): generic netlink (IPVS, nlctrl, ethtool, ...). */
    public static final int GENERIC = 16;
}
