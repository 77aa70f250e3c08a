// SPDX-FileCopyrightText: 2026 The netlink4j Authors
// SPDX-License-Identifier: Apache-2.0
package io.netlink4j.cli.route;

import io.netlink4j.route.Address;
import io.netlink4j.route.HardwareAddress;
import io.netlink4j.internal.InetAddresses;
import io.netlink4j.route.Link;
import io.netlink4j.route.LinkFlags;
import io.netlink4j.route.LinkType;
import io.netlink4j.route.Rtnetlink;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Links and addresses as text, in the layout of {@code ip link show} and {@code ip addr show}
 * (plus a {@code kind} line for virtual links), and one-line events for {@code monitor}. The value
 * formats here are shared with {@link RouteJson}.
 */
final class RouteText {
    private RouteText() {}

    /** {@code netlink4j link list}: each link as {@code ip link show} prints it, with its kind. */
    static String links(List<Link> links, LinkTable table) {
        StringBuilder sb = new StringBuilder();
        for (Link link : links) {
            link(sb, link, table, true);
        }
        return sb.toString();
    }

    /** {@code netlink4j addr list}: each link and its addresses as {@code ip addr show} prints them. */
    static String addresses(List<Link> links, Map<Integer, List<Address>> addresses, LinkTable table) {
        StringBuilder sb = new StringBuilder();
        for (Link link : links) {
            link(sb, link, table, false);
            for (Address a : addresses.getOrDefault(link.index(), List.of())) {
                sb.append("    ").append(Iproute2Names.family(a.addressFamily())).append(' ').append(local(a));
                details(sb, a);
                a.label().ifPresent(label -> sb.append(' ').append(label));
                sb.append('\n');
                a.cacheInfo().ifPresent(c -> sb.append("       valid_lft ").append(lifetime(c.validLifetime()))
                        .append(" preferred_lft ").append(lifetime(c.preferredLifetime())).append('\n'));
            }
        }
        return sb.toString();
    }

    /**
     * A link in the lines of {@code ip link show} ({@code linkView}: with the link mode, kind and
     * alias) or {@code ip addr show} (without).
     */
    private static void link(StringBuilder sb, Link link, LinkTable table, boolean linkView) {
        sb.append(link.index()).append(": ").append(nameAndParent(link, table)).append(": ")
                .append(flags(link, table)).append(" mtu ").append(link.mtu());
        link.qdisc().ifPresent(qdisc -> sb.append(" qdisc ").append(qdisc));
        if (link.masterIndex() != 0) {
            sb.append(" master ").append(table.name(link.masterIndex()));
        }
        sb.append(" state ").append(link.operState().name());
        if (linkView) {
            sb.append(" mode ").append(linkMode(link));
        }
        sb.append(" group ").append(group(link)).append(" qlen ").append(link.txQueueLength()).append('\n');
        sb.append("    link/").append(Iproute2Names.linkType(link.type()));
        link.address().ifPresent(a -> sb.append(' ').append(hardwareAddress(link.type(), a)));
        link.broadcast().ifPresent(b -> sb.append(isPointToPoint(link) ? " peer " : " brd ").append(hardwareAddress(link.type(), b)));
        if (permanentAddress(link) != null) {
            sb.append(" permaddr ").append(permanentAddress(link));
        }
        if (link.linkNetnsId() >= 0) {
            sb.append(" link-netnsid ").append(link.linkNetnsId());
        }
        sb.append('\n');
        if (linkView) {
            link.kind().ifPresent(kind -> sb.append("    kind ").append(kind.name()).append('\n'));
            link.alias().ifPresent(alias -> sb.append("    alias ").append(alias).append('\n'));
        }
        for (String altName : link.alternativeNames()) {
            sb.append("    altname ").append(altName).append('\n');
        }
    }

    /** {@code monitor}: {@code link added 3: v0@v1: <BROADCAST,MULTICAST> mtu 1500 state DOWN kind veth link/ether ...}. */
    static String linkEvent(String action, Link link, LinkTable table) {
        StringBuilder sb = new StringBuilder("link ").append(action).append(' ').append(link.index()).append(": ")
                .append(nameAndParent(link, table)).append(": ").append(flags(link, table)).append(" mtu ").append(link.mtu());
        if (link.masterIndex() != 0) {
            sb.append(" master ").append(table.name(link.masterIndex()));
        }
        sb.append(" state ").append(link.operState().name());
        link.kind().ifPresent(kind -> sb.append(" kind ").append(kind.name()));
        link.address().ifPresent(a -> sb.append(" link/").append(Iproute2Names.linkType(link.type())).append(' ')
                .append(hardwareAddress(link.type(), a)));
        return sb.append('\n').toString();
    }

