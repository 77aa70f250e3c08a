// SPDX-FileCopyrightText: 2026 The netlink4j Authors
// SPDX-License-Identifier: Apache-2.0
package io.netlink4j;

import org.junit.jupiter.api.Test;

import java.net.InetAddress;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;

/** The open address-family type: constants, numbers without a constant, parsing, equality, range errors. */
class AddressFamilyTest {
    private static final List<AddressFamily> KNOWN = List.of(AddressFamily.UNSPEC, AddressFamily.INET, AddressFamily.BRIDGE,
            AddressFamily.INET6, AddressFamily.PACKET, AddressFamily.MPLS, AddressFamily.MCTP);

    @Test
    void constantsCarryTheKernelsNumbersAndNames() {
        assertEquals(List.of(0, 2, 7, 10, 17, 28, 45), KNOWN.stream().map(AddressFamily::value).toList());
        assertEquals(List.of("UNSPEC", "INET", "BRIDGE", "INET6", "PACKET", "MPLS", "MCTP"), KNOWN.stream().map(AddressFamily::name).toList());
        for (AddressFamily f : KNOWN) {
            assertSame(f, AddressFamily.of(f.value()));
            assertTrue(f.isKnown(), f.name());
            assertEquals(f.name(), f.toString());
        }
    }

    @Test
    void aNumberWithoutAConstantKeepsItsValueAndIsNamedByIt() {
        AddressFamily f = AddressFamily.of(38);
        assertEquals(38, f.value());
        assertEquals("38", f.name());
        assertEquals("38", f.toString());
        assertFalse(f.isKnown());
        assertFalse(f.isIp());
        assertEquals(0, f.addressLength());
        assertEquals(0, f.maxPrefixLength());
    }

    @Test
    void instancesAreEqualWhenTheirNumbersAre() {
        qt().withExamples(256).forAll(integers().between(0, 255)).checkAssert(v -> {
            AddressFamily a = AddressFamily.of(v);
            AddressFamily b = AddressFamily.of(v);
            assertEquals(a, b);
            assertEquals(a.hashCode(), b.hashCode());
            assertEquals(v, a.value());
            assertEquals(a, AddressFamily.parse(a.name()), "parse(name()) round trip");
            assertEquals(a, AddressFamily.parse(Integer.toString(v)));
            assertEquals(KNOWN.contains(a), a.isKnown());
            assertNotEquals(a, AddressFamily.of((v + 1) % 256));
        });
        assertNotEquals(AddressFamily.INET, (Object) "INET");
    }

    @Test
    void parseAcceptsNamesInAnyCaseWithOrWithoutThePrefix() {
        assertSame(AddressFamily.INET6, AddressFamily.parse("INET6"));
        assertSame(AddressFamily.INET6, AddressFamily.parse("inet6"));
        assertSame(AddressFamily.INET6, AddressFamily.parse("AF_INET6"));
        assertSame(AddressFamily.INET6, AddressFamily.parse("af_inet6"));
        assertSame(AddressFamily.PACKET, AddressFamily.parse("17"));
        assertEquals(99, AddressFamily.parse("AF_99").value());
    }

    @Test
    void badNamesAndNumbersAreRefusedWithTheAllowedValues() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> AddressFamily.parse("ipx"));
        assertEquals("address family 'ipx' (expected: UNSPEC, INET, BRIDGE, INET6, PACKET, MPLS, MCTP or a number 0-255)", e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> AddressFamily.parse(""));
        assertEquals("address family '256' (expected: UNSPEC, INET, BRIDGE, INET6, PACKET, MPLS, MCTP or a number 0-255)",
                assertThrows(IllegalArgumentException.class, () -> AddressFamily.parse("256")).getMessage());
        assertEquals("address family: -1 (expected: 0-255)",
                assertThrows(IllegalArgumentException.class, () -> AddressFamily.of(-1)).getMessage());
        assertThrows(IllegalArgumentException.class, () -> AddressFamily.of(256));
        assertThrows(NullPointerException.class, () -> AddressFamily.parse(null));
        assertThrows(NullPointerException.class, () -> AddressFamily.of((InetAddress) null));
    }

    @Test
    void ipFamiliesKnowTheirAddressLengths() throws Exception {
        assertSame(AddressFamily.INET, AddressFamily.of(InetAddress.getByName("10.0.0.1")));
        assertSame(AddressFamily.INET6, AddressFamily.of(InetAddress.getByName("2001:db8::1")));
        assertTrue(AddressFamily.INET.isIp());
        assertTrue(AddressFamily.INET6.isIp());
        assertFalse(AddressFamily.BRIDGE.isIp());
        assertEquals(4, AddressFamily.INET.addressLength());
        assertEquals(16, AddressFamily.INET6.addressLength());
        assertEquals(32, AddressFamily.INET.maxPrefixLength());
        assertEquals(128, AddressFamily.INET6.maxPrefixLength());
    }
}
