// SPDX-FileCopyrightText: 2026 The netlink4j Authors
// SPDX-License-Identifier: Apache-2.0
package io.netlink4j.internal;

import org.junit.jupiter.api.Test;

import java.net.InetAddress;
import java.net.UnknownHostException;

import static org.junit.jupiter.api.Assertions.assertEquals;

class InetAddressesTest {

    static InetAddress ip(String text) {
        try {
            return InetAddress.getByName(text);
        } catch (UnknownHostException e) {
            throw new IllegalArgumentException(e);
        }
    }

    @Test
    void ipAddressesPrintLikeIproute2() {
        assertEquals("10.0.0.1", InetAddresses.toText(ip("10.0.0.1")));
        assertEquals("2001:db8::1", InetAddresses.toText(ip("2001:0db8:0:0:0:0:0:1")));
        assertEquals("::", InetAddresses.toText(ip("::")));
        assertEquals("::1", InetAddresses.toText(ip("::1")));
        assertEquals("fe80::", InetAddresses.toText(ip("fe80::")));
        assertEquals("2001:db8:0:1:1:1:1:1", InetAddresses.toText(ip("2001:db8:0:1:1:1:1:1")), "a single zero group stays");
        assertEquals("2001:0:0:1::1", InetAddresses.toText(ip("2001:0:0:1:0:0:0:1")), "the longest run is compressed");
        assertEquals("1::1:0:0:1", InetAddresses.toText(ip("1:0:0:0:1:0:0:1")));
        assertEquals("1::1:0:0:1:1", InetAddresses.toText(ip("1:0:0:1:0:0:1:1")), "of equal runs, the first");
    }
}
