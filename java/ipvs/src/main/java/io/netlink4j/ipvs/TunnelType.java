// SPDX-FileCopyrightText: 2026 The netlink4j Authors
// SPDX-License-Identifier: Apache-2.0
package io.netlink4j.ipvs;

/** Encapsulation of a TUNNEL destination (IP_VS_CONN_F_TUNNEL_TYPE_*). */
public enum TunnelType {
    IPIP(0),
    /** Generic UDP Encapsulation: needs a tunnel port. */
    GUE(1),
    GRE(2);

    private final int value;

    TunnelType(int value) {
        this.value = value;
    }

    public int value() {
        return value;
    }

    public static TunnelType fromValue(int value) {
        return switch (value) {
            case 0 -> IPIP;
            case 1 -> GUE;
            case 2 -> GRE;
            default -> null;
        };
    }
}
