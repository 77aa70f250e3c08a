// SPDX-FileCopyrightText: 2026 The netlink4j Authors
// SPDX-License-Identifier: Apache-2.0
package io.netlink4j.cli.route;

import io.netlink4j.cli.json.JsonWriter;
import io.netlink4j.route.Address;
import io.netlink4j.internal.InetAddresses;
import io.netlink4j.route.Link;
import io.netlink4j.route.LinkInfo;
import io.netlink4j.route.RawAttribute;
import io.netlink4j.route.Route;
import io.netlink4j.route.Rtnetlink;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Links and addresses as JSON with the member names and value formats of {@code ip -j link show}
 * and {@code ip -j addr show}, for the values this library decodes; and one compact object a line
 * for {@code monitor --json}.
 */
final class RouteJson {
    private RouteJson() {}

    /** {@code netlink4j link list --json}: an array of links as {@code ip -j -d link show} has them, without statistics and driver details. */
    static String links(List<Link> links, LinkTable table) {
        StringBuilder sb = new StringBuilder();
        JsonWriter w = new JsonWriter(sb).beginArray();
        for (Link link : links) {
            w.beginObject();
            link(w, link, table, true);
            w.endObject();
        }
        w.endArray();
        return sb.toString();
    }

    /** {@code netlink4j addr list --json}: an array of links, each with its {@code addr_info}, as {@code ip -j addr show} has them. */
    static String addresses(List<Link> links, Map<Integer, List<Address>> addresses, LinkTable table) {
        StringBuilder sb = new StringBuilder();
        JsonWriter w = new JsonWriter(sb).beginArray();
        for (Link link : links) {
            w.beginObject();
            link(w, link, table, false);
            w.name("addr_info").beginArray();
            for (Address a : addresses.getOrDefault(link.index(), List.of())) {
                w.beginObject();
                address(w, a);
                w.endObject();
            }
            w.endArray().endObject();
        }
        w.endArray();
        return sb.toString();
    }

    /** {@code monitor --json}: {@code {"event":"link","action":"added",...the link's members}} on one line. */
    static String linkEvent(String action, Link link, LinkTable table) {
        StringBuilder sb = new StringBuilder();
        JsonWriter w = JsonWriter.compact(sb).beginObject().name("event").value("link").name("action").value(action);
        link(w, link, table, true);
        w.endObject();
        return sb.toString();
    }

    /** {@code monitor --json}: {@code {"event":"address","action":"added","ifindex":3,"ifname":"v0",...the addr_info members}} on one line. */
    static String addressEvent(String action, Address address, LinkTable table) {
        StringBuilder sb = new StringBuilder();
        JsonWriter w = JsonWriter.compact(sb).beginObject().name("event").value("address").name("action").value(action)
                .name("ifindex").value(address.linkIndex()).name("ifname").value(table.name(address.linkIndex()));
        address(w, address);
        w.endObject();
        return sb.toString();
    }

    /**
     * {@code monitor --json}: {@code {"event":"route","action":"added",...the members of ip -j route show table all}} on
     * one line; the action is {@code added}, {@code replaced} or {@code deleted}.
     */
    static String routeEvent(String action, Route route, LinkTable table) {
        StringBuilder sb = new StringBuilder();
        JsonWriter w = JsonWriter.compact(sb).beginObject().name("event").value("route").name("action").value(action);
        RoutePrinter.members(w, route, table, true);
        w.endObject();
        return sb.toString();
    }

    /** {@code monitor --json}: {@code {"event":"overrun","links":N,"addresses":N}}, the counts read again after the loss. */
    static String overrun(int links, int addresses, boolean withAddresses) {
        StringBuilder sb = new StringBuilder();
        JsonWriter w = JsonWriter.compact(sb).beginObject().name("event").value("overrun").name("links").value(links);
        if (withAddresses) {
            w.name("addresses").value(addresses);
        }
        w.endObject();
        return sb.toString();
    }

