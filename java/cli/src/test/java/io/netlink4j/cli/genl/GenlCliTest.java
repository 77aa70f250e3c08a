// SPDX-FileCopyrightText: 2026 The netlink4j Authors
// SPDX-License-Identifier: Apache-2.0
package io.netlink4j.cli.genl;

import io.netlink4j.cli.Run;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** genl list and show against this host's kernel, compared with what iproute2's 'genl ctrl list' reports. */
class GenlCliTest {
    /**
     * A family as 'genl ctrl list' prints it; operations as "id:flags" (flags -1 where genl shows
     * none), groups as "id:name".
     */
    record Family(String name, int id, int version, int headerSize, int maxAttr, List<String> operations, List<String> groups) {
    }

    static Map<String, Family> families;

    @BeforeAll
    static void readGenlCtrlList() {
        Run run = Run.program("genl", "ctrl", "list");
        assertEquals(0, run.exitCode(), run::toString);
        families = parse(run.out());
        assertTrue(families.containsKey("nlctrl"), run::toString);
    }

    static Map<String, Family> parse(String text) {
        Map<String, Family> out = new LinkedHashMap<>();
        Pattern header = Pattern.compile("ID: 0x(\\p{XDigit}+)\\s+Version: 0x(\\p{XDigit}+)\\s+header size: (\\d+)\\s+max attribs: (\\d+)");
        Pattern op = Pattern.compile("#\\d+:\\s+ID-0x(\\p{XDigit}+)");
        Pattern caps = Pattern.compile("Capabilities \\(0x(\\p{XDigit}+)\\)");
        Pattern group = Pattern.compile("#\\d+:\\s+ID-0x(\\p{XDigit}+)\\s+name: (\\S+)");
        for (String block : text.split("\\nName: ")) {
            String name = block.strip().replaceFirst("^Name: ", "").lines().findFirst().orElse("").strip();
            if (name.isEmpty()) {
                continue;
            }
            Matcher h = header.matcher(block);
            assertTrue(h.find(), block);
            List<String> operations = new ArrayList<>();
            List<String> groups = new ArrayList<>();
            boolean inGroups = false;
            String pendingOp = null;
            for (String line : block.lines().toList()) {
                if (line.contains("multicast groups:")) {
                    inGroups = true;
                }
                Matcher g = group.matcher(line);
                Matcher o = op.matcher(line);
                Matcher c = caps.matcher(line);
                if (inGroups && g.find()) {
                    groups.add(Integer.parseInt(g.group(1), 16) + ":" + g.group(2));
                } else if (!inGroups && o.find()) {
                    pendingOp = Integer.toString(Integer.parseInt(o.group(1), 16));
                    operations.add(pendingOp + ":-1");
                } else if (c.find() && pendingOp != null) {
                    operations.set(operations.size() - 1, pendingOp + ":" + Integer.parseInt(c.group(1), 16));
                }
            }
            out.put(name, new Family(name, Integer.parseInt(h.group(1), 16), Integer.parseInt(h.group(2), 16),
                    Integer.parseInt(h.group(3)), Integer.parseInt(h.group(4)), operations, groups));
        }
        return out;
    }

    @Test
    void listShowsEveryFamily() {
        Run run = Run.netlink4j("genl", "list");
        assertEquals(0, run.exitCode(), run::toString);
        List<String> lines = run.out().lines().toList();
        assertTrue(lines.get(0).matches("ID +NAME +VERSION MAXATTR OPS +MULTICAST GROUPS"), lines.get(0));
        Map<String, String> expected = new LinkedHashMap<>();
        families.values().stream().sorted((a, b) -> a.id() - b.id()).forEach(f -> expected.put(f.name(),
                (f.id() + " " + f.name() + " " + f.version() + " " + f.maxAttr() + " " + f.operations().size() + " "
                        + String.join(",", f.groups().stream().map(g -> g.substring(g.indexOf(':') + 1)).toList())).strip()));
        Map<String, String> actual = new LinkedHashMap<>();
        for (String line : lines.subList(1, lines.size())) {
            actual.put(line.split(" +")[1], line.replaceAll(" +", " ").strip());
        }
        assertEquals(List.copyOf(expected.values()), List.copyOf(actual.values()));
    }

