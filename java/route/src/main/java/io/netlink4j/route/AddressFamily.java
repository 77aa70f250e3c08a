// SPDX-FileCopyrightText: 2026 The netlink4j Authors
// SPDX-License-Identifier: Apache-2.0
package io.netlink4j.route;

/**
 * The address family of an interface address ({@code ifa_family}, AF_*), named as iproute2 prints
 * it. Open: an unknown number (an address of a protocol this library does not decode) keeps its
 * value and is named by it.
 */
public final class AddressFamily {
    public static final AddressFamily UNSPEC = new AddressFamily(0, "unspec");
    public static final AddressFamily INET = new AddressFamily(2, "inet");
    public static final AddressFamily INET6 = new AddressFamily(10, "inet6");
    public static final AddressFamily PACKET = new AddressFamily(17, "link");
    public static final AddressFamily MPLS = new AddressFamily(28, "mpls");
    public static final AddressFamily MCTP = new AddressFamily(45, "mctp");

    private static final AddressFamily[] KNOWN = {UNSPEC, INET, INET6, PACKET, MPLS, MCTP};

    private final int value;
    private final String name;

    private AddressFamily(int value, String name) {
        this.value = value;
        this.name = name;
    }

    /** The family for an AF_* number (0-255). */
    public static AddressFamily valueOf(int value) {
        for (AddressFamily f : KNOWN) {
            if (f.value == value) {
                return f;
            }
        }
        return new AddressFamily(value, Integer.toString(value));
    }

    /** The AF_* number. */
    public int value() {
        return value;
    }

    public String name() {
        return name;
    }

    /** Bytes in an address of this family: 4 for INET, 16 for INET6, 0 for families without IP addresses. */
    public int addressLength() {
        return value == 2 ? 4 : value == 10 ? 16 : 0;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof AddressFamily f && f.value == value;
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
