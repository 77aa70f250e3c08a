// SPDX-FileCopyrightText: 2026 The netlink4j Authors
// SPDX-License-Identifier: Apache-2.0
package io.netlink4j.cli.route;

import io.netlink4j.AddressFamily;
import io.netlink4j.cli.CliException;
import io.netlink4j.cli.Failures;
import io.netlink4j.cli.ipvs.InetText;
import io.netlink4j.internal.InetAddresses;
import io.netlink4j.route.AddressScope;
import io.netlink4j.route.NextHop;
import io.netlink4j.route.RouteFlags;
import io.netlink4j.route.RoutePreference;
import io.netlink4j.route.RouteProtocol;
import io.netlink4j.route.RouteSpec;
import io.netlink4j.route.RouteTables;
import io.netlink4j.route.RouteType;

import java.net.InetAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.ToIntFunction;

/**
 * The words after {@code ip route add|del|replace|change}, read as iproute2 reads them:
 * {@code [TYPE] PREFIX|default [via [inet|inet6] ADDR] [dev NAME] [src ADDR] [metric N]
 * [table ID] [proto NAME|N] [scope NAME|N] [type TYPE] [tos N] [mtu N] [pref low|medium|high]
 * [onlink] [nexthop via ADDR dev NAME [weight N] [onlink] ...]}. The family is -4's or -6's,
 * else the prefix's, else the first gateway's, else IPv4, as {@code ip} chooses it. Every bad word
 * is a {@link CliException} (a usage error) naming it and what is allowed.
 */
final class RouteArgs {
    /** The keywords a route takes, for messages. */
    static final String KEYWORDS = "to, via, dev, src, metric, table, proto, scope, type, tos, mtu, pref, onlink, nexthop";

    private static final long U32 = 0xFFFF_FFFFL;

    private final String help;
    private final List<String> words;
    private int at;

    private String prefixWord;
    private InetAddress destination;
    private int prefixLength;
    private RouteType type;
    private Integer table;
    private RouteProtocol protocol;
    private AddressScope scope;
    private Via gateway;
    private String device;
    private Word source;
    private Long metric;
    private Integer tos;
    private Integer mtu;
    private RoutePreference preference;
    private boolean onlink;
    private final List<Hop> hops = new ArrayList<>();

    /** An address and the word it was read from. */
    private record Word(String keyword, String text, InetAddress address) {}

    /** A gateway: {@code via [inet|inet6] ADDR}; {@code explicit} when a family word named its family. */
    private record Via(Word word, boolean explicit) {}

    /** One {@code nexthop}: a gateway, device, weight and onlink flag. */
    private record Hop(Via gateway, String device, int weight, boolean onlink) {}

    private RouteArgs(String help, List<String> words) {
        this.help = help;
        this.words = words;
    }

    /**
     * Reads {@code words}.
     *
     * @param help the command whose --help explains the words, e.g. {@code "netlink4j route add"}
     * @throws CliException naming the bad word
     */
    static RouteArgs parse(String help, List<String> words) {
        RouteArgs a = new RouteArgs(help, words == null ? List.of() : words);
        a.read();
        return a;
    }

    /** The device names the route uses, in order. */
    List<String> devices() {
        List<String> out = new ArrayList<>();
        if (device != null) {
            out.add(device);
        }
        for (Hop h : hops) {
            if (h.device() != null) {
                out.add(h.device());
            }
        }
        return out;
    }

