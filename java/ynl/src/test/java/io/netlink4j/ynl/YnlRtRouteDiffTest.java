// SPDX-FileCopyrightText: 2026 The netlink4j Authors
// SPDX-License-Identifier: Apache-2.0
package io.netlink4j.ynl;

import io.netlink4j.ynl.testsupport.KernelSpecs;
import io.netlink4j.codec.Netlink;
import io.netlink4j.testsupport.Netns;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import static io.netlink4j.ynl.testsupport.KernelYnl.assertSameJson;
import static io.netlink4j.ynl.testsupport.KernelYnl.cli;
import static io.netlink4j.ynl.testsupport.KernelYnl.cliRefused;
import static io.netlink4j.ynl.testsupport.KernelYnl.cliWrite;
import static io.netlink4j.ynl.testsupport.KernelYnl.refusedErrno;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * rt_route, the dynamic client against the kernel's {@code cli.py}, in a throwaway namespace:
 * getroute dumps (IPv4 and IPv6) compared as JSON; routes added with newroute
 * ({@code NLM_F_CREATE | NLM_F_EXCL}, as {@code cli.py --create --excl} sends it) and deleted with
 * delroute by each tool in turn, and the table read back by both (and by {@code ip route}).
 */
@Tag("kernel")
class YnlRtRouteDiffTest {
    private static final int AF_INET = 2;
    private static final int AF_INET6 = 10;
    private static final int MAIN = 254;
    private static final int RTPROT_STATIC = 4;

    private Netns ns;
    private int veth0;

    @AfterEach
    void tearDown() {
        if (ns != null) {
            ns.close();
        }
    }

    private YnlFamily rtRoute() {
        Assumptions.assumeTrue(Netns.available(), "needs root and iproute2 for a network namespace");
        YnlSpec spec = KernelSpecs.spec("rt_route");
        ns = Netns.create("nl4j-ynl-route");
        // No duplicate address detection: link-local addresses (and their local routes) are there
        // at once, not between the two tools' reads.
        ns.exec("sysctl", "-q", "-w", "net.ipv6.conf.all.accept_dad=0");
        ns.exec("sysctl", "-q", "-w", "net.ipv6.conf.default.accept_dad=0");
        ns.exec("ip", "link", "set", "lo", "up");
        ns.exec("ip", "link", "add", "veth0", "type", "veth", "peer", "name", "veth1");
        ns.exec("ip", "link", "set", "veth0", "up");
        ns.exec("ip", "link", "set", "veth1", "up");
        ns.exec("ip", "addr", "add", "10.65.0.1/24", "dev", "veth0");
        ns.exec("ip", "addr", "add", "fd65::1/64", "dev", "veth0", "nodad");
        veth0 = Integer.parseInt(ns.exec("cat", "/sys/class/net/veth0/ifindex").strip());
        return YnlFamily.open(spec, ns.path());
    }

    /** Both tools' dump of one family's routes, compared; cli.py's. */
    private JsonNode sameDump(YnlFamily rtRoute, int family) {
        List<Map<String, Object>> ours = rtRoute.dump("getroute", Map.of("rtm-family", family));
        JsonNode theirs = cli(ns, "rt_route", "--dump", "getroute", "--json", "{\"rtm-family\": " + family + "}");
        assertSameJson(theirs, ours);
        return theirs;
    }

    /** The main table's destinations (dst/len) in a dump. */
    private static Set<String> mainTable(JsonNode dump) {
        Set<String> out = new TreeSet<>();
        dump.forEach(r -> {
            if (r.get("rtm-table").asInt() == MAIN && r.has("rta-dst")) {
                out.add(r.get("rta-dst").asString() + "/" + r.get("rtm-dst-len").asInt());
            }
        });
        return out;
    }

    private static Map<String, Object> route(int family, String dst, int len) {
        Map<String, Object> r = new LinkedHashMap<>();
        r.put("rtm-family", family);
        r.put("rtm-dst-len", len);
        r.put("rtm-table", MAIN);
        r.put("rtm-protocol", RTPROT_STATIC);
        r.put("rtm-type", "unicast");
        r.put("rta-dst", dst);
        return r;
    }

    @Test
    void getrouteDumps() {
        try (YnlFamily rtRoute = rtRoute()) {
            JsonNode v4 = sameDump(rtRoute, AF_INET);
            assertTrue(mainTable(v4).contains("10.65.0.0/24"), v4::toString);
            JsonNode v6 = sameDump(rtRoute, AF_INET6);
            assertTrue(mainTable(v6).contains("fd65::/64"), v6::toString);
        }
    }

