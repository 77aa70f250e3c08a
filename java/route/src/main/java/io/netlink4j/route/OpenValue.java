// SPDX-FileCopyrightText: 2026 The netlink4j Authors
// SPDX-License-Identifier: Apache-2.0
package io.netlink4j.route;

import java.util.Objects;
import java.util.function.IntFunction;

/**
 * What the open value sets of this package ({@link AddressScope}, {@link LinkType},
 * {@link OperState}) share, after the pattern of {@link io.netlink4j.AddressFamily}: a kernel
 * number, the name of its constant, equality by number.
 */
abstract class OpenValue {
    private final int value;
    private final String name;
    private final boolean known;

    /** A value with a constant ({@code known}), or one named by its number. */
    OpenValue(int value, String name, boolean known) {
        this.value = value;
        this.name = name;
        this.known = known;
    }

    /** The kernel's number for this value. */
    public final int value() {
        return value;
    }

    /**
     * The name of the kernel's constant without its prefix, in upper case (e.g. {@code UNIVERSE}
     * for RT_SCOPE_UNIVERSE), or the number for a value without a constant.
     */
    public final String name() {
        return name;
    }

    /** Whether the class has a constant for this value. */
    public final boolean isKnown() {
        return known;
    }

    /** Equal to a value of the same class with the same number. */
    @Override
    public final boolean equals(Object o) {
        return o != null && o.getClass() == getClass() && ((OpenValue) o).value == value;
    }

    /** The number. */
    @Override
    public final int hashCode() {
        return value;
    }

    /** {@link #name()}. */
    @Override
    public final String toString() {
        return name;
    }

    /**
     * The constant among {@code known} with number {@code value}, else {@code unknown} of it.
     *
     * @throws IllegalArgumentException naming {@code what} if {@code value} is outside 0-{@code max}
     */
    static <T extends OpenValue> T of(T[] known, int value, int max, String what, IntFunction<T> unknown) {
        if (value < 0 || value > max) {
            throw new IllegalArgumentException(what + ": " + value + " (expected: 0-" + max + ")");
        }
        for (T t : known) {
            if (t.value() == value) {
                return t;
            }
        }
        return unknown.apply(value);
    }

    /**
     * The constant named {@code text} (case-insensitive, with or without {@code prefix}), else the
     * value of the number {@code text} through {@code of}.
     *
     * @throws IllegalArgumentException naming {@code what} and the allowed names and numbers
     */
    static <T extends OpenValue> T parse(T[] known, String prefix, String what, String text, IntFunction<T> of, int max) {
        Objects.requireNonNull(text, what);
        String n = text.regionMatches(true, 0, prefix, 0, prefix.length()) ? text.substring(prefix.length()) : text;
        for (T t : known) {
            if (t.name().equalsIgnoreCase(n)) {
                return t;
            }
        }
        int value;
        try {
            value = Integer.parseInt(n);
        } catch (NumberFormatException e) {
            value = -1;
        }
        if (value < 0 || value > max) {
            StringBuilder names = new StringBuilder();
            for (T t : known) {
                names.append(t.name()).append(", ");
            }
            throw new IllegalArgumentException(what + " '" + text + "' (expected: " + names + "or a number 0-" + max + ")");
        }
        return of.apply(value);
    }
}
