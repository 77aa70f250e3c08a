// SPDX-FileCopyrightText: 2026 The netlink4j Authors
// SPDX-License-Identifier: Apache-2.0
package io.netlink4j.route;

import io.netlink4j.AddressFamily;
import io.netlink4j.internal.InetAddresses;

import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.UnknownHostException;

/** What {@link Route}, {@link RouteSpec} and the codec share about route addresses. */
final class RouteValues {
    private RouteValues() {}

    /** {@code 0.0.0.0} or {@code ::}: the destination of a default route. */
    static InetAddress anyAddress(AddressFamily family) {
        try {
            return family.equals(AddressFamily.INET6) ? Inet6Address.getByAddress(null, new byte[16], -1)
                    : InetAddress.getByAddress(new byte[4]);
        } catch (UnknownHostException e) {
            throw new AssertionError(e);
        }
    }

    /** @throws IllegalArgumentException if {@code address} is not null and not of {@code family} */
    static void checkFamily(String field, InetAddress address, AddressFamily family) {
        if (address != null && !AddressFamily.of(address).equals(family)) {
            throw new IllegalArgumentException(field + ": " + InetAddresses.toText(address) + " (expected: an " + family + " address)");
        }
    }

    /** Whether {@code address} has a bit set after its first {@code prefixLength} bits. */
    static boolean hasHostBits(InetAddress address, int prefixLength) {
        byte[] raw = address.getAddress();
        for (int bit = prefixLength; bit < raw.length * 8; bit++) {
            if ((raw[bit / 8] & (0x80 >>> (bit % 8))) != 0) {
                return true;
            }
        }
        return false;
    }
}
