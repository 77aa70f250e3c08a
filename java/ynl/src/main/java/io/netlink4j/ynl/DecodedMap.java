// SPDX-FileCopyrightText: 2026 The netlink4j Authors
// SPDX-License-Identifier: Apache-2.0
package io.netlink4j.ynl;

import java.util.AbstractMap;
import java.util.AbstractSet;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * A level of a decoded tree: a mutable map in insertion order, as {@link LinkedHashMap} is, whose
 * possible keys (the attribute names of a set, the members of a struct) are known in advance and
 * shared by every map of that level: values sit in an array by the key's slot, the order in a
 * second array. No entry object, no hashing while decoding. A key outside the layout (an
 * {@code UnknownAttr(N)}, or a key a caller adds) turns the map into a {@link LinkedHashMap}
 * holding the same entries in the same order, which serves from then on. Equal to, and with the
 * hash code of, any map with the same entries; not thread safe, as {@code LinkedHashMap} is not.
 */
final class DecodedMap extends AbstractMap<String, Object> {
    /** The keys a level can have, by slot; shared, immutable. */
    static final class Layout {
        final String[] names;
        private final Map<String, Integer> slots;

        Layout(String[] names) {
            this.names = names;
            this.slots = new HashMap<>(names.length * 2);
            for (int i = 0; i < names.length; i++) {
                slots.putIfAbsent(names[i], i);
            }
        }

        /** @return the slot of {@code key}, or -1 */
        int slot(Object key) {
            Integer s = slots.get(key);
            return s == null ? -1 : s;
        }
    }

    /** A null value of a present key. */
    private static final Object NULL = new Object();

    private final Layout layout;
    /** Values by slot (null: absent; {@link #NULL}: a null value). */
    private Object[] values;
    /** The present slots in insertion order. */
    private short[] order;
    private int size;
    /** Set once a key outside the layout comes: the map from then on. */
    private LinkedHashMap<String, Object> inflated;
    /**
     * Slots (below 64) holding a fixed header's member that an attribute of the same name has not
     * yet replaced (rt_addr's {@code ifa-flags}).
     */
    long headerOnly;
    private int modCount;

    DecodedMap(Layout layout) {
        this.layout = layout;
        this.values = new Object[layout.names.length];
        this.order = new short[Math.min(layout.names.length, 8)];
    }

    // --------------------------------------------------------------------- decoding

    /** The value in {@code slot} (null if absent), for the decoder. */
    Object getSlot(int slot) {
        if (inflated != null) {
            return inflated.get(layout.names[slot]);
        }
        Object v = values[slot];
        return v == NULL ? null : v;
    }

    /** Sets {@code slot} to {@code value} (never null), for the decoder. */
    void putSlot(int slot, Object value) {
        if (inflated != null) {
            inflated.put(layout.names[slot], value);
            return;
        }
        if (values[slot] == null) {
            append(slot);
        }
        values[slot] = value;
    }

    private void append(int slot) {
        if (size == order.length) {
            order = Arrays.copyOf(order, Math.max(4, Math.min(layout.names.length, size * 2)));
        }
        order[size++] = (short) slot;
        modCount++;
    }

    private LinkedHashMap<String, Object> inflate() {
        if (inflated == null) {
            LinkedHashMap<String, Object> m = new LinkedHashMap<>(Math.max(16, (int) (size / 0.75f) + 2));
            for (int i = 0; i < size; i++) {
                Object v = values[order[i]];
                m.put(layout.names[order[i]], v == NULL ? null : v);
            }
            inflated = m;
            values = null;
            order = null;
            size = 0;
            modCount++;
        }
        return inflated;
    }

    // --------------------------------------------------------------------- Map

    @Override
    public int size() {
        return inflated != null ? inflated.size() : size;
    }

    @Override
    public boolean containsKey(Object key) {
        if (inflated != null) {
            return inflated.containsKey(key);
        }
        int s = layout.slot(key);
        return s >= 0 && values[s] != null;
    }

    @Override
    public Object get(Object key) {
        if (inflated != null) {
            return inflated.get(key);
        }
        int s = layout.slot(key);
        if (s < 0) {
            return null;
        }
        Object v = values[s];
        return v == NULL ? null : v;
    }

    @Override
    public Object put(String key, Object value) {
        if (inflated == null) {
            int s = layout.slot(key);
            if (s >= 0) {
                Object old = values[s];
                if (old == null) {
                    append(s);
                }
                values[s] = value == null ? NULL : value;
                return old == NULL ? null : old;
            }
        }
        return inflate().put(key, value);
    }

    @Override
    public Object remove(Object key) {
        if (inflated != null) {
            return inflated.remove(key);
        }
        int s = layout.slot(key);
        if (s < 0 || values[s] == null) {
            return null;
        }
        Object old = values[s];
        removeSlot(s);
        return old == NULL ? null : old;
    }

    private void removeSlot(int s) {
        values[s] = null;
        for (int i = 0; i < size; i++) {
            if (order[i] == s) {
                System.arraycopy(order, i + 1, order, i, size - i - 1);
                size--;
                break;
            }
        }
        modCount++;
    }

    @Override
    public void clear() {
        if (inflated != null) {
            inflated.clear();
            return;
        }
        Arrays.fill(values, null);
        size = 0;
        modCount++;
    }

    @Override
    public Set<Map.Entry<String, Object>> entrySet() {
        return new AbstractSet<>() {
            @Override
            public Iterator<Map.Entry<String, Object>> iterator() {
                return inflated != null ? inflated.entrySet().iterator() : new Entries();
            }

            @Override
            public int size() {
                return DecodedMap.this.size();
            }
        };
    }

    /** The entries in order; removal and {@code setValue} write through. */
    private final class Entries extends PositionIterator<Map.Entry<String, Object>> {
        @Override
        int end() {
            return size;
        }

        @Override
        int modifications() {
            return modCount;
        }

        @Override
        Map.Entry<String, Object> at(int position) {
            return new Entry(order[position]);
        }

        @Override
        void removeAt(int position) {
            removeSlot(order[position]);
        }
    }

    private final class Entry implements Map.Entry<String, Object> {
        private final int slot;

        Entry(int slot) {
            this.slot = slot;
        }

        @Override
        public String getKey() {
            return layout.names[slot];
        }

        @Override
        public Object getValue() {
            return inflated != null ? inflated.get(getKey()) : getSlot(slot);
        }

        @Override
        public Object setValue(Object value) {
            return put(getKey(), value);
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Map.Entry<?, ?> e && getKey().equals(e.getKey()) && java.util.Objects.equals(getValue(), e.getValue());
        }

        @Override
        public int hashCode() {
            return getKey().hashCode() ^ java.util.Objects.hashCode(getValue());
        }

        @Override
        public String toString() {
            return getKey() + "=" + getValue();
        }
    }
}
