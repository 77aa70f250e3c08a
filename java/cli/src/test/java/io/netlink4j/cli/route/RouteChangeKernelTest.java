// SPDX-FileCopyrightText: 2026 The netlink4j Authors
// SPDX-License-Identifier: Apache-2.0
package io.netlink4j.cli.route;

import io.netlink4j.cli.Run;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@code route add|del|replace|change} on a throwaway namespace of this host's kernel, against
 * iproute2: a route added by netlink4j is listed by {@code ip -j route show} as the same words
 * given to {@code ip route add} make it list, and {@code ip route del} deletes it; and the other
 * way round. Refusals are checked word for word.
 */
@Tag("kernel")
class RouteChangeKernelTest {
    static IpNamespace ns;

    /** Each form, as the words after {@code ip [-4|-6] route add}, and the prefix it lists under. */
    static final List<String> FORMS = List.of(
            "10.1.0.0/16 via 10.0.0.2",
            "10.1.0.0/16 via 10.0.0.2 dev v0 metric 5 proto static",
            "default via 10.0.0.254",
            "-4 default dev v0 table 200 priority 3",
            "to 10.3.0.0/24 dev v2 table 100 mtu 1400 src 10.8.0.1",
            "10.3.0.0/24 dev v0 table 70000 proto bird scope link",
            "10.3.1.0/24 dev v0 table local proto 99 scope host",
            "blackhole 10.4.0.0/24",
            "unreachable 10.5.0.0/24 metric 9",
            "prohibit 10.5.1.0/24 table default",
            "local 10.9.9.9 dev v0",
            "throw 10.5.2.0/24 table 100",
            "10.6.0.7 via 10.99.0.1 dev v0 onlink",
            "10.6.0.0/24 dev v0 tos 0x10 metric 7",
            "10.2.0.0/16 nexthop via 10.0.0.2 weight 1 nexthop via 10.8.0.2 dev v2 weight 3",
            "10.2.0.0/16 nexthop via 10.99.0.1 dev v0 onlink nexthop dev v2",
            "10.7.0.0/16 via inet6 fe80::1 dev v0",
            "2001:db8:5::/64 via 2001:db8::2 metric 10",
            "-6 default via fe80::1 dev v0",
            "2001:db8:6::/64 nexthop via 2001:db8::2 dev v0 nexthop via 2001:db8:8::2 dev v2 weight 2",
            "2001:db8:7::/48 dev v2 table 100 pref high mtu 1300 proto 77",
            "blackhole 2001:db8:9::/64",
            "2001:db8:a::1 dev v0 src 2001:db8::1 metric 4294967295");

    /** v0 (up) and v2 (its peer down) with IPv4 and IPv6 addresses. */
    @BeforeAll
    static void createNamespace() {
        ns = IpNamespace.create("nl4j-cli-route-change").withTwoVethPairs();
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
        return ns.netlink4j(args);
    }

    /** {@code ip [-4|-6] route VERB WORDS}, the family option first as ip wants it. */
    static void ipRoute(String verb, String form) {
        List<String> words = new ArrayList<>(List.of(form.split(" ")));
        List<String> args = new ArrayList<>();
        if (words.get(0).startsWith("-")) {
            args.add(words.remove(0));
        }
        args.add("route");
        args.add(verb);
        args.addAll(words);
        ip(args.toArray(String[]::new));
    }

    /** {@code netlink4j route VERB WORDS}, which must succeed silently. */
    static void mine(String verb, String form) {
        List<String> args = new ArrayList<>(List.of("route", verb));
        args.addAll(List.of(form.split(" ")));
        Run run = netlink4j(args.toArray(String[]::new));
        assertEquals(0, run.exitCode(), () -> "route " + verb + " " + form + ": " + run);
        assertEquals("", run.err() + run.out(), () -> "route " + verb + " " + form);
    }

    /** What {@code ip -j route show table all exact PREFIX} lists for the form's prefix and family. */
    static String listed(String form) {
        List<String> words = new ArrayList<>(List.of(form.split(" ")));
        String option = words.get(0).startsWith("-") ? words.remove(0) : null;
        words.remove("to");
        String prefix = words.get(0).matches("blackhole|unreachable|prohibit|local|throw") ? words.get(1) : words.get(0);
        String family = option != null ? option : prefix.contains(":") ? "-6" : "-4";
        if (!prefix.equals("default") && !prefix.contains("/")) {
            prefix += family.equals("-6") ? "/128" : "/32";
        }
        return ip(family, "-j", "route", "show", "table", "all", "exact", prefix);
    }

