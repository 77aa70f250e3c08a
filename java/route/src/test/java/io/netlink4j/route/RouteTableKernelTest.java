// SPDX-FileCopyrightText: 2026 The netlink4j Authors
// SPDX-License-Identifier: Apache-2.0
package io.netlink4j.route;

import io.netlink4j.AddressFamily;
import io.netlink4j.Errno;
import io.netlink4j.internal.InetAddresses;
import io.netlink4j.testsupport.Json;
import io.netlink4j.testsupport.Netns;
import io.netlink4j.testsupport.NetnsExtension;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Routes against the host's kernel, each test in a fresh network namespace with two veth pairs,
 * made by this library and checked against what {@code ip -j route show} lists for the same state.
 */
@Tag("kernel")
class RouteTableKernelTest {
    @RegisterExtension
    final NetnsExtension<RouteHandle> netns = new NetnsExtension<>("nl4j-routes", RouteHandle::open);
    Netns ns;
    RouteHandle route;
    int v0;
    int v2;

    static InetAddress ip(String text) {
        try {
            return InetAddress.getByName(text);
        } catch (UnknownHostException e) {
            throw new IllegalArgumentException(text, e);
        }
    }

    /** lo up; v0 (10.0.0.1/24, 2001:db8::1/64) and v2 (10.8.0.1/24, 2001:db8:8::1/64) up, their peers up. */
    @BeforeEach
    void setUp() {
        ns = netns.netns();
        route = netns.handle();
        route.newLink(LinkSpec.veth("v0", "v1"));
        route.newLink(LinkSpec.veth("v2", "v3"));
        for (String link : List.of("lo", "v0", "v1", "v2", "v3")) {
            route.updateLink(LinkChange.builder(link).up(true).build());
        }
        v0 = route.getLink("v0").index();
        v2 = route.getLink("v2").index();
        route.newAddress(v0, AddressSpec.of(ip("10.0.0.1"), 24));
        route.newAddress(v0, AddressSpec.builder(ip("2001:db8::1"), 64).flags(AddressFlags.NODAD).build());
        route.newAddress(v2, AddressSpec.of(ip("10.8.0.1"), 24));
        route.newAddress(v2, AddressSpec.builder(ip("2001:db8:8::1"), 64).flags(AddressFlags.NODAD).build());
    }

    static NextHop hop(String gateway, int link, int weight) {
        return NextHop.builder().gateway(ip(gateway)).linkIndex(link).weight(weight).build();
    }

    /** Gateways, direct routes, metrics, protocols, multipath, other tables, types, MTU, preferred source, IPv6 preference. */
    void addRoutes() {
        route.newRoute(RouteSpec.builder(ip("0.0.0.0"), 0).gateway(ip("10.0.0.254")).build());
        route.newRoute(RouteSpec.builder(ip("10.1.0.0"), 16).gateway(ip("10.0.0.2")).linkIndex(v0).priority(5)
                .protocol(RouteProtocol.STATIC).build());
        route.newRoute(RouteSpec.builder(ip("10.2.0.0"), 16).nextHops(List.of(hop("10.0.0.2", v0, 1), hop("10.8.0.2", v2, 3))).build());
        route.newRoute(RouteSpec.builder(ip("10.3.0.0"), 24).linkIndex(v2).table(100).mtu(1400).preferredSource(ip("10.8.0.1")).build());
        route.newRoute(RouteSpec.builder(ip("10.3.0.0"), 24).linkIndex(v0).table(70000).build());
        route.newRoute(RouteSpec.builder(ip("10.4.0.0"), 24).type(RouteType.BLACKHOLE).build());
        route.newRoute(RouteSpec.builder(ip("10.5.0.0"), 24).type(RouteType.UNREACHABLE).priority(9).build());
        route.newRoute(RouteSpec.builder(ip("10.6.0.7"), 32).gateway(ip("10.99.0.1")).linkIndex(v0).flags(RouteFlags.ONLINK)
                .tos(0x10).build());
        route.newRoute(RouteSpec.builder(ip("2001:db8:5::"), 64).gateway(ip("2001:db8::2")).linkIndex(v0).priority(10).build());
        route.newRoute(RouteSpec.builder(ip("2001:db8:6::"), 64)
                .nextHops(List.of(hop("2001:db8::2", v0, 1), hop("2001:db8:8::2", v2, 2))).build());
        route.newRoute(RouteSpec.builder(ip("2001:db8:7::"), 48).linkIndex(v2).table(100).preference(RoutePreference.HIGH)
                .mtu(1300).protocol(RouteProtocol.of(77)).build());
        route.newRoute(RouteSpec.builder(ip("::"), 0).gateway(ip("fe80::1")).linkIndex(v0).build());
        route.newRoute(RouteSpec.builder(ip("2001:db8:9::"), 64).linkIndex(v0).table(70000).build());
    }

