// SPDX-FileCopyrightText: 2026 The netlink4j Authors
// SPDX-License-Identifier: Apache-2.0
package io.netlink4j.route;

import io.netlink4j.AddressFamily;
import org.junit.jupiter.api.Test;

import java.util.List;

import static io.netlink4j.route.RouteCodecTest.ip;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Route, NextHop and RouteSpec as values, and the open value types of routes. */
class RouteValuesTest {
    static void invalid(String expectedText, Runnable build) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, build::run);
        assertEquals(expectedText, e.getMessage());
    }

    @Test
    void specsAreValidatedNamingTheFieldAndWhatIsAllowed() {
        invalid("destination prefix length: 33 (expected: 0-32 for 10.0.0.0)", () -> RouteSpec.builder(ip("10.0.0.0"), 33).build());
        invalid("destination: 10.1.2.3/16 (expected: no bit set after the prefix)", () -> RouteSpec.builder(ip("10.1.2.3"), 16).build());
        invalid("table: 0 (expected: 1-4294967295, as the bits of an int; 254 is the main table)",
                () -> RouteSpec.builder(ip("10.0.0.0"), 8).table(0).build());
        invalid("nextHops of 10.0.0.0/8 (expected: either next hops, or a gateway and link index, not both)",
                () -> RouteSpec.builder(ip("10.0.0.0"), 8).gateway(ip("10.1.1.1"))
                        .nextHops(List.of(NextHop.builder().linkIndex(2).build())).build());
        invalid("gateway: 10.1.1.1 (expected: an INET6 address)",
                () -> RouteSpec.builder(ip("2001:db8::"), 32).gateway(ip("10.1.1.1")).build());
        invalid("preferredSource: 2001:db8::1 (expected: an INET address)",
                () -> RouteSpec.builder(ip("10.0.0.0"), 8).preferredSource(ip("2001:db8::1")).build());
        invalid("tos: 16 (expected: 0-255 for INET, 0 for INET6)", () -> RouteSpec.builder(ip("2001:db8::"), 32).tos(16).build());
        invalid("source of IPv4 route 10.0.0.0/8 (expected: IPv6 only)",
                () -> RouteSpec.builder(ip("10.0.0.0"), 8).source(ip("10.1.0.0"), 16).build());
        invalid("preference of IPv4 route 10.0.0.0/8 (expected: IPv6 only)",
                () -> RouteSpec.builder(ip("10.0.0.0"), 8).preference(RoutePreference.LOW).build());
        invalid("flags: 0x10 (expected: 0 or 0x4 (ONLINK))", () -> RouteSpec.builder(ip("10.0.0.0"), 8).flags(RouteFlags.LINKDOWN).build());
        invalid("weight: 0 (expected: 1-256)", () -> NextHop.builder().weight(0).build());
        invalid("linkIndex: -1 (expected: 0-2147483647)", () -> NextHop.builder().linkIndex(-1).build());
        invalid("addressFamily: MPLS (expected: INET or INET6)", () -> Route.builder().addressFamily(AddressFamily.MPLS).build());
        invalid("destination: 2001:db8::1 (expected: an INET address)", () -> Route.builder().destination(ip("2001:db8::1")).build());
        assertThrows(NullPointerException.class, () -> RouteSpec.builder(null, 0));
        // An IPv6 gateway of an IPv4 route is allowed: it travels as RTA_VIA.
        assertEquals(ip("fe80::1"), RouteSpec.builder(ip("10.0.0.0"), 8).gateway(ip("fe80::1")).build().gateway().orElseThrow());
    }

    @Test
    void valuesAreImmutableAndEqualByTheirAccessors() {
        Route a = Route.builder().addressFamily(AddressFamily.INET6).destinationPrefixLength(0).priority(1024).build();
        assertEquals(ip("::"), a.destination(), "a default route's destination is the unspecified address");
        assertEquals(a, a.toBuilder().build());
        assertEquals(a.hashCode(), a.toBuilder().build().hashCode());
        assertNotEquals(a, a.toBuilder().table(100).build());
        assertEquals("Route[INET6 ::/0 table 254 proto UNSPEC scope UNIVERSE metric 1024]", a.toString());
        RouteSpec spec = RouteSpec.builder(ip("10.1.0.0"), 16).gateway(ip("10.0.0.2")).linkIndex(3).priority(5).build();
        assertEquals(spec, spec.toBuilder().build());
        assertEquals("RouteSpec[10.1.0.0/16 metric 5 via 10.0.0.2 dev 3]", spec.toString());
        assertTrue(spec.protocol().isEmpty() && spec.scope().isEmpty() && spec.mtu().isEmpty());
        assertEquals(AddressScope.UNIVERSE, spec.scopeToCreate());
        assertEquals(AddressScope.LINK, RouteSpec.builder(ip("10.1.0.0"), 16).linkIndex(3).build().scopeToCreate());
        assertEquals(AddressScope.HOST, RouteSpec.builder(ip("10.1.0.1"), 32).type(RouteType.LOCAL).build().scopeToCreate());
        assertEquals(AddressScope.UNIVERSE, RouteSpec.builder(ip("2001:db8::"), 32).linkIndex(3).build().scopeToCreate(),
                "the kernel decides an IPv6 route's scope");
    }

    @Test
    void openValuesKeepNumbersTheyDoNotKnow() {
        assertSame(RouteType.BLACKHOLE, RouteType.of(6));
        assertSame(RouteType.BLACKHOLE, RouteType.parse("rtn_blackhole"));
        RouteType future = RouteType.of(42);
        assertFalse(future.isKnown());
        assertEquals("42", future.name());
        assertEquals(future, RouteType.parse("42"));
        assertSame(RouteProtocol.BGP, RouteProtocol.of(186));
        assertEquals("STATIC", RouteProtocol.parse("RTPROT_STATIC").toString());
        assertFalse(RouteProtocol.of(77).isKnown());
        invalid("route type: 256 (expected: 0-255)", () -> RouteType.of(256));
        assertSame(RoutePreference.LOW, RoutePreference.of(3));
        invalid("route preference: 4 (expected: 0 (MEDIUM), 1 (HIGH), 2 (INVALID) or 3 (LOW))", () -> RoutePreference.of(4));
        assertEquals(List.of("ONLINK", "LINKDOWN", "0x80"), RouteFlags.names(RouteFlags.ONLINK | RouteFlags.LINKDOWN | 0x80));
        assertEquals(List.of("CLONED", "LOOKUP_TABLE"), RouteFlags.names(RouteFlags.CLONED | RouteFlags.LOOKUP_TABLE));
    }
}
