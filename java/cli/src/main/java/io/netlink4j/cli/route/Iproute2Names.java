// SPDX-FileCopyrightText: 2026 The netlink4j Authors
// SPDX-License-Identifier: Apache-2.0
package io.netlink4j.cli.route;

import io.netlink4j.AddressFamily;
import io.netlink4j.route.AddressFlags;
import io.netlink4j.route.AddressScope;
import io.netlink4j.route.LinkFlags;
import io.netlink4j.route.LinkMode;
import io.netlink4j.route.LinkType;
import io.netlink4j.route.RouteProtocol;
import io.netlink4j.route.RouteTables;
import io.netlink4j.route.RouteType;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * iproute2's spellings of the library's values, for output that matches {@code ip}'s: the
 * library names values as the kernel does ({@code INET6}, {@code UNIVERSE}, {@code ETHER},
 * {@code MANAGETEMPADDR}), iproute2 its own way ({@code inet6}, {@code global}, {@code ether},
 * {@code mngtmpaddr}). Values iproute2 has no name for are printed as it prints them: families and
 * scopes by number, link types as {@code [N]}, flags as hex.
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

    private static final int[] LINK_FLAG_ORDER = {LinkFlags.LOOPBACK, LinkFlags.BROADCAST, LinkFlags.POINTOPOINT,
        LinkFlags.MULTICAST, LinkFlags.NOARP, LinkFlags.ALLMULTI, LinkFlags.PROMISC, LinkFlags.MASTER, LinkFlags.SLAVE,
        LinkFlags.DEBUG, LinkFlags.DYNAMIC, LinkFlags.AUTOMEDIA, LinkFlags.PORTSEL, LinkFlags.NOTRAILERS, LinkFlags.UP,
        LinkFlags.LOWER_UP, LinkFlags.DORMANT, LinkFlags.ECHO};
    private static final String[] LINK_FLAG_NAMES = {"LOOPBACK", "BROADCAST", "POINTOPOINT", "MULTICAST", "NOARP", "ALLMULTI",
        "PROMISC", "MASTER", "SLAVE", "DEBUG", "DYNAMIC", "AUTOMEDIA", "PORTSEL", "NOTRAILERS", "UP", "LOWER_UP", "DORMANT", "ECHO"};

    /**
     * A link's flags as {@code ip link} lists them, in its order: {@code NO-CARRIER} first when UP
     * but not RUNNING, RUNNING itself never, unknown bits last as one hex number.
     */
    static List<String> linkFlags(int flags) {
        List<String> out = new ArrayList<>();
        if ((flags & LinkFlags.UP) != 0 && (flags & LinkFlags.RUNNING) == 0) {
            out.add("NO-CARRIER");
        }
        int rest = flags & ~LinkFlags.RUNNING;
        for (int i = 0; i < LINK_FLAG_ORDER.length; i++) {
            if ((rest & LINK_FLAG_ORDER[i]) != 0) {
                out.add(LINK_FLAG_NAMES[i]);
                rest &= ~LINK_FLAG_ORDER[i];
            }
        }
        if (rest != 0) {
            out.add(Integer.toHexString(rest));
        }
        return out;
    }

    /** How {@link #addressFlags} starts the hex number of the flags iproute2 has no name for. */
    static final String UNKNOWN_ADDRESS_FLAGS = "flags ";

    private static final int[] ADDRESS_FLAG_ORDER = {AddressFlags.SECONDARY, AddressFlags.NODAD, AddressFlags.OPTIMISTIC,
        AddressFlags.DADFAILED, AddressFlags.HOMEADDRESS, AddressFlags.DEPRECATED, AddressFlags.TENTATIVE, AddressFlags.PERMANENT,
        AddressFlags.MANAGETEMPADDR, AddressFlags.NOPREFIXROUTE, AddressFlags.MCAUTOJOIN, AddressFlags.STABLE_PRIVACY};
    private static final String[] ADDRESS_FLAG_NAMES = {"secondary", "nodad", "optimistic", "dadfailed", "home", "deprecated",
        "tentative", "dynamic", "mngtmpaddr", "noprefixroute", "autojoin", "stable-privacy"};

    /**
     * An address's flags as {@code ip addr} names them, in its order ({@code ip -j addr} makes each
     * name a key with value true): SECONDARY is {@code temporary} for IPv6, PERMANENT shows as
     * {@code dynamic} when absent, and unknown bits come last as {@code flags NN} (hex).
     */
    static List<String> addressFlags(int flags, AddressFamily family) {
        List<String> out = new ArrayList<>();
        int rest = flags;
        for (int i = 0; i < ADDRESS_FLAG_ORDER.length; i++) {
            int bit = ADDRESS_FLAG_ORDER[i];
            if (bit == AddressFlags.PERMANENT) {
                if ((rest & bit) == 0) {
                    out.add(ADDRESS_FLAG_NAMES[i]);
                }
            } else if ((rest & bit) != 0) {
                out.add(bit == AddressFlags.SECONDARY && AddressFamily.INET6.equals(family) ? "temporary" : ADDRESS_FLAG_NAMES[i]);
            }
            rest &= ~bit;
        }
        if (rest != 0) {
            out.add(String.format("%s%02x", UNKNOWN_ADDRESS_FLAGS, rest));
        }
        return out;
    }

    private static final String[] ROUTE_TYPES = {"unspec", "unicast", "local", "broadcast", "anycast", "multicast", "blackhole",
        "unreachable", "prohibit", "throw", "nat", "xresolve"};

    /** A route type as {@code ip route} prints it ({@code blackhole}, ...), else its number. */
    static String routeType(RouteType type) {
        return type.value() < ROUTE_TYPES.length ? ROUTE_TYPES[type.value()] : Integer.toString(type.value());
    }

    /** The protocols iproute2 names (its built-in names and Debian's {@code /etc/iproute2/rt_protos}). */
    private static final Map<Integer, String> ROUTE_PROTOCOLS = Map.ofEntries(Map.entry(0, "unspec"), Map.entry(1, "redirect"),
            Map.entry(2, "kernel"), Map.entry(3, "boot"), Map.entry(4, "static"), Map.entry(8, "gated"), Map.entry(9, "ra"),
            Map.entry(10, "mrt"), Map.entry(11, "zebra"), Map.entry(12, "bird"), Map.entry(13, "dnrouted"), Map.entry(14, "xorp"),
            Map.entry(15, "ntk"), Map.entry(16, "dhcp"), Map.entry(18, "keepalived"), Map.entry(42, "babel"), Map.entry(99, "openr"),
            Map.entry(186, "bgp"), Map.entry(187, "isis"), Map.entry(188, "ospf"), Map.entry(189, "rip"), Map.entry(192, "eigrp"));

    /** A route protocol as {@code ip route} prints it ({@code kernel}, {@code static}, ...), else its number. */
    static String routeProtocol(RouteProtocol protocol) {
        return ROUTE_PROTOCOLS.getOrDefault(protocol.value(), Integer.toString(protocol.value()));
    }

    /** A route type named as {@code ip route add} takes it ({@code blackhole}, ...), or null; not {@code unspec}. */
    static RouteType routeTypeNamed(String name) {
        for (int i = 1; i < ROUTE_TYPES.length; i++) {
            if (ROUTE_TYPES[i].equals(name)) {
                return RouteType.of(i);
            }
        }
        return null;
    }

    /** The route types {@code ip route add} takes, for messages. */
    static String routeTypeNames() {
        return String.join(", ", List.of(ROUTE_TYPES).subList(1, ROUTE_TYPES.length));
    }

    /** A route protocol by iproute2's name ({@code static}, {@code bird}, ...) or number 0-255, or null. */
    static RouteProtocol routeProtocolNamed(String name) {
        for (Map.Entry<Integer, String> e : ROUTE_PROTOCOLS.entrySet()) {
            if (e.getValue().equals(name)) {
                return RouteProtocol.of(e.getKey());
            }
        }
        Integer n = byteNumber(name);
        return n == null ? null : RouteProtocol.of(n);
    }

    /** A scope by iproute2's name ({@code global}, {@code link}, {@code host}, ...) or number 0-255, or null. */
    static AddressScope scopeNamed(String name) {
        for (Map.Entry<AddressScope, String> e : SCOPES.entrySet()) {
            if (e.getValue().equals(name)) {
                return e.getKey();
            }
        }
        Integer n = byteNumber(name);
        return n == null ? null : AddressScope.of(n);
    }

    /** A number 0-255 as iproute2's {@code get_u8} reads one (decimal, {@code 0x} hex or octal), or null. */
    static Integer byteNumber(String text) {
        Long n = unsigned(text, 0xFF);
        return n == null ? null : n.intValue();
    }

    /**
     * A number 0-{@code max} as {@code strtoul(text, NULL, 0)} reads a whole argument (decimal,
     * {@code 0x} hex, or octal with a leading 0), or null.
     */
    static Long unsigned(String text, long max) {
        int radix = 10;
        String digits = text;
        if (text.length() > 2 && (text.startsWith("0x") || text.startsWith("0X"))) {
            radix = 16;
            digits = text.substring(2);
        } else if (text.length() > 1 && text.startsWith("0")) {
            radix = 8;
            digits = text.substring(1);
        }
        if (digits.isEmpty() || digits.length() > 24 || !digits.chars().allMatch(c -> Character.digit(c, 16) >= 0)) {
            return null;
        }
        try {
            long n = Long.parseLong(digits, radix);
            return n <= max ? n : null;
        } catch (NumberFormatException e) {
            return null;
        }
    }

    /** The names {@link #routeProtocolNamed} takes, in number order, for messages. */
    static String routeProtocolNames() {
        return ROUTE_PROTOCOLS.entrySet().stream().sorted(Map.Entry.comparingByKey()).map(Map.Entry::getValue)
                .collect(java.util.stream.Collectors.joining(", "));
    }

    /** A table as {@code ip route} prints it ({@code main}, {@code local}, {@code default}), else its number. */
    static String routeTable(int table) {
        return switch (table) {
            case RouteTables.MAIN -> "main";
            case RouteTables.LOCAL -> "local";
            case RouteTables.DEFAULT -> "default";
            case RouteTables.UNSPEC -> "unspec";
            default -> Integer.toUnsignedString(table);
        };
    }

    /** A link mode as {@code ip link} prints it ({@code DEFAULT}, {@code DORMANT}, {@code TESTING}). */
    static String linkMode(LinkMode mode) {
        return mode.name();
    }
}