    @Test
    void listingsEqualIproute2s() {
        addRoutes();
        for (AddressFamily family : List.of(AddressFamily.INET, AddressFamily.INET6)) {
            for (int table : List.of(RouteTables.MAIN, RouteTables.LOCAL, 100, 70000, RouteTables.UNSPEC)) {
                String t = table == RouteTables.UNSPEC ? "all" : Integer.toUnsignedString(table);
                // The kernel adds routes for a while after a link comes up (IPv6 link-local
                // addresses): read until iproute2 says the same before and after.
                List<Map<String, Object>> theirs;
                List<Route> ours;
                List<Route> streamed = new ArrayList<>();
                for (int attempt = 1; ; attempt++) {
                    List<Map<String, Object>> before = ipRoutes(family, t);
                    ours = route.getRoutes(family, table);
                    streamed.clear();
                    route.forEachRoute(family, table, streamed::add);
                    theirs = ipRoutes(family, t);
                    if (before.equals(theirs) || attempt == 50) {
                        break;
                    }
                    sleep(100);
                }
                assertEquals(view(theirs), ours.stream().map(r -> view(r, table == RouteTables.UNSPEC)).toList(), family + " table " + t);
                if (table != RouteTables.UNSPEC) {
                    assertEquals(ours, streamed, "one table streams in the same order");
                }
            }
        }
        assertEquals(route.getRoutes(AddressFamily.INET, RouteTables.MAIN), route.getRoutes(AddressFamily.INET));
        List<Route> all = route.getRoutes(AddressFamily.INET, RouteTables.UNSPEC);
        assertEquals(List.of(100, 254, 255, 70000), all.stream().map(Route::table).distinct().toList(), "ordered by table");

        Route multipath = find(route.getRoutes(AddressFamily.INET), "10.2.0.0");
        assertEquals(List.of(hop("10.0.0.2", v0, 1), hop("10.8.0.2", v2, 3)), multipath.nextHops());
        assertTrue(multipath.gateway().isEmpty() && multipath.linkIndex() == 0, multipath::toString);
        Route mtu = find(route.getRoutes(AddressFamily.INET, 100), "10.3.0.0");
        assertEquals(1400, mtu.mtu().orElseThrow());
        assertEquals(AddressScope.LINK, mtu.scope(), "a route without a gateway has scope link, as ip route add makes it");
        Route v6 = find(route.getRoutes(AddressFamily.INET6, 100), "2001:db8:7::");
        assertEquals(RoutePreference.HIGH, v6.preference().orElseThrow());
        assertEquals(RouteProtocol.of(77), v6.protocol());
        assertTrue(!v6.protocol().isKnown() && v6.protocol().name().equals("77"));
        Route tos = find(route.getRoutes(AddressFamily.INET), "10.6.0.7");
        assertEquals(0x10, tos.tos());
        assertTrue((tos.flags() & RouteFlags.ONLINK) != 0, tos::toString);
    }

    /** {@code ip -j route show table T}, in table number order (ip prints the kernel's, by number modulo 256). */
    List<Map<String, Object>> ipRoutes(AddressFamily family, String table) {
        List<Map<String, Object>> theirs = new ArrayList<>(Json.parseArrayOfObjects(Netns.run("ip", "-n", ns.name(),
                family.equals(AddressFamily.INET) ? "-4" : "-6", "-j", "route", "show", "table", table)));
        theirs.sort(Comparator.comparingLong(r -> tableNumber(r.get("table"))));
        return theirs;
    }

    static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    static long tableNumber(Object name) {
        return name == null ? RouteTables.MAIN : name.equals("local") ? RouteTables.LOCAL : Long.parseLong((String) name);
    }