    /**
     * The route's specification.
     *
     * @param forced    the family -4 or -6 chose, or null
     * @param deleting  whether the route is to delete: without a type it then matches any type, as
     *                  {@code ip route del} does
     * @param linkIndex the index of a device by name (the caller reports a missing one)
     * @throws CliException for a word of the wrong family, or a value the specification refuses
     */
    RouteSpec spec(AddressFamily forced, boolean deleting, ToIntFunction<String> linkIndex) {
        AddressFamily family = family(forced);
        InetAddress dst = destination;
        if (dst == null) {
            dst = AddressFamily.INET.equals(family) ? InetText.pton4("0.0.0.0") : InetText.pton6("::");
        } else if (!AddressFamily.of(dst).equals(family)) {
            throw usage("prefix: '" + prefixWord + "' (expected: an " + Iproute2Names.family(family) + " prefix, as -"
                    + (AddressFamily.INET.equals(family) ? "4" : "6") + " says)");
        }
        RouteSpec.Builder b = RouteSpec.builder(dst, destination == null ? 0 : prefixLength);
        if (type != null) {
            b.type(type);
        } else if (deleting) {
            b.type(RouteType.UNSPEC);
        }
        if (table != null) {
            b.table(table);
        } else if (RouteType.LOCAL.equals(type) || RouteType.BROADCAST.equals(type) || RouteType.NAT.equals(type)
                || RouteType.ANYCAST.equals(type)) {
            b.table(RouteTables.LOCAL); // as ip: these types go to the local table unless told
        }
        if (protocol != null) {
            b.protocol(protocol);
        }
        if (scope != null) {
            b.scope(scope);
        }
        if (gateway != null) {
            b.gateway(gatewayOf(gateway, family));
        }
        if (device != null) {
            b.linkIndex(linkIndex.applyAsInt(device));
        }
        if (source != null) {
            b.preferredSource(ofFamily(source, family));
        }
        if (metric != null) {
            b.priority((int) (long) metric);
        }
        if (tos != null) {
            if (AddressFamily.INET6.equals(family)) {
                throw usage("tos: '" + tos + "' (expected: tos on IPv4 routes only)");
            }
            b.tos(tos);
        }
        if (mtu != null) {
            b.mtu(mtu);
        }
        if (preference != null) {
            if (AddressFamily.INET.equals(family)) {
                throw usage("pref: '" + preference.name().toLowerCase(Locale.ROOT) + "' (expected: pref on IPv6 routes only)");
            }
            b.preference(preference);
        }
        if (onlink) {
            b.flags(RouteFlags.ONLINK);
        }
        if (!hops.isEmpty()) {
            if (gateway != null || device != null) {
                throw usage("nexthop with " + (gateway != null ? "via" : "dev") + " before it (expected: either via and dev,"
                        + " or nexthop clauses)");
            }
            List<NextHop> nextHops = new ArrayList<>();
            for (Hop h : hops) {
                NextHop.Builder nb = NextHop.builder().weight(h.weight());
                if (h.gateway() != null) {
                    nb.gateway(gatewayOf(h.gateway(), family));
                }
                if (h.device() != null) {
                    nb.linkIndex(linkIndex.applyAsInt(h.device()));
                }
                if (h.onlink()) {
                    nb.flags(RouteFlags.ONLINK);
                }
                nextHops.add(nb.build());
            }
            b.nextHops(nextHops);
        }
        try {
            return b.build();
        } catch (IllegalArgumentException e) {
            throw usage(e.getMessage());
        }
    }

    /** -4's or -6's family, else the prefix's, else the first gateway's, else IPv4. */
    private AddressFamily family(AddressFamily forced) {
        if (forced != null) {
            return forced;
        }
        if (destination != null) {
            return AddressFamily.of(destination);
        }
        if (gateway != null) {
            return AddressFamily.of(gateway.word().address());
        }
        for (Hop h : hops) {
            if (h.gateway() != null) {
                return AddressFamily.of(h.gateway().word().address());
            }
        }
        return AddressFamily.INET;
    }

    /**
     * A gateway of the route's family; an IPv4 route's gateway may be IPv6 when named so
     * ({@code via inet6 ADDR}, RTA_VIA).
     */
    private InetAddress gatewayOf(Via via, AddressFamily family) {
        if (via.explicit() && AddressFamily.INET.equals(family)) {
            return via.word().address();
        }
        return ofFamily(via.word(), family);
    }

    private InetAddress ofFamily(Word w, AddressFamily family) {
        if (!AddressFamily.of(w.address()).equals(family)) {
            throw usage(w.keyword() + ": '" + w.text() + "' (expected: an " + Iproute2Names.family(family) + " address, as the route is "
                    + Iproute2Names.family(family) + ")");
        }
        return w.address();
    }

