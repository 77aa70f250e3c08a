// SPDX-FileCopyrightText: 2026 The netlink4j Authors
// SPDX-License-Identifier: Apache-2.0
package io.netlink4j.route;

/**
 * The operational state of a link (IFLA_OPERSTATE, the kernel's IF_OPER_* numbers after RFC 2863).
 *
 * <p>Open: the attribute is a byte and decoding must not fail on a number a newer kernel might
 * send, so a number without a constant here keeps its value and is named by it
 * ({@link #isKnown()} tells the two apart). The names are the kernel's, which iproute2 prints too.
 */
public final class OperState extends OpenValue {
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

    private OperState(int value, String name) {
        super(value, name, true);
    }

    private OperState(int value) {
        super(value, Integer.toString(value), false);
    }

    /**
     * The state with number {@code value}: the constant of that number, or an instance named by the
     * number.
     *
     * @throws IllegalArgumentException if {@code value} is outside 0-255
     */
    public static OperState of(int value) {
        return of(KNOWN, value, 255, "operational state", OperState::new);
    }

    /**
     * The state named {@code name} as {@link #name()} returns it (case-insensitive, with or without
     * the {@code IF_OPER_} prefix), or by its number.
     *
     * @throws IllegalArgumentException for any other name
     */
    public static OperState parse(String name) {
        return parse(KNOWN, "IF_OPER_", "operational state", name, OperState::of, 255);
    }
}