    static Route find(List<Route> routes, String destination) {
        return routes.stream().filter(r -> r.destination().equals(ip(destination))).findFirst()
                .orElseThrow(() -> new AssertionError(destination + " not in " + routes));
    }

    /** The members of {@code ip -j route show} this test compares. */
    static final List<String> KEYS = List.of("type", "dst", "tos", "gateway", "dev", "table", "protocol", "scope", "prefsrc", "metric",
            "flags", "metrics", "pref", "nexthops");

    static List<Map<String, Object>> view(List<Map<String, Object>> routes) {
        List<Map<String, Object>> out = new ArrayList<>();
        for (Map<String, Object> r : routes) {
            Map<String, Object> m = new LinkedHashMap<>();
            for (String key : KEYS) {
                if (r.containsKey(key)) {
                    m.put(key, r.get(key));
                }
            }
            out.add(m);
        }
        return out;
    }

    /** The same members computed from a route, with iproute2's spellings. */
    Map<String, Object> view(Route r, boolean showTable) {
        Map<String, Object> m = new LinkedHashMap<>();
        if (!RouteType.UNICAST.equals(r.type())) {
            m.put("type", r.type().name().toLowerCase());
        }
        int hostLength = r.destination().getAddress().length * 8;
        m.put("dst", r.destinationPrefixLength() == 0 ? "default" : InetAddresses.toText(r.destination())
                + (r.destinationPrefixLength() == hostLength ? "" : "/" + r.destinationPrefixLength()));
        if (r.tos() != 0) {
            m.put("tos", String.format("0x%02x", r.tos()));
        }
        r.gateway().ifPresent(g -> m.put("gateway", InetAddresses.toText(g)));
        if (r.linkIndex() != 0) {
            m.put("dev", route.getLink(r.linkIndex()).name());
        }
        if (showTable && r.table() != RouteTables.MAIN) {
            m.put("table", Map.of(RouteTables.LOCAL, "local").getOrDefault(r.table(), Integer.toUnsignedString(r.table())));
        }
        if (!RouteProtocol.BOOT.equals(r.protocol())) {
            m.put("protocol", Map.of(RouteProtocol.KERNEL, "kernel", RouteProtocol.STATIC, "static")
                    .getOrDefault(r.protocol(), Integer.toString(r.protocol().value())));
        }
        if (!AddressScope.UNIVERSE.equals(r.scope())) {
            m.put("scope", r.scope().name().toLowerCase());
        }
        r.preferredSource().ifPresent(s -> m.put("prefsrc", InetAddresses.toText(s)));
        if (r.priority() != 0 || r.addressFamily().equals(AddressFamily.INET6)) {
            m.put("metric", Integer.toUnsignedLong(r.priority()));
        }
        m.put("flags", flags(r.flags()));
        r.mtu().ifPresent(mtu -> m.put("metrics", List.of(Map.of("mtu", (long) mtu))));
        r.preference().ifPresent(p -> m.put("pref", p.name().toLowerCase()));
        if (!r.nextHops().isEmpty()) {
            List<Map<String, Object>> hops = new ArrayList<>();
            for (NextHop h : r.nextHops()) {
                Map<String, Object> hm = new LinkedHashMap<>();
                h.gateway().ifPresent(g -> hm.put("gateway", InetAddresses.toText(g)));
                hm.put("dev", route.getLink(h.linkIndex()).name());
                hm.put("weight", (long) h.weight());
                hm.put("flags", flags(h.flags()));
                hops.add(hm);
            }
            m.put("nexthops", hops);
        }
        return m;
    }

    static List<Object> flags(int flags) {
        List<Object> out = new ArrayList<>();
        if ((flags & RouteFlags.ONLINK) != 0) {
            out.add("onlink");
        }
        if ((flags & RouteFlags.LINKDOWN) != 0) {
            out.add("linkdown");
        }
        return out;
    }

