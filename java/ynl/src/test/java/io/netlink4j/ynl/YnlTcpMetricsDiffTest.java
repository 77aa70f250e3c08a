// SPDX-FileCopyrightText: 2026 The netlink4j Authors
// SPDX-License-Identifier: Apache-2.0
package io.netlink4j.ynl;

import io.netlink4j.ynl.testsupport.KernelSpecs;
import io.netlink4j.genl.GenlFamilyNotFoundException;
import io.netlink4j.testsupport.Netns;
import io.netlink4j.ynl.testsupport.KernelYnl;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import static io.netlink4j.ynl.testsupport.KernelYnl.assertSameJson;
import static io.netlink4j.ynl.testsupport.KernelYnl.cli;
import static io.netlink4j.ynl.testsupport.KernelYnl.cliWrite;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * tcp_metrics, the dynamic client against the kernel's {@code cli.py}: the metrics the kernel
 * keeps of TCP connections made in a throwaway namespace (IPv4 and IPv6, over a veth pair, each a
 * short exchange by Python inside the namespace), dumped and read by address by both tools; one
 * entry deleted by netlink4j is gone from {@code cli.py}'s dump too. {@code age} (milliseconds
 * since the entry was stored) grows between the two reads and is left out of the comparison.
 */
@Tag("kernel")
class YnlTcpMetricsDiffTest {
    /** A listener and a client on each pair of addresses, three request/response rounds, closed. */
    private static final String EXCHANGE = String.join("\n",
            "import socket",
            "for fam, srv, cli in [(socket.AF_INET, '10.63.0.1', '10.63.0.2'), (socket.AF_INET6, 'fd63::1', 'fd63::2')]:",
            "    s = socket.socket(fam); s.bind((srv, 0)); s.listen()",
            "    c = socket.socket(fam); c.bind((cli, 0)); c.connect((srv, s.getsockname()[1]))",
            "    a, _ = s.accept()",
            "    for i in range(3):",
            "        c.sendall(b'x' * 1000); a.recv(1000); a.sendall(b'y' * 1000); c.recv(1000)",
            "    c.close(); a.close(); s.close()");

    private Netns ns;

    @AfterEach
    void tearDown() {
        if (ns != null) {
            ns.close();
        }
    }

    private YnlFamily tcpMetrics() {
        Assumptions.assumeTrue(Netns.available(), "needs root and iproute2 for a network namespace");
        YnlSpec spec = KernelSpecs.spec("tcp_metrics");
        ns = Netns.create("nl4j-ynl-tcpm");
        ns.exec("ip", "link", "set", "lo", "up");
        ns.exec("ip", "link", "add", "veth0", "type", "veth", "peer", "name", "veth1");
        ns.exec("ip", "link", "set", "veth0", "up");
        ns.exec("ip", "link", "set", "veth1", "up");
        ns.exec("ip", "addr", "add", "10.63.0.1/24", "dev", "veth0");
        ns.exec("ip", "addr", "add", "10.63.0.2/24", "dev", "veth1");
        ns.exec("ip", "addr", "add", "fd63::1/64", "dev", "veth0", "nodad");
        ns.exec("ip", "addr", "add", "fd63::2/64", "dev", "veth1", "nodad");
        // Metrics are saved when a connection closes, unless this says not to.
        ns.exec("sysctl", "-q", "-w", "net.ipv4.tcp_no_metrics_save=0");
        YnlFamily family;
        try {
            family = YnlFamily.open(spec, ns.path());
        } catch (GenlFamilyNotFoundException e) {
            Assumptions.abort("this kernel has no tcp_metrics generic netlink family: " + e.getMessage());
            throw e;
        }
        ns.exec(python(), "-c", EXCHANGE);
        return family;
    }

    private static String python() {
        return Files.isExecutable(Path.of("/usr/bin/python3")) ? "/usr/bin/python3" : "python3";
    }

    private static JsonNode withoutAge(JsonNode node) {
        JsonNode copy = node.deepCopy();
        if (copy instanceof ArrayNode a) {
            a.forEach(e -> {
                assertTrue(e.get("age").asLong() >= 0, e::toString);
                ((ObjectNode) e).remove("age");
            });
        } else {
            assertTrue(copy.get("age").asLong() >= 0, copy::toString);
            ((ObjectNode) copy).remove("age");
        }
        return copy;
    }

    private static Set<String> destinations(JsonNode dump) {
        Set<String> out = new TreeSet<>();
        dump.forEach(e -> out.add(e.has("addr-ipv4") ? e.get("addr-ipv4").asString() : e.get("addr-ipv6").asString()));
        return out;
    }

    @Test
    void getDumpDoAndDelete() {
        try (YnlFamily tcpMetrics = tcpMetrics()) {
            List<Map<String, Object>> ours = tcpMetrics.dump("get", Map.of());
            JsonNode theirs = cli(ns, "tcp_metrics", "--dump", "get");
            // Both ends of both connections, as the kernel's tool saw them.
            assertEquals(Set.of("10.63.0.1", "10.63.0.2", "fd63::1", "fd63::2"), destinations(theirs), theirs::toString);
            theirs.forEach(e -> assertTrue(e.get("vals").get("rtt-us").asLong() > 0, e::toString));
            assertSameJson(withoutAge(theirs), withoutAge(KernelYnl.json(ours)));

            // One entry by destination (cli.py 6.12 reads an address only as a number: network order).
            Map<String, Object> byAddr = tcpMetrics.request("get", Map.of("addr-ipv4", 0x0A3F0002L, "saddr-ipv4", 0x0A3F0001L));
            JsonNode one = cli(ns, "tcp_metrics", "--do", "get", "--json",
                    "{\"addr-ipv4\": " + 0x0A3F0002L + ", \"saddr-ipv4\": " + 0x0A3F0001L + "}");
            assertEquals("10.63.0.2", one.get("addr-ipv4").asString(), one::toString);
            assertSameJson(withoutAge(one), withoutAge(KernelYnl.json(byAddr)));

            // netlink4j deletes, cli.py reads; cli.py deletes, netlink4j reads.
            tcpMetrics.execute("del", Map.of("addr-ipv4", 0x0A3F0002L, "saddr-ipv4", 0x0A3F0001L));
            assertEquals(Set.of("10.63.0.1", "fd63::1", "fd63::2"), destinations(cli(ns, "tcp_metrics", "--dump", "get")));
            cliWrite(ns, "tcp_metrics", "--do", "del", "--json",
                    "{\"addr-ipv6\": \"fd630000000000000000000000000001\", \"saddr-ipv6\": \"fd630000000000000000000000000002\"}");
            Set<String> left = new TreeSet<>();
            for (Map<String, Object> e : tcpMetrics.dump("get", Map.of())) {
                left.add((String) (e.containsKey("addr-ipv4") ? e.get("addr-ipv4") : e.get("addr-ipv6")));
            }
            assertEquals(Set.of("10.63.0.1", "fd63::2"), left);
        }
    }
}
