// SPDX-FileCopyrightText: 2026 The netlink4j Authors
// SPDX-License-Identifier: Apache-2.0
package io.netlink4j.cli.ynl;

import io.netlink4j.cli.Run;
import io.netlink4j.testsupport.Netns;
import io.netlink4j.ynl.testsupport.KernelYnl;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * {@code netlink4j ynl} against the kernel's own {@code cli.py} (tools/net/ynl of linux-source-6.12,
 * from the cache of scripts/ynl-specs), on this host's kernel, in a throwaway namespace: for the
 * same kernel state, the same JSON value from {@code --output-json} (member order and the order of
 * flag sets aside), the same pretty-printed text where Python's set order cannot differ, the same
 * operations, and the same notifications.
 */
@Tag("kernel")
class YnlCliKernelTest {
    static Netns ns;

    @BeforeAll
    static void namespace() {
        assumeTrue(Netns.available(), "needs root and iproute2 to create a network namespace");
        ns = Netns.create("nl4j-cli-ynl");
        ns.exec("ip", "link", "set", "lo", "up");
        ns.exec("ip", "link", "add", "veth0", "type", "veth", "peer", "name", "veth1");
        ns.exec("ip", "link", "set", "veth0", "up");
        ns.exec("ip", "link", "set", "veth1", "up");
        ns.exec("ip", "addr", "add", "10.63.0.1/24", "dev", "veth0");
        ns.exec("ip", "addr", "add", "10.63.0.2/32", "peer", "10.63.0.3", "dev", "veth1");
    }

    @AfterAll
    static void close() {
        if (ns != null) {
            ns.close();
        }
    }

    /** netlink4j ynl --netns NS ARGS --output-json, which must succeed; its output, parsed. */
    private static JsonNode ours(String family, String... args) {
        List<String> line = new ArrayList<>(List.of("--netns", ns.name(), "ynl", "--family", family));
        line.addAll(List.of(args));
        line.add("--output-json");
        Run run = Run.netlink4j(line.toArray(String[]::new));
        assertEquals(0, run.exitCode(), run::toString);
        assertEquals("", run.err());
        assertEquals(1, run.out().lines().count(), "one line of JSON, as cli.py prints it: " + run.out());
        return KernelYnl.JSON.readTree(run.out());
    }

    @Test
    void sameJsonAsCliPy() {
        String[][] cases = {
                {"nlctrl", "--do", "getfamily", "--json", "{\"family-name\": \"netdev\"}"},
                {"nlctrl", "--dump", "getfamily"},
                {"netdev", "--dump", "dev-get"},
                {"netdev", "--do", "dev-get", "--json", "{\"ifindex\": 1}"},
                {"rt_addr", "--dump", "getaddr", "--json", "{\"ifa-family\": 2}"},
                {"rt_route", "--dump", "getroute", "--json", "{\"rtm-family\": 2}"},
        };
        for (String[] c : cases) {
            String family = c[0];
            String[] args = List.of(c).subList(1, c.length).toArray(String[]::new);
            JsonNode theirs = KernelYnl.cli(ns, family, args);
            JsonNode mine = ours(family, args);
            assertTrue(theirs.size() > 0, () -> String.join(" ", c) + ": " + theirs);
            KernelYnl.assertSameJson(theirs, mine);
        }
        // The state was seen: three addresses, three links, a route per address.
        assertEquals(3, ours("rt_addr", "--dump", "getaddr", "--json", "{\"ifa-family\": 2}").size());
        assertEquals(3, ours("netdev", "--dump", "dev-get").size());
    }

    @Test
    void samePrettyPrintedTextAsCliPy() {
        // Every flag set of an address here has one member, so Python's set order cannot differ.
        List<String> cmd = KernelYnl.command(ns, "rt_addr", "--dump", "getaddr", "--json", "{\"ifa-family\": 2}");
        KernelYnl.Result theirs = KernelYnl.run(cmd);
        assertEquals(0, theirs.exit(), theirs::err);
        Run mine = Run.netlink4j("--netns", ns.name(), "ynl", "--family", "rt_addr", "--dump", "getaddr",
                "--json", "{\"ifa-family\": 2}");
        assertEquals(0, mine.exitCode(), mine::toString);
        assertTrue(theirs.out().contains("'ifa-local': '10.63.0.2'"), theirs::out);
        assertEquals(theirs.out(), mine.out());
    }

    @Test
    void sameOperationsAsCliPy() {
        for (String family : List.of("netdev", "rt_link", "ethtool")) {
            List<String> cmd = KernelYnl.command(null, family, "--list-ops");
            KernelYnl.Result theirs = KernelYnl.run(cmd);
            assertEquals(0, theirs.exit(), theirs::err);
            Run mine = Run.netlink4j("ynl", "--family", family, "--list-ops");
            assertEquals(0, mine.exitCode(), mine::toString);
            // cli.py prints an operation's forms in Python's set order; netlink4j: do, dump.
            assertEquals(theirs.out().replace("[ dump, do ]", "[ do, dump ]"), mine.out(), family);
        }
    }

    @Test
    void sameNotificationsAsCliPy() throws Exception {
        // cli.py first (it takes seconds to start), listening long enough for netlink4j to join too.
        List<String> cmd = KernelYnl.command(ns, "netdev", "--subscribe", "mgmt", "--sleep", "10");
        cmd.add("--output-json");
        Process cliPy = new ProcessBuilder(cmd).start();
        KernelYnl.awaitSubscribers(ns, 1);
        CompletableFuture<Run> mine = CompletableFuture.supplyAsync(() -> Run.netlink4j("--netns", ns.name(), "ynl",
                "--family", "netdev", "--subscribe", "mgmt", "--sleep", "3", "--output-json"));
        KernelYnl.awaitSubscribers(ns, 2);
        ns.exec("ip", "link", "add", "veth2", "type", "veth", "peer", "name", "veth3");
        ns.exec("ip", "link", "del", "veth2");
        KernelYnl.Result theirs = KernelYnl.finish(cliPy, cmd);
        assertEquals(0, theirs.exit(), theirs::err);
        Run ours = mine.get();
        assertEquals(0, ours.exitCode(), ours::toString);
        JsonNode events = KernelYnl.JSON.readTree(theirs.out());
        assertTrue(events.size() >= 4, "veth2 and veth3 added and deleted: " + events);
        KernelYnl.assertSameJson(events, KernelYnl.JSON.readTree(ours.out()));
    }
}