    @Test
    void refusalsAreTheExceptionsCallersBranchOn() {
        RouteSpec spec = RouteSpec.builder(ip("10.1.0.0"), 16).gateway(ip("10.0.0.2")).build();
        route.newRoute(spec);
        RouteExistsException exists = assertThrows(RouteExistsException.class, () -> route.newRoute(spec));
        assertEquals(Errno.EEXIST, exists.errno());
        RouteSpec v6 = RouteSpec.builder(ip("2001:db8:5::"), 64).gateway(ip("2001:db8::2")).build();
        route.newRoute(v6);
        assertThrows(RouteExistsException.class, () -> route.newRoute(v6));

        NoSuchRouteException noV4 = assertThrows(NoSuchRouteException.class,
                () -> route.delRoute(RouteSpec.builder(ip("10.77.0.0"), 16).build()));
        assertEquals(Errno.ESRCH, noV4.errno());
        NoSuchRouteException noV6 = assertThrows(NoSuchRouteException.class,
                () -> route.delRoute(RouteSpec.builder(ip("2001:db8:77::"), 64).build()));
        assertEquals(Errno.ESRCH, noV6.errno());
        NoSuchRouteException noTable = assertThrows(NoSuchRouteException.class,
                () -> route.delRoute(RouteSpec.builder(ip("10.1.0.0"), 16).table(4242).build()));
        assertTrue(noTable.getMessage().startsWith("no route 10.1.0.0/16 table 4242"), noTable.getMessage());
        assertThrows(NoSuchRouteException.class, () -> route.updateRoute(RouteSpec.builder(ip("10.77.0.0"), 16).linkIndex(v0).build()));
        assertThrows(NoSuchRouteException.class,
                () -> route.updateRoute(RouteSpec.builder(ip("2001:db8:77::"), 64).linkIndex(v0).build()));

        RouteException unreachable = assertThrows(RouteException.class,
                () -> route.newRoute(RouteSpec.builder(ip("10.9.0.0"), 16).gateway(ip("192.0.2.1")).build()));
        assertEquals("ENETUNREACH", unreachable.errnoName(), "the gateway is on no link");
        assertEquals(RouteException.class, unreachable.getClass());
        assertThrows(NoSuchLinkException.class, () -> route.newRoute(RouteSpec.builder(ip("10.9.0.0"), 16).linkIndex(999).build()));
        assertEquals(List.of(), route.getRoutes(AddressFamily.INET, 4242), "a table that does not exist");
        assertEquals(List.of(), route.getRoutes(AddressFamily.INET6, 4242));
    }

    @Test
    void replacesDeletesAndLooksUp() {
        addRoutes();
        route.updateRoute(RouteSpec.builder(ip("10.1.0.0"), 16).gateway(ip("10.8.0.2")).priority(5).build());
        Route replaced = find(route.getRoutes(AddressFamily.INET), "10.1.0.0");
        assertEquals(ip("10.8.0.2"), replaced.gateway().orElseThrow());
        assertEquals(v2, replaced.linkIndex());
        assertEquals(RouteProtocol.BOOT, replaced.protocol(), "replaced as a whole");

        Route lookup = route.getRoute(ip("10.1.2.3"));
        assertEquals(ip("10.1.2.3"), lookup.destination());
        assertEquals(32, lookup.destinationPrefixLength());
        assertEquals(ip("10.8.0.2"), lookup.gateway().orElseThrow());
        assertEquals(v2, lookup.linkIndex());
        assertEquals(RouteTables.MAIN, lookup.table());
        assertEquals(ip("10.8.0.1"), lookup.preferredSource().orElseThrow());
        Route v6 = route.getRoute(ip("2001:db8:5::9"));
        assertEquals(ip("2001:db8::2"), v6.gateway().orElseThrow());
        route.newRoute(RouteSpec.builder(ip("10.66.0.0"), 16).type(RouteType.PROHIBIT).build());
        RouteException prohibited = assertThrows(RouteException.class, () -> route.getRoute(ip("10.66.0.1")));
        assertEquals(Errno.EACCES, prohibited.errno());
        assertTrue(prohibited.getMessage().startsWith("RTM_GETROUTE route to 10.66.0.1: a prohibit route matches"), prohibited.getMessage());
        // A type counts when deleting an IPv4 route, unless it is UNSPEC (ip route del without a type).
        RouteSpec prohibit = RouteSpec.builder(ip("10.66.0.0"), 16).build();
        assertThrows(NoSuchRouteException.class, () -> route.delRoute(prohibit));
        route.delRoute(prohibit.toBuilder().type(RouteType.UNSPEC).build());
        assertEquals(RouteType.UNICAST, route.getRoute(ip("10.66.0.1")).type(), "the default route's, the prohibit route gone");
        NoSuchRouteException gone = assertThrows(NoSuchRouteException.class,
                () -> route.delRoute(prohibit.toBuilder().type(RouteType.UNSPEC).build()));
        assertEquals("no route 10.66.0.0/16: ESRCH (No such process)", gone.getMessage(), "UNSPEC is no word of the message");
        route.delRoute(RouteSpec.builder(ip("0.0.0.0"), 0).build());
        NoSuchRouteException none = assertThrows(NoSuchRouteException.class, () -> route.getRoute(ip("192.0.2.1")));
        assertEquals(101, none.errno());

        // Every route listed can be deleted as listed; the kernel's own (local table, prefix routes) too.
        for (AddressFamily family : List.of(AddressFamily.INET, AddressFamily.INET6)) {
            for (int table : List.of(RouteTables.MAIN, 100, 70000)) {
                for (Route r : route.getRoutes(family, table)) {
                    route.delRoute(r);
                }
                assertEquals(List.of(), route.getRoutes(family, table), family + " table " + table);
            }
        }
        assertEquals("", Netns.run("ip", "-n", ns.name(), "route", "show"));
    }

