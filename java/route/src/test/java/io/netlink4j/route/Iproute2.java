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
import java.util.Optional;
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

    /** iproute2's order of the link flags it prints (it never prints RUNNING). */
    private static final int[] LINK_FLAG_ORDER = {LinkFlags.LOOPBACK, LinkFlags.BROADCAST, LinkFlags.POINTOPOINT,
        LinkFlags.MULTICAST, LinkFlags.NOARP, LinkFlags.ALLMULTI, LinkFlags.PROMISC, LinkFlags.MASTER, LinkFlags.SLAVE,
        LinkFlags.DEBUG, LinkFlags.DYNAMIC, LinkFlags.AUTOMEDIA, LinkFlags.PORTSEL, LinkFlags.NOTRAILERS, LinkFlags.UP,
        LinkFlags.LOWER_UP, LinkFlags.DORMANT, LinkFlags.ECHO};
    /** iproute2's order and spelling of the address flags it prints; PERMANENT is printed as "dynamic" when absent. */
    private static final int[] ADDRESS_FLAG_ORDER = {AddressFlags.SECONDARY, AddressFlags.NODAD, AddressFlags.OPTIMISTIC,
        AddressFlags.DADFAILED, AddressFlags.HOMEADDRESS, AddressFlags.DEPRECATED, AddressFlags.TENTATIVE,
        AddressFlags.PERMANENT, AddressFlags.MANAGETEMPADDR, AddressFlags.NOPREFIXROUTE, AddressFlags.MCAUTOJOIN,
        AddressFlags.STABLE_PRIVACY};
    private static final String[] ADDRESS_FLAG_NAMES = {"secondary", "nodad", "optimistic", "dadfailed", "home", "deprecated",
        "tentative", "dynamic", "mngtmpaddr", "noprefixroute", "autojoin", "stable-privacy"};

    /** A link's flags as {@code ip -j link} lists them: NO-CARRIER for UP without RUNNING, the kernel's names in ip's order. */
    static List<Object> linkFlags(int flags) {
        List<Object> out = new ArrayList<>();
        if ((flags & LinkFlags.UP) != 0 && (flags & LinkFlags.RUNNING) == 0) {
            out.add("NO-CARRIER");
        }
        for (int bit : LINK_FLAG_ORDER) {
            if ((flags & bit) != 0) {
                out.add(LinkFlags.names(bit).get(0));
            }
        }
        return out;
    }

    /** An address's flags as {@code ip -j addr} names them (each a member with value true). */
    static List<String> addressFlags(int flags, AddressFamily family) {
        List<String> out = new ArrayList<>();
        for (int i = 0; i < ADDRESS_FLAG_ORDER.length; i++) {
            int bit = ADDRESS_FLAG_ORDER[i];
            if (bit == AddressFlags.PERMANENT ? (flags & bit) == 0 : (flags & bit) != 0) {
                out.add(bit == AddressFlags.SECONDARY && family.equals(AddressFamily.INET6) ? "temporary" : ADDRESS_FLAG_NAMES[i]);
            }
        }
        return out;
    }

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
            m.put("flags", linkFlags(l.flags()));
            m.put("mtu", (long) l.mtu());
            putIfPresent(m, "qdisc", l.qdisc());
            m.put("operstate", l.operState().name());
            m.put("linkmode", l.linkMode().name());
            m.put("group", l.group() == 0 ? "default" : Long.toString(Integer.toUnsignedLong(l.group())));
            m.put("txqlen", (long) l.txQueueLength());
            m.put("link_type", LINK_TYPES.getOrDefault(l.type(), "[" + l.type().value() + "]"));
            putIfPresent(m, "address", l.address());
            putIfPresent(m, "broadcast", l.broadcast());
            if (l.permanentAddress().isPresent() && !l.permanentAddress().equals(l.address())) {
                m.put("permaddr", l.permanentAddress().get().toString());
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
            l.kind().ifPresent(k -> m.put("info_kind", k.name()));
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
            m.put("family", a.addressFamily().equals(AddressFamily.INET6) ? "inet6" : "inet");
            m.put("local", InetAddresses.toText(a.address().orElseThrow()));
            a.peer().ifPresent(peer -> m.put("address", InetAddresses.toText(peer)));
            m.put("prefixlen", (long) a.prefixLength());
            a.broadcast().ifPresent(b -> m.put("broadcast", InetAddresses.toText(b)));
            m.put("scope", SCOPES.getOrDefault(a.scope(), a.scope().name()));
            for (String flag : addressFlags(a.flags(), a.addressFamily())) {
                m.put(flag, true);
            }
            putIfPresent(m, "label", a.label());
            a.cacheInfo().ifPresent(c -> {
                m.put("valid_life_time", c.validLifetime());
                m.put("preferred_life_time", c.preferredLifetime());
            });
            if (a.routePriority() != 0) {
                m.put("metric", Integer.toUnsignedLong(a.routePriority()));
            }
            Objects.requireNonNull(out.get((long) a.linkIndex()), "address on unknown link " + a.linkIndex()).add(m);
        }
        return out;
    }

    private static void putIfPresent(Map<String, Object> m, String key, Optional<?> value) {
        value.ifPresent(v -> m.put(key, v.toString()));
    }

    private static void putU32(Map<String, Object> m, String key, Link l, int type) {
        l.attribute(type).ifPresent(a -> m.put(key, Integer.toUnsignedLong(a.u32())));
    }
}
