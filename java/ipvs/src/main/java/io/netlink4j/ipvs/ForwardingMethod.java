// SPDX-FileCopyrightText: 2026 The netlink4j Authors
// SPDX-License-Identifier: Apache-2.0
package io.netlink4j.ipvs;

/**
 * How packets reach a destination (IPVS_DEST_ATTR_FWD_METHOD: the {@code IP_VS_CONN_F_FWD_MASK}
 * bits of the connection flags).
 *
 * <p>Closed: the kernel keeps the method in three bits and defines these five values; a reply with
 * another is a {@link io.netlink4j.NetlinkDecodeException}.
 */
public enum ForwardingMethod {
    /** IP_VS_CONN_F_MASQ (0): NAT; ipvsadm {@code -m}. */
    MASQUERADE(0),
    /** IP_VS_CONN_F_LOCALNODE (1): the destination is local. */
    LOCAL(1),
    /** IP_VS_CONN_F_TUNNEL (2): IP-in-IP, GUE or GRE tunnel ({@link TunnelType}); ipvsadm {@code -i}. */
    TUNNEL(2),
    /** IP_VS_CONN_F_DROUTE (3): direct routing (gatewaying); ipvsadm {@code -g}. */
    DIRECT_ROUTE(3),
    /** IP_VS_CONN_F_BYPASS (4): the packet goes on to its original destination. */
    BYPASS(4);

    private final int value;

    ForwardingMethod(int value) {
        this.value = value;
    }

    /** The kernel's number for the method (0-4). */
    public int value() {
        return value;
    }

    /**
     * The method of number {@code value}.
     *
     * @throws IllegalArgumentException for a number outside 0-4
     */
    public static ForwardingMethod of(int value) {
        if (value < 0 || value >= values().length) {
            throw new IllegalArgumentException("forwarding method: " + value
                    + " (expected: 0 MASQUERADE, 1 LOCAL, 2 TUNNEL, 3 DIRECT_ROUTE or 4 BYPASS)");
        }
        return values()[value];
    }
}
