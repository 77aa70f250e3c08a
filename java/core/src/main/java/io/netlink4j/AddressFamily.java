// SPDX-FileCopyrightText: 2026 The netlink4j Authors
// SPDX-License-Identifier: Apache-2.0
package io.netlink4j;

import io.netlink4j.internal.OpenValues;

import java.net.Inet4Address;
import java.net.InetAddress;
import java.util.Objects;

/**
 * An address family, the kernel's {@code AF_*} numbers, as every family of this library uses it
 * (IPVS services, rtnetlink addresses and links).
 *
 * <p>Open: the kernel defines more families than this class names, and learns new ones. A number
 * without a constant here keeps its value and is named by it, so decoding never fails on it;
 * {@link #isKnown()} tells the two apart. Two instances are equal when their numbers are.
 */
public final class AddressFamily {
    /** AF_UNSPEC (0). */
    public static final AddressFamily UNSPEC = new AddressFamily(0, "UNSPEC");
    /** AF_INET (2): IPv4. */
    public static final AddressFamily INET = new AddressFamily(2, "INET");
    /** AF_BRIDGE (7). */
    public static final AddressFamily BRIDGE = new AddressFamily(7, "BRIDGE");
    /** AF_INET6 (10): IPv6. */
    public static final AddressFamily INET6 = new AddressFamily(10, "INET6");
    /** AF_PACKET (17): link-layer addresses. */
    public static final AddressFamily PACKET = new AddressFamily(17, "PACKET");
    /** AF_MPLS (28). */
    public static final AddressFamily MPLS = new AddressFamily(28, "MPLS");
    /** AF_MCTP (45). */
    public static final AddressFamily MCTP = new AddressFamily(45, "MCTP");

    private static final AddressFamily[] KNOWN = {UNSPEC, INET, BRIDGE, INET6, PACKET, MPLS, MCTP};

    private final int value;
    private final String name;

    private AddressFamily(int value, String name) {
        this.value = value;
        this.name = name;
    }

    /**
     * The family with kernel number {@code value}: the constant of that number, or an instance
     * named by the number.
     *
     * @param value the kernel's number, 0-255
     * @return the family
     * @throws IllegalArgumentException if {@code value} is outside 0-255 (the kernel's range)
     */
    public static AddressFamily of(int value) {
        return OpenValues.of(KNOWN, AddressFamily::value, value, 255, "address family", v -> new AddressFamily(v, Integer.toString(v)));
    }

    /**
     * The family of an IP address.
     *
     * @param address an IPv4 or IPv6 address
     * @return {@link #INET} or {@link #INET6}
     */
    public static AddressFamily of(InetAddress address) {
        Objects.requireNonNull(address, "address");
        return address instanceof Inet4Address ? INET : INET6;
    }

    /**
     * The family named {@code name}, as {@link #name()} returns it (case-insensitive, with or
     * without the {@code AF_} prefix), or by its number.
     *
     * @param name a name or a number
     * @return the family
     * @throws IllegalArgumentException for any other name
     */
    public static AddressFamily parse(String name) {
        return OpenValues.parse(KNOWN, AddressFamily::name, "AF_", "address family", name, AddressFamily::of, 255);
    }

    /**
     * The kernel's number for this family.
     *
     * @return the number, 0-255
     */
    public int value() {
        return value;
    }

    /**
     * The kernel's name without its {@code AF_} prefix.
     *
     * @return the name, e.g. {@code INET6}, or the number for a family without a constant
     */
    public String name() {
        return name;
    }

    /**
     * Whether this class has a constant for the family.
     *
     * @return true for a known family
     */
    public boolean isKnown() {
        return OpenValues.isKnown(KNOWN, AddressFamily::value, value);
    }

    /**
     * Whether this is an IP family.
     *
     * @return true for {@link #INET} and {@link #INET6}
     */
    public boolean isIp() {
        return value == 2 || value == 10;
    }

    /**
     * Bytes in an address of this family.
     *
     * @return 4 for INET, 16 for INET6, 0 for any other family
     */
    public int addressLength() {
        return value == 2 ? 4 : value == 10 ? 16 : 0;
    }

    /**
     * The longest prefix length of this family.
     *
     * @return 32 for INET, 128 for INET6, 0 for any other family
     */
    public int maxPrefixLength() {
        return addressLength() * 8;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof AddressFamily f && f.value == value;
    }

    @Override
    public int hashCode() {
        return value;
    }

    /** {@link #name()}. */
    @Override
    public String toString() {
        return name;
    }
}
