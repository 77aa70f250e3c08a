// SPDX-FileCopyrightText: 2026 The netlink4j Authors
// SPDX-License-Identifier: Apache-2.0
package io.netlink4j.route;

import io.netlink4j.internal.OpenValues;

/**
 * Who added an interface address (IFA_PROTO, the kernel's IFAPROT_* numbers, Linux 6.3 and
 * later): the kernel for its loopback, router-advertised and link-local addresses, or any
 * program that says so when it adds one.
 *
 * <p>Open: the attribute is a byte that user space may set to any value, so a number without a
 * constant here keeps its value and is named by it ({@link #isKnown()} tells the two apart).
 * An address without the attribute reads as {@link #UNSPEC}.
 */
public final class AddressProtocol {
    /** IFAPROT_UNSPEC (0): not said (also when the attribute is absent). */
    public static final AddressProtocol UNSPEC = new AddressProtocol(0, "UNSPEC");
    /** IFAPROT_KERNEL_LO (1): the kernel's loopback address. */
    public static final AddressProtocol KERNEL_LO = new AddressProtocol(1, "KERNEL_LO");
    /** IFAPROT_KERNEL_RA (2): configured by the kernel from a router advertisement. */
    public static final AddressProtocol KERNEL_RA = new AddressProtocol(2, "KERNEL_RA");
    /** IFAPROT_KERNEL_LL (3): the kernel's IPv6 link-local address. */
    public static final AddressProtocol KERNEL_LL = new AddressProtocol(3, "KERNEL_LL");

    private static final AddressProtocol[] KNOWN = {UNSPEC, KERNEL_LO, KERNEL_RA, KERNEL_LL};

    private final int value;
    private final String name;
    private final boolean known;

    private AddressProtocol(int value, String name) {
        this(value, name, true);
    }

    private AddressProtocol(int value, String name, boolean known) {
        this.value = value;
        this.name = name;
        this.known = known;
    }

    private static AddressProtocol unknown(int value) {
        return new AddressProtocol(value, Integer.toString(value), false);
    }

    /**
     * The protocol with number {@code value}: the constant of that number, or an instance named by the
     * number.
     *
     * @param value the value
     * @return the protocol with number {@code value}: the constant of that number, or an instance named by the number
     * @throws IllegalArgumentException if {@code value} is outside 0-255
     */
    public static AddressProtocol of(int value) {
        return OpenValues.of(KNOWN, AddressProtocol::value, value, 255, "address protocol", AddressProtocol::unknown);
    }

    /**
     * The protocol named {@code name} as {@link #name()} returns it (case-insensitive, with or without
     * the {@code IFAPROT_} prefix), or by its number.
     *
     * @param name the name
     * @return the protocol named {@code name} as {@link #name()} returns it (case-insensitive, with or without the {@code IFAPROT_} prefix), or by its number
     * @throws IllegalArgumentException for any other name
     */
    public static AddressProtocol parse(String name) {
        return OpenValues.parse(KNOWN, AddressProtocol::name, "IFAPROT_", "address protocol", name, AddressProtocol::of, 255);
    }

    /** {@return the kernel's number for this protocol} */
    public int value() {
        return value;
    }

    /**
     * The name of the kernel's constant without its {@code IFAPROT_} prefix, in upper case
     * ({@code KERNEL_LL}), or the number for a protocol without a constant here.
     *
     * @return the name of the kernel's constant without its {@code IFAPROT_} prefix, in upper case ({@code KERNEL_LL}), or the number for a protocol without a constant here
     */
    public String name() {
        return name;
    }

    /** {@return whether this class has a constant for this protocol} */
    public boolean isKnown() {
        return known;
    }

    /**
     * Equal to a AddressProtocol with the same number.
     *
     * @param o the object to compare with
     * @return equal to a AddressProtocol with the same number
     */
    @Override
    public boolean equals(Object o) {
        return o instanceof AddressProtocol other && other.value == value;
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
