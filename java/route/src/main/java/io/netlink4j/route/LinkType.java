// SPDX-FileCopyrightText: 2026 The netlink4j Authors
// SPDX-License-Identifier: Apache-2.0
package io.netlink4j.route;

import io.netlink4j.internal.OpenValues;

/**
 * The hardware type of a link ({@code ifi_type}, the kernel's ARPHRD_* numbers), which says what
 * its link-layer addresses are.
 *
 * <p>Open: the kernel defines far more types than this class names, and learns new ones, so a
 * number without a constant here keeps its value and is named by it ({@link #isKnown()} tells the
 * two apart). Constants are named as the kernel names them; iproute2's spellings
 * ({@code ether}, {@code ipip}, ...) are its own.
 */
public final class LinkType {
    /** ARPHRD_ETHER (1): Ethernet, and every virtual link that looks like it (veth, dummy, bridge, ...). */
    public static final LinkType ETHER = new LinkType(1, "ETHER");
    /** ARPHRD_INFINIBAND (32). */
    public static final LinkType INFINIBAND = new LinkType(32, "INFINIBAND");
    /** ARPHRD_CAN (280): Controller Area Network. */
    public static final LinkType CAN = new LinkType(280, "CAN");
    /** ARPHRD_PPP (512). */
    public static final LinkType PPP = new LinkType(512, "PPP");
    /** ARPHRD_HDLC (513, also ARPHRD_CISCO): Cisco HDLC. */
    public static final LinkType HDLC = new LinkType(513, "HDLC");
    /** ARPHRD_RAWIP (519): raw IP without a link-layer header. */
    public static final LinkType RAWIP = new LinkType(519, "RAWIP");
    /** ARPHRD_TUNNEL (768): IPIP tunnel; its addresses are IPv4 endpoints. */
    public static final LinkType TUNNEL = new LinkType(768, "TUNNEL");
    /** ARPHRD_TUNNEL6 (769): IP over IPv6 tunnel; its addresses are IPv6 endpoints. */
    public static final LinkType TUNNEL6 = new LinkType(769, "TUNNEL6");
    /** ARPHRD_LOOPBACK (772). */
    public static final LinkType LOOPBACK = new LinkType(772, "LOOPBACK");
    /** ARPHRD_SIT (776): IPv6 in IPv4 tunnel. */
    public static final LinkType SIT = new LinkType(776, "SIT");
    /** ARPHRD_IPGRE (778): GRE over IPv4. */
    public static final LinkType IPGRE = new LinkType(778, "IPGRE");
    /** ARPHRD_IEEE80211 (801). */
    public static final LinkType IEEE80211 = new LinkType(801, "IEEE80211");
    /** ARPHRD_IEEE80211_RADIOTAP (803): 802.11 with radiotap headers (monitor mode). */
    public static final LinkType IEEE80211_RADIOTAP = new LinkType(803, "IEEE80211_RADIOTAP");
    /** ARPHRD_IP6GRE (823): GRE over IPv6. */
    public static final LinkType IP6GRE = new LinkType(823, "IP6GRE");
    /** ARPHRD_NETLINK (824): netlink monitor. */
    public static final LinkType NETLINK = new LinkType(824, "NETLINK");
    /** ARPHRD_NONE (0xFFFE): no link-layer header (e.g. WireGuard, tun). */
    public static final LinkType NONE = new LinkType(0xFFFE, "NONE");
    /** ARPHRD_VOID (0xFFFF): no hardware type. */
    public static final LinkType VOID = new LinkType(0xFFFF, "VOID");

    private static final LinkType[] KNOWN = {ETHER, INFINIBAND, CAN, PPP, HDLC, RAWIP, TUNNEL, TUNNEL6, LOOPBACK, SIT,
        IPGRE, IEEE80211, IEEE80211_RADIOTAP, IP6GRE, NETLINK, NONE, VOID};

    private final int value;
    private final String name;
    private final boolean known;

    private LinkType(int value, String name) {
        this(value, name, true);
    }

    private LinkType(int value, String name, boolean known) {
        this.value = value;
        this.name = name;
        this.known = known;
    }

    private static LinkType unknown(int value) {
        return new LinkType(value, Integer.toString(value), false);
    }

    /**
     * The type with number {@code value}: the constant of that number, or an instance named by the
     * number.
     *
     * @param value the value
     * @return the type with number {@code value}: the constant of that number, or an instance named by the number
     * @throws IllegalArgumentException if {@code value} is outside 0-65535
     */
    public static LinkType of(int value) {
        return OpenValues.of(KNOWN, LinkType::value, value, 0xFFFF, "link type", LinkType::unknown);
    }

    /**
     * The type named {@code name} as {@link #name()} returns it (case-insensitive, with or without
     * the {@code ARPHRD_} prefix), or by its number.
     *
     * @param name the name
     * @return the type named {@code name} as {@link #name()} returns it (case-insensitive, with or without the {@code ARPHRD_} prefix), or by its number
     * @throws IllegalArgumentException for any other name
     */
    public static LinkType parse(String name) {
        return OpenValues.parse(KNOWN, LinkType::name, "ARPHRD_", "link type", name, LinkType::of, 0xFFFF);
    }

    /** {@return the kernel's number for this link type} */
    public int value() {
        return value;
    }

    /**
     * The name of the kernel's constant without its {@code ARPHRD_} prefix, in upper case
     * ({@code ETHER}), or the number for a link type without a constant here.
     *
     * @return the name of the kernel's constant without its {@code ARPHRD_} prefix, in upper case ({@code ETHER}), or the number for a link type without a constant here
     */
    public String name() {
        return name;
    }

    /** {@return whether this class has a constant for this link type} */
    public boolean isKnown() {
        return known;
    }

    /**
     * Equal to a LinkType with the same number.
     *
     * @param o the object to compare with
     * @return equal to a LinkType with the same number
     */
    @Override
    public boolean equals(Object o) {
        return o instanceof LinkType other && other.value == value;
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