    private void read() {
        while (at < words.size()) {
            String w = words.get(at++);
            switch (w) {
                case "to" -> prefix(next(w));
                case "via" -> gateway = via(w);
                case "dev", "oif" -> device = once(w, device, next(w));
                case "src" -> source = once(w, source, address(w, next(w)));
                case "metric", "priority", "preference" -> metric = once(w, metric, number(w, next(w), U32));
                case "table" -> table = once(w, table, table(next(w)));
                case "proto", "protocol" -> protocol = once(w, protocol, protocol(next(w)));
                case "scope" -> scope = once(w, scope, scope(next(w)));
                case "type" -> type = once(w, type, type(w, next(w)));
                case "tos", "dsfield" -> tos = once(w, tos, (int) (long) number(w, next(w), 0xFF));
                case "mtu" -> mtu = once(w, mtu, (int) (long) number(w, next(w), Integer.MAX_VALUE));
                case "pref" -> preference = once(w, preference, preference(next(w)));
                case "onlink" -> onlink = true;
                case "nexthop" -> {
                    at--;
                    nextHops();
                }
                default -> {
                    if (prefixWord != null) {
                        throw usage("argument '" + w + "' (expected: one of " + KEYWORDS + "; the prefix is '" + prefixWord + "')");
                    }
                    prefix(w);
                }
            }
        }
        if (prefixWord == null) {
            throw usage("no prefix (expected: PREFIX, such as 10.1.0.0/16 or 2001:db8::/64, or default)");
        }
    }

    /** {@code [TYPE] PREFIX}, as ip reads the first word that is not a keyword (and the word after {@code to}). */
    private void prefix(String first) {
        String w = first;
        RouteType named = Iproute2Names.routeTypeNamed(w);
        if (named != null) {
            type = once("type", type, named);
            if (at >= words.size()) {
                throw usage("no prefix (expected: PREFIX, such as 10.1.0.0/16 or 2001:db8::/64, or default)");
            }
            w = next(w);
        }
        if (prefixWord != null) {
            throw usage("prefix: '" + w + "' after '" + prefixWord + "' (expected: one prefix)");
        }
        prefixWord = w;
        if (w.equals("default")) {
            return;
        }
        int slash = w.indexOf('/');
        String text = slash < 0 ? w : w.substring(0, slash);
        InetAddress address = InetText.pton4(text);
        if (address == null) {
            address = InetText.pton6(text);
        }
        if (address == null) {
            throw usage("prefix: '" + w + "' (expected: ADDRESS[/LENGTH] with an IPv4 or IPv6 address, or default)");
        }
        int max = AddressFamily.of(address).maxPrefixLength();
        int length = max;
        if (slash >= 0) {
            Long n = w.length() > slash + 1 && w.substring(slash + 1).chars().allMatch(Character::isDigit) && w.length() - slash <= 4
                    ? Long.parseLong(w.substring(slash + 1)) : null;
            if (n == null || n > max) {
                throw usage("prefix length: '" + w.substring(slash + 1) + "' in '" + w + "' (expected: 0-" + max + ")");
            }
            length = (int) (long) n;
        }
        byte[] masked = address.getAddress();
        for (int bit = length; bit < masked.length * 8; bit++) {
            masked[bit / 8] &= (byte) ~(0x80 >>> (bit % 8));
        }
        InetAddress network = InetText.byAddress(masked);
        if (!network.equals(address)) {
            throw usage("prefix: '" + w + "' (expected: no bit set after the prefix length, e.g. " + InetAddresses.toText(network) + "/"
                    + length + ")");
        }
        destination = address;
        prefixLength = length;
    }

    /** {@code via [inet|inet6] ADDR}. */
    private Via via(String keyword) {
        if (gateway != null) {
            throw usage(keyword + ": given twice (expected: one gateway; several with nexthop)");
        }
        return viaWords(keyword);
    }

    private Via viaWords(String keyword) {
        String w = next(keyword);
        boolean explicit = w.equals("inet") || w.equals("inet6");
        Word address = address(keyword, explicit ? next(keyword + " " + w) : w);
        if (explicit && !Iproute2Names.family(AddressFamily.of(address.address())).equals(w)) {
            throw usage(keyword + ": '" + address.text() + "' (expected: an " + w + " address after '" + keyword + " " + w + "')");
        }
        return new Via(address, explicit);
    }

