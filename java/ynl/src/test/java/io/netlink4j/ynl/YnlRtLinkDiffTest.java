// SPDX-FileCopyrightText: 2026 The netlink4j Authors
// SPDX-License-Identifier: Apache-2.0
package io.netlink4j.ynl;

import io.netlink4j.ynl.testsupport.KernelSpecs;
import io.netlink4j.testsupport.Netns;
import io.netlink4j.ynl.testsupport.KernelYnl;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.opentest4j.AssertionFailedError;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

import static io.netlink4j.ynl.testsupport.KernelYnl.assertSameJson;
import static io.netlink4j.ynl.testsupport.KernelYnl.cli;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * rt_link's getlink, the dynamic client against the kernel's {@code cli.py}, for a veth pair and a
 * bridge with one of the veths as its port, in a throwaway namespace: the link-info sub-messages
 * (the kind's data chosen by {@code kind}, the bridge's attributes, the port's by
 * {@code slave-kind}). On this host's kernel (newer than the 6.12 specs) {@code cli.py} needs
 * {@code --process-unknown} for {@code link-attrs} 66-69; netlink4j keeps unknown attributes
 * always, named as {@code cli.py} names them then ({@code UnknownAttr(N)}).
 */
@Tag("kernel")
class YnlRtLinkDiffTest {
    private static Netns ns;

    @BeforeAll
    static void namespace() {
        Assumptions.assumeTrue(Netns.available(), "needs root and iproute2 for a network namespace");
        ns = Netns.create("nl4j-ynl-link");
        // No IPv6 and so no neighbour discovery: counters stay still between the two tools' reads.
        ns.exec("sysctl", "-q", "-w", "net.ipv6.conf.all.disable_ipv6=1");
        ns.exec("sysctl", "-q", "-w", "net.ipv6.conf.default.disable_ipv6=1");
        ns.exec("ip", "link", "set", "lo", "up");
        ns.exec("ip", "link", "add", "veth0", "type", "veth", "peer", "name", "veth1");
        ns.exec("ip", "link", "add", "br0", "type", "bridge", "ageing_time", "12345", "stp_state", "0",
                "forward_delay", "0");
        ns.exec("ip", "link", "set", "veth1", "master", "br0");
        ns.exec("ip", "link", "set", "veth0", "up");
        ns.exec("ip", "link", "set", "veth1", "up");
        ns.exec("ip", "link", "set", "br0", "up");
        settle();
    }

