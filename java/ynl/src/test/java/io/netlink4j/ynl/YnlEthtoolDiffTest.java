// SPDX-FileCopyrightText: 2026 The netlink4j Authors
// SPDX-License-Identifier: Apache-2.0
package io.netlink4j.ynl;

import io.netlink4j.ynl.testsupport.KernelSpecs;
import io.netlink4j.genl.GenlFamilyNotFoundException;
import io.netlink4j.testsupport.Netns;
import io.netlink4j.ynl.testsupport.KernelYnl;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.Future;

import static io.netlink4j.ynl.testsupport.KernelYnl.assertSameJson;
import static io.netlink4j.ynl.testsupport.KernelYnl.refusedErrno;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * ethtool on a veth pair in a throwaway namespace, the dynamic client against the kernel's
 * {@code cli.py}: every {@code *-get} operation of the spec, its {@code do} (the request header
 * naming the device, {@code dev-name}) and its {@code dump} (every device of the namespace). What
 * the veth driver answers is the same JSON from both tools; what it refuses both tools see refused
 * with the same errno, and those refusals are the ones {@link #VETH_UNSUPPORTED} lists.
 */
@Tag("kernel")
class YnlEthtoolDiffTest {
    private static final int EOPNOTSUPP = 95;

    /** The {@code do} of these gets is refused (EOPNOTSUPP) by the veth driver: no PHY, no ring, pause or EEE settings... */
    private static final Set<String> VETH_UNSUPPORTED = Set.of("debug-get", "wol-get", "privflags-get", "rings-get",
            "coalesce-get", "pause-get", "eee-get", "tunnel-info-get", "fec-get", "module-eeprom-get", "pse-get",
            "rss-get", "mm-get", "phy-get");

    /** Gets the veth driver answers; each must be among the compared ones. */
    private static final Set<String> VETH_ANSWERED = Set.of("strset-get", "linkinfo-get", "linkmodes-get",
            "linkstate-get", "features-get", "channels-get", "tsinfo-get", "stats-get");

    private static Netns ns;
    private static YnlSpec spec;

    @BeforeAll
    static void namespace() {
        Assumptions.assumeTrue(Netns.available(), "needs root and iproute2 for a network namespace");
        spec = KernelSpecs.spec("ethtool");
        ns = Netns.create("nl4j-ynl-eth");
        ns.exec("ip", "link", "set", "lo", "up");
        ns.exec("ip", "link", "add", "veth0", "type", "veth", "peer", "name", "veth1");
        ns.exec("ip", "link", "set", "veth0", "up");
        ns.exec("ip", "link", "set", "veth1", "up");
    }

    @AfterAll
    static void deleteNamespace() {
        if (ns != null) {
            ns.close();
        }
    }

    private static YnlFamily ethtool() {
        try {
            return YnlFamily.open(spec, ns.path());
        } catch (GenlFamilyNotFoundException e) {
            Assumptions.abort("this kernel has no ethtool generic netlink family (CONFIG_ETHTOOL_NETLINK): " + e.getMessage());
            throw e;
        }
    }

    /** The request beyond the header: stats-get wants its groups, module-eeprom-get a page to read. */
    private static Map<String, Object> parameters(String op) {
        return switch (op) {
            case "stats-get" -> Map.of("groups", Map.of("nomask", true,
                    "bits", Map.of("bit", List.of(Map.of("index", 0), Map.of("index", 1), Map.of("index", 2), Map.of("index", 3)))));
            case "module-eeprom-get" -> Map.of("offset", 0, "length", 128, "page", 0, "bank", 0, "i2c-address", 0x50);
            default -> Map.of();
        };
    }

    /**
     * stats-get answers one {@code grp} nest per group asked for, which the spec does not mark
     * {@code multi-attr}: netlink4j keeps them all (a list), {@code cli.py} only the last. The
     * comparison takes netlink4j's last, after checking it has all four.
     */
    private static Map<String, Object> asCliKeepsIt(String op, Map<String, Object> reply) {
        if (!op.equals("stats-get")) {
            return reply;
        }
        List<?> groups = assertInstanceOf(List.class, reply.get("grp"), () -> "grp of " + reply);
        assertEquals(4, groups.size(), () -> "grp of " + reply);
        Map<String, Object> out = new LinkedHashMap<>(reply);
        out.put("grp", groups.get(groups.size() - 1));
        return out;
    }

    private static String json(Map<String, Object> tree) {
        return KernelYnl.json(tree).toString();
    }

    /** One operation: netlink4j's reply or refusal, and cli.py's run of the same, under way. */
    private record Compared<T>(String op, T ours, YnlException refused, Future<KernelYnl.Result> theirs) {
    }

    @Test
    void everyGetDoOnTheVeth() {
        List<String> gets = spec.operations().values().stream()
                .filter(o -> o.name().endsWith("-get") && o.hasDo()).map(YnlOperation::name).toList();
        assertTrue(gets.size() >= 20, gets::toString);
        List<Compared<Map<String, Object>>> all = new ArrayList<>();
        try (YnlFamily ethtool = ethtool()) {
            for (String op : gets) {
                Map<String, Object> request = new LinkedHashMap<>(parameters(op));
                request.put("header", Map.of("dev-name", "veth0"));
                Future<KernelYnl.Result> theirs = KernelYnl.start(ns, "ethtool", "--do", op, "--json", json(request));
                try {
                    all.add(new Compared<>(op, ethtool.request(op, request), null, theirs));
                } catch (YnlException e) {
                    all.add(new Compared<>(op, null, e, theirs));
                }
            }
        }
        Set<String> refused = new TreeSet<>();
        Set<String> answered = new TreeSet<>();
        for (Compared<Map<String, Object>> c : all) {
            String op = c.op();
            if (c.refused() != null) {
                YnlException e = c.refused();
                String theirs = KernelYnl.refusal(KernelYnl.await(c.theirs()), op);
                assertEquals(e.errno(), refusedErrno(theirs), () -> op + ": netlink4j " + e.getMessage() + ", cli.py " + theirs);
                assertEquals(EOPNOTSUPP, e.errno(), () -> op + ": " + e.getMessage());
                refused.add(op);
                continue;
            }
            JsonNode theirs = KernelYnl.output(KernelYnl.await(c.theirs()), op);
            assertEquals("veth0", theirs.get("header").get("dev-name").asString(), () -> op + ": " + theirs);
            assertSameJson(theirs, asCliKeepsIt(op, c.ours()));
            answered.add(op);
        }
        assertEquals(new TreeSet<>(VETH_UNSUPPORTED), refused, "refused by the veth driver");
        assertTrue(answered.containsAll(VETH_ANSWERED), () -> "answered: " + answered);
    }

    @Test
    void everyGetDump() {
        List<String> gets = spec.operations().values().stream()
                .filter(o -> o.name().endsWith("-get") && o.hasDump()).map(YnlOperation::name).toList();
        List<Compared<List<Map<String, Object>>>> all = new ArrayList<>();
        try (YnlFamily ethtool = ethtool()) {
            for (String op : gets) {
                Map<String, Object> request = parameters(op);
                List<Map<String, Object>> ours;
                try {
                    ours = ethtool.dump(op, request);
                } catch (YnlException e) {
                    all.add(new Compared<>(op, null, e, KernelYnl.start(ns, "ethtool", "--dump", op, "--json", json(request))));
                    continue;
                }
                if (VETH_UNSUPPORTED.contains(op)) {
                    // A dump leaves out the devices whose driver lacks the operation: none here.
                    assertEquals(List.of(), ours, op);
                    continue;
                }
                all.add(new Compared<>(op, ours, null, KernelYnl.start(ns, "ethtool", "--dump", op, "--json", json(request))));
            }
        }
        List<String> nonEmpty = new ArrayList<>();
        Set<String> refused = new TreeSet<>();
        for (Compared<List<Map<String, Object>>> c : all) {
            String op = c.op();
            if (c.refused() != null) {
                YnlException e = c.refused();
                String theirs = KernelYnl.refusal(KernelYnl.await(c.theirs()), op);
                assertEquals(e.errno(), refusedErrno(theirs), () -> op + ": netlink4j " + e.getMessage() + ", cli.py " + theirs);
                refused.add(op);
                continue;
            }
            JsonNode theirs = KernelYnl.output(KernelYnl.await(c.theirs()), op);
            assertSameJson(theirs, c.ours().stream().map(r -> asCliKeepsIt(op, r)).toList());
            if (!c.ours().isEmpty()) {
                nonEmpty.add(op);
                // Every reply is of a device of the namespace, which both tools saw.
                theirs.forEach(r -> assertTrue(Set.of("lo", "veth0", "veth1").contains(
                        r.get("header").get("dev-name").asString()), () -> op + ": " + r));
            }
        }
        assertTrue(nonEmpty.containsAll(VETH_ANSWERED), () -> "dumps with replies: " + nonEmpty);
        // This one's dump fails as a whole (an errno in NLMSG_DONE), in both tools.
        assertEquals(Set.of("tunnel-info-get"), refused, "dumps refused");
    }
}
