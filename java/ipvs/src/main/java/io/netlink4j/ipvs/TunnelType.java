// SPDX-FileCopyrightText: 2026 The netlink4j Authors
// SPDX-License-Identifier: Apache-2.0
package io.netlink4j.ipvs;

/**
 * The encapsulation of a {@link ForwardingMethod#TUNNEL} destination (IPVS_DEST_ATTR_TUN_TYPE,
 * {@code IP_VS_CONN_F_TUNNEL_TYPE_*}).
 *
 * <p>Closed: these are the kernel's tunnel types up to {@code IP_VS_CONN_F_TUNNEL_TYPE_MAX}; a
 * reply with another number is a {@link io.netlink4j.NetlinkDecodeException}.
 */
public enum TunnelType {
    /** IP-in-IP (0), the default. */
    IPIP(0),
    /** Generic UDP Encapsulation (1): needs a tunnel port. */
    GUE(1),
    /** Generic Routing Encapsulation (2). */
    GRE(2);

    private final int value;

    TunnelType(int value) {
        this.value = value;
    }

    /** The kernel's number for the type (0-2). */
    public int value() {
        return value;
    }

    /**
     * The tunnel type of number {@code value}.
     *
     * @throws IllegalArgumentException for a number outside 0-2
     */
    public static TunnelType of(int value) {
        if (value < 0 || value >= values().length) {
            throw new IllegalArgumentException("tunnel type: " + value + " (expected: 0 IPIP, 1 GUE or 2 GRE)");
        }
        return values()[value];
    }
}
