// SPDX-FileCopyrightText: 2026 The netlink4j Authors
// SPDX-License-Identifier: Apache-2.0
package io.netlink4j.cli.route;

import io.netlink4j.cli.Run;
import io.netlink4j.testsupport.Json;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.function.BiConsumer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@code route list} on a throwaway namespace of this host's kernel, compared with what iproute2
 * prints for it: text byte for byte, JSON as a value.
 */
@Tag("kernel")
class RouteCliKernelTest {
    static IpNamespace ns;

    /** The argument sets compared: families and tables as ip route show takes them. */
    static final List<String> SELECTIONS = List.of("", "-4", "-6", "table all", "-4 table all", "-6 table all", "table main",
            "table local", "-6 table local", "table 100", "-6 table 100", "table 70000");

    /**
     * v0 (up) and v2 (its peer down: linkdown) with IPv4 and IPv6 addresses; gateway, direct,
     * static, multipath, blackhole, unreachable, prohibit, throw, onlink and tos routes, an IPv4 route
     * via an IPv6 gateway, metrics, other tables (one above 255), IPv6 multipath and preference.
     */
    @BeforeAll
    static void createNamespace() {
        ns = IpNamespace.create("nl4j-cli-routes").withTwoVethPairs();
        ip("route", "add", "default", "via", "10.0.0.254");
        ip("route", "add", "10.1.0.0/16", "via", "10.0.0.2", "metric", "5", "proto", "static");
        ip("route", "add", "10.2.0.0/16", "nexthop", "via", "10.0.0.2", "weight", "1", "nexthop", "via", "10.8.0.2", "weight", "3");
        ip("route", "add", "10.3.0.0/24", "dev", "v2", "table", "100", "mtu", "1400", "src", "10.8.0.1");
        ip("route", "add", "10.3.0.0/24", "dev", "v0", "table", "70000", "advmss", "1300", "proto", "bird");
        ip("route", "add", "blackhole", "10.4.0.0/24");
        ip("route", "add", "unreachable", "10.5.0.0/24", "metric", "9");
        ip("route", "add", "prohibit", "10.5.1.0/24");
        ip("route", "add", "throw", "10.5.2.0/24", "table", "100");
        ip("route", "add", "10.6.0.7", "via", "10.99.0.1", "dev", "v0", "onlink", "tos", "0x10");
        ip("route", "add", "10.7.0.0/16", "via", "inet6", "fe80::1", "dev", "v0");
        ip("-6", "route", "add", "2001:db8:5::/64", "via", "2001:db8::2", "metric", "10");
        ip("-6", "route", "add", "2001:db8:6::/64", "nexthop", "via", "2001:db8::2", "nexthop", "via", "2001:db8:8::2", "weight", "2");
        ip("-6", "route", "add", "2001:db8:7::/48", "dev", "v2", "table", "100", "pref", "high", "mtu", "1300", "proto", "77");
        ip("-6", "route", "add", "default", "via", "fe80::1", "dev", "v0");
    }

    @AfterAll
    static void deleteNamespace() {
        if (ns != null) {
            ns.close();
        }
    }

    static String ip(String... args) {
        return ns.ip(args);
    }

    static Run netlink4j(String... args) {
        return ns.netlink4jOk(args);
    }

    /** {@code ip [-4|-6] [-j] route show [table T]} for a selection. */
    static String iproute2(String selection, boolean json) {
        List<String> words = new ArrayList<>(selection.isEmpty() ? List.of() : List.of(selection.split(" ")));
        List<String> args = new ArrayList<>();
        if (!words.isEmpty() && words.get(0).startsWith("-")) {
            args.add(words.remove(0));
        }
        if (json) {
            args.add("-j");
        }
        args.addAll(List.of("route", "show"));
        args.addAll(words);
        return ip(args.toArray(String[]::new));
    }

    static Run routeList(String selection, boolean json) {
        List<String> args = new ArrayList<>(List.of("route", "list"));
        if (!selection.isEmpty()) {
            args.addAll(List.of(selection.split(" ")));
        }
        if (json) {
            args.add("--json");
        }
        return netlink4j(args.toArray(String[]::new));
    }

    /**
     * Runs netlink4j between two runs of iproute2 until iproute2 says the same both times, then
     * hands its output and ours to {@code check}: the kernel adds routes for a while after a link
     * comes up (IPv6 link-local addresses and their local routes).
     */
    static void compareSettled(String selection, boolean json, BiConsumer<String, String> check) throws InterruptedException {
        for (int attempt = 1; ; attempt++) {
            String before = iproute2(selection, json);
            String mine = routeList(selection, json).out();
            String after = iproute2(selection, json);
            if (before.equals(after) || attempt == 50) {
                check.accept(after, mine);
                return;
            }
            Thread.sleep(100);
        }
    }

    @Test
    void textIsIproute2sByteForByte() throws InterruptedException {
        for (String selection : SELECTIONS) {
            compareSettled(selection, false, (theirs, mine) -> assertEquals(theirs, mine, "route list " + selection));
        }
        String main = routeList("", false).out();
        assertTrue(main.contains("10.2.0.0/16 \n\tnexthop via 10.0.0.2 dev v0 weight 1 \n\tnexthop via 10.8.0.2 dev v2 weight 3 linkdown \n"),
                main);
        assertTrue(main.contains("10.7.0.0/16 via inet6 fe80::1 dev v0 \n"), main);
        assertTrue(main.contains("10.6.0.7 tos 0x10 via 10.99.0.1 dev v0 onlink \n"), main);
        assertTrue(routeList("table all", false).out().contains("10.3.0.0/24 dev v0 table 70000 proto bird scope link advmss 1300 \n"));
        assertTrue(routeList("-6 table 100", false).out().contains("2001:db8:7::/48 dev v2 proto 77 metric 1024 linkdown mtu 1300 pref high\n"));
    }

    @Test
    void jsonIsIproute2s() throws InterruptedException {
        for (String selection : SELECTIONS) {
            compareSettled(selection, true,
                    (theirs, mine) -> assertEquals(Json.parse(theirs), Json.parse(mine), "route list --json " + selection));
        }
        compareSettled("-6 table all", true, (theirs, mine) -> assertEquals(theirs, mine, "even the bytes"));
    }

    @Test
    void badTablesAreNamedWithTheAllowedValues() {
        assertEquals(new Run(2, "", "netlink4j route list: table: 'nosuch' (expected: main, local, default, all, or a number 0-4294967295)\n"),
                Run.netlink4j("--netns", ns.name(), "route", "list", "table", "nosuch"));
        assertEquals("", netlink4j("route", "list", "table", "4242").out(), "a table that does not exist has no routes");
    }
}
