// SPDX-FileCopyrightText: 2026 The netlink4j Authors
// SPDX-License-Identifier: Apache-2.0
package io.netlink4j.ipvs;

import io.netlink4j.internal.OpenValues;


/**
 * How packets reach a destination (IPVS_DEST_ATTR_FWD_METHOD: the three
 * {@code IP_VS_CONN_F_FWD_MASK} bits of the connection flags, which the codec masks).
 *
 * <p>Open, as {@link io.netlink4j.AddressFamily} is: the kernel defines five of the eight values
 * the three bits hold, and a destination with another decodes with that number
 * ({@link #isKnown()} is false) instead of failing the dump. Equal when the numbers are.
 */
public final class ForwardingMethod {
    /** IP_VS_CONN_F_MASQ (0): NAT; ipvsadm {@code -m}. */
    public static final ForwardingMethod MASQUERADE = new ForwardingMethod(0, "MASQUERADE");
    /** IP_VS_CONN_F_LOCALNODE (1): the destination is local. */
    public static final ForwardingMethod LOCAL = new ForwardingMethod(1, "LOCAL");
    /** IP_VS_CONN_F_TUNNEL (2): IP-in-IP, GUE or GRE tunnel ({@link TunnelType}); ipvsadm {@code -i}. */
    public static final ForwardingMethod TUNNEL = new ForwardingMethod(2, "TUNNEL");
    /** IP_VS_CONN_F_DROUTE (3): direct routing (gatewaying); ipvsadm {@code -g}. */
    public static final ForwardingMethod DIRECT_ROUTE = new ForwardingMethod(3, "DIRECT_ROUTE");
    /** IP_VS_CONN_F_BYPASS (4): the packet goes on to its original destination. */
    public static final ForwardingMethod BYPASS = new ForwardingMethod(4, "BYPASS");

    private static final ForwardingMethod[] KNOWN = {MASQUERADE, LOCAL, TUNNEL, DIRECT_ROUTE, BYPASS};

    private final int value;
    private final String name;

    private ForwardingMethod(int value, String name) {
        this.value = value;
        this.name = name;
    }

    /**
     * The forwarding method of kernel number {@code value}: the constant of that number, or an instance named
     * by the number.
     *
     * @throws IllegalArgumentException if {@code value} is outside 0-7, the kernel's three bits
     */
    public static ForwardingMethod of(int value) {
        return OpenValues.of(KNOWN, ForwardingMethod::value, value, 7, "forwarding method", v -> new ForwardingMethod(v, Integer.toString(v)));
    }

    /**
     * The forwarding method named {@code name}, as {@link #name()} returns it (case-insensitive), or by its
     * number.
     *
     * @throws IllegalArgumentException for any other name
     */
    public static ForwardingMethod parse(String name) {
        return OpenValues.parse(KNOWN, ForwardingMethod::name, "IP_VS_CONN_F_", "forwarding method", name, ForwardingMethod::of, 7);
    }

    /** The kernel's number. */
    public int value() {
        return value;
    }

    /** The kernel constant's name without its prefix ({@code MASQUERADE}), or the number for one without a constant here. */
    public String name() {
        return name;
    }

    /** Whether this class has a constant for the number. */
    public boolean isKnown() {
        return OpenValues.isKnown(KNOWN, ForwardingMethod::value, value);
    }

    /** Equal to one of the same number. */
    @Override
    public boolean equals(Object o) {
        return o instanceof ForwardingMethod k && k.value == value;
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
