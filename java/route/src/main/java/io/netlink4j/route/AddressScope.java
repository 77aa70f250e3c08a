// SPDX-FileCopyrightText: 2026 The netlink4j Authors
// SPDX-License-Identifier: Apache-2.0
package io.netlink4j.route;

/**
 * The scope of an interface address ({@code ifa_scope}, RT_SCOPE_*), named as iproute2 prints it.
 * Open: any other number (0-255) keeps its value and is named by it.
 */
public final class AddressScope {
    public static final AddressScope UNIVERSE = new AddressScope(0, "global");
    public static final AddressScope SITE = new AddressScope(200, "site");
    public static final AddressScope LINK = new AddressScope(253, "link");
    public static final AddressScope HOST = new AddressScope(254, "host");
    public static final AddressScope NOWHERE = new AddressScope(255, "nowhere");

    private static final AddressScope[] KNOWN = {UNIVERSE, SITE, LINK, HOST, NOWHERE};

    private final int value;
    private final String name;

    private AddressScope(int value, String name) {
        this.value = value;
        this.name = name;
    }

    /**
     * The scope for an RT_SCOPE_* number.
     *
     * @throws IllegalArgumentException if it is outside 0-255
     */
    public static AddressScope valueOf(int value) {
        if (value < 0 || value > 255) {
            throw new IllegalArgumentException("address scope: " + value + " (expected: 0-255)");
        }
        for (AddressScope s : KNOWN) {
            if (s.value == value) {
                return s;
            }
        }
        return new AddressScope(value, Integer.toString(value));
    }

    /** The RT_SCOPE_* number. */
    public int value() {
        return value;
    }

    public String name() {
        return name;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof AddressScope s && s.value == value;
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
