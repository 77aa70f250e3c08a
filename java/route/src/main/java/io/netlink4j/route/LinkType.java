// SPDX-FileCopyrightText: 2026 The netlink4j Authors
// SPDX-License-Identifier: Apache-2.0
package io.netlink4j.route;

/**
 * The hardware type of a link ({@code ifi_type}, ARPHRD_*), with the names iproute2 prints
 * ({@code link_type}). Open: an unknown number keeps its value and is named {@code [N]}, as
 * iproute2 does.
 */
public final class LinkType {
    public static final LinkType ETHER = new LinkType(1, "ether");
    public static final LinkType INFINIBAND = new LinkType(32, "infiniband");
    public static final LinkType CAN = new LinkType(280, "can");
    public static final LinkType PPP = new LinkType(512, "ppp");
    public static final LinkType HDLC = new LinkType(513, "hdlc");
    public static final LinkType RAWIP = new LinkType(519, "rawip");
    public static final LinkType TUNNEL = new LinkType(768, "ipip");
    public static final LinkType TUNNEL6 = new LinkType(769, "tunnel6");
    public static final LinkType LOOPBACK = new LinkType(772, "loopback");
    public static final LinkType SIT = new LinkType(776, "sit");
    public static final LinkType IPGRE = new LinkType(778, "gre");
    public static final LinkType IEEE80211 = new LinkType(801, "ieee802.11");
    public static final LinkType IEEE80211_RADIOTAP = new LinkType(803, "ieee802.11/radiotap");
    public static final LinkType IP6GRE = new LinkType(823, "gre6");
    public static final LinkType NETLINK = new LinkType(824, "netlink");
    public static final LinkType NONE = new LinkType(0xFFFE, "none");
    public static final LinkType VOID = new LinkType(0xFFFF, "void");

    private static final LinkType[] KNOWN = {ETHER, INFINIBAND, CAN, PPP, HDLC, RAWIP, TUNNEL, TUNNEL6, LOOPBACK, SIT,
        IPGRE, IEEE80211, IEEE80211_RADIOTAP, IP6GRE, NETLINK, NONE, VOID};

    private final int value;
    private final String name;

    private LinkType(int value, String name) {
        this.value = value;
        this.name = name;
    }

    /** The type for an ARPHRD_* number (0-65535). */
    public static LinkType valueOf(int value) {
        for (LinkType t : KNOWN) {
            if (t.value == value) {
                return t;
            }
        }
        return new LinkType(value, "[" + value + "]");
    }

    /** The ARPHRD_* number. */
    public int value() {
        return value;
    }

    public String name() {
        return name;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof LinkType t && t.value == value;
    }

    @Override
    public int hashCode() {
        return value;
    }

    @Override
    public String toString() {
        return name;
    }
}
