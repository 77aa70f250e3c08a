// SPDX-FileCopyrightText: 2026 The netlink4j Authors
// SPDX-License-Identifier: Apache-2.0
package io.netlink4j.ynl;

import io.netlink4j.ynl.testsupport.KernelSpecs;
import io.netlink4j.testsupport.Netns;
import io.netlink4j.ynl.testsupport.KernelYnl;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Notifications on this host's kernel, in a throwaway namespace: {@link YnlSubscription} and the
 * kernel's {@code cli.py --subscribe} listen at the same time to the same changes and report the
 * same events, with the same trees.
 */
@Tag("kernel")
class YnlNotificationTest {
    private Netns ns;

    @AfterEach
    void tearDown() {
        if (ns != null) {
            ns.close();
        }
    }

    private Netns netns() {
        Assumptions.assumeTrue(Netns.available(), "needs root and iproute2 for a network namespace");
        ns = Netns.create("nl4j-ntf");
        ns.exec("ip", "link", "set", "lo", "up");
        return ns;
    }

    /** Every notification already queued. */
    private static List<Map<String, Object>> drain(YnlSubscription s) {
        List<Map<String, Object>> events = new ArrayList<>();
        while (s.poll(Duration.ZERO, n -> events.add(n.toTree())) > 0) {
            // more
        }
        return events;
    }

    /** Starts cli.py --subscribe GROUP --sleep N in the namespace and waits until it has joined. */
    private static Process cliSubscribed(Netns n, List<String> cmd) throws IOException {
        Process p = new ProcessBuilder(cmd).redirectError(ProcessBuilder.Redirect.PIPE).start();
        // ip netns exec runs cli.py in its own process (exec, same pid).
        KernelYnl.awaitJoined(p.pid());
        return p;
    }

    @Test
    void netdevEventsAsCliPyPrintsThem() throws IOException {
        Netns n = netns();
        List<String> cmd = KernelYnl.command(n, "netdev", "--subscribe", "mgmt", "--sleep", "5");
        cmd.add("--output-json");
        try (YnlFamily netdev = YnlFamily.open(KernelSpecs.spec("netdev"), n.path());
             YnlSubscription sub = netdev.subscribe("mgmt")) {
            assertEquals(List.of("mgmt"), sub.groups());
            Process p = cliSubscribed(n, cmd);
            n.exec("ip", "link", "add", "veth0", "type", "veth", "peer", "name", "veth1");
            n.exec("ip", "link", "set", "veth0", "up");
            n.exec("ip", "link", "del", "veth0");
            KernelYnl.Result theirs = KernelYnl.finish(p, cmd);
            assertEquals(0, theirs.exit(), theirs::err);
            JsonNode events = KernelYnl.JSON.readTree(theirs.out());
            List<Map<String, Object>> ours = drain(sub);
            List<String> names = new ArrayList<>();
            events.forEach(e -> names.add(e.get("name").asString()));
            assertTrue(names.contains("dev-add-ntf") && names.contains("dev-del-ntf"), names::toString);
            assertTrue(events.size() >= 4, "two links added and deleted: " + events);
            KernelYnl.assertSameJson(events, ours);
            assertEquals(0, sub.unknownMessages());
        }
    }

    @Test
    void rtAddrEventsAreTheAddressesAsTheDumpShowsThem() {
        Netns n = netns();
        n.exec("ip", "link", "add", "veth0", "type", "veth", "peer", "name", "veth1");
        n.exec("ip", "link", "set", "veth0", "up");
        try (YnlFamily rtAddr = YnlFamily.open(KernelSpecs.spec("rt_addr"), n.path());
             YnlSubscription sub = rtAddr.subscribe("rtnlgrp-ipv4-ifaddr")) {
            n.exec("ip", "addr", "add", "10.62.0.1/24", "dev", "veth0");
            // The kernel's cli.py reads the address the notification announced.
            JsonNode dump = KernelYnl.cli(n, "rt_addr", "--dump", "getaddr", "--json", "{\"ifa-family\": 2}");
            n.exec("ip", "addr", "del", "10.62.0.1/24", "dev", "veth0");
            List<Map<String, Object>> ours = drain(sub);
            assertEquals(List.of("newaddr", "deladdr"), ours.stream().map(e -> e.get("name")).toList(), ours::toString);
            JsonNode added = null;
            for (JsonNode a : dump) {
                if ("10.62.0.1".equals(a.path("ifa-local").asString(""))) {
                    added = a;
                }
            }
            assertTrue(added != null, dump::toString);
            KernelYnl.assertSameJson(added, ours.get(0).get("msg"));
            assertEquals("10.62.0.1", ((Map<?, ?>) ours.get(1).get("msg")).get("ifa-local"));
        }
    }

    @Test
    void anUnknownGroupListsTheSpecsGroups() {
        try (YnlFamily netdev = YnlFamily.open(KernelSpecs.spec("netdev"))) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> netdev.subscribe("mgmnt"));
            assertTrue(e.getMessage().contains("no multicast group mgmnt (expected: one of mgmt, page-pool)"), e::getMessage);
            assertEquals(netdev.genlFamily().orElseThrow().group("mgmt").orElseThrow().id(), netdev.mcastGroupId("mgmt"));
        }
        try (YnlFamily rtLink = YnlFamily.open(KernelSpecs.spec("rt_link"))) {
            assertEquals(1, rtLink.mcastGroupId("rtnlgrp-link"));
        }
    }
}