    @Test
    void showMatchesEachFamily() {
        for (Family f : families.values()) {
            Run run = Run.netlink4j("genl", "show", f.name());
            assertEquals(0, run.exitCode(), run::toString);
            StringBuilder expected = new StringBuilder("family " + f.name() + "\n  id: " + f.id() + "\n  version: " + f.version()
                    + "\n  header size: " + f.headerSize() + "\n  max attribute: " + f.maxAttr() + "\n  operations: "
                    + f.operations().size() + "\n");
            List<String> ourLines = run.out().lines().toList();
            int at = 6;
            for (String op : f.operations()) {
                String[] idFlags = op.split(":");
                int flags = Integer.parseInt(idFlags[1]);
                String line = "    " + String.format("%-4s", idFlags[0]);
                // Where genl shows no capabilities, compare the id only.
                expected.append(flags < 0 && ourLines.get(at).startsWith(line) ? ourLines.get(at)
                        : line + String.join(" ", flagNames(flags))).append('\n');
                at++;
            }
            expected.append("  multicast groups: ").append(f.groups().size()).append('\n');
            for (String g : f.groups()) {
                String[] idName = g.split(":");
                expected.append("    ").append(String.format("%-4s", idName[0])).append(idName[1]).append('\n');
            }
            assertEquals(expected.toString(), run.out(), f.name());
        }
    }

    private static List<String> flagNames(int flags) {
        List<String> names = new ArrayList<>();
        String[] labels = {"admin-perm", "do", "dump", "has-policy", "uns-admin-perm"};
        for (int bit = 0; bit < labels.length; bit++) {
            if ((flags & (1 << bit)) != 0) {
                names.add(labels[bit]);
            }
        }
        return names;
    }

    /** nlctrl's own policy: CTRL_ATTR_FAMILY_ID is a u16, CTRL_ATTR_FAMILY_NAME a string of at most 15 bytes. */
    @Test
    void showPolicy() {
        Run run = Run.netlink4j("genl", "show", "nlctrl", "--policy");
        assertEquals(0, run.exitCode(), run::toString);
        assertTrue(run.out().contains("\n  command policies: "), run.out());
        assertTrue(run.out().contains("\n    3   do policy 0, dump policy 0\n"), run.out());
        assertTrue(run.out().contains("\n    policy 0\n      1   u16 min-value=0 max-value=65535\n      2   nul-string max-length=15\n"),
                run.out());
    }

    @Test
    void json() {
        Run list = Run.netlink4j("genl", "list", "--json");
        assertEquals(0, list.exitCode(), list::toString);
        Run names = Run.program(list.out(), List.of("python3", "-c",
                "import json, sys\nfor f in json.load(sys.stdin)['families']: print(f['name'], f['id'], len(f['operations']))"));
        assertEquals(0, names.exitCode(), names::toString);
        StringBuilder expected = new StringBuilder();
        families.values().stream().sorted((a, b) -> a.id() - b.id())
                .forEach(f -> expected.append(f.name()).append(' ').append(f.id()).append(' ').append(f.operations().size()).append('\n'));
        assertEquals(expected.toString(), names.out());
        Run show = Run.netlink4j("genl", "show", "nlctrl", "--policy", "--json");
        Run policy = Run.program(show.out(), List.of("python3", "-c",
                "import json, sys\nd = json.load(sys.stdin)\nprint(d['name'], d['policies'][0]['attributes'][1])"));
        assertEquals("nlctrl {'attribute': 2, 'type': 'nul-string', 'max-length': 15}\n", policy.out(), policy::toString);
    }

    @Test
    void unknownFamily() {
        assertEquals(new Run(1, "", "netlink4j genl show: no generic netlink family 'nosuch' (see 'netlink4j genl list')\n"),
                Run.netlink4j("genl", "show", "nosuch"));
    }
}
