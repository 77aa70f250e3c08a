// SPDX-FileCopyrightText: 2026 The netlink4j Authors
// SPDX-License-Identifier: Apache-2.0
package io.netlink4j.ynl.testsupport;

import io.netlink4j.testsupport.Netns;
import org.junit.jupiter.api.Assumptions;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The kernel's own YNL tools for differential tests (java/ynl, java/cli): where the specs and
 * {@code cli.py} are (system properties {@code netlink4j.ynl.specs} and {@code netlink4j.ynl.tools},
 * the cache of scripts/ynl-specs); running {@code cli.py} (tools/net/ynl of linux-source-6.12) with
 * {@code --output-json}, inside a namespace with {@code ip netns exec} where one is given, one run at
 * a time or two at once ({@link #start}); and comparing its JSON with netlink4j's trees as JSON
 * values: member order and the order of lists of names (sets of flags, which cli.py prints in
 * Python's set order) aside, bytes in hex as cli.py prints them, a difference reported by the
 * paths that differ.
 */
public final class KernelYnl {
    /** Parses JSON. */
    public static final JsonMapper JSON = JsonMapper.builder().build();
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final Pattern ERRNO = Pattern.compile("error: -(\\d+)");
    /**
     * Debian's python3, which has python3-yaml and python3-jsonschema (scripts/setup); a
     * {@code python3} found on the PATH otherwise (version managers' shims cost a second a run).
     */
    private static final String PYTHON = Files.isExecutable(Path.of("/usr/bin/python3")) ? "/usr/bin/python3" : "python3";
    /** The families whose spec a run of cli.py has validated against its schema. */
    private static final Set<String> VALIDATED = ConcurrentHashMap.newKeySet();
    private static final ExecutorService RUNNERS = Executors.newFixedThreadPool(2, r -> {
        Thread t = new Thread(r, "cli.py");
        t.setDaemon(true);
        return t;
    });

    private KernelYnl() {
    }

    /** The directory with the kernel's {@code specs/} and {@code schemas/}; fails (or skips, if optional) without. */
    public static Path specsDirectory() {
        String property = System.getProperty("netlink4j.ynl.specs");
        Path dir = property == null ? null : Path.of(property);
        if (dir == null || !Files.isDirectory(dir.resolve("specs")) || !Files.isDirectory(dir.resolve("schemas"))) {
            missing("the kernel's netlink specs are not in " + property + " (system property netlink4j.ynl.specs)");
        }
        return dir;
    }

    /** The directory holding the kernel's cli.py; fails (or skips, if optional) without. */
    public static Path tools() {
        String property = System.getProperty("netlink4j.ynl.tools");
        Path dir = property == null ? null : Path.of(property);
        if (dir == null || !Files.isReadable(dir.resolve("cli.py"))) {
            missing("the kernel's YNL tools (cli.py) are not in " + property + " (system property netlink4j.ynl.tools)");
        }
        return dir;
    }

    private static void missing(String problem) {
        problem += ": run scripts/ynl-specs prepare";
        if (Boolean.getBoolean("netlink4j.ynl.specs.optional")) {
            Assumptions.abort(problem + " (skipped: netlink4j.ynl.specs.optional=true)");
        }
        throw new AssertionError(problem);
    }

    /** The kernel's spec file of {@code family}. */
    public static Path specFile(String family) {
        return specsDirectory().resolve("specs").resolve(family + ".yaml");
    }

    /** The kernel's schema file of a protocol level ({@code genetlink}, {@code netlink-raw}, ...). */
    public static Path schemaFile(String level) {
        return specsDirectory().resolve("schemas").resolve(level + ".yaml");
    }

    /** The protocol level a spec file declares (its {@code protocol:}, {@code genetlink} by default). */
    public static String protocolOf(String family) {
        try {
            for (String line : Files.readAllLines(specFile(family))) {
                if (line.startsWith("protocol:")) {
                    return line.substring("protocol:".length()).strip();
                }
            }
            return "genetlink";
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }

    /**
     * The command line of {@code python3 cli.py --spec S ARGS} (inside {@code netns} if given): the
     * first for a family validates the spec against its protocol's schema ({@code --schema S}), the
     * later ones do not ({@code --no-schema}).
     */
    public static List<String> command(Netns netns, String family, String... args) {
        List<String> cmd = new ArrayList<>();
        if (netns != null) {
            cmd.addAll(List.of("ip", "netns", "exec", netns.name()));
        }
        cmd.addAll(List.of(PYTHON, tools().resolve("cli.py").toString(), "--spec", specFile(family).toString()));
        if (VALIDATED.add(family)) {
            cmd.addAll(List.of("--schema", schemaFile(protocolOf(family)).toString()));
        } else {
            cmd.add("--no-schema");
        }
        cmd.addAll(List.of(args));
        return cmd;
    }

    /** Runs cli.py with {@code --output-json} (inside {@code netns} if given); its output, parsed. */
    public static JsonNode cli(Netns netns, String family, String... args) {
        return output(run(netns, family, args), args);
    }

    /**
     * The JSON output of a run of cli.py, which must have succeeded: its last line (extended ACK
     * warnings, such as a dump's {@code Netlink warning:}, come first).
     */
    public static JsonNode output(Result result, String... args) {
        if (result.exit() != 0) {
            throw new AssertionError("cli.py " + String.join(" ", args) + " exited " + result.exit() + ": "
                    + result.err() + result.out());
        }
        String[] lines = result.out().strip().split("\n");
        return JSON.readTree(lines[lines.length - 1]);
    }

    /**
     * Runs cli.py for a write whose only output is the kernel's ACK (cli.py prints nothing or
     * {@code null}); fails if cli.py fails or reports a netlink error.
     */
    public static void cliWrite(Netns netns, String family, String... args) {
        Result result = run(netns, family, args);
        if (result.exit() != 0 || result.out().contains("Netlink error")) {
            throw new AssertionError("cli.py " + String.join(" ", args) + " exited " + result.exit() + ": "
                    + result.err() + result.out());
        }
    }

    /** Runs cli.py with {@code --output-json}, which must fail; its standard output and error. */
    public static String cliRefused(Netns netns, String family, String... args) {
        return refusal(run(netns, family, args), args);
    }

    /** The standard output and error of a run of cli.py, which must have failed. */
    public static String refusal(Result result, String... args) {
        assertTrue(result.exit() != 0, () -> "cli.py " + String.join(" ", args) + " succeeded: " + result.out());
        return result.out() + result.err();
    }

    /** The errno cli.py reported a refusal with ({@code error: -N} in its output). */
    public static int refusedErrno(String output) {
        Matcher m = ERRNO.matcher(output);
        if (!m.find()) {
            throw new AssertionError("cli.py reported no errno: " + output);
        }
        return Integer.parseInt(m.group(1));
    }

    /** What a process left: its exit status, standard output and standard error. */
    public record Result(int exit, String out, String err) {
    }

    /** Runs cli.py with {@code --output-json} added (inside {@code netns} if given). */
    public static Result run(Netns netns, String family, String... args) {
        List<String> cmd = command(netns, family, args);
        cmd.add("--output-json");
        return run(cmd);
    }

    /** Runs a command line (such as one of {@link #command}) to its end. */
    public static Result run(List<String> cmd) {
        try {
            Process p = new ProcessBuilder(cmd).redirectError(ProcessBuilder.Redirect.PIPE).start();
            return finish(p, cmd);
        } catch (IOException e) {
            throw new AssertionError("cannot run " + cmd, e);
        }
    }

    /**
     * Starts cli.py with {@code --output-json} on one of two threads, for tests that compare many
     * operations: the Python runs overlap each other and the rest of the test.
     */
    public static Future<Result> start(Netns netns, String family, String... args) {
        return RUNNERS.submit(() -> run(netns, family, args));
    }

    /** The result of a run {@link #start}ed. */
    public static Result await(Future<Result> run) {
        try {
            return run.get();
        } catch (ExecutionException e) {
            throw e.getCause() instanceof Error err ? err : new AssertionError(e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted", e);
        }
    }

    /** Waits for a started process (a minute at most) and collects its output. */
    public static Result finish(Process p, List<String> cmd) {
        try {
            p.getOutputStream().close();
            byte[] out = p.getInputStream().readAllBytes();
            byte[] err = p.getErrorStream().readAllBytes();
            if (!p.waitFor(60, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                throw new AssertionError("timed out: " + cmd);
            }
            return new Result(p.exitValue(), new String(out, StandardCharsets.UTF_8), new String(err, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new AssertionError("cannot run " + cmd, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted", e);
        }
    }

    /**
     * Waits until process {@code pid} has a netlink socket that joined a multicast group, as the
     * kernel lists its sockets ({@code /proc/PID/net/netlink}: port id, groups): then a subscriber
     * such as {@code cli.py --subscribe} receives every later notification. Gives up after a
     * minute.
     */
    public static void awaitJoined(long pid) {
        Path table = Path.of("/proc/" + pid + "/net/netlink");
        long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(1);
        while (System.nanoTime() < deadline) {
            try {
                for (String line : Files.readAllLines(table)) {
                    String[] f = line.trim().split("\\s+");
                    // sk Eth Pid Groups ...: the port id is the process's id for its first socket.
                    if (f.length > 3 && f[2].equals(Long.toString(pid)) && !f[3].matches("0+")) {
                        return;
                    }
                }
                Thread.sleep(10);
            } catch (IOException e) {
                throw new AssertionError("process " + pid + " ended before it subscribed: " + e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError("interrupted", e);
            }
        }
        throw new AssertionError("process " + pid + " did not join a multicast group within a minute");
    }

    /**
     * Waits until {@code count} netlink sockets in the namespace have joined a multicast group, as
     * the kernel lists them ({@code /proc/net/netlink} read inside it). Gives up after a minute.
     */
    public static void awaitSubscribers(Netns netns, int count) {
        long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(1);
        while (System.nanoTime() < deadline) {
            int joined = 0;
            for (String line : netns.exec("cat", "/proc/net/netlink").split("\n")) {
                String[] f = line.trim().split("\\s+");
                if (f.length > 3 && f[3].matches("[0-9a-f]+") && !f[3].matches("0+")) {
                    joined++;
                }
            }
            if (joined >= count) {
                return;
            }
            try {
                Thread.sleep(10);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError("interrupted", e);
            }
        }
        throw new AssertionError(count + " subscribers did not join within a minute in " + netns.name());
    }

    /**
     * Asserts that netlink4j's tree {@code ours} (or JSON) is the JSON value cli.py printed
     * ({@code theirs}), as above; a difference names the paths that differ (at most 20).
     */
    public static void assertSameJson(JsonNode theirs, Object ours) {
        compare(theirs, ours, false);
    }

    /**
     * As {@link #assertSameJson}, and lists of objects in any order too (a table the kernel dumps
     * in an order of its own).
     */
    public static void assertSameJsonInAnyOrder(JsonNode theirs, Object ours) {
        compare(theirs, ours, true);
    }

    private static void compare(JsonNode theirs, Object ours, boolean anyOrder) {
        JsonNode mine = json(ours);
        JsonNode a = normal(theirs, anyOrder);
        JsonNode b = normal(mine, anyOrder);
        assertEquals(a, b, () -> {
            List<String> diff = new ArrayList<>();
            differences("", a, b, diff);
            return "differences (path: cli.py / netlink4j): " + String.join("; ", diff)
                    + "\ncli.py: " + theirs + "\nnetlink4j: " + mine;
        });
    }

    /** Where two normal values differ, as paths, at most 20. */
    private static void differences(String path, JsonNode a, JsonNode b, List<String> out) {
        if (out.size() >= 20 || a.equals(b)) {
            return;
        }
        if (a.isObject() && b.isObject()) {
            Set<String> names = new TreeSet<>(a.propertyNames());
            names.addAll(b.propertyNames());
            for (String n : names) {
                JsonNode x = a.get(n);
                JsonNode y = b.get(n);
                if (x == null || y == null) {
                    out.add(path + "." + n + ": " + (x == null ? "absent" : x) + " / " + (y == null ? "absent" : y));
                } else {
                    differences(path + "." + n, x, y, out);
                }
            }
        } else if (a.isArray() && b.isArray() && a.size() == b.size()) {
            for (int i = 0; i < a.size(); i++) {
                differences(path + "[" + i + "]", a.get(i), b.get(i), out);
            }
        } else {
            out.add(path + ": " + a + " / " + b);
        }
    }

    /**
     * Lists of strings (sets of flags) sorted, integers of one node type; objects compare without
     * member order anyway.
     */
    public static JsonNode normal(JsonNode node) {
        return normal(node, false);
    }

    /** As {@link #normal(JsonNode)}, and with {@code anyOrder} lists of objects sorted by their text. */
    private static JsonNode normal(JsonNode node, boolean anyOrder) {
        if (node.isIntegralNumber()) {
            return NODES.numberNode(node.bigIntegerValue());
        }
        if (node.isObject()) {
            ObjectNode out = NODES.objectNode();
            for (Map.Entry<String, JsonNode> e : node.properties()) {
                out.set(e.getKey(), normal(e.getValue(), anyOrder));
            }
            return out;
        }
        if (node.isArray()) {
            List<JsonNode> items = new ArrayList<>();
            node.forEach(n -> items.add(normal(n, anyOrder)));
            if (!items.isEmpty() && items.stream().allMatch(JsonNode::isString)) {
                items.sort(Comparator.comparing(JsonNode::asString));
            }
            if (anyOrder && !items.isEmpty() && items.stream().allMatch(JsonNode::isObject)) {
                items.sort(Comparator.comparing(JsonNode::toString));
            }
            ArrayNode out = NODES.arrayNode();
            items.forEach(out::add);
            return out;
        }
        return node;
    }

    /** A tree as cli.py's encoder writes it: bytes in hex, sets as lists (JSON as it is). */
    public static JsonNode json(Object value) {
        if (value instanceof JsonNode n) {
            return n;
        }
        if (value instanceof Map<?, ?> m) {
            ObjectNode out = NODES.objectNode();
            m.forEach((k, v) -> out.set((String) k, json(v)));
            return out;
        }
        if (value instanceof Collection<?> c) {
            ArrayNode out = NODES.arrayNode();
            c.forEach(v -> out.add(json(v)));
            return out;
        }
        if (value instanceof byte[] b) {
            return NODES.stringNode(HexFormat.of().formatHex(b));
        }
        if (value instanceof BigInteger b) {
            return NODES.numberNode(b);
        }
        if (value instanceof Long || value instanceof Integer || value instanceof Short || value instanceof Byte) {
            return NODES.numberNode(((Number) value).longValue());
        }
        if (value instanceof Boolean b) {
            return NODES.booleanNode(b);
        }
        if (value instanceof String s) {
            return NODES.stringNode(s);
        }
        throw new AssertionError("not a tree value: " + value + " (" + value.getClass() + ")");
    }
}
