// SPDX-FileCopyrightText: 2026 The netlink4j Authors
// SPDX-License-Identifier: Apache-2.0
package io.netlink4j.ynl;

import java.util.ConcurrentModificationException;
import java.util.Iterator;
import java.util.NoSuchElementException;

/**
 * The iterator of the decoded collections ({@link DecodedMap}'s entries, {@link DecodedSet}): walks
 * positions 0 to {@link #end()} of an insertion-ordered array, removes through the collection, and
 * fails fast (ConcurrentModificationException) once the collection was changed other than through
 * it, as the JDK's collections do.
 *
 * @param <E> the elements
 */
abstract class PositionIterator<E> implements Iterator<E> {
    private int next;
    private int last = -1;
    private int expected = modifications();

    /** The collection's current number of positions. */
    abstract int end();

    /** The collection's count of structural changes; any change to it makes this iterator fail. */
    abstract int modifications();

    /** The element at {@code position}. */
    abstract E at(int position);

    /** Removes the element at {@code position}, moving the later ones down by one. */
    abstract void removeAt(int position);

    @Override
    public final boolean hasNext() {
        return next < end();
    }

    @Override
    public final E next() {
        check();
        if (next >= end()) {
            throw new NoSuchElementException();
        }
        last = next++;
        return at(last);
    }

    @Override
    public final void remove() {
        check();
        if (last < 0) {
            throw new IllegalStateException("next() was not called, or remove() was called after it already");
        }
        removeAt(last);
        next = last;
        last = -1;
        expected = modifications();
    }

    private void check() {
        if (modifications() != expected) {
            throw new ConcurrentModificationException();
        }
    }
}