    /**
     * Waits until the bridge is up and the links' counters stand still (the bridge sends a couple
     * of frames as it comes up), so that both tools read the same state.
     */
    private static void settle() {
        String before = "";
        for (int i = 0; i < 100; i++) {
            String now = ns.exec("ip", "-s", "link", "show");
            if (now.equals(before) && now.contains("state UP")
                    && ns.exec("ip", "link", "show", "dev", "br0").contains("state UP")) {
                return;
            }
            before = now;
            try {
                Thread.sleep(200);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
        throw new IllegalStateException("the namespace's links do not settle: " + before);
    }

    @AfterAll
    static void deleteNamespace() {
        if (ns != null) {
            ns.close();
        }
    }

    private static YnlFamily rtLink() {
        return YnlFamily.open(KernelSpecs.spec("rt_link"), ns.path());
    }

    /**
     * A bridge's garbage collection timer always runs: its time left differs between any two
     * reads. Left out of the comparison, after checking both tools have it.
     */
    private static JsonNode withoutGcTimer(Object tree) {
        JsonNode copy = KernelYnl.json(tree).deepCopy();
        for (JsonNode link : copy.isArray() ? copy : List.of(copy)) {
            JsonNode info = link.get("linkinfo");
            if (info != null && "bridge".equals(info.get("kind").asString())) {
                assertTrue(info.get("data").has("gc-timer"), info::toString);
                ((ObjectNode) info.get("data")).remove("gc-timer");
            }
        }
        return copy;
    }

    /**
     * The kernel's tool's read, and netlink4j's taken before and after it and equal (as the
     * comparison sees them): a frame that slips through between the reads moves the counters,
     * and then both are read again.
     */
    private static Reads sameState(Supplier<Object> ours, Supplier<JsonNode> theirs) {
        for (int attempt = 0; attempt < 5; attempt++) {
            Object before = ours.get();
            JsonNode kernelTool = theirs.get();
            Object after = ours.get();
            if (withoutGcTimer(before).equals(withoutGcTimer(after))) {
                return new Reads(before, kernelTool);
            }
        }
        throw new IllegalStateException("the namespace's links changed between every pair of reads");
    }

    /** netlink4j's read and the kernel tool's, of the same state. */
    private record Reads(Object ours, JsonNode theirs) {
    }

    @Test
    void getlinkVeth() {
        try (YnlFamily rtLink = rtLink()) {
            Reads read = sameState(() -> rtLink.request("getlink", Map.of("ifname", "veth0")),
                    () -> cli(ns, "rt_link", "--do", "getlink", "--json", "{\"ifname\": \"veth0\"}", "--process-unknown"));
            Object ours = read.ours();
            JsonNode theirs = read.theirs();
            assertEquals("veth", theirs.get("linkinfo").get("kind").asString(), theirs::toString);
            assertSameJson(theirs, ours);
        }
    }

    @Test
    void getlinkBridgeAndItsPort() {
        try (YnlFamily rtLink = rtLink()) {
            Reads read = sameState(() -> rtLink.request("getlink", Map.of("ifname", "br0")),
                    () -> cli(ns, "rt_link", "--do", "getlink", "--json", "{\"ifname\": \"br0\"}", "--process-unknown"));
            Object ours = read.ours();
            JsonNode theirs = read.theirs();
            JsonNode info = theirs.get("linkinfo");
            assertEquals("bridge", info.get("kind").asString(), theirs::toString);
            // 123.45 s, in clock ticks back and forth.
            int ageing = info.get("data").get("ageing-time").asInt();
            assertTrue(ageing > 12300 && ageing < 12400, info::toString);
            assertSameJson(withoutGcTimer(theirs), withoutGcTimer(ours));
            // The comparison sees one changed member deep in a sub-message, and names where.
            JsonNode changed = withoutGcTimer(ours);
            ((ObjectNode) changed.get("linkinfo").get("data")).put("ageing-time", ageing + 1);
            AssertionFailedError e = assertThrows(AssertionFailedError.class, () -> assertSameJson(withoutGcTimer(theirs), changed));
            assertTrue(e.getMessage().contains(".linkinfo.data.ageing-time: " + ageing + " / " + (ageing + 1)), e::getMessage);

            Reads portRead = sameState(() -> rtLink.request("getlink", Map.of("ifname", "veth1")),
                    () -> cli(ns, "rt_link", "--do", "getlink", "--json", "{\"ifname\": \"veth1\"}", "--process-unknown"));
            Object port = portRead.ours();
            JsonNode portTheirs = portRead.theirs();
            assertEquals("bridge", portTheirs.get("linkinfo").get("slave-kind").asString(), portTheirs::toString);
            assertTrue(portTheirs.get("linkinfo").get("slave-data").has("state"), portTheirs::toString);
            assertSameJson(portTheirs, port);
        }
    }

    @Test
    void getlinkDump() {
        try (YnlFamily rtLink = rtLink()) {
            Reads read = sameState(() -> rtLink.dump("getlink", Map.of()),
                    () -> cli(ns, "rt_link", "--dump", "getlink", "--process-unknown"));
            Object ours = read.ours();
            JsonNode theirs = read.theirs();
            assertEquals(4, theirs.size(), "lo, veth0, veth1, br0: " + theirs);
            assertTrue(theirs.toString().contains("\"UnknownAttr(66)\""), "6.12's spec lacks attribute 66");
            assertSameJson(withoutGcTimer(theirs), withoutGcTimer(ours));
            // Without --process-unknown the kernel's tool gives up on this kernel; netlink4j does not.
            String refused = KernelYnl.cliRefused(ns, "rt_link", "--dump", "getlink");
            assertTrue(refused.contains("Space 'link-attrs' has no attribute with value '6"), refused);
        }
    }
}
