// SPDX-FileCopyrightText: 2026 The netlink4j Authors
// SPDX-License-Identifier: Apache-2.0
package io.netlink4j.cli.ynl;

import io.netlink4j.cli.CliException;
import io.netlink4j.cli.Failures;
import io.netlink4j.cli.Main;
import io.netlink4j.cli.Namespaces;
import io.netlink4j.codec.Netlink;
import io.netlink4j.engine.NetlinkOptions;
import io.netlink4j.ynl.YnlFamily;
import io.netlink4j.ynl.YnlOperation;
import io.netlink4j.ynl.YnlSchemas;
import io.netlink4j.ynl.YnlSpec;
import io.netlink4j.ynl.YnlSpecs;
import io.netlink4j.ynl.YnlSubscription;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import tools.jackson.core.JacksonException;
import tools.jackson.core.TokenStreamLocation;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

/**
 * {@code netlink4j ynl}: any netlink family a YNL spec describes, with the options of the kernel's
 * {@code tools/net/ynl/cli.py}: a bundled spec ({@code --family}) or a file ({@code --spec}),
 * {@code --do}, {@code --dump} or {@code --list-ops}, attributes as {@code --json}, notifications
 * with {@code --subscribe} and {@code --sleep}, output pretty-printed as Python's {@code pprint}
 * prints it or, with {@code --output-json}, as JSON.
 */
@Command(name = "ynl", mixinStandardHelpOptions = true, versionProvider = Main.Version.class, sortOptions = false,
        description = {"Speak any netlink family its YNL spec describes (the kernel's tools/net/ynl/cli.py, in Java).",
                "The kernel's specs are bundled (--family NAME); others are read from a file (--spec FILE)."},
        footer = {"", "Examples:",
                "  netlink4j ynl --family netdev --dump dev-get",
                "  netlink4j ynl --family rt_addr --dump getaddr --json '{\"ifa-family\": 2}' --output-json",
                "  netlink4j ynl --family netdev --subscribe mgmt --sleep 10"})
public final class YnlCli implements Callable<Integer> {
    private static final String COMMAND = "netlink4j ynl";
    private static final JsonMapper JSON = JsonMapper.builder().build();

    /** Where the spec comes from. */
    static final class Source {
        @Option(names = "--family", paramLabel = "NAME", description = "A bundled spec: the kernel's (netdev, rt_link, ...) by name.")
        String family;

        @Option(names = "--spec", paramLabel = "FILE", description = "A spec file.")
        Path spec;
    }

    /** What to do. */
    static final class Action {
        @Option(names = "--do", paramLabel = "OP", description = "Send the operation's do request and print its reply.")
        String doOp;

        @Option(names = "--dump", paramLabel = "OP", description = "Send the operation's dump request and print every reply.")
        String dumpOp;

        @Option(names = "--list-ops", description = "List the operations and their forms (do, dump).")
        boolean listOps;
    }

    @ArgGroup(exclusive = true, multiplicity = "1")
    Source source;

    @Option(names = "--schema", paramLabel = "DIR|FILE",
            description = "The format's schemas to validate a --spec file with: their directory, or one of them"
                    + " (its directory is taken). Default: the bundled schemas.")
    Path schema;

    @ArgGroup(exclusive = true, multiplicity = "0..1")
    Action action;

    @Option(names = "--json", paramLabel = "JSON", description = "The request's attributes (and fixed header members) as a JSON object.")
    String json;

    @Option(names = "--subscribe", paramLabel = "GROUP", description = "Join the multicast group and print its notifications at the end.")
    String subscribe;

    @Option(names = "--sleep", paramLabel = "N", description = "Wait N seconds before the request (and before printing notifications).")
    Integer sleep;

    @Option(names = "--output-json", description = "Print JSON instead of Python's pretty-printing.")
    boolean outputJson;

    @Option(names = "--process-unknown", negatable = true,
            description = "Accepted for cli.py's sake: netlink4j always keeps attributes, enum values and sub-messages"
                    + " the spec does not know (as UnknownAttr(N), numbers, bytes).")
    boolean processUnknown;

    @Option(names = "--create", description = "Add NLM_F_CREATE to a do request.")
    boolean create;

    @Option(names = "--excl", description = "Add NLM_F_EXCL to a do request.")
    boolean excl;

    @Option(names = "--replace", description = "Add NLM_F_REPLACE to a do request.")
    boolean replace;

    @Option(names = "--append", description = "Add NLM_F_APPEND to a do request.")
    boolean append;

    private final Main main;

    public YnlCli(Main main) {
        this.main = main;
    }