    /** {@code monitor}: {@code address added 10.0.0.1/24 dev v0 brd 10.0.0.255 scope global}, the label when it is not the device's name. */
    static String addressEvent(String action, Address address, LinkTable table) {
        String device = table.name(address.linkIndex());
        StringBuilder sb = new StringBuilder("address ").append(action).append(' ').append(local(address))
                .append(" dev ").append(device);
        details(sb, address);
        address.label().filter(label -> !label.equals(device)).ifPresent(label -> sb.append(" label ").append(label));
        return sb.append('\n').toString();
    }

    /** {@code monitor}: the line printed after an overrun, once the links (and addresses) were read again. */
    static String overrun(int links, int addresses, boolean withAddresses) {
        return "events lost (receive buffer overrun); resynchronised: " + links + " links"
                + (withAddresses ? ", " + addresses + " addresses" : "") + "\n";
    }

    /** {@code NAME}, or {@code NAME@PARENT} for a link bound to another (a veth's peer). */
    private static String nameAndParent(Link link, LinkTable table) {
        String parent = table.parent(link);
        return parent == null ? link.name() : link.name() + "@" + parent;
    }

    private static String flags(Link link, LinkTable table) {
        return "<" + String.join(",", table.flags(link)) + ">";
    }

    /** {@code 10.0.0.1/24}, or {@code 10.0.0.1 peer 10.0.0.2/32} for a point-to-point address. */
    private static String local(Address a) {
        String local = InetAddresses.toText(a.address().orElseThrow());
        return a.peer().map(peer -> local + " peer " + InetAddresses.toText(peer)).orElse(local) + "/" + a.prefixLength();
    }

    /** The broadcast address, metric, scope and flags, each after a space. */
    private static void details(StringBuilder sb, Address a) {
        a.broadcast().ifPresent(b -> sb.append(" brd ").append(InetAddresses.toText(b)));
        if (a.routePriority() != 0) {
            sb.append(" metric ").append(Integer.toUnsignedString(a.routePriority()));
        }
        sb.append(" scope ").append(Iproute2Names.scope(a.scope()));
        for (String flag : Iproute2Names.addressFlags(a.flags(), a.addressFamily())) {
            sb.append(' ').append(flag);
        }
    }

    // Value formats shared with RouteJson.

    /**
     * IFLA_LINKMODE as iproute2 prints it: the mode's name, or the number of a mode the kernel
     * does not know (which the library keeps raw).
     */
    static String linkMode(Link link) {
        return link.attribute(Rtnetlink.IFLA_LINKMODE).map(raw -> Integer.toString(raw.u8()))
                .orElseGet(() -> Iproute2Names.linkMode(link.linkMode()));
    }

    /** IFLA_GROUP: {@code default} for group 0, else the number. */
    static String group(Link link) {
        return link.group() == 0 ? "default" : Integer.toUnsignedString(link.group());
    }

    /** Whether the link is point-to-point, so that its IFLA_BROADCAST is the peer's address. */
    static boolean isPointToPoint(Link link) {
        return (link.flags() & LinkFlags.POINTOPOINT) != 0;
    }

    /** IFLA_PERM_ADDRESS when it differs from the current address (iproute2 shows it only then), else null. */
    static String permanentAddress(Link link) {
        return link.permanentAddress().filter(permanent -> !link.address().equals(Optional.of(permanent)))
                .map(permanent -> hardwareAddress(link.type(), permanent)).orElse(null);
    }

    /**
     * A link-layer address as iproute2 prints it: colon-separated hex, except the IPv4 endpoint
     * of IPIP, SIT and GRE tunnels and the IPv6 endpoint of IPv6 and IP6GRE tunnels, which are IP
     * addresses.
     */
    static String hardwareAddress(LinkType type, HardwareAddress address) {
        boolean ipv4 = address.length() == 4
                && (type.equals(LinkType.TUNNEL) || type.equals(LinkType.SIT) || type.equals(LinkType.IPGRE));
        boolean ipv6 = address.length() == 16 && (type.equals(LinkType.TUNNEL6) || type.equals(LinkType.IP6GRE));
        if (ipv4 || ipv6) {
            try {
                return InetAddresses.toText(InetAddress.getByAddress(address.bytes()));
            } catch (UnknownHostException e) {
                throw new IllegalStateException("4 or 16 bytes are an IP address", e);
            }
        }
        return address.toString();
    }

    /** An address lifetime in seconds: {@code forever}, or {@code 3600sec}. */
    static String lifetime(long seconds) {
        return seconds == Address.FOREVER ? "forever" : seconds + "sec";
    }
}