    @Test
    void replaceCreatesOrReplacesAsIpRouteReplaceDoes() {
        // Each step by this library, then the same words by ip route replace on a fresh copy of the
        // state before it: the main tables must list the same.
        List<RouteSpec> steps = List.of(
                RouteSpec.builder(ip("10.1.0.0"), 16).gateway(ip("10.0.0.2")).priority(5).build(),      // creates
                RouteSpec.builder(ip("10.1.0.0"), 16).gateway(ip("10.8.0.2")).priority(5).build(),      // replaces it
                RouteSpec.builder(ip("10.1.0.0"), 16).linkIndex(v0).priority(7).build(),               // another metric: added
                RouteSpec.builder(ip("10.1.0.0"), 16).type(RouteType.BLACKHOLE).priority(7).build(),    // replaces the type
                RouteSpec.builder(ip("2001:db8:5::"), 64).gateway(ip("2001:db8::2")).priority(10).build(),
                RouteSpec.builder(ip("2001:db8:5::"), 64).gateway(ip("2001:db8:8::2")).mtu(1300).priority(10).build(),
                RouteSpec.builder(ip("2001:db8:5::"), 64).nextHops(List.of(hop("2001:db8::2", v0, 1), hop("2001:db8:8::2", v2, 2)))
                        .priority(10).build());
        List<String> words = List.of(
                "10.1.0.0/16 via 10.0.0.2 metric 5",
                "10.1.0.0/16 via 10.8.0.2 metric 5",
                "10.1.0.0/16 dev v0 metric 7",
                "blackhole 10.1.0.0/16 metric 7",
                "2001:db8:5::/64 via 2001:db8::2 metric 10",
                "2001:db8:5::/64 via 2001:db8:8::2 mtu 1300 metric 10",
                "2001:db8:5::/64 metric 10 nexthop via 2001:db8::2 dev v0 weight 1 nexthop via 2001:db8:8::2 dev v2 weight 2");
        List<List<Map<String, Object>>> ours = new ArrayList<>();
        for (RouteSpec step : steps) {
            route.replaceRoute(step);
            ours.add(mainTables());
        }
        List<List<Map<String, Object>>> theirs = new ArrayList<>();
        clearMainTables();
        for (String step : words) {
            List<String> cmd = new ArrayList<>(List.of("ip", "-n", ns.name(), "route", "replace"));
            cmd.addAll(List.of(step.split(" ")));
            Netns.run(cmd.toArray(String[]::new));
            theirs.add(mainTables());
        }
        for (int i = 0; i < steps.size(); i++) {
            assertEquals(theirs.get(i), ours.get(i), "after " + words.get(i));
        }
        Route replaced = find(route.getRoutes(AddressFamily.INET), "10.1.0.0");
        assertEquals(ip("10.8.0.2"), replaced.gateway().orElseThrow());
        assertEquals(2, route.getRoutes(AddressFamily.INET).stream().filter(r -> r.destination().equals(ip("10.1.0.0"))).count(),
                "metric 5 replaced, metric 7 beside it");
    }

