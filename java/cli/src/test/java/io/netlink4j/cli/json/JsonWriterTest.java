// SPDX-FileCopyrightText: 2026 The netlink4j Authors
// SPDX-License-Identifier: Apache-2.0
package io.netlink4j.cli.json;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

class JsonWriterTest {
    @Test
    void nestingCommasAndIndentation() {
        StringBuilder sb = new StringBuilder();
        new JsonWriter(sb).beginObject()
                .name("a").value(1)
                .name("b").beginArray().value("x").value(true).value((String) null).endArray()
                .name("empty").beginArray().endArray()
                .name("o").beginObject().name("n").unsignedValue(-1L).endObject()
                .name("e").beginObject().endObject()
                .endObject();
        assertEquals("""
                {
                  "a": 1,
                  "b": [
                    "x",
                    true,
                    null
                  ],
                  "empty": [],
                  "o": {
                    "n": 18446744073709551615
                  },
                  "e": {}
                }
                """, sb.toString());
    }

    @Test
    void compactPutsADocumentOnOneLine() {
        StringBuilder sb = new StringBuilder();
        JsonWriter.compact(sb).beginObject()
                .name("a").value(1)
                .name("b").beginArray().value("x y").value(false).endArray()
                .name("e").beginObject().endObject()
                .endObject();
        JsonWriter.compact(sb).beginArray().endArray();
        assertEquals("{\"a\":1,\"b\":[\"x y\",false],\"e\":{}}\n[]\n", sb.toString());
    }

    @Test
    void escaping() {
        StringBuilder sb = new StringBuilder();
        new JsonWriter(sb).beginArray().value("q\" b\\ n\n r\r t\t c\u0001 é").endArray();
        assertEquals("[\n  \"q\\\" b\\\\ n\\n r\\r t\\t c\\u0001 é\"\n]\n", sb.toString());
    }
}
