// SPDX-FileCopyrightText: 2026 The netlink4j Authors
// SPDX-License-Identifier: Apache-2.0
package io.netlink4j.route;

import io.netlink4j.internal.OpenValues;

/**
 * The operational state of a link (IFLA_OPERSTATE, the kernel's IF_OPER_* numbers after RFC 2863).
 *
 * <p>Open: the attribute is a byte and decoding must not fail on a number a newer kernel might
 * send, so a number without a constant here keeps its value and is named by it
 * ({@link #isKnown()} tells the two apart). The names are the kernel's, which iproute2 prints too.
 */
public final class OperState {
    /** IF_OPER_UNKNOWN (0): the driver does not report a state (also when the attribute is absent). */
    public static final OperState UNKNOWN = new OperState(0, "UNKNOWN");
    /** IF_OPER_NOTPRESENT (1): a component is missing. */
    public static final OperState NOTPRESENT = new OperState(1, "NOTPRESENT");
    /** IF_OPER_DOWN (2). */
    public static final OperState DOWN = new OperState(2, "DOWN");
    /** IF_OPER_LOWERLAYERDOWN (3): down because a link below it is. */
    public static final OperState LOWERLAYERDOWN = new OperState(3, "LOWERLAYERDOWN");
    /** IF_OPER_TESTING (4). */
    public static final OperState TESTING = new OperState(4, "TESTING");
    /** IF_OPER_DORMANT (5): up but waiting for an external event. */
    public static final OperState DORMANT = new OperState(5, "DORMANT");
    /** IF_OPER_UP (6). */
    public static final OperState UP = new OperState(6, "UP");

    private static final OperState[] KNOWN = {UNKNOWN, NOTPRESENT, DOWN, LOWERLAYERDOWN, TESTING, DORMANT, UP};

    private final int value;
    private final String name;
    private final boolean known;

    private OperState(int value, String name) {
        this(value, name, true);
    }

    private OperState(int value, String name, boolean known) {
        this.value = value;
        this.name = name;
        this.known = known;
    }

    private static OperState unknown(int value) {
        return new OperState(value, Integer.toString(value), false);
    }

    /**
     * The state with number {@code value}: the constant of that number, or an instance named by the
     * number.
     *
     * @param value the value
     * @return the state with number {@code value}: the constant of that number, or an instance named by the number
     * @throws IllegalArgumentException if {@code value} is outside 0-255
     */
    public static OperState of(int value) {
        return OpenValues.of(KNOWN, OperState::value, value, 255, "operational state", OperState::unknown);
    }

    /**
     * The state named {@code name} as {@link #name()} returns it (case-insensitive, with or without
     * the {@code IF_OPER_} prefix), or by its number.
     *
     * @param name the name
     * @return the state named {@code name} as {@link #name()} returns it (case-insensitive, with or without the {@code IF_OPER_} prefix), or by its number
     * @throws IllegalArgumentException for any other name
     */
    public static OperState parse(String name) {
        return OpenValues.parse(KNOWN, OperState::name, "IF_OPER_", "operational state", name, OperState::of, 255);
    }

    /** {@return the kernel's number for this state} */
    public int value() {
        return value;
    }

    /**
     * The name of the kernel's constant without its {@code IF_OPER_} prefix, in upper case
     * ({@code LOWERLAYERDOWN}), or the number for a state without a constant here.
     *
     * @return the name of the kernel's constant without its {@code IF_OPER_} prefix, in upper case ({@code LOWERLAYERDOWN}), or the number for a state without a constant here
     */
    public String name() {
        return name;
    }

    /** {@return whether this class has a constant for this state} */
    public boolean isKnown() {
        return known;
    }

    /**
     * Equal to a OperState with the same number.
     *
     * @param o the object to compare with
     * @return equal to a OperState with the same number
     */
    @Override
    public boolean equals(Object o) {
        return o instanceof OperState other && other.value == value;
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
