// SPDX-FileCopyrightText: 2026 The netlink4j Authors
// SPDX-License-Identifier: Apache-2.0
package io.netlink4j.route;

/**
 * The operational state of a link (IFLA_OPERSTATE, RFC 2863), named as iproute2 prints it. Open:
 * an unknown number keeps its value and is named by it.
 */
public final class OperState {
    public static final OperState UNKNOWN = new OperState(0, "UNKNOWN");
    public static final OperState NOTPRESENT = new OperState(1, "NOTPRESENT");
    public static final OperState DOWN = new OperState(2, "DOWN");
    public static final OperState LOWERLAYERDOWN = new OperState(3, "LOWERLAYERDOWN");
    public static final OperState TESTING = new OperState(4, "TESTING");
    public static final OperState DORMANT = new OperState(5, "DORMANT");
    public static final OperState UP = new OperState(6, "UP");

    private static final OperState[] KNOWN = {UNKNOWN, NOTPRESENT, DOWN, LOWERLAYERDOWN, TESTING, DORMANT, UP};

    private final int value;
    private final String name;

    private OperState(int value, String name) {
        this.value = value;
        this.name = name;
    }

    /** The state for an IF_OPER_* number (0-255). */
    public static OperState valueOf(int value) {
        return value >= 0 && value < KNOWN.length ? KNOWN[value] : new OperState(value, Integer.toString(value));
    }

    /** The IF_OPER_* number. */
    public int value() {
        return value;
    }

    public String name() {
        return name;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof OperState s && s.value == value;
    }

    @Override
    public int hashCode() {
        return value;
    }

    @Override
    public String toString() {
        return name;
    }
}
