// SPDX-FileCopyrightText: 2026 The netlink4j Authors
// SPDX-License-Identifier: Apache-2.0
package io.netlink4j.internal;

import java.util.Objects;
import java.util.StringJoiner;
import java.util.function.Function;
import java.util.function.IntFunction;
import java.util.function.ToIntFunction;

/**
 * The lookups every open value set shares ({@code AddressFamily}, {@code Errno}, rtnetlink's link
 * types and scopes, IPVS's forwarding methods and tunnel types, ...). Each class declares its own
 * public members, after the pattern of {@link io.netlink4j.AddressFamily} (so reflection reaches
 * them and no shared superclass becomes API); only these static helpers are common.
 */
public final class OpenValues {
    private OpenValues() {}

    /**
     * The constant among {@code known} with number {@code value}, else {@code unknown} of it.
     *
     * @throws IllegalArgumentException naming {@code what} if {@code value} is outside 0-{@code max}
     */
    public static <T> T of(T[] known, ToIntFunction<T> valueOf, int value, int max, String what, IntFunction<T> unknown) {
        if (value < 0 || value > max) {
            throw new IllegalArgumentException(what + ": " + value + " (expected: 0-" + max + ")");
        }
        for (T t : known) {
            if (valueOf.applyAsInt(t) == value) {
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
    public static <T> T parse(T[] known, Function<T, String> nameOf, String prefix, String what, String text, IntFunction<T> of,
            int max) {
        Objects.requireNonNull(text, "name");
        String n = text.regionMatches(true, 0, prefix, 0, prefix.length()) ? text.substring(prefix.length()) : text;
        for (T t : known) {
            if (nameOf.apply(t).equalsIgnoreCase(n)) {
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
            StringJoiner names = new StringJoiner(", ");
            for (T t : known) {
                names.add(nameOf.apply(t));
            }
            throw new IllegalArgumentException(what + " '" + text + "' (expected: " + names + " or a number 0-" + max + ")");
        }
        return of.apply(value);
    }

    /** Whether {@code known} has a constant with number {@code value}. */
    public static <T> boolean isKnown(T[] known, ToIntFunction<T> valueOf, int value) {
        for (T t : known) {
            if (valueOf.applyAsInt(t) == value) {
                return true;
            }
        }
        return false;
    }
}