    /**
     * A link's members, as {@code ip -j link show} ({@code linkView}: with {@code linkmode},
     * {@code ifalias}, and {@code linkinfo} as {@code -d} adds it) or {@code ip -j addr show} has them.
     */
    private static void link(JsonWriter w, Link link, LinkTable table, boolean linkView) {
        w.name("ifindex").value(link.index());
        if (link.parentIndex() != 0) {
            if (link.linkNetnsId() >= 0) {
                w.name("link_index").value(link.parentIndex());
            } else {
                w.name("link").value(table.parent(link));
            }
        }
        w.name("ifname").value(link.name());
        w.name("flags").beginArray();
        table.flags(link).forEach(w::value);
        w.endArray();
        w.name("mtu").value(link.mtu());
        link.qdisc().ifPresent(qdisc -> w.name("qdisc").value(qdisc));
        if (link.masterIndex() != 0) {
            w.name("master").value(table.name(link.masterIndex()));
        }
        w.name("operstate").value(link.operState().name());
        if (linkView) {
            Optional<RawAttribute> unknownMode = link.attribute(Rtnetlink.IFLA_LINKMODE);
            if (unknownMode.isPresent()) { // as iproute2: the number of a mode it has no name for
                w.name("linkmode").value(unknownMode.get().u8());
            } else {
                w.name("linkmode").value(Iproute2Names.linkMode(link.linkMode()));
            }
        }
        w.name("group").value(RouteText.group(link));
        w.name("txqlen").value(link.txQueueLength());
        w.name("link_type").value(Iproute2Names.linkType(link.type()));
        link.address().ifPresent(a -> w.name("address").value(RouteText.hardwareAddress(link.type(), a)));
        link.broadcast().ifPresent(b -> {
            if (RouteText.isPointToPoint(link)) {
                w.name("link_pointtopoint").value(true);
            }
            w.name("broadcast").value(RouteText.hardwareAddress(link.type(), b));
        });
        String permanent = RouteText.permanentAddress(link);
        if (permanent != null) {
            w.name("permaddr").value(permanent);
        }
        if (link.linkNetnsId() >= 0) {
            w.name("link_netnsid").value(link.linkNetnsId());
        }
        if (linkView) {
            link.alias().ifPresent(alias -> w.name("ifalias").value(alias));
        }
        if (!link.alternativeNames().isEmpty()) {
            w.name("altnames").beginArray();
            link.alternativeNames().forEach(w::value);
            w.endArray();
        }
        LinkInfo info = link.info().orElse(null);
        if (linkView && info != null && (info.kind() != null || info.slaveKind() != null)) {
            w.name("linkinfo").beginObject();
            if (info.kind() != null) {
                w.name("info_kind").value(info.kind().name());
            }
            if (info.slaveKind() != null) {
                w.name("info_slave_kind").value(info.slaveKind().name());
            }
            w.endObject();
        }
    }

    /** An address's members as in {@code ip -j addr show}'s {@code addr_info}: each flag is a member with value true. */
    private static void address(JsonWriter w, Address a) {
        w.name("family").value(Iproute2Names.family(a.addressFamily()));
        w.name("local").value(InetAddresses.toText(a.address().orElseThrow()));
        a.peer().ifPresent(peer -> w.name("address").value(InetAddresses.toText(peer)));
        w.name("prefixlen").value(a.prefixLength());
        a.broadcast().ifPresent(b -> w.name("broadcast").value(InetAddresses.toText(b)));
        if (a.routePriority() != 0) {
            w.name("metric").value(Integer.toUnsignedLong(a.routePriority()));
        }
        w.name("scope").value(Iproute2Names.scope(a.scope()));
        for (String flag : Iproute2Names.addressFlags(a.flags(), a.addressFamily())) {
            if (flag.startsWith(Iproute2Names.UNKNOWN_ADDRESS_FLAGS)) { // as iproute2: "flags": "<hex>"
                w.name("flags").value(flag.substring(Iproute2Names.UNKNOWN_ADDRESS_FLAGS.length()));
            } else {
                w.name(flag).value(true);
            }
        }
        a.label().ifPresent(label -> w.name("label").value(label));
        a.cacheInfo().ifPresent(c -> {
            w.name("valid_life_time").value(c.validLifetime());
            w.name("preferred_life_time").value(c.preferredLifetime());
        });
    }
}
