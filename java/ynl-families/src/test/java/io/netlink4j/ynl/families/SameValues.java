// SPDX-FileCopyrightText: 2026 The netlink4j Authors
// SPDX-License-Identifier: Apache-2.0
package io.netlink4j.ynl.families;

import io.netlink4j.ynl.YnlAttribute;
import io.netlink4j.ynl.YnlAttributeSet;
import io.netlink4j.ynl.YnlDisplayHint;
import io.netlink4j.ynl.YnlEnum;
import io.netlink4j.ynl.YnlSpec;
import io.netlink4j.ynl.YnlStruct;
import io.netlink4j.ynl.YnlType;
import io.netlink4j.ynl.codegen.JavaNames;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.math.BigInteger;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Collection;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.OptionalLong;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * Compares a generated client's value with the dynamic client's tree for the same message, by the
 * spec: every attribute the tree holds has the same value in the typed object (integers, enums by
 * number, flags by mask, bytes, addresses, nests, lists, structs), every attribute of the set the
 * tree lacks is absent from the typed object, and unknown attributes are kept by both.
 */
final class SameValues {
    private final YnlSpec spec;
    private final java.util.Set<String> presenceOnly;

    /**
     * A comparison by {@code spec}; the attributes named in {@code presenceOnly} are only checked to
     * be present in both (values that change between two requests, such as a route's last use).
     */
    SameValues(YnlSpec spec, String... presenceOnly) {
        this.spec = spec;
        this.presenceOnly = java.util.Set.of(presenceOnly);
    }

    /** A message: the fixed header's members (from {@code header()}) and the attributes ({@code attributes()}). */
    void message(String structName, String setName, Object typed, Map<String, Object> tree, String path) {
        Object header = call(typed, "header");
        Object attributes = call(typed, "attributes");
        YnlStruct struct = spec.struct(structName);
        Map<String, Object> rest = new java.util.LinkedHashMap<>(tree);
        for (YnlStruct.Member m : struct.members()) {
            if (m.type() == YnlType.PAD) {
                continue;
            }
            Object v = rest.remove(m.name());
            assertTrue(v != null, "tree lacks header member " + m.name() + ": " + tree);
            member(m, call(header, JavaNames.member(m.name())), v, path + "." + m.name());
        }
        set(setName, attributes, rest, path);
    }

    /** An attribute set's value. */
    void set(String setName, Object typed, Map<String, Object> tree, String path) {
        YnlAttributeSet set = spec.attributeSet(setName);
        int unknown = 0;
        for (Map.Entry<String, Object> e : tree.entrySet()) {
            if (e.getKey().startsWith("UnknownAttr(")) {
                unknown++;
                continue;
            }
            YnlAttribute a = set.attribute(e.getKey()).orElseThrow(() -> new AssertionError(path + ": " + e.getKey()));
            if (presenceOnly.contains(a.name())) {
                Object v = call(typed, JavaNames.member(a.name()));
                assertTrue(v instanceof Optional<?> o && o.isPresent(), path + "." + a.name() + " absent: " + typed);
                continue;
            }
            attribute(a, call(typed, JavaNames.member(a.name())), e.getValue(), path + "." + a.name());
        }
        assertEquals(unknown, ((List<?>) call(typed, "unknown")).size(), path + ": unknown attributes " + typed);
        for (YnlAttribute a : set.attributes()) {
            if (a.type() == YnlType.PAD || a.type() == YnlType.UNUSED || tree.containsKey(a.name())) {
                continue;
            }
            Object v = call(typed, JavaNames.member(a.name()));
            boolean absent = v instanceof Optional<?> o ? o.isEmpty() : v instanceof OptionalInt o ? o.isEmpty()
                    : v instanceof OptionalLong o ? o.isEmpty() : v instanceof List<?> l ? l.isEmpty()
                    : Boolean.FALSE.equals(v);
            assertTrue(absent, path + "." + a.name() + " absent from the tree, present in the typed value: " + v);
        }
    }

    private void attribute(YnlAttribute a, Object typed, Object tree, String path) {
        if (a.type() == YnlType.INDEXED_ARRAY) {
            List<?> t = (List<?>) typed;
            List<?> d = (List<?>) tree;
            assertEquals(d.size(), t.size(), path);
            for (int i = 0; i < d.size(); i++) {
                Object item = d.get(i);
                if (item instanceof Map<?, ?> m && m.size() == 1 && a.subType().orElse(null) == YnlType.NEST) {
                    item = m.values().iterator().next();
                }
                single(a, t.get(i), item, path + "[" + i + "]");
            }
            return;
        }
        if (a.multiAttr()) {
            List<?> t = (List<?>) typed;
            List<?> d = tree instanceof List<?> l ? l : List.of(tree);
            assertEquals(d.size(), t.size(), path);
            for (int i = 0; i < d.size(); i++) {
                single(a, t.get(i), d.get(i), path + "[" + i + "]");
            }
            return;
        }
        if (tree instanceof List<?> l && !(a.type() == YnlType.BINARY && a.subType().isPresent())) {
            tree = l.get(l.size() - 1); // repeated, not multi-attr: the last counts
        }
        if (a.type() == YnlType.FLAG) {
            assertEquals(Boolean.TRUE, typed, path);
            return;
        }
        Object present = typed instanceof Optional<?> o ? o.orElseThrow(() -> new AssertionError(path + " absent"))
                : typed instanceof OptionalInt o ? (Object) (long) o.orElseThrow()
                : typed instanceof OptionalLong o ? (Object) o.orElseThrow() : typed;
        single(a, present, tree, path);
    }

