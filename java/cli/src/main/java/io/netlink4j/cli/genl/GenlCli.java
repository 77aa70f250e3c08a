// SPDX-FileCopyrightText: 2026 The netlink4j Authors
// SPDX-License-Identifier: Apache-2.0
package io.netlink4j.cli.genl;

import io.netlink4j.cli.CliException;
import io.netlink4j.cli.Failures;
import io.netlink4j.cli.Main;
import io.netlink4j.cli.Namespaces;
import io.netlink4j.cli.json.JsonWriter;
import io.netlink4j.engine.NetlinkOptions;
import io.netlink4j.genl.GenericNetlink;
import io.netlink4j.genl.GenlFamily;
import io.netlink4j.genl.GenlFamilyNotFoundException;
import io.netlink4j.genl.GenlPolicy;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.StringJoiner;

/**
 * {@code netlink4j genl list} and {@code netlink4j genl show NAME [--policy]}: the kernel's
 * generic netlink families as nlctrl describes them. Needs no privileges.
 */
@Command(name = "genl", mixinStandardHelpOptions = true, versionProvider = Main.Version.class, description = "Explore the kernel's generic netlink families.")
public final class GenlCli {
    private final Main main;

    public GenlCli(Main main) {
        this.main = main;
    }

    @Command(name = "list", mixinStandardHelpOptions = true, versionProvider = Main.Version.class, description = "List every generic netlink family: id, version, highest attribute, operations, multicast groups.")
    int list(@Option(names = "--json", description = "Print JSON.") boolean json) {
        List<GenlFamily> families;
        try (GenericNetlink genl = open()) {
            families = new ArrayList<>(genl.getFamilies());
        }
        families.sort(Comparator.comparingInt(GenlFamily::id));
        main.io().out().print(json ? listJson(families) : listText(families));
        return 0;
    }

    @Command(name = "show", mixinStandardHelpOptions = true, versionProvider = Main.Version.class, description = "Show one family: its operations and their flags, its multicast groups, and with --policy its attribute policies.")
    int show(@Parameters(paramLabel = "NAME", description = "The family, e.g. nlctrl or IPVS.") String name,
             @Option(names = "--policy", description = "Also show the attribute policies (kernel 5.10 or later).") boolean withPolicy,
             @Option(names = "--json", description = "Print JSON.") boolean json) {
        GenlFamily family;
        GenlPolicy policy = null;
        try (GenericNetlink genl = open()) {
            try {
                family = genl.getFamily(name);
            } catch (GenlFamilyNotFoundException e) {
                throw new CliException("no generic netlink family '" + name + "' (see 'netlink4j genl list')", Failures.EXIT_FAILURE);
            }
            if (withPolicy) {
                policy = genl.getPolicy(name);
            }
        }
        main.io().out().print(json ? showJson(family, policy) : showText(family, policy));
        return 0;
    }

    private GenericNetlink open() {
        return GenericNetlink.open(Namespaces.options(NetlinkOptions.builder(), main.netns()));
    }

    static String listText(List<GenlFamily> families) {
        int nameWidth = "NAME".length();
        for (GenlFamily f : families) {
            nameWidth = Math.max(nameWidth, f.name().length());
        }
        StringBuilder sb = new StringBuilder();
        row(sb, nameWidth, "ID", "NAME", "VERSION", "MAXATTR", "OPS", "MULTICAST GROUPS");
        for (GenlFamily f : families) {
            StringJoiner groups = new StringJoiner(",");
            f.groups().forEach(g -> groups.add(g.name()));
            row(sb, nameWidth, Integer.toString(f.id()), f.name(), Integer.toString(f.version()), Integer.toString(f.maxAttr()),
                    Integer.toString(f.operations().size()), groups.toString());
        }
        return sb.toString();
    }

    private static void row(StringBuilder sb, int nameWidth, String id, String name, String version, String maxAttr, String ops,
                            String groups) {
        String line = pad(id, 5) + " " + pad(name, nameWidth) + "  " + pad(version, 7) + " " + pad(maxAttr, 7) + " "
                + pad(ops, 4) + " " + groups;
        sb.append(line.stripTrailing()).append('\n');
    }

