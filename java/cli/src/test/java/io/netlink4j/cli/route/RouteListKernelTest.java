// SPDX-FileCopyrightText: 2026 The netlink4j Authors
// SPDX-License-Identifier: Apache-2.0
package io.netlink4j.cli.route;

import io.netlink4j.cli.Run;
import io.netlink4j.testsupport.Json;
import io.netlink4j.testsupport.Netns;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.BiConsumer;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@code link list} and {@code addr list} on a throwaway namespace of this host's kernel, compared
 * with what iproute2 prints for it: JSON member by member, text line by line.
 */
@Tag("kernel")
class RouteListKernelTest {
    /** iproute2 members {@code addr list --json} does not produce: IFA_PROTO, which iproute2 6.3 and later print. */
    static final Set<String> ADDRESS_KEYS_NOT_SHOWN = Set.of("protocol");

    static IpNamespace ns;
    static Netns other;

    /**
     * lo up; veth v0 (alias, altname, addresses with broadcast, label, secondary, IPv6 with a
     * lifetime) and v1, a port of bridge br0; veth v2, up, whose peer v3 is down (M-DOWN), with a
     * point-to-point address, a metric and a noprefixroute IPv6 address; veth x0 whose peer is in
     * another namespace.
     */
    @BeforeAll
    static void createNamespace() {
        ns = IpNamespace.create("nl4j-cli-route");
        other = Netns.create("nl4j-cli-peer");
        ip("link", "set", "lo", "up");
        ip("link", "add", "v0", "type", "veth", "peer", "name", "v1");
        ip("link", "set", "v0", "alias", "web side");
        ip("link", "property", "add", "dev", "v0", "altname", "web0");
        ip("link", "add", "br0", "type", "bridge");
        ip("link", "set", "v1", "master", "br0");
        ip("link", "add", "v2", "type", "veth", "peer", "name", "v3");
        ip("link", "add", "x0", "type", "veth", "peer", "name", "x1", "netns", other.name());
        ip("addr", "add", "10.0.0.1/24", "broadcast", "+", "label", "v0:web", "dev", "v0");
        ip("addr", "add", "10.0.0.2/24", "dev", "v0");
        ip("addr", "add", "2001:db8::1/64", "dev", "v0", "nodad");
        ip("addr", "add", "2001:db8:2::1/64", "dev", "v0", "nodad", "valid_lft", "3600", "preferred_lft", "1800");
        ip("addr", "add", "10.30.0.1", "peer", "10.30.0.2/32", "dev", "v2");
        ip("addr", "add", "10.40.0.1/24", "dev", "v2", "metric", "50");
        ip("addr", "add", "2001:db8:1::1/64", "dev", "v2", "nodad", "noprefixroute");
        for (String link : List.of("v0", "v1", "v2")) {
            ip("link", "set", link, "up");
        }
    }

    @AfterAll
    static void deleteNamespaces() {
        if (ns != null) {
            ns.close();
        }
        if (other != null) {
            other.close();
        }
    }

    static String ip(String... args) {
        return ns.ip(args);
    }

    static Run netlink4j(String... args) {
        return ns.netlink4jOk(args);
    }

    /**
     * Runs netlink4j between two runs of iproute2 until iproute2 says the same both times, then
     * hands its output and ours to {@code check}: links are still settling for a while (carrier,
     * IPv6 duplicate address detection, lifetimes counting down).
     */
    static void compareSettled(List<String> ipArgs, List<String> ours, BiConsumer<String, String> check) throws InterruptedException {
        for (int attempt = 1; ; attempt++) {
            String before = ip(ipArgs.toArray(String[]::new));
            String mine = netlink4j(ours.toArray(String[]::new)).out();
            String after = ip(ipArgs.toArray(String[]::new));
            if (before.equals(after) || attempt == 50) {
                check.accept(after, mine);
                return;
            }
            Thread.sleep(100);
        }
    }

    static Map<Long, Map<String, Object>> byIndex(String json) {
        Map<Long, Map<String, Object>> out = new LinkedHashMap<>();
        for (Map<String, Object> link : Json.parseArrayOfObjects(json)) {
            out.put((Long) link.get("ifindex"), link);
        }
        return out;
    }

    @Test
    void linkListJsonHasIproute2sMembersAndValues() throws InterruptedException {
        compareSettled(List.of("-j", "-d", "link", "show"), List.of("link", "list", "--json"), (detailed, mine) -> {
            Map<Long, Map<String, Object>> theirs = byIndex(detailed);
            Map<Long, Map<String, Object>> ours = byIndex(mine);
            assertEquals(theirs.keySet(), ours.keySet());
            for (Map<String, Object> link : ours.values()) {
                Map<String, Object> expected = new LinkedHashMap<>(theirs.get((Long) link.get("ifindex")));
                if (expected.get("linkinfo") instanceof Map<?, ?> info) {
                    Map<Object, Object> kinds = new LinkedHashMap<>(info);
                    kinds.keySet().retainAll(Set.of("info_kind", "info_slave_kind"));
                    expected.put("linkinfo", kinds);
                }
                expected.keySet().retainAll(link.keySet());
                assertEquals(expected, link);
            }
            assertEquals(Map.of("info_kind", "veth", "info_slave_kind", "bridge"), ours.values().stream()
                    .filter(l -> l.get("ifname").equals("v1")).findFirst().orElseThrow().get("linkinfo"));
        });
        // Every member of the plain 'ip -j link show' is there.
        Map<Long, Map<String, Object>> ours = byIndex(netlink4j("link", "list", "--json").out());
        for (Map<String, Object> link : Json.parseArrayOfObjects(ip("-j", "link", "show"))) {
            Set<String> missing = new TreeSet<>(link.keySet());
            missing.removeAll(ours.get((Long) link.get("ifindex")).keySet());
            assertEquals(Set.of(), missing, link.get("ifname") + ": members iproute2 shows and link list --json does not");
        }
        Map<String, Object> v0 = ours.values().stream().filter(l -> l.get("ifname").equals("v0")).findFirst().orElseThrow();
        assertEquals("web side", v0.get("ifalias"));
        assertEquals(List.of("web0"), v0.get("altnames"));
        Map<String, Object> x0 = ours.values().stream().filter(l -> l.get("ifname").equals("x0")).findFirst().orElseThrow();
        assertTrue(x0.containsKey("link_index") && x0.containsKey("link_netnsid"), x0::toString);
        Map<String, Object> v2 = ours.values().stream().filter(l -> l.get("ifname").equals("v2")).findFirst().orElseThrow();
        assertTrue(((List<?>) v2.get("flags")).contains("M-DOWN"), v2::toString);
    }

