// SPDX-FileCopyrightText: 2026 The netlink4j Authors
// SPDX-License-Identifier: Apache-2.0
package io.netlink4j.route;

import io.netlink4j.testsupport.Netns;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;

import static io.netlink4j.route.RouteHandleKernelTest.ip;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Dummy links, which the host kernel lacks, in the test VM's kernel: what the IPVS tests build
 * their namespaces from (create a dummy, add addresses, bring it up), checked against iproute2.
 */
@Tag("kernel-vm")
class RouteVmTest {
    Netns ns;
    RouteHandle route;

    @BeforeEach
    void setUp() {
        ns = Netns.create("nl4j-route-vm");
        route = RouteHandle.open(ns.path());
    }

    @AfterEach
    void tearDown() {
        if (route != null) {
            route.close();
        }
        if (ns != null) {
            ns.close();
        }
    }

    @Test
    void dummyWithAddressesComesUpAsIproute2ShowsIt() {
        route.updateLink(LinkChange.builder("lo").up(true).build());
        route.newLink(LinkSpec.dummy("dummy0"));
        route.newAddress("dummy0", AddressSpec.of(ip("10.1.1.1"), 24));
        route.newAddress("dummy0", AddressSpec.builder(ip("2001:db8:1::1"), 64).flags(AddressFlags.NODAD).build());
        route.updateLink(LinkChange.builder("dummy0").up(true).build());
        route.newLink(LinkSpec.builder().name("dummy1").kind(LinkKind.DUMMY).mtu(9000).up(true)
                .address(HardwareAddress.parse("02:00:00:00:01:01")).build());

        Link dummy = route.getLink("dummy0");
        assertEquals(LinkKind.DUMMY, dummy.kind().orElseThrow());
        assertTrue(dummy.isUp());
        assertTrue((dummy.flags() & LinkFlags.NOARP) != 0, dummy.toString());
        assertEquals(9000, route.getLink("dummy1").mtu());
        List<Address> addresses = route.getAddresses("dummy0");
        assertTrue(addresses.stream().anyMatch(a -> Optional.of(ip("10.1.1.1")).equals(a.address()) && a.prefixLength() == 24), addresses.toString());
        assertTrue(addresses.stream().anyMatch(a -> Optional.of(ip("2001:db8:1::1")).equals(a.address()) && a.prefixLength() == 64), addresses.toString());

        for (int attempt = 1; ; attempt++) {
            Map<Long, Map<String, Object>> links = Iproute2.links(ns);
            Map<Long, List<Map<String, Object>>> addrs = Iproute2.addresses(ns);
            List<Link> ourLinks = route.getLinks();
            List<Address> ourAddresses = route.getAddresses();
            if ((!links.equals(Iproute2.links(ns)) || !addrs.equals(Iproute2.addresses(ns))) && attempt < 20) {
                RouteHandleKernelTest.sleep(100);
                continue;
            }
            assertEquals(links, Iproute2.links(ourLinks));
            assertEquals(addrs, Iproute2.addresses(ourLinks, ourAddresses));
            return;
        }
    }

    @Test
    void dummyLifecycleNotifications() {
        try (RouteMonitor monitor = route.monitor(RouteGroup.LINK, RouteGroup.IPV4_ADDRESS)) {
            route.newLink(LinkSpec.dummy("dummy0"));
            route.updateLink(LinkChange.builder("dummy0").mtu(1400).build());
            route.newAddress("dummy0", AddressSpec.of(ip("10.2.2.2"), 24));
            route.updateLink(LinkChange.builder("dummy0").up(true).build());
            route.delLink("dummy0");
            RouteMonitorKernelTest.Recorder r = new RouteMonitorKernelTest.Recorder();
            r.pollUntil(monitor, RouteMonitorKernelTest.link(RouteEvent.Action.DEL, "dummy0"));
            List<Predicate<RouteEvent>> expected = List.of(
                    RouteMonitorKernelTest.link(RouteEvent.Action.NEW, "dummy0"),
                    RouteMonitorKernelTest.link(RouteEvent.Action.NEW, "dummy0").and(e -> ((LinkEvent) e).link().mtu() == 1400),
                    RouteMonitorKernelTest.address(RouteEvent.Action.NEW, "10.2.2.2"),
                    RouteMonitorKernelTest.link(RouteEvent.Action.NEW, "dummy0").and(e -> ((LinkEvent) e).link().isUp()),
                    RouteMonitorKernelTest.link(RouteEvent.Action.DEL, "dummy0"));
            int next = 0;
            for (RouteEvent e : r.events) {
                if (next < expected.size() && expected.get(next).test(e)) {
                    next++;
                }
            }
            assertEquals(expected.size(), next, "in order: " + r.events);
            assertEquals(0, r.overruns);
        }
    }

    @Test
    void aSecondDummyOfTheSameNameIsRefused() {
        route.newLink(LinkSpec.dummy("dummy0"));
        LinkExistsException e = assertThrows(LinkExistsException.class, () -> route.newLink(LinkSpec.dummy("dummy0")));
        assertTrue(e.getMessage().startsWith("link 'dummy0' already exists"), e.getMessage());
    }
}