    @SuppressWarnings("unchecked")
    private void single(YnlAttribute a, Object typed, Object tree, String path) {
        YnlType t = a.type() == YnlType.INDEXED_ARRAY ? a.subType().orElse(YnlType.BINARY) : a.type();
        if (t == YnlType.NEST && a.nestedAttributes().isPresent()) {
            set(a.nestedAttributes().get(), typed, (Map<String, Object>) tree, path);
        } else if (t.isInteger()) {
            integer(t, a.enumName(), a.displayHint(), typed, tree, path);
        } else if (t == YnlType.STRING) {
            assertEquals(tree, typed, path);
        } else if (t == YnlType.BINARY && a.struct().isPresent()) {
            YnlStruct s = spec.struct(a.struct().get());
            Map<String, Object> m = (Map<String, Object>) tree;
            for (YnlStruct.Member mem : s.members()) {
                if (mem.type() != YnlType.PAD && m.containsKey(mem.name())) {
                    member(mem, call(typed, JavaNames.member(mem.name())), m.get(mem.name()), path + "." + mem.name());
                }
            }
        } else if (t == YnlType.BINARY && a.subType().isPresent()) {
            List<?> d = (List<?>) tree;
            List<?> ty = (List<?>) typed;
            assertEquals(d.size(), ty.size(), path);
            for (int i = 0; i < d.size(); i++) {
                assertEquals(number(d.get(i)), ((Number) ty.get(i)).longValue(), path + "[" + i + "]");
            }
        } else if (t == YnlType.BINARY) {
            assertArrayEquals(bytes(a.displayHint(), tree, path), (byte[]) typed, path);
        } else {
            fail(path + ": " + t + " not compared");
        }
    }

    private void member(YnlStruct.Member m, Object typed, Object tree, String path) {
        if (m.type().isInteger()) {
            integer(m.type(), m.enumName(), m.displayHint(), typed, tree, path);
        } else if (m.type() == YnlType.STRING) {
            assertEquals(tree, typed, path);
        } else {
            assertArrayEquals(bytes(m.displayHint(), tree, path), (byte[]) typed, path);
        }
    }

    private void integer(YnlType t, Optional<String> enumName, YnlDisplayHint hint, Object typed, Object tree, String path) {
        Optional<YnlEnum> en = enumName.map(n -> spec.definitions().get(n)).filter(YnlEnum.class::isInstance)
                .map(YnlEnum.class::cast);
        long actual = typed instanceof Number n ? n.longValue() : ((Number) call(typed, "value")).longValue();
        long expected;
        if (tree instanceof Collection<?> names) {
            expected = 0;
            for (Object name : names) {
                expected |= name instanceof String s ? en.orElseThrow().entry(s).orElseThrow().mask() : number(name);
            }
        } else if (tree instanceof String s && en.isPresent()) {
            expected = en.get().entry(s).orElseThrow(() -> new AssertionError(path + ": " + s)).value();
        } else if (tree instanceof String s && hint == YnlDisplayHint.HEX) {
            expected = Long.parseUnsignedLong(s.substring(2), 16);
        } else if (tree instanceof String s) {
            expected = Integer.toUnsignedLong(java.nio.ByteBuffer.wrap(bytes(hint, s, path)).getInt());
        } else {
            expected = number(tree);
        }
        assertEquals(expected, actual, path);
    }

    private static long number(Object v) {
        return v instanceof BigInteger b ? b.longValue() : ((Number) v).longValue();
    }

    private static byte[] bytes(YnlDisplayHint hint, Object tree, String path) {
        if (tree instanceof byte[] b) {
            return b;
        }
        String s = (String) tree;
        try {
            return switch (hint) {
                case IPV4, IPV6 -> InetAddress.getByName(s).getAddress();
                default -> HexFormat.of().parseHex(s.replaceAll("[^0-9a-fA-F]", ""));
            };
        } catch (UnknownHostException e) {
            throw new AssertionError(path + ": " + s, e);
        }
    }

    static Object call(Object target, String method) {
        for (String name : List.of(method, method + "_")) {
            try {
                Method m = target.getClass().getMethod(name);
                return m.invoke(target);
            } catch (NoSuchMethodException e) {
                continue;
            } catch (IllegalAccessException e) {
                throw new AssertionError(e);
            } catch (InvocationTargetException e) {
                throw new AssertionError(e.getCause());
            }
        }
        throw new AssertionError(target.getClass().getName() + " has no " + method + "()");
    }
}
