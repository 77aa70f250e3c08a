// SPDX-FileCopyrightText: 2026 The netlink4j Authors
// SPDX-License-Identifier: Apache-2.0
package io.netlink4j.cli.route;

import io.netlink4j.AddressFamily;
import io.netlink4j.cli.json.JsonWriter;
import io.netlink4j.internal.InetAddresses;
import io.netlink4j.route.NextHop;
import io.netlink4j.route.RawAttribute;
import io.netlink4j.route.Route;
import io.netlink4j.route.RouteFlags;
import io.netlink4j.route.RouteProtocol;
import io.netlink4j.route.RouteTables;
import io.netlink4j.route.RouteType;
import io.netlink4j.route.AddressScope;

import java.net.InetAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Routes as {@code ip route show} prints them, a route (and its next hops) to a line, and as the
 * objects of {@code ip -j route show}, with the same members in the same order.
 */
final class RoutePrinter {
    private RoutePrinter() {}

    /** iproute2's names of the RTAX_* metrics it prints as plain numbers, by number. */
    private static final Map<Integer, String> METRICS = Map.ofEntries(Map.entry(2, "mtu"), Map.entry(3, "window"),
            Map.entry(6, "ssthresh"), Map.entry(7, "cwnd"), Map.entry(8, "advmss"), Map.entry(9, "reordering"),
            Map.entry(10, "hoplimit"), Map.entry(11, "initcwnd"), Map.entry(14, "initrwnd"), Map.entry(15, "quickack"),
            Map.entry(17, "fastopen_no_cookie"));

    /** The route flags iproute2 names, in the order it prints them. */
    private static final int[] FLAG_ORDER = {RouteFlags.DEAD, RouteFlags.ONLINK, RouteFlags.PERVASIVE, RouteFlags.OFFLOAD,
        RouteFlags.NOTIFY, RouteFlags.LINKDOWN, RouteFlags.UNRESOLVED, RouteFlags.TRAP};
    private static final String[] FLAG_NAMES = {"dead", "onlink", "pervasive", "offload", "notify", "linkdown", "unresolved", "trap"};

    /** The route as {@code ip route show} prints it, its trailing spaces and newline included. */
    static String text(Route r, LinkTable links, boolean showTable) {
        StringBuilder sb = new StringBuilder();
        if (!RouteType.UNICAST.equals(r.type())) {
            sb.append(Iproute2Names.routeType(r.type())).append(' ');
        }
        sb.append(destination(r)).append(' ');
        r.source().ifPresent(s -> sb.append("from ").append(prefix(s, r.sourcePrefixLength())).append(' '));
        if (r.tos() != 0) {
            sb.append("tos ").append(tos(r.tos())).append(' ');
        }
        r.gateway().ifPresent(g -> sb.append(via(g, r.addressFamily())).append(' '));
        if (r.linkIndex() != 0) {
            sb.append("dev ").append(links.name(r.linkIndex())).append(' ');
        }
        if (showTable && r.table() != RouteTables.MAIN) {
            sb.append("table ").append(Iproute2Names.routeTable(r.table())).append(' ');
        }
        if ((r.flags() & RouteFlags.CLONED) == 0) {
            if (!RouteProtocol.BOOT.equals(r.protocol())) {
                sb.append("proto ").append(Iproute2Names.routeProtocol(r.protocol())).append(' ');
            }
            if (!AddressScope.UNIVERSE.equals(r.scope())) {
                sb.append("scope ").append(Iproute2Names.scope(r.scope())).append(' ');
            }
        }
        r.preferredSource().ifPresent(s -> sb.append("src ").append(InetAddresses.toText(s)).append(' '));
        if (hasMetric(r)) {
            sb.append("metric ").append(Integer.toUnsignedString(r.priority())).append(' ');
        }
        flags(r.flags()).forEach(f -> sb.append(f).append(' '));
        for (Map.Entry<String, Long> m : metrics(r)) {
            sb.append(m.getKey()).append(' ').append(m.getValue()).append(' ');
        }
        r.preference().ifPresent(p -> sb.append("pref ").append(p.name().toLowerCase(java.util.Locale.ROOT)));
        for (NextHop hop : r.nextHops()) {
            sb.append("\n\tnexthop ");
            hop.gateway().ifPresent(g -> sb.append(via(g, r.addressFamily())).append(' '));
            sb.append("dev ").append(links.name(hop.linkIndex())).append(' ');
            sb.append("weight ").append(hop.weight()).append(' ');
            flags(hop.flags()).forEach(f -> sb.append(f).append(' '));
        }
        return sb.append('\n').toString();
    }

    /** The route as one object of {@code ip -j route show}, written to {@code w}. */
    static void json(JsonWriter w, Route r, LinkTable links, boolean showTable) {
        w.beginObject();
        members(w, r, links, showTable);
        w.endObject();
    }