    @Test
    void addrListJsonIsIproute2s() throws InterruptedException {
        compareSettled(List.of("-j", "addr", "show"), List.of("addr", "list", "--json"), (theirs, mine) -> {
            List<Map<String, Object>> expected = Json.parseArrayOfObjects(theirs);
            for (Map<String, Object> link : expected) {
                @SuppressWarnings("unchecked")
                List<Map<String, Object>> addresses = (List<Map<String, Object>>) link.get("addr_info");
                addresses.forEach(a -> a.keySet().removeAll(ADDRESS_KEYS_NOT_SHOWN));
            }
            assertEquals(expected, Json.parseArrayOfObjects(mine));
        });
        String v0 = netlink4j("addr", "list", "--json", "v0").out();
        assertTrue(v0.contains("\"label\": \"v0:web\"") && v0.contains("\"broadcast\": \"10.0.0.255\"")
                && v0.contains("\"secondary\": true") && v0.contains("\"dynamic\": true"), v0);
        String v2 = netlink4j("addr", "list", "--json", "v2").out();
        assertTrue(v2.contains("\"address\": \"10.30.0.2\"") && v2.contains("\"metric\": 50")
                && v2.contains("\"noprefixroute\": true"), v2);
    }

    /** iproute2's text with its lines' trailing spaces removed, and a peer namespace's name as netlink4j shows it (by id). */
    static String normalise(String text) {
        return text.lines().map(String::stripTrailing).map(l -> l.replace(" link-netns " + other.name(), " link-netnsid 0"))
                .collect(Collectors.joining("\n", "", "\n"));
    }

    @Test
    void textIsIproute2sWithTheKindOfEachLink() throws InterruptedException {
        compareSettled(List.of("link", "show"), List.of("link", "list"), (theirs, mine) -> {
            assertEquals(normalise(theirs), mine.lines().filter(l -> !l.startsWith("    kind ")).collect(Collectors.joining("\n", "", "\n")));
            assertTrue(mine.contains("@v0: <BROADCAST,MULTICAST,UP,LOWER_UP> mtu 1500 qdisc noqueue master br0 state UP"), mine);
            assertTrue(mine.contains("    alias web side\n    altname web0\n"), mine);
            assertEquals(5, mine.lines().filter(l -> l.equals("    kind veth")).count(), mine);
            assertTrue(mine.contains("    kind bridge\n"), mine);
        });
        compareSettled(List.of("addr", "show"), List.of("addr", "list"), (theirs, mine) -> {
            assertEquals(normalise(theirs), mine);
            assertTrue(mine.contains("    inet 10.0.0.1/24 brd 10.0.0.255 scope global v0:web\n"), mine);
            assertTrue(mine.contains("    inet 10.30.0.1 peer 10.30.0.2/32 scope global v2\n"), mine);
        });
    }

    @Test
    void oneLinkByNameOrAlternativeName() throws InterruptedException {
        compareSettled(List.of("link", "show", "v0"), List.of("link", "list", "v0"),
                (theirs, mine) -> assertEquals(normalise(theirs), mine.replace("    kind veth\n", "")));
        compareSettled(List.of("addr", "show", "dev", "v2"), List.of("addr", "list", "v2"),
                (theirs, mine) -> assertEquals(normalise(theirs), mine));
        assertEquals(netlink4j("link", "list", "--json", "v0"), netlink4j("link", "show", "--json", "web0"));
        List<Map<String, Object>> one = Json.parseArrayOfObjects(netlink4j("addr", "list", "--json", "web0").out());
        assertEquals(1, one.size());
        assertEquals("v0", one.get(0).get("ifname"));
        assertEquals(netlink4j("link", "list", "lo"), Run.netlink4j("--netns", ns.path().toString(), "link", "list", "lo"));
    }

    @Test
    void aMissingDeviceIsNamedAndExitsWithIproute2sStatus() {
        String where = " does not exist in network namespace '" + ns.name() + "'\n";
        assertEquals(new Run(1, "", "netlink4j link list: device 'nosuch'" + where),
                Run.netlink4j("--netns", ns.name(), "link", "list", "nosuch"));
        assertEquals(new Run(1, "", "netlink4j addr list: device 'x1'" + where),
                Run.netlink4j("--netns", ns.name(), "addr", "list", "--json", "x1"));
        assertEquals(new Run(1, "", "netlink4j link list: device 'nosuch' does not exist\n"), Run.netlink4j("link", "list", "nosuch"));
        assertEquals(new Run(2, "", "netlink4j link list: network namespace 'no-such-namespace' not found"
                + " (no /var/run/netns/no-such-namespace)\n"), Run.netlink4j("--netns", "no-such-namespace", "link", "list"));
    }
}
