// SPDX-FileCopyrightText: 2026 The netlink4j Authors
// SPDX-License-Identifier: Apache-2.0
package io.netlink4j.cli.route;

import io.netlink4j.AddressFamily;
import io.netlink4j.route.AddressScope;
import io.netlink4j.route.LinkType;

import java.util.Map;

/**
 * iproute2's spellings of the library's open values, for output that matches {@code ip}'s: the
 * library names values as the kernel does ({@code INET6}, {@code UNIVERSE}, {@code ETHER}), iproute2
 * its own way ({@code inet6}, {@code global}, {@code ether}). Values iproute2 has no name for are
 * printed as it prints them: families and scopes by number, link types as {@code [N]}.
 */
final class Iproute2Names {
    private Iproute2Names() {}

    private static final Map<AddressFamily, String> FAMILIES = Map.of(AddressFamily.UNSPEC, "unspec", AddressFamily.INET, "inet",
            AddressFamily.BRIDGE, "bridge", AddressFamily.INET6, "inet6", AddressFamily.PACKET, "link", AddressFamily.MPLS, "mpls",
            AddressFamily.MCTP, "mctp");

    private static final Map<AddressScope, String> SCOPES = Map.of(AddressScope.UNIVERSE, "global", AddressScope.SITE, "site",
            AddressScope.LINK, "link", AddressScope.HOST, "host", AddressScope.NOWHERE, "nowhere");

    private static final Map<LinkType, String> LINK_TYPES = Map.ofEntries(Map.entry(LinkType.ETHER, "ether"),
            Map.entry(LinkType.INFINIBAND, "infiniband"), Map.entry(LinkType.CAN, "can"), Map.entry(LinkType.PPP, "ppp"),
            Map.entry(LinkType.HDLC, "hdlc"), Map.entry(LinkType.RAWIP, "rawip"), Map.entry(LinkType.TUNNEL, "ipip"),
            Map.entry(LinkType.TUNNEL6, "tunnel6"), Map.entry(LinkType.LOOPBACK, "loopback"), Map.entry(LinkType.SIT, "sit"),
            Map.entry(LinkType.IPGRE, "gre"), Map.entry(LinkType.IEEE80211, "ieee802.11"),
            Map.entry(LinkType.IEEE80211_RADIOTAP, "ieee802.11/radiotap"), Map.entry(LinkType.IP6GRE, "gre6"),
            Map.entry(LinkType.NETLINK, "netlink"), Map.entry(LinkType.NONE, "none"), Map.entry(LinkType.VOID, "void"));

    /** An address family as {@code ip addr} prints it ({@code inet}, {@code inet6}), else its number. */
    static String family(AddressFamily family) {
        return FAMILIES.getOrDefault(family, Integer.toString(family.value()));
    }

    /** An address scope as {@code ip addr} prints it ({@code global}, {@code link}, ...), else its number. */
    static String scope(AddressScope scope) {
        return SCOPES.getOrDefault(scope, Integer.toString(scope.value()));
    }

    /** A link type as {@code ip link} prints it after {@code link/} ({@code ether}, {@code loopback}, ...), else {@code [N]}. */
    static String linkType(LinkType type) {
        return LINK_TYPES.getOrDefault(type, "[" + type.value() + "]");
    }
}
