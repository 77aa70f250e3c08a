// SPDX-FileCopyrightText: 2026 The netlink4j Authors
// SPDX-License-Identifier: Apache-2.0
package io.netlink4j.ynl.testsupport;

import io.netlink4j.codec.AttributeReader;
import io.netlink4j.codec.MessageWriter;
import io.netlink4j.ynl.YnlAttribute;
import io.netlink4j.ynl.YnlAttributeSet;
import io.netlink4j.ynl.YnlCodec;
import io.netlink4j.ynl.YnlDisplayHint;
import io.netlink4j.ynl.YnlEnum;
import io.netlink4j.ynl.YnlOperation;
import io.netlink4j.ynl.YnlSpec;
import io.netlink4j.ynl.YnlStruct;
import io.netlink4j.ynl.YnlSubMessage;
import io.netlink4j.ynl.YnlType;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import io.netty.buffer.Unpooled;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Trees of the codec's shape for tests: random trees as a spec describes them ({@link Generator},
 * for the property tests and the fuzz target's seeds), encoding and decoding them through byte
 * arrays, and {@link #canonical} to compare trees by value.
 */
public final class YnlTrees {
    private static final int MAX_DEPTH = 4;

    private YnlTrees() {
    }

    public static byte[] encodeMessage(YnlCodec codec, YnlOperation op, Map<String, ?> tree) {
        ByteBuf buf = Unpooled.buffer();
        try {
            MessageWriter w = new MessageWriter().begin(buf, 16, 0, 0, 0);
            codec.encodeMessage(op, tree, w);
            w.end();
            return ByteBufUtil.getBytes(buf, 16, buf.writerIndex() - 16);
        } finally {
            buf.release();
        }
    }

    public static Map<String, Object> decodeMessage(YnlCodec codec, YnlOperation op, byte[] bytes) {
        ByteBuf buf = Unpooled.wrappedBuffer(bytes);
        try {
            return codec.decodeMessage(op, buf, 0, bytes.length);
        } finally {
            buf.release();
        }
    }

    public static void roundTrip(YnlCodec codec, YnlAttributeSet set, Map<String, Object> tree) {
        byte[] first = encode(codec, set.name(), tree);
        Map<String, Object> decoded = decode(codec, set.name(), first);
        byte[] second = encode(codec, set.name(), decoded);
        assertArrayEquals(first, second, () -> set.name() + ": " + canonical(tree) + " -> " + canonical(decoded));
        assertEquals(canonical(decoded), canonical(decode(codec, set.name(), second)), set.name());
    }

    public static byte[] encode(YnlCodec codec, String set, Map<String, ?> tree) {
        ByteBuf buf = Unpooled.buffer();
        try {
            MessageWriter w = new MessageWriter().begin(buf, 16, 0, 0, 0);
            codec.encodeAttributes(set, tree, w);
            w.end();
            return ByteBufUtil.getBytes(buf, 16, buf.writerIndex() - 16);
        } finally {
            buf.release();
        }
    }

    public static Map<String, Object> decode(YnlCodec codec, String set, byte[] bytes) {
        ByteBuf buf = Unpooled.wrappedBuffer(bytes);
        try {
            return codec.decodeAttributes(set, AttributeReader.of(buf, 0, bytes.length));
        } finally {
            buf.release();
        }
    }

    /** byte[] as hex and sets sorted, so that trees compare by value. */
    public static Object canonical(Object value) {
        if (value instanceof byte[] b) {
            return "bytes:" + HexFormat.of().formatHex(b);
        }
        if (value instanceof Map<?, ?> m) {
            Map<String, Object> out = new LinkedHashMap<>();
            m.forEach((k, v) -> out.put(k.toString(), canonical(v)));
            return out;
        }
        if (value instanceof Set<?> s) {
            TreeMap<String, Object> out = new TreeMap<>();
            s.forEach(v -> out.put(String.valueOf(v), canonical(v)));
            return "set:" + out.keySet();
        }
        if (value instanceof List<?> l) {
            return l.stream().map(YnlTrees::canonical).toList();
        }
        return value;
    }

    /** Random trees as the spec describes them. */
    public static final class Generator {
        final YnlSpec spec;
        final Random random;

        public Generator(YnlSpec spec, Random random) {
            this.spec = spec;
            this.random = random;
        }

        public Map<String, Object> attributes(YnlAttributeSet set, int depth) {
            Map<String, Object> out = new LinkedHashMap<>();
            Set<Integer> numbers = new LinkedHashSet<>();
            for (YnlAttribute a : set.attributes()) {
                // Attributes the set numbers twice decode by the first; UNUSED and PAD carry nothing.
                if (!numbers.add(a.value()) || a.type() == YnlType.UNUSED || a.type() == YnlType.PAD) {
                    continue;
                }
                if (random.nextInt(3) == 0) {
                    continue;
                }
                if (depth >= MAX_DEPTH && (a.type() == YnlType.NEST || a.type() == YnlType.INDEXED_ARRAY
                        || a.type() == YnlType.NEST_TYPE_VALUE || a.type() == YnlType.SUB_MESSAGE)) {
                    continue;
                }
                if (a.type() == YnlType.SUB_MESSAGE) {
                    subMessage(set, a, out, depth);
                    continue;
                }
                if (out.containsKey(a.name())) {
                    continue; // put already, as a sub-message's selector
                }
                if (a.multiAttr()) {
                    List<Object> items = new ArrayList<>();
                    for (int i = 1 + random.nextInt(3); i > 0; i--) {
                        items.add(value(a, depth));
                    }
                    out.put(a.name(), items);
                } else {
                    out.put(a.name(), value(a, depth));
                }
            }
            if (random.nextInt(4) == 0) {
                int unknown = set.attributes().stream().mapToInt(YnlAttribute::value).max().orElse(0) + 1 + random.nextInt(5);
                out.put("UnknownAttr(" + unknown + ")", random.nextBoolean() ? bytes(random.nextInt(9))
                        : Map.of("UnknownAttr(1)", bytes(4)));
            }
            return out;
        }

        void subMessage(YnlAttributeSet set, YnlAttribute a, Map<String, Object> out, int depth) {
            YnlSubMessage sub = spec.subMessage(a.subMessage().orElseThrow());
            YnlAttribute selector = set.attribute(a.selector().orElseThrow()).orElse(null);
            if (selector == null || selector.multiAttr() || sub.formats().isEmpty()) {
                return; // chosen by an attribute of an enclosing level: not generated here
            }
            YnlSubMessage.Format format = sub.formats().get(random.nextInt(sub.formats().size()));
            if (out.containsKey(selector.name())) {
                // Chosen already (two sub-messages share a selector): this one follows it.
                YnlSubMessage.Format chosen = sub.format(String.valueOf(out.get(selector.name()))).orElse(null);
                if (chosen == null) {
                    return;
                }
                format = chosen;
            }
            if (!out.containsKey(selector.name())) {
                out.put(selector.name(), selectorValue(selector, format));
            }
            out.put(a.name(), format(format, depth + 1));
        }

        /** The value of a sub-message's selector that chooses {@code format}. */
        public static Object selectorValue(YnlAttribute selector, YnlSubMessage.Format format) {
            if (selector.type() == YnlType.STRING || selector.enumName().isPresent()) {
                return format.value();
            }
            return Long.parseLong(format.value());
        }

        /** A sub-message of {@code format}: its fixed header's members, then its attributes. */
        public Map<String, Object> format(YnlSubMessage.Format format, int depth) {
            Map<String, Object> value = new LinkedHashMap<>();
            format.fixedHeader().ifPresent(h -> value.putAll(struct(spec.struct(h))));
            format.attributeSet().ifPresent(s -> value.putAll(attributes(spec.attributeSet(s), depth)));
            return value;
        }

        public Object value(YnlAttribute a, int depth) {
            switch (a.type()) {
                case FLAG:
                    return Boolean.TRUE;
                case STRING:
                    return string(1 + random.nextInt(12));
                case BINARY:
                    if (a.struct().isPresent()) {
                        return struct(spec.struct(a.struct().get()));
                    }
                    if (a.subType().isPresent() && a.subType().get().size() > 0) {
                        List<Object> items = new ArrayList<>();
                        for (int i = random.nextInt(4); i > 0; i--) {
                            items.add(integer(a.subType().get(), a.enumName().orElse(null), a.enumAsFlags()));
                        }
                        return items;
                    }
                    return binary(a.displayHint());
                case BITFIELD32: {
                    Map<String, Object> m = new LinkedHashMap<>();
                    m.put("value", integer(YnlType.U32, a.enumName().orElse(null), a.enumAsFlags()));
                    m.put("selector", integer(YnlType.U32, a.enumName().orElse(null), a.enumAsFlags()));
                    return m;
                }
                case NEST:
                    return attributes(spec.attributeSet(a.nestedAttributes().orElseThrow()), depth + 1);
                case INDEXED_ARRAY: {
                    List<Object> items = new ArrayList<>();
                    YnlType sub = a.subType().orElseThrow();
                    for (int i = 1; i <= random.nextInt(4); i++) {
                        if (sub == YnlType.NEST) {
                            items.add(Map.of(Integer.toString(i),
                                    attributes(spec.attributeSet(a.nestedAttributes().orElseThrow()), depth + 1)));
                        } else if (sub == YnlType.BINARY && a.struct().isPresent()) {
                            items.add(struct(spec.struct(a.struct().get())));
                        } else if (sub == YnlType.BINARY) {
                            items.add(binary(a.displayHint()));
                        } else if (sub == YnlType.STRING) {
                            items.add(string(1 + random.nextInt(8)));
                        } else {
                            items.add(integer(sub, a.enumName().orElse(null), a.enumAsFlags()));
                        }
                    }
                    return items;
                }
                case NEST_TYPE_VALUE: {
                    Map<String, Object> m = new LinkedHashMap<>();
                    for (String level : a.typeValue()) {
                        m.put(level, (long) random.nextInt(100));
                    }
                    Map<String, Object> inner = attributes(spec.attributeSet(a.nestedAttributes().orElseThrow()), depth + 1);
                    inner.keySet().removeAll(a.typeValue());
                    m.putAll(inner);
                    return m;
                }
                default:
                    return integer(a.type(), a.enumName().orElse(null), a.enumAsFlags());
            }
        }

        Object integer(YnlType type, String enumName, boolean asFlags) {
            if (enumName != null) {
                YnlEnum e = spec.enumDefinition(enumName);
                int bits = type.size() > 0 ? type.size() * 8 : 32;
                if (e.flags() || asFlags) {
                    Set<Object> names = new LinkedHashSet<>();
                    for (YnlEnum.Entry entry : e.entries()) {
                        if (entry.value() < bits && random.nextBoolean()) {
                            names.add(entry.name());
                        }
                    }
                    return names;
                }
                List<YnlEnum.Entry> fit = e.entries().stream()
                        .filter(x -> bits == 64 || (x.value() >= 0 && x.value() < (1L << bits))).toList();
                if (!fit.isEmpty() && random.nextInt(5) != 0) {
                    return fit.get(random.nextInt(fit.size())).name();
                }
                // A value the enum lacks (a newer kernel's): kept as a number.
            }
            long v = random.nextLong();
            int size = type.size() > 0 ? type.size() : (random.nextBoolean() ? 4 : 8);
            if (size < 8) {
                v = type.isSigned() ? (v << (64 - 8 * size)) >> (64 - 8 * size) : v & ((1L << (8 * size)) - 1);
            }
            if (!type.isSigned() && v < 0) {
                return BigInteger.valueOf(v).add(BigInteger.ONE.shiftLeft(64));
            }
            return v;
        }

        public Map<String, Object> struct(YnlStruct struct) {
            Map<String, Object> out = new LinkedHashMap<>();
            for (YnlStruct.Member m : struct.members()) {
                switch (m.type()) {
                    case PAD -> { }
                    case BINARY -> out.put(m.name(), m.struct().isPresent()
                            ? struct(spec.struct(m.struct().get())) : bytes(m.size()));
                    case STRING -> out.put(m.name(), string(random.nextInt(Math.max(1, m.size()))));
                    default -> out.put(m.name(), integer(m.type(), m.enumName().orElse(null), m.enumAsFlags()));
                }
            }
            return out;
        }

        Object binary(YnlDisplayHint hint) {
            return switch (hint) {
                case IPV4 -> bytes(4);
                case IPV6, UUID -> bytes(16);
                case MAC -> bytes(6);
                default -> bytes(random.nextInt(20));
            };
        }

        byte[] bytes(int n) {
            byte[] b = new byte[n];
            random.nextBytes(b);
            return b;
        }

        String string(int n) {
            StringBuilder sb = new StringBuilder();
            for (int i = 0; i < n; i++) {
                sb.append((char) ('a' + random.nextInt(26)));
            }
            return sb.toString();
        }
    }
}
