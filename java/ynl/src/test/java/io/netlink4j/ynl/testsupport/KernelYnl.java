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
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The kernel's own YNL tools for differential tests (java/ynl, java/cli): where the specs and
 * {@code cli.py} are (system properties {@code netlink4j.ynl.specs} and {@code netlink4j.ynl.tools},
 * the cache of scripts/ynl-specs), running {@code cli.py}, and comparing its JSON with netlink4j's
 * as JSON values, member order and the order of lists of names (sets of flags, which cli.py prints
 * in Python's set order) aside.
 */
public final class KernelYnl {
    /** Parses JSON. */
    public static final JsonMapper JSON = JsonMapper.builder().build();
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

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

    /** The command line of {@code python3 cli.py --spec S --schema S ARGS} (inside {@code netns} if given). */
    public static List<String> command(Netns netns, String family, String... args) {
        List<String> cmd = new ArrayList<>();
        if (netns != null) {
            cmd.addAll(List.of("ip", "netns", "exec", netns.name()));
        }
        cmd.addAll(List.of("python3", tools().resolve("cli.py").toString(), "--spec", specFile(family).toString(),
                "--schema", schemaFile(protocolOf(family)).toString()));
        cmd.addAll(List.of(args));
        return cmd;
    }

    /** Runs cli.py with {@code --output-json} (inside {@code netns} if given); its output, parsed. */
    public static JsonNode cli(Netns netns, String family, String... args) {
        Result result = run(netns, family, args);
        if (result.exit != 0) {
            throw new AssertionError("cli.py " + String.join(" ", args) + " exited " + result.exit + ": " + result.err + result.out);
        }
        return JSON.readTree(result.out);
    }

    /** Runs cli.py with {@code --output-json}, which must fail; its standard output and error. */
    public static String cliRefused(Netns netns, String family, String... args) {
        Result result = run(netns, family, args);
        assertTrue(result.exit != 0, () -> "cli.py " + String.join(" ", args) + " succeeded: " + result.out);
        return result.out + result.err;
    }

    /** What a process left. */
    public record Result(int exit, String out, String err) {
    }

    /** Runs cli.py with {@code --output-json} added. */
    public static Result run(Netns netns, String family, String... args) {
        List<String> cmd = command(netns, family, args);
        cmd.add("--output-json");
        try {
            Process p = new ProcessBuilder(cmd).redirectError(ProcessBuilder.Redirect.PIPE).start();
            return finish(p, cmd);
        } catch (IOException e) {
            throw new AssertionError("cannot run " + cmd, e);
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

    /** Asserts that netlink4j's tree {@code ours} is the JSON value cli.py printed ({@code theirs}). */
    public static void assertSameJson(JsonNode theirs, Object ours) {
        JsonNode mine = ours instanceof JsonNode j ? j : json(ours);
        assertEquals(normal(theirs), normal(mine), () -> "cli.py: " + theirs + "\nnetlink4j: " + mine);
    }

    /**
     * Lists of strings (sets of flags) sorted, integers of one node type; objects compare without
     * member order anyway.
     */
    public static JsonNode normal(JsonNode node) {
        if (node.isIntegralNumber()) {
            return NODES.numberNode(node.bigIntegerValue());
        }
        if (node.isObject()) {
            ObjectNode out = NODES.objectNode();
            for (Map.Entry<String, JsonNode> e : node.properties()) {
                out.set(e.getKey(), normal(e.getValue()));
            }
            return out;
        }
        if (node.isArray()) {
            List<JsonNode> items = new ArrayList<>();
            node.forEach(n -> items.add(normal(n)));
            if (!items.isEmpty() && items.stream().allMatch(JsonNode::isString)) {
                items.sort(Comparator.comparing(JsonNode::asString));
            }
            ArrayNode out = NODES.arrayNode();
            items.forEach(out::add);
            return out;
        }
        return node;
    }

    /** A tree as cli.py's encoder writes it: bytes in hex, sets as lists. */
    public static JsonNode json(Object value) {
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
        if (value instanceof Long l) {
            return NODES.numberNode(l);
        }
        if (value instanceof Integer i) {
            return NODES.numberNode(i);
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