    @Test
    void eachFormIsListedAsIproute2sAndDeletedByIt() {
        for (String form : FORMS) {
            String none = listed(form);
            mine("add", form);
            String byMine = listed(form);
            ipRoute("del", form);
            assertEquals(none, listed(form), () -> "ip route del " + form + " after netlink4j route add");

            ipRoute("add", form);
            String byIp = listed(form);
            assertEquals(byIp, byMine, () -> "route add " + form);
            assertNotEquals(none, byIp, () -> "ip route add " + form);
            mine("del", form);
            assertEquals(none, listed(form), () -> "netlink4j route del " + form + " after ip route add");
        }
    }

    @Test
    void replaceAndChangeAreIproute2s() {
        List<String> steps = List.of("replace 10.20.0.0/16 via 10.0.0.2", "replace 10.20.0.0/16 via 10.0.0.3 proto static",
                "change 10.20.0.0/16 dev v2 metric 0", "replace 2001:db8:20::/64 via 2001:db8::2",
                "change 2001:db8:20::/64 via 2001:db8::3 dev v0 pref low",
                "replace 10.21.0.0/16 nexthop via 10.0.0.2 nexthop via 10.0.0.3 weight 4");
        List<String> theirs = new ArrayList<>();
        for (String step : steps) {
            String verb = step.substring(0, step.indexOf(' '));
            ipRoute(verb, step.substring(verb.length() + 1));
            theirs.add(listed(step.substring(verb.length() + 1)));
        }
        List<String> prefixes = List.of("10.20.0.0/16", "2001:db8:20::/64", "10.21.0.0/16");
        for (String prefix : prefixes) {
            ipRoute("del", prefix);
        }
        for (int i = 0; i < steps.size(); i++) {
            String step = steps.get(i);
            String verb = step.substring(0, step.indexOf(' '));
            String form = step.substring(verb.length() + 1);
            mine(verb, form);
            assertEquals(theirs.get(i), listed(form), () -> "route " + step);
        }
        for (String form : prefixes) {
            mine("del", form);
            assertEquals("[]\n", listed(form), () -> "route del " + form);
        }
    }

    /**
     * Without a type, a route of any type is deleted, as by ip route del; with one, only an IPv4 route
     * of that type (the kernel's IPv6 delete matches any type, whatever the request's).
     */
    @Test
    void delWithoutATypeDeletesAnyType() {
        for (String prefix : List.of("10.40.0.0/24", "2001:db8:40::/64")) {
            for (String type : List.of("blackhole", "unreachable", "prohibit")) {
                ipRoute("add", type + " " + prefix);
                if (!prefix.contains(":")) {
                    refused(1, "netlink4j route del: no route " + prefix + ": ESRCH (No such process)\n", "route", "del", "unicast", prefix);
                }
                mine("del", prefix);
                assertEquals("[]\n", listed(prefix), () -> "route del " + prefix + " of a " + type + " route");
            }
        }
    }

    /** A refusal: the exit status and standard error, word for word. */
    static void refused(int exitCode, String err, String... args) {
        Run run = netlink4j(args);
        assertEquals(exitCode, run.exitCode(), run::toString);
        assertEquals(err, run.err(), run::toString);
        assertEquals("", run.out(), run::toString);
    }

    static String usage(String verb, String message) {
        return "netlink4j route " + verb + ": " + message + "\nTry 'netlink4j route " + verb + " --help' for more information.\n";
    }

