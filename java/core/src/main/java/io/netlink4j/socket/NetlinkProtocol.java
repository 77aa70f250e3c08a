// SPDX-FileCopyrightText: 2026 The netlink4j Authors
// SPDX-License-Identifier: Apache-2.0
package io.netlink4j.socket;

/** Netlink protocol numbers (the third argument of socket(2)). */
public final class NetlinkProtocol {
    private NetlinkProtocol() {}

    public static final int ROUTE = 0;
    public static final int USERSOCK = 2;
    public static final int SOCK_DIAG = 4;
    public static final int NETFILTER = 12;
    public static final int GENERIC = 16;
}
