// SPDX-FileCopyrightText: 2026 The netlink4j Authors
// SPDX-License-Identifier: Apache-2.0
package io.netlink4j.ipvs;

import java.net.Inet4Address;
import java.net.InetAddress;

/** The address family of a service or destination. */
public enum AddressFamily {
    INET(2, 4, 32),
    INET6(10, 16, 128);

    private final int value;
    private final int addressLength;
    private final int maxPrefix;

    AddressFamily(int value, int addressLength, int maxPrefix) {
        this.value = value;
        this.addressLength = addressLength;
        this.maxPrefix = maxPrefix;
    }

    /** The AF_* number. */
    public int value() {
        return value;
    }

    /** Bytes in an address of this family. */
    public int addressLength() {
        return addressLength;
    }

    /** The longest prefix length (32 or 128). */
    public int maxPrefixLength() {
        return maxPrefix;
    }

    public static AddressFamily of(InetAddress address) {
        return address instanceof Inet4Address ? INET : INET6;
    }

    /** The family for an AF_* number, or null if IPVS does not use it. */
    public static AddressFamily fromValue(int value) {
        return switch (value) {
            case 2 -> INET;
            case 10 -> INET6;
            default -> null;
        };
    }
}
