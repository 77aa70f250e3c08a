// SPDX-FileCopyrightText: 2026 The netlink4j Authors
// SPDX-License-Identifier: Apache-2.0
package io.netlink4j.route;

import io.netlink4j.internal.OpenValues;

/**
 * The scope of an interface address ({@code ifa_scope}, the kernel's RT_SCOPE_* numbers): how far
 * from the host the address is meaningful.
 *
 * <p>Open: scopes are numbers 0-255 and an administrator may use any of them, so a number without
 * a constant here keeps its value and is named by it ({@link #isKnown()} tells the two apart).
 * Constants are named as the kernel names them; iproute2 prints {@link #UNIVERSE} as
 * {@code global}.
 */
public final class AddressScope {
    /** RT_SCOPE_UNIVERSE (0): valid everywhere. */
    public static final AddressScope UNIVERSE = new AddressScope(0, "UNIVERSE");
    /** RT_SCOPE_SITE (200): valid within the site (IPv6 site-local). */
    public static final AddressScope SITE = new AddressScope(200, "SITE");
    /** RT_SCOPE_LINK (253): valid on the link only. */
    public static final AddressScope LINK = new AddressScope(253, "LINK");
    /** RT_SCOPE_HOST (254): valid on this host only. */
    public static final AddressScope HOST = new AddressScope(254, "HOST");
    /** RT_SCOPE_NOWHERE (255): valid nowhere. */
    public static final AddressScope NOWHERE = new AddressScope(255, "NOWHERE");

    private static final AddressScope[] KNOWN = {UNIVERSE, SITE, LINK, HOST, NOWHERE};

    private final int value;
    private final String name;
    private final boolean known;

    private AddressScope(int value, String name) {
        this(value, name, true);
    }

    private AddressScope(int value, String name, boolean known) {
        this.value = value;
        this.name = name;
        this.known = known;
    }

    private static AddressScope unknown(int value) {
        return new AddressScope(value, Integer.toString(value), false);
    }

    /**
     * The scope with number {@code value}: the constant of that number, or an instance named by the
     * number.
     *
     * @param value the value
     * @return the scope with number {@code value}: the constant of that number, or an instance named by the number
     * @throws IllegalArgumentException if {@code value} is outside 0-255
     */
    public static AddressScope of(int value) {
        return OpenValues.of(KNOWN, AddressScope::value, value, 255, "address scope", AddressScope::unknown);
    }

    /**
     * The scope named {@code name} as {@link #name()} returns it (case-insensitive, with or without
     * the {@code RT_SCOPE_} prefix), or by its number.
     *
     * @param name the name
     * @return the scope named {@code name} as {@link #name()} returns it (case-insensitive, with or without the {@code RT_SCOPE_} prefix), or by its number
     * @throws IllegalArgumentException for any other name
     */
    public static AddressScope parse(String name) {
        return OpenValues.parse(KNOWN, AddressScope::name, "RT_SCOPE_", "address scope", name, AddressScope::of, 255);
    }

    /** {@return the kernel's number for this scope} */
    public int value() {
        return value;
    }

    /**
     * The name of the kernel's constant without its {@code RT_SCOPE_} prefix, in upper case
     * ({@code UNIVERSE}), or the number for a scope without a constant here.
     *
     * @return the name of the kernel's constant without its {@code RT_SCOPE_} prefix, in upper case ({@code UNIVERSE}), or the number for a scope without a constant here
     */
    public String name() {
        return name;
    }

    /** {@return whether this class has a constant for this scope} */
    public boolean isKnown() {
        return known;
    }

    /**
     * Equal to a AddressScope with the same number.
     *
     * @param o the object to compare with
     * @return equal to a AddressScope with the same number
     */
    @Override
    public boolean equals(Object o) {
        return o instanceof AddressScope other && other.value == value;
    }

    /** {@return the number} */
    @Override
    public int hashCode() {
        return value;
    }

    /** {@return {@link #name()}} */
    @Override
    public String toString() {
        return name;
    }
}
