// SPDX-FileCopyrightText: 2026 The netlink4j Authors
// SPDX-License-Identifier: Apache-2.0
package io.netlink4j.ynl;

/**
 * How a value is shown ({@code display-hint:}). The codec decodes a value with a hint into the
 * string the kernel's {@code ynl} library prints, and encodes that string back.
 */
public enum YnlDisplayHint {
    /** No hint: integers as numbers, bytes as bytes. */
    NONE,
    /** Integers as {@code 0x1f}, bytes as hex pairs separated by spaces ({@code "0a 1b"}). */
    HEX,
    /** Hex pairs separated by colons ({@code "00:11:22:33:44:55"}). */
    MAC,
    /** As {@link #MAC} (FDDI addresses). */
    FDDI,
    /** A dotted quad ({@code "192.0.2.1"}). */
    IPV4,
    /** An IPv6 address in its shortest form ({@code "2001:db8::1"}). */
    IPV6,
    /** A UUID ({@code "123e4567-e89b-12d3-a456-426614174000"}). */
    UUID;

    static YnlDisplayHint of(String name) {
        if (name == null) {
            return NONE;
        }
        return switch (name) {
            case "hex" -> HEX;
            case "mac" -> MAC;
            case "fddi" -> FDDI;
            case "ipv4" -> IPV4;
            case "ipv6" -> IPV6;
            case "uuid" -> UUID;
            default -> throw new IllegalArgumentException("display-hint: " + name
                    + " (expected: hex, mac, fddi, ipv4, ipv6, uuid)");
        };
    }
}
