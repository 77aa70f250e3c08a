// SPDX-FileCopyrightText: 2026 The netlink4j Authors
// SPDX-License-Identifier: Apache-2.0
package io.netlink4j.ipvs;

import org.junit.jupiter.api.Test;

import java.util.Comparator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.quicktheories.QuickTheory.qt;

/**
 * {@link Service#IDENTITY_ORDER} and {@link Destination#IDENTITY_ORDER} compare addresses in their
 * wire form; they order exactly as the identity keys do (which compare the addresses' own bytes),
 * IPv4, IPv6 and firewall-mark services mixed.
 */
class IdentityOrderPropertyTest {
    private static final Comparator<Service> BY_SERVICE_KEY = Comparator.comparing(Service::key);
    private static final Comparator<Destination> BY_DESTINATION_KEY = Comparator.comparing(Destination::key);

    @Test
    void servicesOrderAsTheirKeys() {
        qt().withExamples(5000).forAll(IpvsCodecPropertyTest.services(), IpvsCodecPropertyTest.services())
                .checkAssert((a, b) -> {
                    assertEquals(Integer.signum(BY_SERVICE_KEY.compare(a, b)), Integer.signum(Service.IDENTITY_ORDER.compare(a, b)),
                            a + " vs " + b);
                    assertEquals(0, Service.IDENTITY_ORDER.compare(a, a.toBuilder().build()));
                });
    }

    @Test
    void destinationsOrderAsTheirKeys() {
        qt().withExamples(5000).forAll(IpvsCodecPropertyTest.destinations(), IpvsCodecPropertyTest.destinations())
                .checkAssert((a, b) -> {
                    assertEquals(Integer.signum(BY_DESTINATION_KEY.compare(a, b)), Integer.signum(Destination.IDENTITY_ORDER.compare(a, b)),
                            a + " vs " + b);
                    assertEquals(0, Destination.IDENTITY_ORDER.compare(a, a.toBuilder().build()));
                });
    }

    @Test
    void nearbyAddressesOrderAsTheirKeys() {
        // Random pairs rarely share family, protocol and mark: also services that differ only in address or port.
        Service base = Service.builder().protocol(Protocol.TCP).address(Ipv4.v4(10, 20, 0, 0)).port(80).build();
        for (int i = 0; i < 300; i++) {
            Service a = base.toBuilder().address(Ipv4.v4(10, 20 + (i % 3) * 100, i >> 4, i * 37)).port(80 + i % 2).build();
            Service b = base.toBuilder().address(Ipv4.v4(10, 20 + (i % 5) * 50, i >> 3, i * 11)).port(80 + i % 3).build();
            assertEquals(Integer.signum(BY_SERVICE_KEY.compare(a, b)), Integer.signum(Service.IDENTITY_ORDER.compare(a, b)), a + " vs " + b);
            Destination x = Destination.builder().address(a.address()).port(a.port()).build();
            Destination y = Destination.builder().address(b.address()).port(b.port()).build();
            assertEquals(Integer.signum(BY_DESTINATION_KEY.compare(x, y)), Integer.signum(Destination.IDENTITY_ORDER.compare(x, y)), x + " vs " + y);
        }
    }

    /** IPv4 addresses from four numbers (each taken modulo 256). */
    private static final class Ipv4 {
        static java.net.InetAddress v4(int a, int b, int c, int d) {
            return IpvsCodecPropertyTest.address(new byte[] {(byte) a, (byte) b, (byte) c, (byte) d});
        }
    }
}
