// SPDX-FileCopyrightText: 2026 The netlink4j Authors
// SPDX-License-Identifier: Apache-2.0
package io.netlink4j.ynl;

import io.netlink4j.ynl.testsupport.KernelSpecs;
import io.netlink4j.genl.GenlFamilyNotFoundException;
import io.netlink4j.testsupport.Netns;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

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
 * mptcp_pm's endpoints in a throwaway namespace, written and read by the dynamic client and the
 * kernel's {@code cli.py} in turn: each tool adds endpoints and deletes one, and each write is
 * read back by the other tool ({@code get-addr} dump and do, compared as JSON) and by iproute2's
 * {@code ip mptcp endpoint}.
 */
@Tag("kernel")
class YnlMptcpDiffTest {
    private static final long SIGNAL = 1;
    private static final long SUBFLOW = 2;
    private static final long BACKUP = 4;

    private Netns ns;

    @AfterEach
    void tearDown() {
        if (ns != null) {
            ns.close();
        }
    }

    private YnlFamily mptcp() {
        Assumptions.assumeTrue(Netns.available(), "needs root and iproute2 for a network namespace");
        YnlSpec spec = KernelSpecs.spec("mptcp_pm");
        ns = Netns.create("nl4j-ynl-mptcp");
        ns.exec("ip", "link", "set", "lo", "up");
        ns.exec("ip", "link", "add", "veth0", "type", "veth", "peer", "name", "veth1");
        ns.exec("ip", "link", "set", "veth0", "up");
        ns.exec("ip", "addr", "add", "10.64.0.1/24", "dev", "veth0");
        // An endpoint with a port listens on its address, which must be local.
        ns.exec("ip", "addr", "add", "10.64.0.2/24", "dev", "veth0");
        ns.exec("ip", "addr", "add", "fd64::1/64", "dev", "veth0", "nodad");
        try {
            return YnlFamily.open(spec, ns.path());
        } catch (GenlFamilyNotFoundException e) {
            Assumptions.abort("this kernel has no mptcp_pm generic netlink family (CONFIG_MPTCP): " + e.getMessage());
            throw e;
        }
    }

    private static Set<Long> ids(JsonNode dump) {
        Set<Long> out = new TreeSet<>();
        dump.forEach(e -> out.add(e.get("addr").get("id").asLong()));
        return out;
    }

    private String ipEndpoints() {
        return ns.exec("ip", "mptcp", "endpoint", "show");
    }

    @Test
    void addDumpDeleteByBothTools() {
        try (YnlFamily mptcp = mptcp()) {
            int veth0 = Integer.parseInt(ns.exec("cat", "/sys/class/net/veth0/ifindex").strip());
            // netlink4j adds 5 and 7, cli.py adds 6 (cli.py 6.12 takes addresses as numbers or hex).
            mptcp.execute("add-addr", Map.of("addr", Map.of("family", 2, "addr4", 0x0A400001L, "id", 5, "flags", SIGNAL)));
            cliWrite(ns, "mptcp_pm", "--do", "add-addr", "--json", "{\"addr\": {\"family\": 10, \"addr6\": "
                    + "\"fd640000000000000000000000000001\", \"id\": 6, \"flags\": " + SUBFLOW + ", \"if-idx\": " + veth0 + "}}");
            mptcp.execute("add-addr", Map.of("addr", Map.of("family", 2, "addr4", 0x0A400002L, "id", 7,
                    "flags", SIGNAL | BACKUP, "port", 4242)));

            List<Map<String, Object>> ours = mptcp.dump("get-addr", Map.of());
            JsonNode theirs = cli(ns, "mptcp_pm", "--dump", "get-addr");
            assertEquals(Set.of(5L, 6L, 7L), ids(theirs), theirs::toString);
            assertSameJson(theirs, ours);
            String ip = ipEndpoints();
            assertTrue(ip.contains("10.64.0.1 id 5 signal") && ip.contains("fd64::1 id 6 subflow dev veth0")
                    && ip.contains("10.64.0.2 port 4242 id 7 signal backup"), ip);

            // One endpoint by id, from both.
            Map<String, Object> six = mptcp.request("get-addr", Map.of("addr", Map.of("id", 6)));
            JsonNode sixTheirs = cli(ns, "mptcp_pm", "--do", "get-addr", "--json", "{\"addr\": {\"id\": 6}}");
            assertEquals("fd640000000000000000000000000001", sixTheirs.get("addr").get("addr6").asString(), sixTheirs::toString);
            assertSameJson(sixTheirs, six);

            // cli.py deletes 5, netlink4j deletes 6; both read what is left.
            cliWrite(ns, "mptcp_pm", "--do", "del-addr", "--json", "{\"addr\": {\"id\": 5}}");
            mptcp.execute("del-addr", Map.of("addr", Map.of("id", 6)));
            List<Map<String, Object>> oursAfter = mptcp.dump("get-addr", Map.of());
            JsonNode theirsAfter = cli(ns, "mptcp_pm", "--dump", "get-addr");
            assertEquals(Set.of(7L), ids(theirsAfter), theirsAfter::toString);
            assertSameJson(theirsAfter, oursAfter);
            String ipAfter = ipEndpoints();
            assertTrue(!ipAfter.contains("id 5") && !ipAfter.contains("id 6") && ipAfter.contains("id 7"), ipAfter);
        }
    }
}
