// SPDX-FileCopyrightText: 2026 The netlink4j Authors
// SPDX-License-Identifier: Apache-2.0
package io.netlink4j.ipvs;

import io.netlink4j.AddressFamily;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

import static io.netlink4j.ipvs.IpvsNamespace.ip;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Destinations of every forwarding method and tunnel type, IPv4 and IPv6, in the test VM. */
@Tag("kernel-vm")
class DestinationVmTest {
    @RegisterExtension
    static final IpvsNamespace ns = IpvsNamespace.perClassFlushed();

    static Set<Destination> configOf(List<Destination> ds) {
        Set<Destination> out = new HashSet<>();
        ds.forEach(d -> out.add(d.withoutStats()));
        return out;
    }

    void lifecycle(Service service, List<Destination> dests) {
        ns.ipvs.newService(service);
        for (Destination d : dests) {
            ns.ipvs.newDestination(service, d);
        }
        assertEquals(new HashSet<>(dests), configOf(ns.ipvs.getDestinations(service)));

        // Change method and weight of each, one at a time, and read everything back.
        List<Destination> current = new java.util.ArrayList<>(dests);
        for (int i = 0; i < current.size(); i++) {
            Destination d = current.get(i);
            ForwardingMethod next = d.forwardingMethod().equals(ForwardingMethod.MASQUERADE) ? ForwardingMethod.DIRECT_ROUTE : ForwardingMethod.MASQUERADE;
            Destination changed = d.toBuilder().forwardingMethod(next).weight(d.weight() == Integer.MAX_VALUE ? 0 : d.weight() + 100).build();
            ns.ipvs.updateDestination(service, changed);
            current.set(i, changed);
            assertEquals(new HashSet<>(current), configOf(ns.ipvs.getDestinations(service)));
        }
        for (int i = current.size() - 1; i >= 0; i--) {
            ns.ipvs.delDestination(service, current.remove(i));
            assertEquals(new HashSet<>(current), configOf(ns.ipvs.getDestinations(service)));
        }
        ns.ipvs.delService(service);
    }

    @Test
    void ipv4EveryMethod() {
        Service svc = Service.builder().protocol(Protocol.TCP).address(ip("10.0.0.1")).port(80).scheduler(Scheduler.WRR).build();
        lifecycle(svc, List.of(
                Destination.builder().address(ip("10.1.1.2")).port(8080).weight(1).build(),
                Destination.builder().address(ip("10.1.1.3")).port(8080).weight(5).forwardingMethod(ForwardingMethod.DIRECT_ROUTE).build(),
                Destination.builder().address(ip("10.1.1.4")).port(8080).weight(0).forwardingMethod(ForwardingMethod.TUNNEL).build(),
                Destination.builder().address(ip("10.1.1.5")).port(8080).weight(7).forwardingMethod(ForwardingMethod.TUNNEL)
                        .tunnelType(TunnelType.GUE).tunnelPort(6080).tunnelFlags(TunnelFlags.CSUM).build(),
                Destination.builder().address(ip("10.1.1.6")).port(8080).weight(3).forwardingMethod(ForwardingMethod.TUNNEL)
                        .tunnelType(TunnelType.GRE).tunnelFlags(TunnelFlags.REMCSUM).build(),
                Destination.builder().address(ip("10.1.1.7")).port(8081).weight(Integer.MAX_VALUE)
                        .upperThreshold(1000).lowerThreshold(10).build()));
    }

    @Test
    void ipv6EveryMethod() {
        Service svc = Service.builder().protocol(Protocol.UDP).address(ip("2001:db8::1")).port(53).scheduler(Scheduler.RR).build();
        lifecycle(svc, List.of(
                Destination.builder().address(ip("2001:db8:1::2")).port(53).build(),
                Destination.builder().address(ip("2001:db8:1::3")).port(53).forwardingMethod(ForwardingMethod.DIRECT_ROUTE).build(),
                Destination.builder().address(ip("2001:db8:1::4")).port(53).forwardingMethod(ForwardingMethod.TUNNEL)
                        .tunnelType(TunnelType.GUE).tunnelPort(5555).build(),
                Destination.builder().address(ip("2001:db8:1::5")).port(53).forwardingMethod(ForwardingMethod.TUNNEL)
                        .tunnelType(TunnelType.GRE).build()));
    }

    @Test
    void fwmarkServiceWithMixedFamilyTunnelDestination() {
        Service svc = Service.builder().fwMark(42).addressFamily(AddressFamily.INET).scheduler(Scheduler.LC).build();
        ns.ipvs.newService(svc);
        Destination v4 = Destination.builder().address(ip("10.1.1.20")).port(0).build();
        Destination v6 = Destination.builder().address(ip("2001:db8:1::20")).forwardingMethod(ForwardingMethod.TUNNEL).build();
        ns.ipvs.newDestination(svc, v4);
        ns.ipvs.newDestination(svc, v6);
        assertEquals(Set.of(v4, v6), configOf(ns.ipvs.getDestinations(svc)));
        assertTrue(ns.ipvs.getDestinations(svc).stream().anyMatch(d -> d.addressFamily().equals(AddressFamily.INET6)),
                "the destination family is read, not assumed from the service");
    }

    @Tag("volume")
    @Test
    void manyDestinationsPerService() {
        Service svc = Service.builder().protocol(Protocol.TCP).address(ip("10.0.0.9")).port(443).scheduler(Scheduler.MH).build();
        ns.ipvs.newService(svc);
        Set<Destination> expected = new HashSet<>();
        IpvsBatch batch = ns.ipvs.batch();
        for (int i = 2; i < 254; i++) {
            Destination d = Destination.builder().address(ip("10.1.1." + i)).port(443).weight(i).build();
            expected.add(d);
            batch.newDestination(svc, d);
        }
        assertTrue(batch.apply().allSucceeded());
        assertEquals(expected, configOf(ns.ipvs.getDestinations(svc)));
    }

    @Test
    void destinationsOfAMissingServiceAreAnEmptyList() {
        Service missing = Service.builder().protocol(Protocol.TCP).address(ip("10.0.0.99")).port(1).build();
        assertEquals(List.of(), ns.ipvs.getDestinations(missing));
    }
}
