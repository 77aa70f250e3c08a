// SPDX-FileCopyrightText: 2026 The netlink4j Authors
// SPDX-License-Identifier: Apache-2.0
package io.netlink4j.ynl;

import org.snakeyaml.engine.v2.api.LoadSettings;
import org.snakeyaml.engine.v2.composer.Composer;
import org.snakeyaml.engine.v2.exceptions.Mark;
import org.snakeyaml.engine.v2.exceptions.MarkedYamlEngineException;
import org.snakeyaml.engine.v2.exceptions.YamlEngineException;
import org.snakeyaml.engine.v2.nodes.MappingNode;
import org.snakeyaml.engine.v2.nodes.Node;
import org.snakeyaml.engine.v2.nodes.NodeTuple;
import org.snakeyaml.engine.v2.nodes.ScalarNode;
import org.snakeyaml.engine.v2.nodes.SequenceNode;
import org.snakeyaml.engine.v2.nodes.Tag;
import org.snakeyaml.engine.v2.parser.ParserImpl;
import org.snakeyaml.engine.v2.scanner.StreamReader;
import org.snakeyaml.engine.v2.schema.CoreSchema;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A YAML 1.2 document (core schema) as plain Java values: {@code Map<String, Object>} in the
 * document's order, {@code List<Object>}, {@code String}, {@code Long} (or {@code BigInteger}),
 * {@code Double}, {@code Boolean} and null; and the line of every value and every key, by the
 * value's path ({@code attribute-sets[1].attributes[3].type}; the document is {@code ""}).
 */
final class YamlTree {
    final String file;
    final Object root;
    private final Map<String, Integer> valueLines = new HashMap<>();
    private final Map<String, Integer> keyLines = new HashMap<>();

    private YamlTree(String file, Node node, boolean allowDuplicateKeys) {
        this.file = file;
        this.root = convert(node, "", allowDuplicateKeys);
    }

    /**
     * Parses {@code text}; a YAML error is a {@link YnlSpecException} naming the line.
     *
     * @param allowDuplicateKeys whether a key may repeat in a mapping (the last one counts)
     */
    static YamlTree parse(String file, String text, boolean allowDuplicateKeys) {
        LoadSettings settings = LoadSettings.builder()
                .setLabel(file)
                .setSchema(new CoreSchema())
                .setUseMarks(true)
                // Specs share attribute lists by anchors (rt_link, devlink: hundreds).
                .setMaxAliasesForCollections(10_000)
                .build();
        Node node;
        try {
            node = new Composer(settings, new ParserImpl(settings, new StreamReader(settings, text))).getSingleNode()
                    .orElseThrow(() -> new YnlSpecException(file, 1, "", "empty document"));
        } catch (MarkedYamlEngineException e) {
            int line = e.getProblemMark().or(e::getContextMark).map(m -> m.getLine() + 1).orElse(0);
            String problem = e.getProblem() == null ? e.getMessage() : e.getProblem();
            if (e.getContext() != null) {
                problem = e.getContext() + ": " + problem;
            }
            throw new YnlSpecException(file, line, "", "not valid YAML: " + problem.strip());
        } catch (YamlEngineException e) {
            throw new YnlSpecException(file, 0, "", "not valid YAML: " + e.getMessage());
        }
        return new YamlTree(file, node, allowDuplicateKeys);
    }

    /** @return the line (from 1) of the value at {@code path}, or of the nearest enclosing value; 0 if none */
    int line(String path) {
        for (String p = path; ; p = parent(p)) {
            Integer line = valueLines.get(p);
            if (line != null) {
                return line;
            }
            if (p.isEmpty()) {
                return 0;
            }
        }
    }

    /** @return the line of the key of the member at {@code path}, else {@link #line(String)} */
    int keyLine(String path) {
        Integer line = keyLines.get(path);
        return line != null ? line : line(path);
    }

    static String parent(String path) {
        int dot = path.lastIndexOf('.');
        int bracket = path.lastIndexOf('[');
        int cut = Math.max(dot, bracket);
        return cut <= 0 ? "" : path.substring(0, cut);
    }

    static String member(String path, String key) {
        return path.isEmpty() ? key : path + "." + key;
    }

    static String item(String path, int index) {
        return path + "[" + index + "]";
    }

    private static int lineOf(Node node) {
        return node.getStartMark().map(Mark::getLine).orElse(-1) + 1;
    }

    private Object convert(Node node, String path, boolean allowDuplicateKeys) {
        valueLines.putIfAbsent(path, lineOf(node));
        if (node instanceof MappingNode m) {
            Map<String, Object> out = new LinkedHashMap<>();
            for (NodeTuple t : m.getValue()) {
                if (!(t.getKeyNode() instanceof ScalarNode k)) {
                    throw new YnlSpecException(file, lineOf(t.getKeyNode()), path, "a key that is not a scalar");
                }
                String key = k.getValue();
                String child = member(path, key);
                if (out.containsKey(key) && !allowDuplicateKeys) {
                    throw new YnlSpecException(file, lineOf(k), child, "duplicate key (first on line " + keyLines.get(child) + ")");
                }
                if (!allowDuplicateKeys || !keyLines.containsKey(child)) {
                    keyLines.put(child, lineOf(k));
                }
                valueLines.remove(child);
                out.put(key, convert(t.getValueNode(), child, allowDuplicateKeys));
            }
            return out;
        }
        if (node instanceof SequenceNode s) {
            List<Object> out = new ArrayList<>();
            for (Node n : s.getValue()) {
                out.add(convert(n, item(path, out.size()), allowDuplicateKeys));
            }
            return out;
        }
        ScalarNode scalar = (ScalarNode) node;
        String v = scalar.getValue();
        Tag tag = scalar.getTag();
        if (Tag.NULL.equals(tag)) {
            return null;
        }
        if (Tag.BOOL.equals(tag)) {
            return v.equalsIgnoreCase("true");
        }
        if (Tag.INT.equals(tag)) {
            return integer(v, path, lineOf(node));
        }
        if (Tag.FLOAT.equals(tag)) {
            try {
                return Double.valueOf(v.replace(".inf", "Infinity").replace(".Inf", "Infinity")
                        .replace(".INF", "Infinity"));
            } catch (NumberFormatException e) {
                return v;
            }
        }
        return v;
    }

    private Object integer(String v, String path, int line) {
        String s = v;
        boolean negative = false;
        if (s.startsWith("-") || s.startsWith("+")) {
            negative = s.startsWith("-");
            s = s.substring(1);
        }
        int radix = 10;
        if (s.startsWith("0x")) {
            radix = 16;
            s = s.substring(2);
        } else if (s.startsWith("0o")) {
            radix = 8;
            s = s.substring(2);
        }
        try {
            BigInteger b = new BigInteger(s, radix);
            if (negative) {
                b = b.negate();
            }
            return b.bitLength() < 64 ? (Object) b.longValue() : b;
        } catch (NumberFormatException e) {
            throw new YnlSpecException(file, line, path, "not an integer: " + v);
        }
    }
}
