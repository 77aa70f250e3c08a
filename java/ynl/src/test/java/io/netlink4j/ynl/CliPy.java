// SPDX-FileCopyrightText: 2026 The netlink4j Authors
// SPDX-License-Identifier: Apache-2.0
package io.netlink4j.ynl;

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
 * The kernel's own YNL tool for the differential tests: runs {@code cli.py} (tools/net/ynl of
 * linux-source-6.12, cached by scripts/ynl-specs in the system property {@code netlink4j.ynl.tools})
 * with {@code --output-json}, inside a namespace with {@code ip netns exec} where one is given, and
 * compares its JSON with {@link YnlFamily}'s trees as JSON values: member order and the order of
 * lists of names (sets of flags, which {@code cli.py} prints in Python's set order) aside, bytes in
 * hex as {@code cli.py} prints them.
 */
final class CliPy {
    static final JsonMapper JSON = JsonMapper.builder().build();
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final Pattern ERRNO = Pattern.compile("error: -(\\d+)");
    /**
     * Debian's python3, which has python3-yaml and python3-jsonschema (scripts/setup); a
     * {@code python3} found on the PATH otherwise (version managers' shims cost a second a run).
     */
    private static final String PYTHON = Files.isExecutable(Path.of("/usr/bin/python3")) ? "/usr/bin/python3" : "python3";
    private static final Set<String> VALIDATED = ConcurrentHashMap.newKeySet();
    private static final ExecutorService RUNNERS = Executors.newFixedThreadPool(2, r -> {
        Thread t = new Thread(r, "cli.py");
        t.setDaemon(true);
        return t;
    });

    private CliPy() {
    }

    /** Fails unless {@code ours} and {@code theirs} are the same JSON value (as above). */
    static void assertSame(JsonNode theirs, Object ours) {
        JsonNode mine = json(ours);
        JsonNode a = normal(theirs);
        JsonNode b = normal(mine);
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
    static JsonNode normal(JsonNode node) {
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
    static JsonNode json(Object value) {
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

    /** Runs cli.py (inside {@code netns} if given) with {@code --output-json}; its output, parsed. */
    static JsonNode cli(Netns netns, String family, String... args) {
        return output(run(netns, family, args), args);
    }

    /** The JSON output of a run of cli.py, which must have succeeded. */
    static JsonNode output(Result result, String... args) {
        if (result.status() != 0) {
            throw new AssertionError("cli.py " + String.join(" ", args) + " exited " + result.status() + ": "
                    + result.err() + result.out());
        }
        // Extended ACK warnings (a dump's "Netlink warning:") come first; the JSON is the last line.
        String[] lines = result.out().strip().split("\n");
        return JSON.readTree(lines[lines.length - 1]);
    }

    /**
     * Runs cli.py, for a write whose only output is the kernel's ACK (cli.py prints nothing or
     * {@code null}); fails if cli.py fails.
     */
    static void cliWrite(Netns netns, String family, String... args) {
        Result result = run(netns, family, args);
        if (result.status() != 0 || result.out().contains("Netlink error")) {
            throw new AssertionError("cli.py " + String.join(" ", args) + " exited " + result.status() + ": "
                    + result.err() + result.out());
        }
    }

    /** Runs cli.py, which must fail; its standard output and error. */
    static String cliRefused(Netns netns, String family, String... args) {
        return refusal(run(netns, family, args), args);
    }

    /** The standard output and error of a run of cli.py, which must have failed. */
    static String refusal(Result result, String... args) {
        assertTrue(result.status() != 0, () -> "cli.py " + String.join(" ", args) + " succeeded: " + result.out());
        return result.out() + result.err();
    }

    /**
     * Starts cli.py on one of two threads, for tests that compare many operations: the Python
     * runs overlap each other and the rest of the test.
     */
    static Future<Result> start(Netns netns, String family, String... args) {
        return RUNNERS.submit(() -> run(netns, family, args));
    }

    /** The result of a run {@link #start}ed. */
    static Result await(Future<Result> run) {
        try {
            return run.get();
        } catch (ExecutionException e) {
            throw e.getCause() instanceof Error err ? err : new AssertionError(e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted", e);
        }
    }

    /** The errno cli.py reported a refusal with ({@code error: -N} in its output). */
    static int refusedErrno(String output) {
        Matcher m = ERRNO.matcher(output);
        if (!m.find()) {
            throw new AssertionError("cli.py reported no errno: " + output);
        }
        return Integer.parseInt(m.group(1));
    }

    /** Exit status, standard output and standard error of one run of cli.py. */
    record Result(int status, String out, String err) {
    }

    /** Runs cli.py for the spec of {@code family} (and its protocol's schema) with {@code args}. */
    static Result run(Netns netns, String family, String... args) {
        Path tools = tools();
        YnlSpec spec = KernelSpecs.spec(family);
        List<String> cmd = new ArrayList<>();
        if (netns != null) {
            cmd.addAll(List.of("ip", "netns", "exec", netns.name()));
        }
        cmd.addAll(List.of(PYTHON, tools.resolve("cli.py").toString(),
                "--spec", KernelSpecs.directory().resolve("specs").resolve(family + ".yaml").toString()));
        // The spec is validated against its schema by the first run of each family, then no more.
        if (VALIDATED.add(family)) {
            cmd.addAll(List.of("--schema",
                    KernelSpecs.directory().resolve("schemas").resolve(spec.protocol().specName() + ".yaml").toString()));
        } else {
            cmd.add("--no-schema");
        }
        cmd.addAll(List.of(args));
        cmd.add("--output-json");
        try {
            Process p = new ProcessBuilder(cmd).redirectError(ProcessBuilder.Redirect.PIPE).start();
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

    /** The directory of cli.py; fails (or skips, if the specs are optional) when it is missing. */
    static Path tools() {
        String property = System.getProperty("netlink4j.ynl.tools");
        Path dir = property == null ? null : Path.of(property);
        if (dir == null || !Files.isReadable(dir.resolve("cli.py"))) {
            String problem = "the kernel's YNL tools (cli.py) are not in " + property
                    + " (system property netlink4j.ynl.tools): run scripts/ynl-specs prepare";
            if (Boolean.getBoolean("netlink4j.ynl.specs.optional")) {
                Assumptions.abort(problem + " (skipped: netlink4j.ynl.specs.optional=true)");
            }
            throw new AssertionError(problem);
        }
        return dir;
    }
}
