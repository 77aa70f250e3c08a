// SPDX-FileCopyrightText: 2026 The netlink4j Authors
// SPDX-License-Identifier: Apache-2.0
package io.netlink4j.route;

/**
 * The preference of an IPv6 route (RTA_PREF, RFC 4191's two-bit router preference), which the
 * kernel takes from router advertisements and an administrator may set.
 *
 * <p>Closed: the field has two bits and each of the four values has a meaning.
 */
public enum RoutePreference {
    /** ICMPV6_ROUTER_PREF_MEDIUM (0), the default. */
    MEDIUM(0),
    /** ICMPV6_ROUTER_PREF_HIGH (1). */
    HIGH(1),
    /** ICMPV6_ROUTER_PREF_INVALID (2): reserved; a route advertised with it is ignored. */
    INVALID(2),
    /** ICMPV6_ROUTER_PREF_LOW (3). */
    LOW(3);

    private final int value;

    RoutePreference(int value) {
        this.value = value;
    }

    /** {@return the kernel's number} */
    public int value() {
        return value;
    }

    /**
     * The preference with number {@code value}.
     *
     * @param value the number
     * @return the preference with number {@code value}
     * @throws IllegalArgumentException if {@code value} is outside 0-3
     */
    public static RoutePreference of(int value) {
        for (RoutePreference p : values()) {
            if (p.value == value) {
                return p;
            }
        }
        throw new IllegalArgumentException("route preference: " + value + " (expected: 0 (MEDIUM), 1 (HIGH), 2 (INVALID) or 3 (LOW))");
    }
}