    @Test
    void refusalsNameTheRouteOrTheWord() {
        mine("add", "10.30.0.0/16 via 10.0.0.2 metric 5");
        try {
            refused(1, "netlink4j route add: route 10.30.0.0/16 metric 5 already exists: EEXIST (File exists)\n",
                    "route", "add", "10.30.0.0/16", "via", "10.0.0.3", "metric", "5");
        } finally {
            mine("del", "10.30.0.0/16");
        }
        refused(1, "netlink4j route del: no route 10.30.0.0/16: ESRCH (No such process)\n", "route", "del", "10.30.0.0/16");
        refused(1, "netlink4j route del: no route 2001:db8:30::/64 metric 7: ESRCH (No such process)\n",
                "route", "del", "2001:db8:30::/64", "metric", "7");
        refused(1, "netlink4j route change: no route 10.30.0.0/16 to replace: ENOENT (No such file or directory)\n",
                "route", "change", "10.30.0.0/16", "dev", "v0");
        refused(1, "netlink4j route add: device 'v9' does not exist in network namespace '" + ns.name() + "'\n",
                "route", "add", "10.30.0.0/16", "dev", "v9");
        refused(1, "netlink4j route add: device 'v9' does not exist in network namespace '" + ns.name() + "'\n",
                "route", "add", "10.30.0.0/16", "nexthop", "via", "10.0.0.2", "nexthop", "via", "10.8.0.2", "dev", "v9");

        // A gateway on no link: the kernel's extended ACK, where it gives one, follows the errno.
        Run unreachable = netlink4j("route", "add", "10.30.0.0/16", "via", "10.77.0.1");
        assertEquals(1, unreachable.exitCode(), unreachable::toString);
        assertTrue(unreachable.err().startsWith(
                "netlink4j route add: RTM_NEWROUTE route 10.30.0.0/16 failed: ENETUNREACH (Network is unreachable)"), unreachable::toString);
        assertEquals(1, unreachable.err().lines().count(), unreachable::toString);
        Run replaceUnreachable = netlink4j("route", "replace", "10.30.0.0/16", "via", "10.77.0.1");
        assertEquals(1, replaceUnreachable.exitCode(), replaceUnreachable::toString);
        assertTrue(replaceUnreachable.err().startsWith("netlink4j route replace: RTM_NEWROUTE route 10.30.0.0/16 failed: ENETUNREACH"
                + " (Network is unreachable)"), replaceUnreachable::toString);
        refused(1, "netlink4j route replace: device 'v9' does not exist in network namespace '" + ns.name() + "'\n",
                "route", "replace", "10.30.0.0/16", "dev", "v9");
        assertEquals("[]\n", listed("10.30.0.0/16"), "nothing added by a refused replace");

        refused(2, usage("add", "prefix: '10.0.0.300/8' (expected: ADDRESS[/LENGTH] with an IPv4 or IPv6 address, or default)"),
                "route", "add", "10.0.0.300/8", "dev", "v0");
        refused(2, usage("add", "prefix length: '33' in '10.0.0.0/33' (expected: 0-32)"), "route", "add", "10.0.0.0/33", "dev", "v0");
        refused(2, usage("add", "prefix: '10.0.0.1/8' (expected: no bit set after the prefix length, e.g. 10.0.0.0/8)"),
                "route", "add", "10.0.0.1/8", "dev", "v0");
        refused(2, usage("add", "prefix: '10.0.0.0/8' (expected: an inet6 prefix, as -6 says)"),
                "route", "add", "-6", "10.0.0.0/8", "dev", "v0");
        refused(2, usage("add", "metric: '4294967296' (expected: 0-4294967295)"),
                "route", "add", "10.30.0.0/16", "dev", "v0", "metric", "4294967296");
        refused(2, usage("add", "metric: '-1' (expected: 0-4294967295)"), "route", "add", "10.30.0.0/16", "dev", "v0", "metric", "-1");
        refused(2, usage("replace", "table: '0' (expected: main, local, default, or a number 1-4294967295)"),
                "route", "replace", "10.30.0.0/16", "dev", "v0", "table", "0");
        refused(2, usage("add", "proto: 'nonsense' (expected: unspec, redirect, kernel, boot, static, gated, ra, mrt, zebra, bird,"
                + " dnrouted, xorp, ntk, dhcp, keepalived, babel, openr, bgp, isis, ospf, rip, eigrp, or a number 0-255)"),
                "route", "add", "10.30.0.0/16", "dev", "v0", "proto", "nonsense");
        refused(2, usage("add", "scope: 'galactic' (expected: global, site, link, host, nowhere, or a number 0-255)"),
                "route", "add", "10.30.0.0/16", "dev", "v0", "scope", "galactic");
        refused(2, usage("add", "via: '2001:db8::2' (expected: an inet address, as the route is inet)"),
                "route", "add", "10.30.0.0/16", "via", "2001:db8::2");
        refused(2, usage("add", "nexthop weight: '0' (expected: 1-256)"),
                "route", "add", "10.30.0.0/16", "nexthop", "via", "10.0.0.2", "weight", "0");
        refused(2, usage("del", "argument 'dve' (expected: one of " + RouteArgs.KEYWORDS + "; the prefix is '10.30.0.0/16')"),
                "route", "del", "10.30.0.0/16", "dve", "v0");
        refused(2, usage("add", "no prefix (expected: PREFIX, such as 10.1.0.0/16 or 2001:db8::/64, or default)"),
                "route", "add", "blackhole");
        refused(2, usage("add", "-4 and -6 together (expected: one of them)"), "route", "add", "-4", "-6", "default", "dev", "v0");
    }
}
