// SPDX-FileCopyrightText: 2026 The netlink4j Authors
// SPDX-License-Identifier: Apache-2.0
package io.netlink4j.ipvs;

import io.netlink4j.AddressFamily;

import java.net.InetAddress;
import java.nio.charset.StandardCharsets;

/**
 * The checks the value types share. Each throws {@link IllegalArgumentException} naming the field,
 * the value and what is allowed: {@code "weight: -1 (expected: 0-2147483647)"}.
 */
final class Checks {
    private Checks() {}

    /** {@code value} if it lies in {@code min..max}. */
    static long range(String field, long value, long min, long max) {
        if (value < min || value > max) {
            throw new IllegalArgumentException(field + ": " + value + " (expected: " + min + "-" + max + ")");
        }
        return value;
    }

    /** {@code value} if it lies in {@code min..max}. */
    static int range(String field, int value, int min, int max) {
        return (int) range(field, (long) value, min, max);
    }

    /** An unsigned 16-bit value: a port, or a u16 field. */
    static int u16(String field, int value) {
        return range(field, value, 0, 0xFFFF);
    }

    /** An unsigned 32-bit value held in a long. */
    static long u32(String field, long value) {
        return range(field, value, 0, 0xFFFFFFFFL);
    }

    /** A name the kernel takes as a NUL-terminated string of {@code min} to {@code max} bytes of UTF-8. */
    static String name(String field, String name, int min, int max) {
        if (name == null) {
            throw new IllegalArgumentException(field + ": null (expected: " + min + "-" + max + " bytes of UTF-8)");
        }
        int bytes = name.getBytes(StandardCharsets.UTF_8).length;
        // An unpaired surrogate has no UTF-8 form: it would be sent as '?'.
        boolean wellFormed = StandardCharsets.UTF_8.newEncoder().canEncode(name);
        if (bytes < min || bytes > max || name.indexOf('\0') >= 0 || !wellFormed) {
            throw new IllegalArgumentException(field + " '" + name + "': " + bytes + " bytes (expected: " + min + "-"
                    + max + " bytes of UTF-8, no NUL)");
        }
        return name;
    }

    /** {@code family} if IPVS supports it: INET or INET6. */
    static AddressFamily ipFamily(String field, AddressFamily family) {
        if (!family.isIp()) {
            throw new IllegalArgumentException(field + ": " + family + " (expected: INET or INET6, the families IPVS supports)");
        }
        return family;
    }

    /**
     * The family of {@code address}, checked against {@code declared} when that is set.
     */
    static AddressFamily familyOf(AddressFamily declared, InetAddress address) {
        AddressFamily actual = AddressFamily.of(address);
        if (declared != null && !declared.equals(actual)) {
            throw new IllegalArgumentException("address " + address.getHostAddress() + " is " + actual
                    + " but addressFamily is " + declared + " (expected: the same family)");
        }
        return actual;
    }
}
