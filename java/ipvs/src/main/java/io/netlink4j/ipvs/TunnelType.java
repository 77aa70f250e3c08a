// SPDX-FileCopyrightText: 2026 The netlink4j Authors
// SPDX-License-Identifier: Apache-2.0
package io.netlink4j.ipvs;

import io.netlink4j.internal.OpenValues;


/**
 * The encapsulation of a {@link ForwardingMethod#TUNNEL} destination (IPVS_DEST_ATTR_TUN_TYPE, a
 * u8, {@code IP_VS_CONN_F_TUNNEL_TYPE_*}).
 *
 * <p>Open, as {@link io.netlink4j.AddressFamily} is: the kernel has added tunnel types before (GUE,
 * then GRE), so a destination of a type this version does not know decodes with that number
 * ({@link #isKnown()} is false) instead of failing the dump. Equal when the numbers are.
 */
public final class TunnelType {
    /** IP_VS_CONN_F_TUNNEL_TYPE_IPIP (0): IP-in-IP, the default. */
    public static final TunnelType IPIP = new TunnelType(0, "IPIP");
    /** IP_VS_CONN_F_TUNNEL_TYPE_GUE (1): Generic UDP Encapsulation; needs a tunnel port. */
    public static final TunnelType GUE = new TunnelType(1, "GUE");
    /** IP_VS_CONN_F_TUNNEL_TYPE_GRE (2): Generic Routing Encapsulation. */
    public static final TunnelType GRE = new TunnelType(2, "GRE");

    private static final TunnelType[] KNOWN = {IPIP, GUE, GRE};

    private final int value;
    private final String name;

    private TunnelType(int value, String name) {
        this.value = value;
        this.name = name;
    }

    /**
     * The tunnel type of kernel number {@code value}: the constant of that number, or an instance named
     * by the number.
     *
     * @throws IllegalArgumentException if {@code value} is outside 0-255, the kernel's u8
     */
    public static TunnelType of(int value) {
        return OpenValues.of(KNOWN, TunnelType::value, value, 255, "tunnel type", v -> new TunnelType(v, Integer.toString(v)));
    }

    /**
     * The tunnel type named {@code name}, as {@link #name()} returns it (case-insensitive), or by its
     * number.
     *
     * @throws IllegalArgumentException for any other name
     */
    public static TunnelType parse(String name) {
        return OpenValues.parse(KNOWN, TunnelType::name, "IP_VS_CONN_F_TUNNEL_TYPE_", "tunnel type", name, TunnelType::of, 255);
    }

    /** The kernel's number. */
    public int value() {
        return value;
    }

    /** The kernel constant's name without its prefix ({@code IPIP}), or the number for one without a constant here. */
    public String name() {
        return name;
    }

    /** Whether this class has a constant for the number. */
    public boolean isKnown() {
        return OpenValues.isKnown(KNOWN, TunnelType::value, value);
    }

    /** Equal to one of the same number. */
    @Override
    public boolean equals(Object o) {
        return o instanceof TunnelType k && k.value == value;
    }

    @Override
    public int hashCode() {
        return value;
    }

    /** {@link #name()}. */
    @Override
    public String toString() {
        return name;
    }
}
