// SPDX-FileCopyrightText: 2026 The netlink4j Authors
// SPDX-License-Identifier: Apache-2.0
package io.netlink4j.cli.ynl;

import io.netlink4j.cli.Run;
import org.junit.jupiter.api.Test;

import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code netlink4j ynl}'s refusals and output formats, without the kernel. */
class YnlCliTest {
    @Test
    void anUnknownFamilyListsTheBundledOnes() {
        Run run = Run.netlink4j("ynl", "--family", "netdve", "--dump", "dev-get");
        assertEquals(2, run.exitCode());
        assertTrue(run.err().startsWith("netlink4j ynl: unknown family 'netdve' (bundled: devlink, dpll, ethtool,"), run::err);
        assertTrue(run.err().contains("netdev, nfsd") && run.err().contains("or give a spec file with --spec FILE"), run::err);
    }

    @Test
    void badJsonSaysWhere() {
        Run run = Run.netlink4j("ynl", "--family", "netdev", "--do", "dev-get", "--json", "{\"ifindex\": 1,}");
        assertEquals(2, run.exitCode());
        assertTrue(run.err().startsWith("netlink4j ynl: --json: not valid JSON at column 15: Unexpected character ('}'"), run::err);
        Run notObject = Run.netlink4j("ynl", "--family", "netdev", "--do", "dev-get", "--json", "[1]");
        assertTrue(notObject.err().contains("--json: expected a JSON object"), notObject::err);
        Run fraction = Run.netlink4j("ynl", "--family", "netdev", "--do", "dev-get", "--json", "{\"ifindex\": 1.5}");
        assertTrue(fraction.err().contains("--json: ifindex: 1.5 is not an integer"), fraction::err);
    }

    @Test
    void familyOrSpecIsRequiredAndOneActionAtATime() {
        Run none = Run.netlink4j("ynl", "--dump", "dev-get");
        assertEquals(2, none.exitCode());
        assertTrue(none.err().contains("Missing required argument"), none::err);
        Run both = Run.netlink4j("ynl", "--family", "netdev", "--dump", "dev-get", "--do", "dev-get");
        assertEquals(2, both.exitCode());
        assertTrue(both.err().contains("mutually exclusive"), both::err);
        Run missing = Run.netlink4j("ynl", "--spec", "/no/such.yaml", "--list-ops");
        assertTrue(missing.err().contains("--spec /no/such.yaml: no such file"), missing::err);
    }

    @Test
    void anUnknownOperationListsTheSpecsOnes() {
        Run run = Run.netlink4j("ynl", "--family", "netdev", "--dump", "dev-gte");
        assertEquals(2, run.exitCode());
        assertTrue(run.err().contains("no operation dev-gte (operations with a dump: dev-get, page-pool-get"), run::err);
    }

    @Test
    void prettyPrintsAsPythonsPprint() {
        Map<String, Object> tree = new LinkedHashMap<>();
        tree.put("zeta", 1L);
        tree.put("alpha", new LinkedHashSet<>(List.of("b", "a")));
        tree.put("bytes", new byte[] {0, 'a', '\'', 10});
        tree.put("flag", Boolean.TRUE);
        tree.put("s", "it's");
        tree.put("ops", List.of(Map.of("10", Map.of("id", 10L)), Map.of("2", Map.of("id", 2L))));
        assertEquals("{'alpha': {'a', 'b'},\n 'bytes': b\"\\x00a'\\n\",\n 'flag': True,\n 'ops': [{10: {'id': 10}}, {2: {'id': 2}}],\n"
                + " 's': \"it's\",\n 'zeta': 1}", PyFormat.pformat(tree));
        assertEquals("{\"zeta\": 1, \"alpha\": [\"a\", \"b\"], \"bytes\": \"0061270a\", \"flag\": true, \"s\": \"it's\","
                + " \"ops\": [{\"10\": {\"id\": 10}}, {\"2\": {\"id\": 2}}]}", PyFormat.json(tree));
        assertEquals("{'a': 1}", PyFormat.pformat(Map.of("a", 1L)));
        assertEquals("[]", PyFormat.pformat(List.of()));
        assertEquals("set()", PyFormat.pformat(new LinkedHashSet<>()));
        assertEquals("None", PyFormat.pformat(null));
    }
}
