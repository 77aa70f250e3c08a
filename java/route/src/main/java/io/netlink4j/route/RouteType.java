// SPDX-FileCopyrightText: 2026 The netlink4j Authors
// SPDX-License-Identifier: Apache-2.0
package io.netlink4j.route;

import io.netlink4j.internal.OpenValues;

/**
 * The type of a route ({@code rtm_type}, the kernel's RTN_* numbers): what the kernel does with a
 * packet the route matches (forward it, deliver it locally, drop it, ...).
 *
 * <p>Open: the field is a byte and the kernel has added types before, so a number without a
 * constant here keeps its value and is named by it ({@link #isKnown()} tells the two apart).
 */
public final class RouteType {
    /** RTN_UNSPEC (0): unknown; in a request to delete, any type. */
    public static final RouteType UNSPEC = new RouteType(0, "UNSPEC");
    /** RTN_UNICAST (1): a gateway or direct route. */
    public static final RouteType UNICAST = new RouteType(1, "UNICAST");
    /** RTN_LOCAL (2): a local interface route: packets are delivered to this host. */
    public static final RouteType LOCAL = new RouteType(2, "LOCAL");
    /** RTN_BROADCAST (3): a local broadcast route, sent as broadcast. */
    public static final RouteType BROADCAST = new RouteType(3, "BROADCAST");
    /** RTN_ANYCAST (4): a local broadcast route, sent as unicast. */
    public static final RouteType ANYCAST = new RouteType(4, "ANYCAST");
    /** RTN_MULTICAST (5): a multicast route. */
    public static final RouteType MULTICAST = new RouteType(5, "MULTICAST");
    /** RTN_BLACKHOLE (6): a packet-dropping route. */
    public static final RouteType BLACKHOLE = new RouteType(6, "BLACKHOLE");
    /** RTN_UNREACHABLE (7): an unreachable destination. */
    public static final RouteType UNREACHABLE = new RouteType(7, "UNREACHABLE");
    /** RTN_PROHIBIT (8): an administratively prohibited destination. */
    public static final RouteType PROHIBIT = new RouteType(8, "PROHIBIT");
    /** RTN_THROW (9): not in this table: the lookup continues in the next. */
    public static final RouteType THROW = new RouteType(9, "THROW");
    /** RTN_NAT (10): a network address translation rule. */
    public static final RouteType NAT = new RouteType(10, "NAT");
    /** RTN_XRESOLVE (11): an external resolver (not implemented by the kernel). */
    public static final RouteType XRESOLVE = new RouteType(11, "XRESOLVE");

    private static final RouteType[] KNOWN = {UNSPEC, UNICAST, LOCAL, BROADCAST, ANYCAST, MULTICAST, BLACKHOLE, UNREACHABLE, PROHIBIT, THROW, NAT, XRESOLVE};

    private final int value;
    private final String name;
    private final boolean known;

    private RouteType(int value, String name) {
        this(value, name, true);
    }

    private RouteType(int value, String name, boolean known) {
        this.value = value;
        this.name = name;
        this.known = known;
    }

    private static RouteType unknown(int value) {
        return new RouteType(value, Integer.toString(value), false);
    }

    /**
     * The type with number {@code value}: the constant of that number, or an instance named by the
     * number.
     *
     * @param value the value
     * @return the type with number {@code value}: the constant of that number, or an instance named by the number
     * @throws IllegalArgumentException if {@code value} is outside 0-255
     */
    public static RouteType of(int value) {
        return OpenValues.of(KNOWN, RouteType::value, value, 255, "route type", RouteType::unknown);
    }

    /**
     * The type named {@code name} as {@link #name()} returns it (case-insensitive, with or without
     * the {@code RTN_} prefix), or by its number.
     *
     * @param name the name
     * @return the type named {@code name} as {@link #name()} returns it (case-insensitive, with or without the {@code RTN_} prefix), or by its number
     * @throws IllegalArgumentException for any other name
     */
    public static RouteType parse(String name) {
        return OpenValues.parse(KNOWN, RouteType::name, "RTN_", "route type", name, RouteType::of, 255);
    }

    /** {@return the kernel's number for this type} */
    public int value() {
        return value;
    }

    /**
     * The name of the kernel's constant without its {@code RTN_} prefix, in upper case
     * ({@code UNICAST}), or the number for a type without a constant here.
     *
     * @return the name of the kernel's constant without its {@code RTN_} prefix, in upper case ({@code UNICAST}), or the number for a type without a constant here
     */
    public String name() {
        return name;
    }

    /** {@return whether this class has a constant for this type} */
    public boolean isKnown() {
        return known;
    }

    /**
     * Equal to a RouteType with the same number.
     *
     * @param o the object to compare with
     * @return equal to a RouteType with the same number
     */
    @Override
    public boolean equals(Object o) {
        return o instanceof RouteType other && other.value == value;
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