    /** The members of the route's object in {@code ip -j route show}, written into the object {@code w} is in. */
    static void members(JsonWriter w, Route r, LinkTable links, boolean showTable) {
        if (!RouteType.UNICAST.equals(r.type())) {
            w.name("type").value(Iproute2Names.routeType(r.type()));
        }
        w.name("dst").value(destination(r));
        r.source().ifPresent(s -> w.name("from").value(prefix(s, r.sourcePrefixLength())));
        if (r.tos() != 0) {
            w.name("tos").value(tos(r.tos()));
        }
        r.gateway().ifPresent(g -> gateway(w, g, r.addressFamily()));
        if (r.linkIndex() != 0) {
            w.name("dev").value(links.name(r.linkIndex()));
        }
        if (showTable && r.table() != RouteTables.MAIN) {
            w.name("table").value(Iproute2Names.routeTable(r.table()));
        }
        if ((r.flags() & RouteFlags.CLONED) == 0) {
            if (!RouteProtocol.BOOT.equals(r.protocol())) {
                w.name("protocol").value(Iproute2Names.routeProtocol(r.protocol()));
            }
            if (!AddressScope.UNIVERSE.equals(r.scope())) {
                w.name("scope").value(Iproute2Names.scope(r.scope()));
            }
        }
        r.preferredSource().ifPresent(s -> w.name("prefsrc").value(InetAddresses.toText(s)));
        if (hasMetric(r)) {
            w.name("metric").unsignedValue(Integer.toUnsignedLong(r.priority()));
        }
        flags(w, r.flags());
        List<Map.Entry<String, Long>> metrics = metrics(r);
        if (!metrics.isEmpty()) {
            w.name("metrics").beginArray().beginObject();
            metrics.forEach(m -> w.name(m.getKey()).unsignedValue(m.getValue()));
            w.endObject().endArray();
        }
        r.preference().ifPresent(p -> w.name("pref").value(p.name().toLowerCase(java.util.Locale.ROOT)));
        if (!r.nextHops().isEmpty()) {
            w.name("nexthops").beginArray();
            for (NextHop hop : r.nextHops()) {
                w.beginObject();
                hop.gateway().ifPresent(g -> gateway(w, g, r.addressFamily()));
                w.name("dev").value(links.name(hop.linkIndex()));
                w.name("weight").value(hop.weight());
                flags(w, hop.flags());
                w.endObject();
            }
            w.endArray();
        }
    }

    /** {@code default}, an address with its prefix length, or a host's address alone. */
    private static String destination(Route r) {
        return r.destinationPrefixLength() == 0 ? "default" : prefix(r.destination(), r.destinationPrefixLength());
    }

    private static String prefix(InetAddress address, int length) {
        String text = InetAddresses.toText(address);
        return length == address.getAddress().length * 8 ? text : text + "/" + length;
    }

    /** {@code via ADDRESS}, or {@code via inet6 ADDRESS} for a gateway of the other family (RTA_VIA). */
    private static String via(InetAddress gateway, AddressFamily family) {
        AddressFamily of = AddressFamily.of(gateway);
        return "via " + (of.equals(family) ? "" : Iproute2Names.family(of) + " ") + InetAddresses.toText(gateway);
    }

    private static void gateway(JsonWriter w, InetAddress gateway, AddressFamily family) {
        AddressFamily of = AddressFamily.of(gateway);
        if (of.equals(family)) {
            w.name("gateway").value(InetAddresses.toText(gateway));
        } else {
            w.name("via").beginObject().name("family").value(Iproute2Names.family(of)).name("host")
                    .value(InetAddresses.toText(gateway)).endObject();
        }
    }

    /** iproute2 prints RTA_PRIORITY when the kernel sends it: for IPv4 when it is not 0, for IPv6 always. */
    private static boolean hasMetric(Route r) {
        return r.priority() != 0 || AddressFamily.INET6.equals(r.addressFamily());
    }

    private static String tos(int tos) {
        return String.format("0x%02x", tos);
    }

    private static List<String> flags(int flags) {
        List<String> out = new ArrayList<>();
        for (int i = 0; i < FLAG_ORDER.length; i++) {
            if ((flags & FLAG_ORDER[i]) != 0) {
                out.add(FLAG_NAMES[i]);
            }
        }
        return out;
    }

    private static void flags(JsonWriter w, int flags) {
        w.name("flags").beginArray();
        flags(flags).forEach(w::value);
        w.endArray();
    }

    /** The metrics iproute2 prints as numbers, in RTAX order: the MTU and the plain ones it names. */
    private static List<Map.Entry<String, Long>> metrics(Route r) {
        List<Map.Entry<Integer, Long>> all = new ArrayList<>();
        r.mtu().ifPresent(mtu -> all.add(Map.entry(2, Integer.toUnsignedLong(mtu))));
        for (RawAttribute m : r.otherMetrics()) {
            if (METRICS.containsKey(m.type()) && m.length() == 4) {
                all.add(Map.entry(m.type(), Integer.toUnsignedLong(m.u32())));
            }
        }
        all.sort(Map.Entry.comparingByKey());
        return all.stream().map(e -> Map.entry(METRICS.get(e.getKey()), e.getValue())).toList();
    }
}
