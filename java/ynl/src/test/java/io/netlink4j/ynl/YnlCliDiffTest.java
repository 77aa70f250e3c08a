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
import org.opentest4j.AssertionFailedError;
import tools.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static io.netlink4j.ynl.testsupport.KernelYnl.assertSameJson;
import static io.netlink4j.ynl.testsupport.KernelYnl.cli;
import static io.netlink4j.ynl.testsupport.KernelYnl.cliRefused;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The dynamic client against the kernel's own: for the same kernel state, {@link YnlFamily}'s
 * trees and the JSON of {@code cli.py --output-json} are the same JSON value, as {@link KernelYnl}
 * compares them. State that matters lives in a throwaway namespace, which both tools read.
 */
@Tag("kernel")
class YnlCliDiffTest {
    private Netns ns;

    @AfterEach
    void tearDown() {
        if (ns != null) {
            ns.close();
        }
    }

    private Netns netns() {
        Assumptions.assumeTrue(Netns.available(), "needs root and iproute2 for a network namespace");
        ns = Netns.create("nl4j-ynl");
        ns.exec("ip", "link", "set", "lo", "up");
        ns.exec("ip", "link", "add", "veth0", "type", "veth", "peer", "name", "veth1");
        ns.exec("ip", "link", "set", "veth0", "up");
        ns.exec("ip", "link", "set", "veth1", "up");
        ns.exec("ip", "addr", "add", "10.61.0.1/24", "dev", "veth0");
        ns.exec("ip", "addr", "add", "10.61.0.2/32", "peer", "10.61.0.3", "dev", "veth1");
        return ns;
    }

    @Test
    void nlctrlGetFamilyDo() {
        YnlSpec spec = KernelSpecs.spec("nlctrl");
        try (YnlFamily nlctrl = YnlFamily.open(spec)) {
            for (String name : List.of("nlctrl", "netdev")) {
                Map<String, Object> ours = nlctrl.request("getfamily", Map.of("family-name", name));
                JsonNode theirs = cli(null, "nlctrl", "--do", "getfamily", "--json", "{\"family-name\": \"" + name + "\"}");
                assertEquals(name, theirs.get("family-name").asString());
                assertTrue(theirs.get("ops").size() > 0, theirs::toString);
                assertSameJson(theirs, ours);
            }
        }
    }

    @Test
    void nlctrlGetFamilyDump() {
        try (YnlFamily nlctrl = YnlFamily.open(KernelSpecs.spec("nlctrl"))) {
            List<Map<String, Object>> ours = nlctrl.dump("getfamily", Map.of());
            JsonNode theirs = cli(null, "nlctrl", "--dump", "getfamily");
            assertTrue(theirs.size() >= 3, theirs::toString);
            assertSameJson(theirs, ours);
        }
    }

    @Test
    void netdevDevGetDump() {
        Netns n = netns();
        try (YnlFamily netdev = YnlFamily.open(KernelSpecs.spec("netdev"), n.path())) {
            List<Map<String, Object>> ours = netdev.dump("dev-get", Map.of());
            JsonNode theirs = cli(n, "netdev", "--dump", "dev-get");
            assertEquals(3, theirs.size(), "lo, veth0, veth1: " + theirs);
            assertSameJson(theirs, ours);
        }
    }

    @Test
    void rtAddrGetAddrDump() {
        Netns n = netns();
        try (YnlFamily rtAddr = YnlFamily.open(KernelSpecs.spec("rt_addr"), n.path())) {
            List<Map<String, Object>> ours = rtAddr.dump("getaddr", Map.of("ifa-family", 2));
            JsonNode theirs = cli(n, "rt_addr", "--dump", "getaddr", "--json", "{\"ifa-family\": 2}");
            assertTrue(theirs.toString().contains("\"10.61.0.3\""), theirs::toString);
            assertEquals(3, theirs.size(), "127.0.0.1, 10.61.0.1, 10.61.0.2: " + theirs);
            assertSameJson(theirs, ours);
            // The comparison sees a difference in one member of one fixed header.
            List<Map<String, Object>> changed = new ArrayList<>(ours);
            Map<String, Object> first = new LinkedHashMap<>(changed.get(0));
            first.put("ifa-prefixlen", ((Long) first.get("ifa-prefixlen")) + 1);
            changed.set(0, first);
            assertThrows(AssertionFailedError.class, () -> assertSameJson(theirs, changed));
        }
    }

    @Test
    void missingAttributeNamedBySpec() {
        try (YnlFamily netdev = YnlFamily.open(KernelSpecs.spec("netdev"))) {
            YnlException e = assertThrows(YnlException.class, () -> netdev.request("dev-get", Map.of()));
            String theirs = cliRefused(null, "netdev", "--do", "dev-get", "--json", "{}");
            assertTrue(theirs.contains("'miss-type': 'ifindex'"), theirs);
            assertTrue(theirs.contains("error: -" + e.errno()), theirs);
            assertEquals("EINVAL", e.errnoName());
            assertEquals("ifindex", e.missingAttribute().orElseThrow(), e::getMessage);
            assertTrue(e.getMessage().contains("missing attribute ifindex"), e::getMessage);
        }
    }

    @Test
    void badAttributeNamedBySpec() {
        try (YnlFamily netdev = YnlFamily.open(KernelSpecs.spec("netdev"))) {
            // netdev's policy wants an ifindex of at least 1: the kernel points at the attribute.
            YnlException e = assertThrows(YnlException.class, () -> netdev.request("dev-get", Map.of("ifindex", 0)));
            String theirs = cliRefused(null, "netdev", "--do", "dev-get", "--json", "{\"ifindex\": 0}");
            assertTrue(theirs.contains("'bad-attr': '.ifindex'"), theirs);
            assertTrue(theirs.contains("error: -" + e.errno()), theirs);
            assertEquals("ERANGE", e.errnoName());
            assertEquals(".ifindex", e.attributePath().orElseThrow(), e::getMessage);
            assertTrue(e.getMessage().contains("bad attribute .ifindex"), e::getMessage);
        }
    }

    @Test
    void badOperationNamesTheOperations() {
        try (YnlFamily netdev = YnlFamily.open(KernelSpecs.spec("netdev"))) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> netdev.dump("dev-gte", Map.of()));
            assertTrue(e.getMessage().contains("no operation dev-gte"), e::getMessage);
            assertTrue(e.getMessage().contains("dev-get, page-pool-get"), e::getMessage);
            IllegalArgumentException notDump = assertThrows(IllegalArgumentException.class,
                    () -> netdev.dump("bind-rx", Map.of()));
            assertTrue(notDump.getMessage().contains("operation bind-rx has no dump"), notDump::getMessage);
        }
    }
}
