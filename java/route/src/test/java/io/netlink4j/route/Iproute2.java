// SPDX-FileCopyrightText: 2026 The netlink4j Authors
// SPDX-License-Identifier: Apache-2.0
package io.netlink4j.route;

import io.netlink4j.AddressFamily;
import io.netlink4j.internal.InetAddresses;
import io.netlink4j.testsupport.Json;
import io.netlink4j.testsupport.Netns;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * iproute2's JSON view of links and addresses ({@code ip -j -d link show}, {@code ip -j addr show}),
 * and the same view computed from this library's values, for comparing the two field by field.
 */
final class Iproute2 {
    private Iproute2() {}

    /** The link fields compared (where iproute2 prints them). */
    static final List<String> LINK_KEYS = List.of("ifindex", "ifname", "flags", "mtu", "qdisc", "operstate", "linkmode",
            "group", "txqlen", "link_type", "address", "broadcast", "permaddr", "link", "link_index", "link_netnsid",
            "ifalias", "promiscuity", "allmulti", "min_mtu", "max_mtu", "num_tx_queues", "num_rx_queues", "gso_max_size",
            "gso_max_segs", "tso_max_size", "tso_max_segs", "gro_max_size", "info_kind");

    private static final String[] LINK_MODES = {"DEFAULT", "DORMANT", "TESTING"};

    /** iproute2's names of the link types and address scopes a test namespace has; it prints others by number. */
    private static final Map<LinkType, String> LINK_TYPES = Map.of(LinkType.ETHER, "ether", LinkType.LOOPBACK, "loopback",
            LinkType.NONE, "none");
    private static final Map<AddressScope, String> SCOPES = Map.of(AddressScope.UNIVERSE, "global", AddressScope.SITE, "site",
            AddressScope.LINK, "link", AddressScope.HOST, "host", AddressScope.NOWHERE, "nowhere");

    /** {@code ip -j -d link show} in the namespace, each link reduced to {@link #LINK_KEYS}, by index. */
    static Map<Long, Map<String, Object>> links(Netns ns) {
        Map<Long, Map<String, Object>> out = new TreeMap<>();
        for (Map<String, Object> link : Json.parseArrayOfObjects(Netns.run("ip", "-n", ns.name(), "-j", "-d", "link", "show"))) {
            Map<String, Object> flat = new LinkedHashMap<>(link);
            if (link.get("linkinfo") instanceof Map<?, ?> info && info.get("info_kind") != null) {
                flat.put("info_kind", info.get("info_kind"));
            }
            flat.keySet().retainAll(LINK_KEYS);
            out.put((Long) link.get("ifindex"), flat);
        }
        return out;
    }