    /** ip -j route show for both families' main tables, from the kernel, with the kernel's own routes left out. */
    List<Map<String, Object>> mainTables() {
        List<Map<String, Object>> out = new ArrayList<>();
        for (AddressFamily family : List.of(AddressFamily.INET, AddressFamily.INET6)) {
            for (Map<String, Object> r : view(ipRoutes(family, "main"))) {
                if (!"kernel".equals(r.get("protocol"))) {
                    out.add(r);
                }
            }
        }
        return out;
    }

    /** Deletes every route of the main tables that the kernel did not add. */
    void clearMainTables() {
        for (AddressFamily family : List.of(AddressFamily.INET, AddressFamily.INET6)) {
            for (Route r : route.getRoutes(family)) {
                if (!RouteProtocol.KERNEL.equals(r.protocol())) {
                    route.delRoute(r);
                }
            }
        }
        assertEquals(List.of(), mainTables());
    }

    @Test
    void replaceRefusesAsIpRouteReplaceDoes() {
        NoSuchLinkException noLink = assertThrows(NoSuchLinkException.class,
                () -> route.replaceRoute(RouteSpec.builder(ip("10.9.0.0"), 16).linkIndex(999).build()));
        assertEquals(Errno.ENODEV, noLink.errno());
        RouteException unreachable = assertThrows(RouteException.class,
                () -> route.replaceRoute(RouteSpec.builder(ip("10.9.0.0"), 16).gateway(ip("192.0.2.1")).build()));
        assertEquals(RouteException.class, unreachable.getClass());
        assertEquals("ENETUNREACH", unreachable.errnoName());
        String ipSays = ipFails("route", "replace", "10.9.0.0/16", "via", "192.0.2.1");
        assertTrue(ipSays.contains(unreachable.extendedAck().message()), "ip route replace: " + ipSays + "; ours: " + unreachable);
        RouteException v6 = assertThrows(RouteException.class,
                () -> route.replaceRoute(RouteSpec.builder(ip("2001:db8:9::"), 64).gateway(ip("2001:db8:99::1")).build()));
        String ipSaysV6 = ipFails("route", "replace", "2001:db8:9::/64", "via", "2001:db8:99::1");
        assertEquals("EHOSTUNREACH", v6.errnoName(), "IPv6: no route to the gateway");
        assertTrue(ipSaysV6.contains("No route to host"), "ip -6 route replace: " + ipSaysV6 + "; ours: " + v6);
        assertEquals(List.of(), mainTables(), "nothing added by a refused replace");
    }

    /** Runs ip in the namespace, expecting it to fail; returns what it printed. */
    String ipFails(String... args) {
        List<String> cmd = new ArrayList<>(List.of("ip", "-n", ns.name()));
        cmd.addAll(List.of(args));
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> Netns.run(cmd.toArray(String[]::new)));
        return e.getMessage();
    }

    @Test
    void replacesRacingDeletesNeverFail() {
        // replaceRoute is one request: with a deleter racing it, it never fails. (Replace, then add
        // when there was nothing to replace, fails with EEXIST when another add comes in between.)
        RouteSpec a = RouteSpec.builder(ip("10.1.0.0"), 16).gateway(ip("10.0.0.2")).build();
        RouteSpec b = RouteSpec.builder(ip("10.1.0.0"), 16).gateway(ip("10.8.0.2")).build();
        int rounds = 300;
        List<Throwable> failures = java.util.Collections.synchronizedList(new ArrayList<>());
        Runnable replacer = () -> {
            try {
                for (int i = 0; i < rounds; i++) {
                    route.replaceRoute(i % 2 == 0 ? a : b);
                }
            } catch (Throwable t) {
                failures.add(t);
            }
        };
        Runnable deleter = () -> {
            try {
                for (int i = 0; i < rounds; i++) {
                    try {
                        route.delRoute(RouteSpec.builder(ip("10.1.0.0"), 16).build());
                    } catch (NoSuchRouteException gone) {
                        // The other deleter was first.
                    }
                    route.replaceRoute(a);
                }
            } catch (Throwable t) {
                failures.add(t);
            }
        };
        List<Thread> threads = List.of(new Thread(replacer), new Thread(replacer), new Thread(deleter), new Thread(deleter));
        threads.forEach(Thread::start);
        for (Thread t : threads) {
            try {
                t.join();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }
        assertEquals(List.of(), failures);
        assertEquals(1, route.getRoutes(AddressFamily.INET).stream().filter(r -> r.destination().equals(ip("10.1.0.0"))).count());
    }
}
