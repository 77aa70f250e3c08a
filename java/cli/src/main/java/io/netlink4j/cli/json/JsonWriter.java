// SPDX-FileCopyrightText: 2026 The netlink4j Authors
// SPDX-License-Identifier: Apache-2.0
package io.netlink4j.cli.json;

import java.util.ArrayDeque;
import java.util.Deque;

/**
 * A small streaming JSON writer producing indented output, or with {@link #compact} one line per
 * document. Callers nest {@link #beginObject()}/{@link #endObject()} and
 * {@link #beginArray()}/{@link #endArray()} correctly and give every object member a
 * {@link #name(String)} first; commas, indentation and string escaping are handled here.
 *
 * <pre>{@code
 * JsonWriter w = new JsonWriter(sb);
 * w.beginObject().name("port").value(80).name("tags").beginArray().value("a").endArray().endObject();
 * }</pre>
 */
public final class JsonWriter {
    private final StringBuilder out;
    private final boolean indent;
    /** Per open container: how many values it holds so far. */
    private final Deque<int[]> counts = new ArrayDeque<>();
    private boolean afterName;

    /** A writer that indents by two spaces, a member or element to a line. */
    public JsonWriter(StringBuilder out) {
        this(out, true);
    }

    private JsonWriter(StringBuilder out, boolean indent) {
        this.out = out;
        this.indent = indent;
    }

    /** A writer that puts each document on one line, without spaces (for a stream of JSON objects, one per line). */
    public static JsonWriter compact(StringBuilder out) {
        return new JsonWriter(out, false);
    }

    public JsonWriter beginObject() {
        return open('{');
    }

    public JsonWriter endObject() {
        return close('}');
    }

    public JsonWriter beginArray() {
        return open('[');
    }

    public JsonWriter endArray() {
        return close(']');
    }

    /** The name of the next object member. */
    public JsonWriter name(String name) {
        separate();
        string(name);
        out.append(indent ? ": " : ":");
        afterName = true;
        return this;
    }

    /** A string, or null. */
    public JsonWriter value(String value) {
        separate();
        if (value == null) {
            out.append("null");
        } else {
            string(value);
        }
        return this;
    }

    public JsonWriter value(long value) {
        separate();
        out.append(value);
        return this;
    }

    /** An unsigned 64-bit number (kernel counters). */
    public JsonWriter unsignedValue(long value) {
        separate();
        out.append(Long.toUnsignedString(value));
        return this;
    }

    public JsonWriter value(boolean value) {
        separate();
        out.append(value);
        return this;
    }

    private JsonWriter open(char bracket) {
        separate();
        out.append(bracket);
        counts.push(new int[1]);
        return this;
    }

    private JsonWriter close(char bracket) {
        int[] count = counts.pop();
        if (count[0] > 0) {
            newline();
        }
        out.append(bracket);
        if (counts.isEmpty()) {
            out.append('\n');
        }
        return this;
    }

    /** Writes what goes before a value or name: nothing after a name, else a comma and a new line. */
    private void separate() {
        if (afterName) {
            afterName = false;
            return;
        }
        int[] count = counts.peek();
        if (count != null) {
            if (count[0]++ > 0) {
                out.append(',');
            }
            newline();
        }
    }

    private void newline() {
        if (!indent) {
            return;
        }
        out.append('\n');
        out.append("  ".repeat(counts.size()));
    }

    private void string(String s) {
        out.append('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                default -> {
                    if (c < 0x20) {
                        out.append(String.format("\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        out.append('"');
    }
}
