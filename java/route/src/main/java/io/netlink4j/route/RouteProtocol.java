// SPDX-FileCopyrightText: 2026 The netlink4j Authors
// SPDX-License-Identifier: Apache-2.0
package io.netlink4j.route;

import io.netlink4j.internal.OpenValues;

/**
 * Who installed a route ({@code rtm_protocol}, the kernel's RTPROT_* numbers): the kernel itself,
 * an administrator, or a routing daemon.
 *
 * <p>Open: the field is a byte that user space may set to any value (routing daemons have their
 * own numbers, and {@code /etc/iproute2/rt_protos} names more), so a number without a constant
 * here keeps its value and is named by it ({@link #isKnown()} tells the two apart).
 */
public final class RouteProtocol {
    /** RTPROT_UNSPEC (0): not said; in a request to delete, any protocol. */
    public static final RouteProtocol UNSPEC = new RouteProtocol(0, "UNSPEC");
    /** RTPROT_REDIRECT (1): an ICMP redirect (no longer used). */
    public static final RouteProtocol REDIRECT = new RouteProtocol(1, "REDIRECT");
    /** RTPROT_KERNEL (2): the kernel, for the routes of its own addresses. */
    public static final RouteProtocol KERNEL = new RouteProtocol(2, "KERNEL");
    /** RTPROT_BOOT (3): an administrator or a boot script (what {@code ip route add} sets). */
    public static final RouteProtocol BOOT = new RouteProtocol(3, "BOOT");
    /** RTPROT_STATIC (4): an administrator, meant to stay. */
    public static final RouteProtocol STATIC = new RouteProtocol(4, "STATIC");
    /** RTPROT_GATED (8): the gated daemon. */
    public static final RouteProtocol GATED = new RouteProtocol(8, "GATED");
    /** RTPROT_RA (9): an IPv6 router advertisement (radvd). */
    public static final RouteProtocol RA = new RouteProtocol(9, "RA");
    /** RTPROT_MRT (10): Merit MRT. */
    public static final RouteProtocol MRT = new RouteProtocol(10, "MRT");
    /** RTPROT_ZEBRA (11): Zebra. */
    public static final RouteProtocol ZEBRA = new RouteProtocol(11, "ZEBRA");
    /** RTPROT_BIRD (12): BIRD. */
    public static final RouteProtocol BIRD = new RouteProtocol(12, "BIRD");
    /** RTPROT_DNROUTED (13): DECnet routing daemon. */
    public static final RouteProtocol DNROUTED = new RouteProtocol(13, "DNROUTED");
    /** RTPROT_XORP (14): XORP. */
    public static final RouteProtocol XORP = new RouteProtocol(14, "XORP");
    /** RTPROT_NTK (15): Netsukuku. */
    public static final RouteProtocol NTK = new RouteProtocol(15, "NTK");
    /** RTPROT_DHCP (16): a DHCP client. */
    public static final RouteProtocol DHCP = new RouteProtocol(16, "DHCP");
    /** RTPROT_MROUTED (17): a multicast daemon. */
    public static final RouteProtocol MROUTED = new RouteProtocol(17, "MROUTED");
    /** RTPROT_KEEPALIVED (18): Keepalived. */
    public static final RouteProtocol KEEPALIVED = new RouteProtocol(18, "KEEPALIVED");
    /** RTPROT_BABEL (42): the Babel daemon. */
    public static final RouteProtocol BABEL = new RouteProtocol(42, "BABEL");
    /** RTPROT_OPENR (99): Open Routing. */
    public static final RouteProtocol OPENR = new RouteProtocol(99, "OPENR");
    /** RTPROT_BGP (186): BGP routes. */
    public static final RouteProtocol BGP = new RouteProtocol(186, "BGP");
    /** RTPROT_ISIS (187): IS-IS routes. */
    public static final RouteProtocol ISIS = new RouteProtocol(187, "ISIS");
    /** RTPROT_OSPF (188): OSPF routes. */
    public static final RouteProtocol OSPF = new RouteProtocol(188, "OSPF");
    /** RTPROT_RIP (189): RIP routes. */
    public static final RouteProtocol RIP = new RouteProtocol(189, "RIP");
    /** RTPROT_EIGRP (192): EIGRP routes. */
    public static final RouteProtocol EIGRP = new RouteProtocol(192, "EIGRP");

    private static final RouteProtocol[] KNOWN = {UNSPEC, REDIRECT, KERNEL, BOOT, STATIC, GATED, RA, MRT, ZEBRA, BIRD, DNROUTED, XORP, NTK, DHCP, MROUTED, KEEPALIVED, BABEL, OPENR, BGP, ISIS, OSPF, RIP, EIGRP};

    private final int value;
    private final String name;
    private final boolean known;

    private RouteProtocol(int value, String name) {
        this(value, name, true);
    }

    private RouteProtocol(int value, String name, boolean known) {
        this.value = value;
        this.name = name;
        this.known = known;
    }

    private static RouteProtocol unknown(int value) {
        return new RouteProtocol(value, Integer.toString(value), false);
    }

    /**
     * The protocol with number {@code value}: the constant of that number, or an instance named by the
     * number.
     *
     * @param value the value
     * @return the protocol with number {@code value}: the constant of that number, or an instance named by the number
     * @throws IllegalArgumentException if {@code value} is outside 0-255
     */
    public static RouteProtocol of(int value) {
        return OpenValues.of(KNOWN, RouteProtocol::value, value, 255, "route protocol", RouteProtocol::unknown);
    }

    /**
     * The protocol named {@code name} as {@link #name()} returns it (case-insensitive, with or without
     * the {@code RTPROT_} prefix), or by its number.
     *
     * @param name the name
     * @return the protocol named {@code name} as {@link #name()} returns it (case-insensitive, with or without the {@code RTPROT_} prefix), or by its number
     * @throws IllegalArgumentException for any other name
     */
    public static RouteProtocol parse(String name) {
        return OpenValues.parse(KNOWN, RouteProtocol::name, "RTPROT_", "route protocol", name, RouteProtocol::of, 255);
    }

    /** {@return the kernel's number for this protocol} */
    public int value() {
        return value;
    }

    /**
     * The name of the kernel's constant without its {@code RTPROT_} prefix, in upper case
     * ({@code STATIC}), or the number for a protocol without a constant here.
     *
     * @return the name of the kernel's constant without its {@code RTPROT_} prefix, in upper case ({@code STATIC}), or the number for a protocol without a constant here
     */
    public String name() {
        return name;
    }

    /** {@return whether this class has a constant for this protocol} */
    public boolean isKnown() {
        return known;
    }

    /**
     * Equal to a RouteProtocol with the same number.
     *
     * @param o the object to compare with
     * @return equal to a RouteProtocol with the same number
     */
    @Override
    public boolean equals(Object o) {
        return o instanceof RouteProtocol other && other.value == value;
    }

    /** {@return the number} */
    @Override
    public int hashCode() {
        return value;
    }

    /** {@return {@link #name()}} */
    @Override
    public String toString() {
        return name;
    }
}