    @Override
    public Integer call() throws InterruptedException {
        if (sleep != null && sleep < 0) {
            throw new CliException("--sleep " + sleep + ": expected a number of seconds of at least 0", Failures.EXIT_USAGE, COMMAND);
        }
        YnlSpec spec = spec();
        Map<String, Object> attributes = attributes();
        PrintWriter out = main.io().out();
        if (action != null && action.listOps && subscribe == null && sleep == null) {
            listOps(spec, out);
            return 0;
        }
        NetlinkOptions options = Namespaces.options(NetlinkOptions.builder(), main.netns());
        try (YnlFamily family = YnlFamily.open(spec, options);
             YnlSubscription subscription = subscribe == null ? null : family.subscribe(subscribe)) {
            if (sleep != null && sleep > 0) {
                out.flush();
                Thread.sleep(sleep * 1000L);
            }
            if (action != null && action.listOps) {
                listOps(spec, out);
            } else if (action != null && action.doOp != null) {
                YnlOperation op = spec.operations().get(action.doOp);
                if (op != null && op.doReply().isEmpty()) {
                    // An operation without a reply: cli.py prints None.
                    family.execute(action.doOp, attributes, flags());
                    output(out, null);
                } else {
                    output(out, family.request(action.doOp, attributes, flags()));
                }
            } else if (action != null && action.dumpOp != null) {
                output(out, family.dump(action.dumpOp, attributes));
            }
            if (subscription != null) {
                List<Map<String, Object>> events = new ArrayList<>();
                while (subscription.poll(Duration.ZERO, n -> events.add(n.toTree())) > 0) {
                    // every notification already queued
                }
                output(out, events);
            }
        }
        return 0;
    }

    private int flags() {
        return (create ? Netlink.NLM_F_CREATE : 0) | (excl ? Netlink.NLM_F_EXCL : 0)
                | (replace ? Netlink.NLM_F_REPLACE : 0) | (append ? Netlink.NLM_F_APPEND : 0);
    }

    private void output(PrintWriter out, Object value) {
        out.println(outputJson ? PyFormat.json(value) : PyFormat.pformat(value));
    }

    /** As cli.py: each operation with a request, and its forms; in the spec's order. */
    static void listOps(YnlSpec spec, PrintWriter out) {
        for (YnlOperation op : spec.operations().values()) {
            if (op.isNotification() || op.attributeSet().isEmpty()) {
                continue;
            }
            List<String> modes = new ArrayList<>();
            if (op.hasDo()) {
                modes.add("do");
            }
            if (op.hasDump()) {
                modes.add("dump");
            }
            out.println(op.name() + "  [ " + String.join(", ", modes) + " ]");
        }
    }

    private YnlSpec spec() {
        if (source.family != null) {
            if (schema != null) {
                throw new CliException("--schema goes with --spec FILE (a bundled spec is validated by the bundled schemas)",
                        Failures.EXIT_USAGE, COMMAND);
            }
            if (!YnlSpecs.isPresent(source.family)) {
                List<String> names = YnlSpecs.names();
                throw new CliException("unknown family '" + source.family + "' (bundled: "
                        + (names.isEmpty() ? "none" : String.join(", ", names)) + "; or give a spec file with --spec FILE)",
                        Failures.EXIT_USAGE, COMMAND);
            }
            return YnlSpecs.load(source.family);
        }
        if (!Files.isRegularFile(source.spec)) {
            throw new CliException("--spec " + source.spec + ": no such file", Failures.EXIT_USAGE, COMMAND);
        }
        YnlSchemas schemas;
        if (schema == null) {
            schemas = YnlSchemas.bundled();
        } else {
            Path dir = Files.isDirectory(schema) ? schema : schema.toAbsolutePath().getParent();
            if (!Files.exists(schema) || dir == null) {
                throw new CliException("--schema " + schema + ": no such file or directory", Failures.EXIT_USAGE, COMMAND);
            }
            schemas = YnlSchemas.load(dir);
        }
        return YnlSpec.load(source.spec, schemas);
    }

    /** The --json object as a tree (numbers as Long or BigInteger), or an empty one. */
    private Map<String, Object> attributes() {
        if (json == null) {
            return Map.of();
        }
        JsonNode node;
        try {
            node = JSON.readTree(json);
        } catch (JacksonException e) {
            TokenStreamLocation at = e.getLocation();
            String where = at == null || at.getColumnNr() < 1 ? "" : " at column " + at.getColumnNr()
                    + (at.getLineNr() > 1 ? " of line " + at.getLineNr() : "");
            throw new CliException("--json: not valid JSON" + where + ": " + e.getOriginalMessage(), Failures.EXIT_USAGE, COMMAND);
        }
        if (node == null || !node.isObject()) {
            throw new CliException("--json: expected a JSON object ({\"name\": value, ...}), not " + json, Failures.EXIT_USAGE, COMMAND);
        }
        @SuppressWarnings("unchecked")
        Map<String, Object> tree = (Map<String, Object>) value(node, "");
        return tree;
    }

    private static Object value(JsonNode node, String path) {
        if (node.isObject()) {
            Map<String, Object> map = new LinkedHashMap<>();
            for (Map.Entry<String, JsonNode> e : node.properties()) {
                map.put(e.getKey(), value(e.getValue(), path + "." + e.getKey()));
            }
            return map;
        }
        if (node.isArray()) {
            List<Object> list = new ArrayList<>();
            for (int i = 0; i < node.size(); i++) {
                list.add(value(node.get(i), path + "[" + i + "]"));
            }
            return list;
        }
        if (node.isIntegralNumber()) {
            return node.canConvertToLong() ? (Object) node.longValue() : node.bigIntegerValue();
        }
        if (node.isNumber()) {
            throw new CliException("--json: " + path.substring(1) + ": " + node + " is not an integer", Failures.EXIT_USAGE, COMMAND);
        }
        if (node.isBoolean()) {
            return node.booleanValue();
        }
        if (node.isString()) {
            return node.stringValue();
        }
        throw new CliException("--json: " + path.substring(1) + ": null is not a value (leave the attribute out)",
                Failures.EXIT_USAGE, COMMAND);
    }
}