    @Test
    void newrouteDelrouteByBothTools() {
        try (YnlFamily rtRoute = rtRoute()) {
            int createExcl = Netlink.NLM_F_CREATE | Netlink.NLM_F_EXCL;
            // netlink4j adds 10.98.0.0/24 via 10.65.0.2 and fd97::/64; cli.py (which takes
            // addresses in hex) adds 10.97.0.0/24 and fd98::/64 with a metric.
            Map<String, Object> v4 = route(AF_INET, "10.98.0.0", 24);
            v4.put("rta-gateway", "10.65.0.2");
            v4.put("rta-oif", veth0);
            rtRoute.execute("newroute", v4, createExcl);
            Map<String, Object> v6 = route(AF_INET6, "fd97::", 64);
            v6.put("rta-oif", veth0);
            rtRoute.execute("newroute", v6, createExcl);
            cliWrite(ns, "rt_route", "--do", "newroute", "--create", "--excl", "--json", "{\"rtm-family\": 2, \"rtm-dst-len\": 24, "
                    + "\"rtm-table\": 254, \"rtm-protocol\": 4, \"rtm-type\": 1, \"rta-dst\": \"0a610000\", \"rta-oif\": " + veth0 + "}");
            cliWrite(ns, "rt_route", "--do", "newroute", "--create", "--excl", "--json", "{\"rtm-family\": 10, \"rtm-dst-len\": 64, "
                    + "\"rtm-table\": 254, \"rtm-protocol\": 4, \"rtm-type\": 1, \"rta-dst\": \"fd980000000000000000000000000000\", "
                    + "\"rta-oif\": " + veth0 + ", \"rta-priority\": 77}");

            JsonNode v4Dump = sameDump(rtRoute, AF_INET);
            assertTrue(mainTable(v4Dump).containsAll(Set.of("10.97.0.0/24", "10.98.0.0/24")), v4Dump::toString);
            JsonNode v6Dump = sameDump(rtRoute, AF_INET6);
            assertTrue(mainTable(v6Dump).containsAll(Set.of("fd97::/64", "fd98::/64")), v6Dump::toString);
            String ip = ns.exec("ip", "route", "show") + ns.exec("ip", "-6", "route", "show");
            assertTrue(ip.contains("10.98.0.0/24 via 10.65.0.2 dev veth0 proto static")
                    && ip.contains("10.97.0.0/24 dev veth0 proto static") && ip.contains("fd98::/64 dev veth0 proto static metric 77")
                    && ip.contains("fd97::/64 dev veth0 proto static"), ip);

            // Adding one again with NLM_F_EXCL: the same refusal from both.
            YnlException exists = assertThrows(YnlException.class, () -> rtRoute.execute("newroute", v4, createExcl));
            String theirsExists = cliRefused(ns, "rt_route", "--do", "newroute", "--create", "--excl", "--json",
                    "{\"rtm-family\": 2, \"rtm-dst-len\": 24, \"rtm-table\": 254, \"rtm-protocol\": 4, \"rtm-type\": 1, "
                            + "\"rta-dst\": \"0a620000\", \"rta-gateway\": \"0a410002\", \"rta-oif\": " + veth0 + "}");
            assertEquals("EEXIST", exists.errnoName());
            assertEquals(exists.errno(), refusedErrno(theirsExists), theirsExists);

            // Each deletes a route the other added.
            cliWrite(ns, "rt_route", "--do", "delroute", "--json",
                    "{\"rtm-family\": 2, \"rtm-dst-len\": 24, \"rtm-table\": 254, \"rta-dst\": \"0a620000\"}");
            cliWrite(ns, "rt_route", "--do", "delroute", "--json",
                    "{\"rtm-family\": 10, \"rtm-dst-len\": 64, \"rtm-table\": 254, \"rta-dst\": \"fd970000000000000000000000000000\"}");
            rtRoute.execute("delroute", Map.of("rtm-family", AF_INET, "rtm-dst-len", 24, "rtm-table", MAIN, "rta-dst", "10.97.0.0"));
            rtRoute.execute("delroute", Map.of("rtm-family", AF_INET6, "rtm-dst-len", 64, "rtm-table", MAIN, "rta-dst", "fd98::"));

            JsonNode v4After = sameDump(rtRoute, AF_INET);
            JsonNode v6After = sameDump(rtRoute, AF_INET6);
            for (String gone : List.of("10.97.0.0/24", "10.98.0.0/24")) {
                assertFalse(mainTable(v4After).contains(gone), v4After::toString);
            }
            for (String gone : List.of("fd97::/64", "fd98::/64")) {
                assertFalse(mainTable(v6After).contains(gone), v6After::toString);
            }
            assertTrue(mainTable(v4After).contains("10.65.0.0/24") && mainTable(v6After).contains("fd65::/64"));
        }
    }
}
