// SPDX-FileCopyrightText: 2026 The netlink4j Authors
// SPDX-License-Identifier: Apache-2.0
package io.netlink4j.cli.ynl;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The two outputs of the kernel's {@code cli.py} for trees of the YNL codec: Python's
 * {@code pprint} (width 80, dictionaries sorted by key, as {@code pprint.PrettyPrinter()} prints
 * them) and {@code json.dumps} (separators {@code ", "} and {@code ": "}, non-ASCII escaped, bytes
 * as hex, sets as lists). Sets are printed sorted in both, so that the output is the same on
 * every run (Python's own set order is not).
 */
final class PyFormat {
    private static final int WIDTH = 80;
    private static final Pattern WORDS = Pattern.compile("\\S*\\s*");

    private PyFormat() {
    }

    // ------------------------------------------------------------------ json.dumps

    /** {@code json.dumps(value, cls=YnlEncoder)}. */
    static String json(Object value) {
        StringBuilder sb = new StringBuilder();
        json(sb, value);
        return sb.toString();
    }

    private static void json(StringBuilder sb, Object v) {
        if (v == null) {
            sb.append("null");
        } else if (v instanceof Map<?, ?> m) {
            sb.append('{');
            String sep = "";
            for (Map.Entry<?, ?> e : m.entrySet()) {
                sb.append(sep);
                jsonString(sb, String.valueOf(e.getKey()));
                sb.append(": ");
                json(sb, e.getValue());
                sep = ", ";
            }
            sb.append('}');
        } else if (v instanceof Collection<?> c) {
            sb.append('[');
            String sep = "";
            for (Object o : v instanceof Set<?> s ? sorted(s) : c) {
                sb.append(sep);
                json(sb, o);
                sep = ", ";
            }
            sb.append(']');
        } else if (v instanceof byte[] b) {
            jsonString(sb, HexFormat.of().formatHex(b));
        } else if (v instanceof String s) {
            jsonString(sb, s);
        } else if (v instanceof Boolean b) {
            sb.append(b ? "true" : "false");
        } else if (v instanceof Long || v instanceof Integer || v instanceof BigInteger || v instanceof Short || v instanceof Byte) {
            sb.append(v);
        } else {
            jsonString(sb, String.valueOf(v));
        }
    }

    private static void jsonString(StringBuilder sb, String s) {
        sb.append('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"' -> sb.append("\\\"");
                case '\\' -> sb.append("\\\\");
                case '\n' -> sb.append("\\n");
                case '\r' -> sb.append("\\r");
                case '\t' -> sb.append("\\t");
                case '\b' -> sb.append("\\b");
                case '\f' -> sb.append("\\f");
                default -> {
                    if (c < 0x20 || c > 0x7e) {
                        sb.append(String.format("\\u%04x", (int) c));
                    } else {
                        sb.append(c);
                    }
                }
            }
        }
        sb.append('"');
    }

    // ------------------------------------------------------------------ pprint

    /** {@code pprint.PrettyPrinter().pformat(value)}, without the final newline. */
    static String pformat(Object value) {
        StringBuilder sb = new StringBuilder();
        format(sb, value, 0, 0, 0);
        return sb.toString();
    }

    private static void format(StringBuilder sb, Object v, int indent, int allowance, int level) {
        String rep = repr(v);
        int maxWidth = WIDTH - indent - allowance;
        if (rep.length() > maxWidth) {
            if (v instanceof Map<?, ?> m && !m.isEmpty()) {
                sb.append('{');
                dictItems(sb, sortedEntries(m), indent, allowance + 1, level + 1);
                sb.append('}');
                return;
            }
            if (v instanceof Set<?> s && !s.isEmpty()) {
                sb.append('{');
                items(sb, sorted(s), indent, allowance + 1, level + 1);
                sb.append('}');
                return;
            }
            if (v instanceof Collection<?> c && !c.isEmpty()) {
                sb.append('[');
                items(sb, new ArrayList<>(c), indent, allowance + 1, level + 1);
                sb.append(']');
                return;
            }
            if (v instanceof String s && !s.isEmpty()) {
                string(sb, s, indent, allowance, level + 1);
                return;
            }
            if (v instanceof byte[] b && b.length > 0) {
                bytes(sb, b, indent, allowance, level + 1);
                return;
            }
        }
        sb.append(rep);
    }

    private static void dictItems(StringBuilder sb, List<Map.Entry<?, ?>> entries, int indent, int allowance, int level) {
        indent += 1;
        String delim = ",\n" + " ".repeat(indent);
        for (int i = 0; i < entries.size(); i++) {
            boolean last = i == entries.size() - 1;
            String rep = keyRepr(entries.get(i).getKey());
            sb.append(rep).append(": ");
            format(sb, entries.get(i).getValue(), indent + rep.length() + 2, last ? allowance : 1, level);
            if (!last) {
                sb.append(delim);
            }
        }
    }

    private static void items(StringBuilder sb, List<?> items, int indent, int allowance, int level) {
        indent += 1;
        String delim = ",\n" + " ".repeat(indent);
        for (int i = 0; i < items.size(); i++) {
            boolean last = i == items.size() - 1;
            if (i > 0) {
                sb.append(delim);
            }
            format(sb, items.get(i), indent, last ? allowance : 1, level);
        }
    }

    /** pprint's _pprint_str: a long string as adjacent literals, split after whitespace. */
    private static void string(StringBuilder sb, String s, int indent, int allowance, int level) {
        List<String> chunks = new ArrayList<>();
        List<String> lines = splitLines(s);
        if (level == 1) {
            indent += 1;
            allowance += 1;
        }
        int maxWidth = WIDTH - indent;
        int maxWidth1 = maxWidth;
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i);
            String rep = strRepr(line);
            if (i == lines.size() - 1) {
                maxWidth1 -= allowance;
            }
            if (rep.length() <= maxWidth1) {
                chunks.add(rep);
                continue;
            }
            List<String> parts = new ArrayList<>();
            Matcher m = WORDS.matcher(line);
            while (m.find()) {
                parts.add(m.group());
                if (m.end() == line.length()) {
                    break;
                }
            }
            String current = "";
            for (int j = 0; j < parts.size(); j++) {
                String candidate = current + parts.get(j);
                String candidateRep = strRepr(candidate);
                int width = j == parts.size() - 1 && i == lines.size() - 1 ? maxWidth - allowance : maxWidth;
                if (candidateRep.length() > width) {
                    if (!current.isEmpty()) {
                        chunks.add(strRepr(current));
                    }
                    current = parts.get(j);
                } else {
                    current = candidate;
                }
            }
            if (!current.isEmpty()) {
                chunks.add(strRepr(current));
            }
        }
        if (chunks.size() == 1) {
            sb.append(strRepr(s));
            return;
        }
        if (level == 1) {
            sb.append('(');
        }
        for (int i = 0; i < chunks.size(); i++) {
            if (i > 0) {
                sb.append('\n').append(" ".repeat(indent));
            }
            sb.append(chunks.get(i));
        }
        if (level == 1) {
            sb.append(')');
        }
    }

    /** pprint's _pprint_bytes: a long bytes value as adjacent literals of 4-byte multiples. */
    private static void bytes(StringBuilder sb, byte[] b, int indent, int allowance, int level) {
        if (b.length <= 4) {
            sb.append(bytesRepr(b, 0, b.length));
            return;
        }
        boolean parens = level == 1;
        if (parens) {
            indent += 1;
            allowance += 1;
            sb.append('(');
        }
        String delim = "";
        // _wrap_bytes_repr(object, width - indent, allowance)
        int width = WIDTH - indent;
        int current = 0;
        int last = b.length / 4 * 4;
        List<String> chunks = new ArrayList<>();
        for (int i = 0; i < b.length; i += 4) {
            int end = Math.min(i + 4, b.length);
            String candidate = bytesRepr(b, current, end);
            int w = i >= last ? width - allowance : width;
            if (candidate.length() > w && current < i) {
                chunks.add(bytesRepr(b, current, i));
                current = i;
            }
        }
        if (current < b.length) {
            chunks.add(bytesRepr(b, current, b.length));
        }
        for (String c : chunks) {
            sb.append(delim).append(c);
            delim = "\n" + " ".repeat(indent);
        }
        if (parens) {
            sb.append(')');
        }
    }

    private static List<String> splitLines(String s) {
        List<String> lines = new ArrayList<>();
        int start = 0;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '\n' || c == '\r') {
                if (c == '\r' && i + 1 < s.length() && s.charAt(i + 1) == '\n') {
                    i++;
                }
                lines.add(s.substring(start, i + 1));
                start = i + 1;
            }
        }
        if (start < s.length()) {
            lines.add(s.substring(start));
        }
        return lines;
    }

    /** Python's repr (sets and dict keys sorted, as pprint's safe repr does). */
    static String repr(Object v) {
        if (v == null) {
            return "None";
        }
        if (v instanceof Map<?, ?> m) {
            StringBuilder sb = new StringBuilder("{");
            String sep = "";
            for (Map.Entry<?, ?> e : sortedEntries(m)) {
                sb.append(sep).append(keyRepr(e.getKey())).append(": ").append(repr(e.getValue()));
                sep = ", ";
            }
            return sb.append('}').toString();
        }
        if (v instanceof Set<?> s) {
            if (s.isEmpty()) {
                return "set()";
            }
            StringBuilder sb = new StringBuilder("{");
            String sep = "";
            for (Object o : sorted(s)) {
                sb.append(sep).append(repr(o));
                sep = ", ";
            }
            return sb.append('}').toString();
        }
        if (v instanceof Collection<?> c) {
            StringBuilder sb = new StringBuilder("[");
            String sep = "";
            for (Object o : c) {
                sb.append(sep).append(repr(o));
                sep = ", ";
            }
            return sb.append(']').toString();
        }
        if (v instanceof String s) {
            return strRepr(s);
        }
        if (v instanceof byte[] b) {
            return bytesRepr(b, 0, b.length);
        }
        if (v instanceof Boolean b) {
            return b ? "True" : "False";
        }
        return String.valueOf(v);
    }

    /**
     * A key: the codec's indexed-array indices are strings of digits, which ynl.py holds as ints
     * (attribute names never are digits).
     */
    private static String keyRepr(Object key) {
        return key instanceof String s && isIndex(s) ? s : repr(key);
    }

    private static boolean isIndex(String s) {
        return !s.isEmpty() && s.length() < 10 && s.chars().allMatch(c -> c >= '0' && c <= '9');
    }

    private static String strRepr(String s) {
        char quote = s.indexOf('\'') >= 0 && s.indexOf('"') < 0 ? '"' : '\'';
        StringBuilder sb = new StringBuilder().append(quote);
        s.codePoints().forEach(cp -> {
            if (cp == quote || cp == '\\') {
                sb.append('\\').appendCodePoint(cp);
            } else if (cp == '\n') {
                sb.append("\\n");
            } else if (cp == '\r') {
                sb.append("\\r");
            } else if (cp == '\t') {
                sb.append("\\t");
            } else if (cp < 0x20 || cp == 0x7f) {
                sb.append(String.format("\\x%02x", cp));
            } else if (cp >= 0x80 && !printable(cp)) {
                sb.append(cp <= 0xff ? String.format("\\x%02x", cp) : cp <= 0xffff ? String.format("\\u%04x", cp)
                        : String.format("\\U%08x", cp));
            } else {
                sb.appendCodePoint(cp);
            }
        });
        return sb.append(quote).toString();
    }

    private static boolean printable(int cp) {
        int type = Character.getType(cp);
        return !(Character.isISOControl(cp) || type == Character.UNASSIGNED || type == Character.SURROGATE
                || type == Character.PRIVATE_USE || type == Character.FORMAT || type == Character.LINE_SEPARATOR
                || type == Character.PARAGRAPH_SEPARATOR || (Character.isSpaceChar(cp) && cp != ' '));
    }

    private static String bytesRepr(byte[] b, int from, int to) {
        boolean single = false;
        boolean dbl = false;
        for (int i = from; i < to; i++) {
            single |= b[i] == '\'';
            dbl |= b[i] == '"';
        }
        char quote = single && !dbl ? '"' : '\'';
        StringBuilder sb = new StringBuilder("b").append(quote);
        for (int i = from; i < to; i++) {
            int c = b[i] & 0xff;
            if (c == quote || c == '\\') {
                sb.append('\\').append((char) c);
            } else if (c == '\t') {
                sb.append("\\t");
            } else if (c == '\n') {
                sb.append("\\n");
            } else if (c == '\r') {
                sb.append("\\r");
            } else if (c < 0x20 || c >= 0x7f) {
                sb.append(String.format("\\x%02x", c));
            } else {
                sb.append((char) c);
            }
        }
        return sb.append(quote).toString();
    }

    private static List<Map.Entry<?, ?>> sortedEntries(Map<?, ?> m) {
        List<Map.Entry<?, ?>> entries = new ArrayList<>(m.entrySet());
        entries.sort(Comparator.comparing(e -> sortKey(e.getKey())));
        return entries;
    }

    private static List<Object> sorted(Set<?> s) {
        List<Object> items = new ArrayList<>(s);
        items.sort(Comparator.comparing(PyFormat::sortKey));
        return items;
    }

    /** Python's order: numbers by value (before strings, which the trees never mix with them), strings by code point. */
    private static String sortKey(Object o) {
        if (o instanceof Number n) {
            return "0" + String.format("%030d", new BigInteger(n.toString()));
        }
        String s = String.valueOf(o);
        return isIndex(s) ? "0" + String.format("%030d", Long.parseLong(s)) : "1" + s;
    }
}
