// SPDX-FileCopyrightText: 2026 The netlink4j Authors
// SPDX-License-Identifier: Apache-2.0
package io.netlink4j.ipvs;

/** How packets reach a destination (IP_VS_CONN_F_FWD_MASK values). */
public enum ForwardingMethod {
    /** NAT (ipvsadm -m). */
    MASQUERADE(0),
    /** The destination is local. */
    LOCAL(1),
    /** IP-in-IP, GUE or GRE tunnel (ipvsadm -i). */
    TUNNEL(2),
    /** Direct routing / gatewaying (ipvsadm -g). */
    DIRECT_ROUTE(3),
    BYPASS(4);

    private final int value;

    ForwardingMethod(int value) {
        this.value = value;
    }

    public int value() {
        return value;
    }

    /** The method for the low three bits of a connection-flags value. */
    public static ForwardingMethod fromValue(int value) {
        return switch (value & 7) {
            case 0 -> MASQUERADE;
            case 1 -> LOCAL;
            case 2 -> TUNNEL;
            case 3 -> DIRECT_ROUTE;
            case 4 -> BYPASS;
            default -> null;
        };
    }
}