    /** {@code nexthop via ADDR dev NAME [weight N] [onlink]}, repeated to the end. */
    private void nextHops() {
        while (at < words.size()) {
            String w = words.get(at++);
            if (!w.equals("nexthop")) {
                throw usage("argument '" + w + "' after nexthop (expected: nexthop clauses to the end: via, dev, weight, onlink)");
            }
            Via via = null;
            String dev = null;
            Integer weight = null;
            boolean hopOnlink = false;
            while (at < words.size() && !words.get(at).equals("nexthop")) {
                String k = words.get(at++);
                switch (k) {
                    case "via" -> {
                        if (via != null) {
                            throw usage("nexthop via: given twice (expected: one gateway per nexthop)");
                        }
                        via = viaWords("nexthop via");
                    }
                    case "dev" -> dev = once("nexthop dev", dev, next("nexthop dev"));
                    case "weight" -> {
                        String n = next("nexthop weight");
                        Long value = Iproute2Names.unsigned(n, 256);
                        if (value == null || value < 1) {
                            throw usage("nexthop weight: '" + n + "' (expected: 1-256)");
                        }
                        weight = once("nexthop weight", weight, (int) (long) value);
                    }
                    case "onlink" -> hopOnlink = true;
                    default -> throw usage("nexthop argument '" + k + "' (expected: via, dev, weight, onlink)");
                }
            }
            if (via == null && dev == null) {
                throw usage("nexthop without via or dev (expected: nexthop via ADDR dev NAME [weight N])");
            }
            hops.add(new Hop(via, dev, weight == null ? 1 : weight, hopOnlink));
        }
    }

    private Word address(String keyword, String text) {
        InetAddress a = InetText.pton4(text);
        if (a == null) {
            a = InetText.pton6(text);
        }
        if (a == null) {
            throw usage(keyword + ": '" + text + "' (expected: an IPv4 or IPv6 address)");
        }
        return new Word(keyword, text, a);
    }

    private Long number(String keyword, String text, long max) {
        Long n = Iproute2Names.unsigned(text, max);
        if (n == null) {
            throw usage(keyword + ": '" + text + "' (expected: 0-" + max + ")");
        }
        return n;
    }

    private int table(String text) {
        switch (text) {
            case "main":
                return RouteTables.MAIN;
            case "local":
                return RouteTables.LOCAL;
            case "default":
                return RouteTables.DEFAULT;
            default:
                Long n = Iproute2Names.unsigned(text, U32);
                if (n == null || n == 0) {
                    throw usage("table: '" + text + "' (expected: main, local, default, or a number 1-4294967295)");
                }
                return (int) (long) n;
        }
    }

    private RouteProtocol protocol(String text) {
        RouteProtocol p = Iproute2Names.routeProtocolNamed(text);
        if (p == null) {
            throw usage("proto: '" + text + "' (expected: " + Iproute2Names.routeProtocolNames() + ", or a number 0-255)");
        }
        return p;
    }

    private AddressScope scope(String text) {
        AddressScope s = Iproute2Names.scopeNamed(text);
        if (s == null) {
            throw usage("scope: '" + text + "' (expected: global, site, link, host, nowhere, or a number 0-255)");
        }
        return s;
    }

    private RouteType type(String keyword, String text) {
        RouteType t = Iproute2Names.routeTypeNamed(text);
        if (t == null) {
            throw usage(keyword + ": '" + text + "' (expected: " + Iproute2Names.routeTypeNames() + ")");
        }
        return t;
    }

    private RoutePreference preference(String text) {
        return switch (text) {
            case "low" -> RoutePreference.LOW;
            case "medium" -> RoutePreference.MEDIUM;
            case "high" -> RoutePreference.HIGH;
            default -> throw usage("pref: '" + text + "' (expected: low, medium, high)");
        };
    }

    /** The word after {@code keyword}. */
    private String next(String keyword) {
        if (at >= words.size()) {
            throw usage(keyword + ": no value after it");
        }
        return words.get(at++);
    }

    private <T> T once(String keyword, T old, T value) {
        if (old != null) {
            throw usage(keyword + ": given twice");
        }
        return value;
    }

    private CliException usage(String message) {
        return new CliException(message, Failures.EXIT_USAGE, help);
    }
}
