// SPDX-FileCopyrightText: 2026 The netlink4j Authors
// SPDX-License-Identifier: Apache-2.0
package io.netlink4j.cli.ipvs;

import io.netlink4j.ipvs.Netmask;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.net.Inet6Address;
import java.net.InetAddress;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;

/** Address text as glibc's inet_aton, inet_pton and inet_ntop handle it. */
class InetTextTest {
    @ParameterizedTest
    @CsvSource({
            "10.0.0.1, 10.0.0.1",
            "127.1, 127.0.0.1",
            "10.1.2, 10.1.0.2",
            "167772161, 10.0.0.1",
            "0x0a.1, 10.0.0.1",
            "0x7f.0.0.0x1, 127.0.0.1",
            "012.0.0.1, 10.0.0.1",
            "0, 0.0.0.0",
            "255.255.255.255, 255.255.255.255",
            "1.2.65535, 1.2.255.255",
            "'1.2.3.4 trailing', 1.2.3.4"})
    void atonAcceptsTheClassicForms(String text, String expected) {
        assertEquals(expected, InetText.aton(text).getHostAddress());
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "1.2.3.4.5", "256.1.1.1", "1.2.3.256", "1.2.65536", "08.1.1.1", "0x", "0x.1", "1..2",
            "a.b.c.d", "1.2.3.", ".1.2.3", "4294967296", "+1.2.3.4", " 1.2.3.4", "1.2.3.4x", "localhost", "::1"})
    void atonRejects(String text) {
        assertNull(InetText.aton(text));
    }

    @ParameterizedTest
    @CsvSource({
            "::, ::",
            "::1, ::1",
            "1::, 1::",
            "2001:db8::1, 2001:db8::1",
            "2001:DB8:0:0:0:0:0:1, 2001:db8::1",
            "2001:db8:0:0:1:0:0:1, 2001:db8::1:0:0:1",
            "2001:0:0:1:0:0:0:1, 2001:0:0:1::1",
            "1:2:3:4:5:6:7:8, 1:2:3:4:5:6:7:8",
            "1:0:3:4:5:6:7:8, 1:0:3:4:5:6:7:8",
            "::ffff:1.2.3.4, ::ffff:1.2.3.4",
            "::1.2.3.4, ::1.2.3.4",
            "::0.0.0.2, ::2",
            "1:2:3:4:5:6:1.2.3.4, 1:2:3:4:5:6:102:304",
            "ffff:ffff:ffff:ffff:ffff:ffff:ffff:ffff, ffff:ffff:ffff:ffff:ffff:ffff:ffff:ffff"})
    void ptonAndNtopRoundTrip(String text, String printed) {
        Inet6Address a = InetText.pton6(text);
        assertInstanceOf(Inet6Address.class, a);
        assertEquals(printed, InetText.ntop(a));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", ":", ":1", "1:", "1:::2", "1::2::3", "12345::", "00001::", "1:2:3:4:5:6:7:8:9", "1:2:3:4:5:6:7::8",
            "::1.2.3", "::1.2.3.04", "::256.1.1.1", "1:2:3:4:5:6:7:1.2.3.4", "fe80::1%lo", "[::1]", "g::", "10.0.0.1"})
    void ptonRejects(String text) {
        assertNull(InetText.pton6(text));
    }

    @Test
    void pton4IsStrict() {
        assertEquals("239.1.2.3", InetText.pton4("239.1.2.3").getHostAddress());
        assertNull(InetText.pton4("239.1.2"));
        assertNull(InetText.pton4("239.01.2.3"));
        assertNull(InetText.pton4("0x10.1.2.3"));
    }

    @Test
    void mappedAddressesStayIpv6() {
        InetAddress a = InetText.byAddress(InetText.pton6("::ffff:10.0.0.1").getAddress());
        assertInstanceOf(Inet6Address.class, a);
    }

    @ParameterizedTest
    @CsvSource({"0, 0.0.0.0", "-2147483648, 128.0.0.0", "-16777216, 255.0.0.0", "-256, 255.255.255.0", "-16711936, 255.0.255.0",
            "255, 0.0.0.255", "-1, 255.255.255.255"})
    void masks(int mask, String text) {
        assertEquals(text, Netmask.of(mask).toString());
    }
}