    /** The same view of this library's links. */
    static Map<Long, Map<String, Object>> links(List<Link> links) {
        Map<Integer, String> names = new TreeMap<>();
        links.forEach(l -> names.put(l.index(), l.name()));
        Map<Long, Map<String, Object>> out = new TreeMap<>();
        for (Link l : links) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("ifindex", (long) l.index());
            m.put("ifname", l.name());
            m.put("flags", new ArrayList<Object>(l.flagNames()));
            m.put("mtu", (long) l.mtu());
            putIfPresent(m, "qdisc", l.qdisc());
            m.put("operstate", l.operState().name());
            m.put("linkmode", l.linkMode() < LINK_MODES.length ? LINK_MODES[l.linkMode()] : null);
            m.put("group", l.group() == 0 ? "default" : Long.toString(Integer.toUnsignedLong(l.group())));
            m.put("txqlen", (long) l.txQueueLength());
            m.put("link_type", LINK_TYPES.getOrDefault(l.type(), "[" + l.type().value() + "]"));
            putIfPresent(m, "address", l.address());
            putIfPresent(m, "broadcast", l.broadcast());
            if (l.permanentAddress() != null && !l.permanentAddress().equals(l.address())) {
                m.put("permaddr", l.permanentAddress().toString());
            }
            if (l.parentIndex() != 0) {
                if (l.linkNetnsId() >= 0) {
                    m.put("link_index", (long) l.parentIndex());
                } else {
                    m.put("link", names.getOrDefault(l.parentIndex(), "if" + l.parentIndex()));
                }
            }
            if (l.linkNetnsId() >= 0) {
                m.put("link_netnsid", (long) l.linkNetnsId());
            }
            putIfPresent(m, "ifalias", l.alias());
            putU32(m, "promiscuity", l, Rtnetlink.IFLA_PROMISCUITY);
            putU32(m, "allmulti", l, Rtnetlink.IFLA_ALLMULTI);
            m.put("min_mtu", (long) l.minMtu());
            m.put("max_mtu", (long) l.maxMtu());
            putU32(m, "num_tx_queues", l, Rtnetlink.IFLA_NUM_TX_QUEUES);
            putU32(m, "num_rx_queues", l, Rtnetlink.IFLA_NUM_RX_QUEUES);
            putU32(m, "gso_max_size", l, Rtnetlink.IFLA_GSO_MAX_SIZE);
            putU32(m, "gso_max_segs", l, Rtnetlink.IFLA_GSO_MAX_SEGS);
            putU32(m, "tso_max_size", l, Rtnetlink.IFLA_TSO_MAX_SIZE);
            putU32(m, "tso_max_segs", l, Rtnetlink.IFLA_TSO_MAX_SEGS);
            putU32(m, "gro_max_size", l, Rtnetlink.IFLA_GRO_MAX_SIZE);
            if (l.kind() != null) {
                m.put("info_kind", l.kind().name());
            }
            out.put((long) l.index(), m);
        }
        return out;
    }

    /** {@code ip -j addr show} in the namespace: each link's addr_info list, by index. */
    @SuppressWarnings("unchecked")
    static Map<Long, List<Map<String, Object>>> addresses(Netns ns) {
        Map<Long, List<Map<String, Object>>> out = new TreeMap<>();
        for (Map<String, Object> link : Json.parseArrayOfObjects(Netns.run("ip", "-n", ns.name(), "-j", "addr", "show"))) {
            out.put((Long) link.get("ifindex"), (List<Map<String, Object>>) link.get("addr_info"));
        }
        return out;
    }

    /** The same view of this library's addresses, grouped by link in dump order; links without addresses get an empty list. */
    static Map<Long, List<Map<String, Object>>> addresses(List<Link> links, List<Address> addresses) {
        Map<Long, List<Map<String, Object>>> out = new TreeMap<>();
        links.forEach(l -> out.put((long) l.index(), new ArrayList<>()));
        for (Address a : addresses) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("family", a.family().equals(AddressFamily.INET6) ? "inet6" : "inet");
            m.put("local", InetAddresses.toText(a.address()));
            if (a.peer() != null) {
                m.put("address", InetAddresses.toText(a.peer()));
            }
            m.put("prefixlen", (long) a.prefixLength());
            if (a.broadcast() != null) {
                m.put("broadcast", InetAddresses.toText(a.broadcast()));
            }
            m.put("scope", SCOPES.getOrDefault(a.scope(), a.scope().name()));
            for (String flag : a.flagNames()) {
                m.put(flag, true);
            }
            putIfPresent(m, "label", a.label());
            if (a.cacheInfo() != null) {
                m.put("valid_life_time", a.cacheInfo().validLifetime());
                m.put("preferred_life_time", a.cacheInfo().preferredLifetime());
            }
            if (a.routePriority() != 0) {
                m.put("metric", Integer.toUnsignedLong(a.routePriority()));
            }
            Objects.requireNonNull(out.get((long) a.index()), "address on unknown link " + a.index()).add(m);
        }
        return out;
    }

    private static void putIfPresent(Map<String, Object> m, String key, Object value) {
        if (value != null) {
            m.put(key, value.toString());
        }
    }

    private static void putU32(Map<String, Object> m, String key, Link l, int type) {
        l.attribute(type).ifPresent(a -> m.put(key, Integer.toUnsignedLong(a.u32())));
    }
}
