// SPDX-FileCopyrightText: 2026 The netlink4j Authors
// SPDX-License-Identifier: Apache-2.0
package io.netlink4j.ynl;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.ConcurrentModificationException;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.longs;

/**
 * The decoded tree's map behaves as a {@link LinkedHashMap} with the same operations: the same
 * entries in the same order, equal both ways, the same hash code, for sequences of puts (keys of
 * its layout, others, null values), removals, removals by iterator, {@code setValue} and clears;
 * and the decoded set of flag names as a {@link LinkedHashSet}.
 */
class DecodedMapTest {
    private static final DecodedMap.Layout LAYOUT = new DecodedMap.Layout(
            new String[] {"ifindex", "ifname", "mtu", "flags", "address", "stats", "linkinfo", "ifindex"});
    private static final String[] KEYS = {"ifindex", "ifname", "mtu", "flags", "address", "stats", "linkinfo",
        "UnknownAttr(66)", "other"};

    @Test
    void behavesAsALinkedHashMapForRandomOperations() {
        qt().withExamples(2000).forAll(longs().all(), integers().between(0, 60)).checkAssert((seed, steps) -> {
            Random random = new Random(seed);
            DecodedMap map = new DecodedMap(LAYOUT);
            Map<String, Object> expected = new LinkedHashMap<>();
            List<String> log = new ArrayList<>();
            for (int i = 0; i < steps; i++) {
                String key = KEYS[random.nextInt(random.nextInt(10) < 8 ? 7 : KEYS.length)];
                Object value = random.nextInt(8) == 0 ? null : (Object) (long) random.nextInt(5);
                switch (random.nextInt(10)) {
                    case 0, 1, 2, 3, 4 -> {
                        log.add("put " + key + " " + value);
                        assertEquals(expected.put(key, value), map.put(key, value), String.join(", ", log));
                    }
                    case 5, 6 -> {
                        log.add("remove " + key);
                        assertEquals(expected.remove(key), map.remove(key), String.join(", ", log));
                    }
                    case 7 -> {
                        log.add("iterator remove " + key);
                        iteratorRemove(expected, key);
                        iteratorRemove(map, key);
                    }
                    case 8 -> {
                        log.add("setValue " + key + " " + value);
                        for (Map.Entry<String, Object> e : map.entrySet()) {
                            if (e.getKey().equals(key)) {
                                assertEquals(expected.put(key, value), e.setValue(value), String.join(", ", log));
                            }
                        }
                    }
                    default -> {
                        if (random.nextInt(4) == 0) {
                            log.add("clear");
                            expected.clear();
                            map.clear();
                        }
                    }
                }
                String at = String.join(", ", log);
                assertEquals(new ArrayList<>(expected.entrySet()), new ArrayList<>(map.entrySet()), at);
                assertEquals(expected, map, at);
                assertEquals(map, expected, at);
                assertEquals(expected.hashCode(), map.hashCode(), at);
                assertEquals(expected.size(), map.size(), at);
                assertEquals(expected.toString(), map.toString(), at);
                for (String k : KEYS) {
                    assertEquals(expected.containsKey(k), map.containsKey(k), at + ": containsKey " + k);
                    assertEquals(expected.get(k), map.get(k), at + ": get " + k);
                }
            }
        });
    }

    private static void iteratorRemove(Map<String, Object> m, String key) {
        for (Iterator<Map.Entry<String, Object>> it = m.entrySet().iterator(); it.hasNext(); ) {
            if (it.next().getKey().equals(key)) {
                it.remove();
            }
        }
    }

    @Test
    void aDecodedSetBehavesAsALinkedHashSetAndNeverChangesTheArrayItShares() {
        qt().withExamples(2000).forAll(longs().all(), integers().between(0, 30)).checkAssert((seed, steps) -> {
            Random random = new Random(seed);
            Object[] shared = {"admin-perm", "cmd-cap-do", 8L};
            DecodedSet set = new DecodedSet(shared);
            Set<Object> expected = new LinkedHashSet<>(List.of(shared));
            Object[] values = {"admin-perm", "cmd-cap-do", 8L, "haspol", 32L, null};
            List<String> log = new ArrayList<>();
            for (int i = 0; i < steps; i++) {
                Object v = values[random.nextInt(values.length)];
                switch (random.nextInt(5)) {
                    case 0, 1 -> {
                        log.add("add " + v);
                        assertEquals(expected.add(v), set.add(v), String.join(", ", log));
                    }
                    case 2 -> {
                        log.add("remove " + v);
                        assertEquals(expected.remove(v), set.remove(v), String.join(", ", log));
                    }
                    case 3 -> {
                        log.add("iterator remove " + v);
                        expected.removeIf(x -> java.util.Objects.equals(x, v));
                        set.removeIf(x -> java.util.Objects.equals(x, v));
                    }
                    default -> {
                        if (random.nextInt(4) == 0) {
                            log.add("clear");
                            expected.clear();
                            set.clear();
                        }
                    }
                }
                String at = String.join(", ", log);
                assertEquals(new ArrayList<>(expected), new ArrayList<>(set), at);
                assertEquals(expected, set, at);
                assertEquals(set, expected, at);
                assertEquals(expected.hashCode(), set.hashCode(), at);
                for (Object x : values) {
                    assertEquals(expected.contains(x), set.contains(x), at + ": contains " + x);
                }
            }
            assertEquals(List.of("admin-perm", "cmd-cap-do", 8L), List.of(shared));
        });
    }

    @Test
    void aChangeWhileIteratingIsRefused() {
        DecodedMap map = new DecodedMap(LAYOUT);
        map.put("ifindex", 1L);
        map.put("mtu", 1500L);
        Iterator<Map.Entry<String, Object>> it = map.entrySet().iterator();
        it.next();
        map.put("ifname", "lo");
        assertThrows(ConcurrentModificationException.class, it::next);
    }
}
