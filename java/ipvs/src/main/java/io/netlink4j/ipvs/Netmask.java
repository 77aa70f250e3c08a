// SPDX-FileCopyrightText: 2026 The netlink4j Authors
// SPDX-License-Identifier: Apache-2.0
package io.netlink4j.ipvs;

import io.netlink4j.AddressFamily;

import java.net.Inet4Address;
import java.util.Objects;
import java.util.OptionalInt;

/**
 * The persistence granularity of a service (IPVS_SVC_ATTR_NETMASK, ipvsadm {@code -M}): the kernel
 * ANDs a client's address with it, so that clients of one network share a destination.
 *
 * <p>An IPv4 netmask is any 32-bit mask: a prefix such as {@code 255.255.255.0}
 * ({@link #ofPrefix(int) ofPrefix(24)}), or a mask whose ones are not contiguous, such as
 * {@code 255.0.255.0} ({@link #of(int) of(0xFF00FF00)}), which the kernel accepts as well. An IPv6
 * netmask is a prefix length only ({@link #ofPrefix(AddressFamily, int)}): that is all IPVS
 * carries for IPv6. Immutable; equal when family and mask are.
 */
public final class Netmask {
    private final AddressFamily family;
    /** INET: the 32 mask bits, most significant first; INET6: the prefix length. */
    private final int value;
    /** The prefix length, or -1 if the mask is not contiguous. */
    private final int prefix;

    private Netmask(AddressFamily family, int value, int prefix) {
        this.family = family;
        this.value = value;
        this.prefix = prefix;
    }

    /**
     * The IPv4 netmask of {@code prefixLength} leading ones: {@code ofPrefix(24)} is {@code 255.255.255.0}.
     *
     * @throws IllegalArgumentException if {@code prefixLength} is outside 0-32
     */
    public static Netmask ofPrefix(int prefixLength) {
        if (prefixLength < 0 || prefixLength > 32) {
            throw new IllegalArgumentException("prefixLength: " + prefixLength
                    + " (expected: 0-32 for INET; an IPv6 prefix is ofPrefix(AddressFamily.INET6, 0-128))");
        }
        return new Netmask(AddressFamily.INET, prefixLength == 0 ? 0 : -1 << (32 - prefixLength), prefixLength);
    }

    /**
     * The netmask of {@code prefixLength} for {@code family}: 0-32 for INET, 0-128 for INET6.
     *
     * @throws IllegalArgumentException for another family, or a prefix length out of its range
     */
    public static Netmask ofPrefix(AddressFamily family, int prefixLength) {
        Objects.requireNonNull(family, "family");
        if (family.equals(AddressFamily.INET)) {
            return ofPrefix(prefixLength);
        }
        Checks.ipFamily("family", family);
        Checks.range("prefixLength", prefixLength, 0, 128);
        return new Netmask(AddressFamily.INET6, prefixLength, prefixLength);
    }

    /**
     * The IPv4 netmask of the 32 bits of {@code mask}, most significant first: {@code of(0xFFFFFF00)}
     * is {@code 255.255.255.0}. Any value is a mask the kernel accepts, contiguous or not.
     */
    public static Netmask of(int mask) {
        int prefix = Integer.bitCount(mask);
        boolean contiguous = mask == (prefix == 0 ? 0 : -1 << (32 - prefix));
        return new Netmask(AddressFamily.INET, mask, contiguous ? prefix : -1);
    }

    /** The IPv4 netmask written as the address {@code mask} ({@code 255.255.255.0}). */
    public static Netmask of(Inet4Address mask) {
        byte[] b = Objects.requireNonNull(mask, "mask").getAddress();
        return of((b[0] & 0xFF) << 24 | (b[1] & 0xFF) << 16 | (b[2] & 0xFF) << 8 | (b[3] & 0xFF));
    }

    /** The full-length netmask of {@code family}: /32 for INET, /128 for INET6 (every client on its own). */
    static Netmask full(AddressFamily family) {
        return ofPrefix(family, family.maxPrefixLength());
    }

    /** INET or INET6: the family of the services this netmask fits. */
    public AddressFamily addressFamily() {
        return family;
    }

    /**
     * The mask as IPVS carries it: for INET the 32 mask bits, most significant first
     * ({@code 0xFFFFFF00} for {@code 255.255.255.0}); for INET6 the prefix length.
     */
    public int value() {
        return value;
    }

    /** Whether the mask is a prefix: its ones are contiguous from the top (always true for INET6). */
    public boolean isContiguous() {
        return prefix >= 0;
    }

    /** The prefix length (0-32 for INET, 0-128 for INET6), or empty for an IPv4 mask that is not a prefix. */
    public OptionalInt prefixLength() {
        return prefix >= 0 ? OptionalInt.of(prefix) : OptionalInt.empty();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Netmask m && m.family.equals(family) && m.value == value;
    }

    @Override
    public int hashCode() {
        return family.hashCode() * 31 + value;
    }

    /** INET: the dotted quad ({@code 255.255.255.0}); INET6: the prefix length after a slash ({@code /64}). */
    @Override
    public String toString() {
        if (family.equals(AddressFamily.INET6)) {
            return "/" + value;
        }
        return (value >>> 24) + "." + (value >>> 16 & 0xFF) + "." + (value >>> 8 & 0xFF) + "." + (value & 0xFF);
    }
}