    static String showText(GenlFamily f, GenlPolicy policy) {
        StringBuilder sb = new StringBuilder();
        sb.append("family ").append(f.name()).append('\n')
                .append("  id: ").append(f.id()).append('\n')
                .append("  version: ").append(f.version()).append('\n')
                .append("  header size: ").append(f.headerSize()).append('\n')
                .append("  max attribute: ").append(f.maxAttr()).append('\n')
                .append("  operations: ").append(f.operations().size()).append('\n');
        for (GenlFamily.Operation op : f.operations()) {
            sb.append("    ").append(pad(Integer.toString(op.id()), 4)).append(String.join(" ", flagNames(op))).append('\n');
        }
        sb.append("  multicast groups: ").append(f.groups().size()).append('\n');
        for (GenlFamily.MulticastGroup g : f.groups()) {
            sb.append("    ").append(pad(Integer.toString(g.id()), 4)).append(g.name()).append('\n');
        }
        if (policy != null) {
            sb.append("  command policies: ").append(policy.commands().size()).append('\n');
            for (Map.Entry<Integer, GenlPolicy.CommandPolicy> e : policy.commands().entrySet()) {
                sb.append("    ").append(pad(Integer.toString(e.getKey()), 4)).append("do ").append(policyIndex(e.getValue().doPolicy()))
                        .append(", dump ").append(policyIndex(e.getValue().dumpPolicy())).append('\n');
            }
            sb.append("  policies: ").append(policy.policies().size()).append('\n');
            for (Map.Entry<Integer, Map<Integer, GenlPolicy.AttributePolicy>> p : policy.policies().entrySet()) {
                sb.append("    policy ").append(p.getKey()).append('\n');
                for (GenlPolicy.AttributePolicy a : p.getValue().values()) {
                    sb.append("      ").append(pad(Integer.toString(a.attribute()), 4)).append(a.type());
                    a.constraints().forEach((k, v) -> sb.append(' ').append(k).append('=').append(v));
                    sb.append('\n');
                }
            }
        }
        return sb.toString();
    }

    private static String policyIndex(int index) {
        return index < 0 ? "-" : "policy " + index;
    }

    /** The names of an operation's flags: admin-perm, do, dump, has-policy, uns-admin-perm. */
    static List<String> flagNames(GenlFamily.Operation op) {
        List<String> names = new ArrayList<>();
        if ((op.flags() & GenlFamily.Operation.GENL_ADMIN_PERM) != 0) {
            names.add("admin-perm");
        }
        if (op.canDo()) {
            names.add("do");
        }
        if (op.canDump()) {
            names.add("dump");
        }
        if (op.hasPolicy()) {
            names.add("has-policy");
        }
        if ((op.flags() & GenlFamily.Operation.GENL_UNS_ADMIN_PERM) != 0) {
            names.add("uns-admin-perm");
        }
        return names;
    }

    static String listJson(List<GenlFamily> families) {
        StringBuilder sb = new StringBuilder();
        JsonWriter w = new JsonWriter(sb).beginObject().name("families").beginArray();
        for (GenlFamily f : families) {
            family(w, f, null);
        }
        w.endArray().endObject();
        return sb.toString();
    }

    static String showJson(GenlFamily f, GenlPolicy policy) {
        StringBuilder sb = new StringBuilder();
        family(new JsonWriter(sb), f, policy);
        return sb.toString();
    }

    private static void family(JsonWriter w, GenlFamily f, GenlPolicy policy) {
        w.beginObject();
        w.name("name").value(f.name());
        w.name("id").value(f.id());
        w.name("version").value(f.version());
        w.name("headerSize").value(f.headerSize());
        w.name("maxAttr").value(f.maxAttr());
        w.name("operations").beginArray();
        for (GenlFamily.Operation op : f.operations()) {
            w.beginObject().name("id").value(op.id()).name("flags").beginArray();
            flagNames(op).forEach(w::value);
            w.endArray().endObject();
        }
        w.endArray();
        w.name("multicastGroups").beginArray();
        for (GenlFamily.MulticastGroup g : f.groups()) {
            w.beginObject().name("id").value(g.id()).name("name").value(g.name()).endObject();
        }
        w.endArray();
        if (policy != null) {
            w.name("commandPolicies").beginArray();
            for (Map.Entry<Integer, GenlPolicy.CommandPolicy> e : policy.commands().entrySet()) {
                w.beginObject().name("command").value(e.getKey()).name("do").value(e.getValue().doPolicy()).name("dump")
                        .value(e.getValue().dumpPolicy()).endObject();
            }
            w.endArray();
            w.name("policies").beginArray();
            for (Map.Entry<Integer, Map<Integer, GenlPolicy.AttributePolicy>> p : policy.policies().entrySet()) {
                w.beginObject().name("index").value(p.getKey()).name("attributes").beginArray();
                for (GenlPolicy.AttributePolicy a : p.getValue().values()) {
                    w.beginObject().name("attribute").value(a.attribute()).name("type").value(a.type());
                    a.constraints().forEach((k, v) -> w.name(k).value(v));
                    w.endObject();
                }
                w.endArray().endObject();
            }
            w.endArray();
        }
        w.endObject();
    }

    private static String pad(String s, int width) {
        return s.length() >= width ? s : s + " ".repeat(width - s.length());
    }
}
