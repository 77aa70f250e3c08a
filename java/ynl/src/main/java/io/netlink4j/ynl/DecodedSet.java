// SPDX-FileCopyrightText: 2026 The netlink4j Authors
// SPDX-License-Identifier: Apache-2.0
package io.netlink4j.ynl;

import java.util.AbstractSet;
import java.util.Arrays;
import java.util.Iterator;
import java.util.Objects;

/**
 * A decoded set of flag names: a mutable set in insertion order, as {@link java.util.LinkedHashSet}
 * is, over an array. Decoding hands out sets that share one array of names per value of a set of
 * flags, and a set copies it when it is first changed. A set of flags holds a few names, so a
 * look-up is a scan. Equal to, and with the hash code of, any set with the same elements; not
 * thread safe.
 */
final class DecodedSet extends AbstractSet<Object> {
    private Object[] elements;
    private int size;
    /** Whether {@link #elements} is shared with other sets (copied before a change). */
    private boolean shared;
    private int modCount;

    /** A set of {@code names}, which it shares and never changes. */
    DecodedSet(Object[] names) {
        this.elements = names;
        this.size = names.length;
        this.shared = true;
    }

    @Override
    public int size() {
        return size;
    }

    @Override
    public boolean contains(Object o) {
        return indexOf(o) >= 0;
    }

    private int indexOf(Object o) {
        for (int i = 0; i < size; i++) {
            if (Objects.equals(elements[i], o)) {
                return i;
            }
        }
        return -1;
    }

    private void own(int capacity) {
        if (shared || capacity > elements.length) {
            elements = Arrays.copyOf(elements, Math.max(capacity, Math.max(4, size * 2)));
            shared = false;
        }
    }

    @Override
    public boolean add(Object o) {
        if (contains(o)) {
            return false;
        }
        own(size + 1);
        elements[size++] = o;
        modCount++;
        return true;
    }

    private void removeAt(int i) {
        own(size);
        System.arraycopy(elements, i + 1, elements, i, size - i - 1);
        elements[--size] = null;
        modCount++;
    }

    @Override
    public boolean remove(Object o) {
        int i = indexOf(o);
        if (i < 0) {
            return false;
        }
        removeAt(i);
        return true;
    }

    @Override
    public void clear() {
        if (size > 0) {
            elements = new Object[4];
            shared = false;
            size = 0;
            modCount++;
        }
    }

    @Override
    public Iterator<Object> iterator() {
        return new PositionIterator<>() {
            @Override
            int end() {
                return size;
            }

            @Override
            int modifications() {
                return modCount;
            }

            @Override
            Object at(int position) {
                return elements[position];
            }

            @Override
            void removeAt(int position) {
                DecodedSet.this.removeAt(position);
            }
        };
    }
}
