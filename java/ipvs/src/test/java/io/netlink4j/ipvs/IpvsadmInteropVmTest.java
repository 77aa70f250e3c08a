// SPDX-FileCopyrightText: 2026 The netlink4j Authors
// SPDX-License-Identifier: Apache-2.0
package io.netlink4j.ipvs;

import io.netlink4j.AddressFamily;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.util.List;
import java.util.OptionalInt;

import static io.netlink4j.ipvs.IpvsNamespace.ip;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The library and the real ipvsadm, inside the test VM, agree on every field. */
@Tag("kernel-vm")
class IpvsadmInteropVmTest {
    @RegisterExtension
    static final IpvsNamespace ns = IpvsNamespace.perClassFlushed();

    @Test
    void stateWrittenByTheLibraryIsWhatIpvsadmSaves() {
        Service web = Service.builder().protocol(Protocol.TCP).address(ip("10.0.0.1")).port(80).scheduler(Scheduler.WRR)
                .persistent(300).netmask(Netmask.ofPrefix(24)).build();
        Service dns = Service.builder().protocol(Protocol.UDP).address(ip("2001:db8::53")).port(53).scheduler(Scheduler.SH)
                .flags(ServiceFlags.ONEPACKET | ServiceFlags.SCHED1).build();
        Service mark = Service.builder().fwMark(5).addressFamily(AddressFamily.INET).scheduler(Scheduler.RR).build();
        ns.ipvs.newService(web);
        ns.ipvs.newService(dns);
        ns.ipvs.newService(mark);
        ns.ipvs.newDestination(web, Destination.builder().address(ip("10.1.1.2")).port(8080).weight(5).build());
        ns.ipvs.newDestination(web, Destination.builder().address(ip("10.1.1.3")).port(8080).weight(2)
                .forwardingMethod(ForwardingMethod.DIRECT_ROUTE).upperThreshold(100).lowerThreshold(50).build());
        ns.ipvs.newDestination(dns, Destination.builder().address(ip("2001:db8:1::2")).port(53)
                .forwardingMethod(ForwardingMethod.TUNNEL).tunnelType(TunnelType.GUE).tunnelPort(6080)
                .tunnelFlags(TunnelFlags.CSUM).build());
        ns.ipvs.newDestination(mark, Destination.builder().address(ip("10.1.1.4")).port(0).weight(0).build());

        List<String> saved = ns.ipvsadm("-S", "-n").lines().toList();
        assertEquals(List.of(
                "-A -t 10.0.0.1:80 -s wrr -p 300 -M 255.255.255.0",
                "-a -t 10.0.0.1:80 -r 10.1.1.2:8080 -m -w 5",
                "-a -t 10.0.0.1:80 -r 10.1.1.3:8080 -g -w 2",
                "-A -u [2001:db8::53]:53 -s sh -o -b sh-fallback",
                "-a -u [2001:db8::53]:53 -r [2001:db8:1::2]:53 -i -w 1 --tun-type gue --tun-port 6080 --tun-csum",
                "-A -f 5 -s rr",
                "-a -f 5 -r 10.1.1.4:0 -m -w 0"), sorted(saved), "ipvsadm -S -n:\n" + String.join("\n", saved));
        // ipvsadm -S leaves out thresholds; --thresholds lists them.
        String thresholds = ns.ipvsadm("-Ln", "--thresholds", "-t", "10.0.0.1:80");
        org.junit.jupiter.api.Assertions.assertTrue(thresholds.lines().anyMatch(l -> l.matches("\\s*-> 10\\.1\\.1\\.3:8080\\s+100\\s+50\\s.*")),
                thresholds);
    }

    /** ipvsadm lists services in hash order; compare as sets while keeping each service's destinations after it. */
    static List<String> sorted(List<String> lines) {
        java.util.Map<String, List<String>> blocks = new java.util.TreeMap<>();
        String current = null;
        for (String l : lines) {
            if (l.startsWith("-A")) {
                current = l;
                blocks.put(l, new java.util.ArrayList<>());
            } else if (current != null) {
                blocks.get(current).add(l);
            }
        }
        List<String> expectedOrder = List.of("-A -t", "-A -u", "-A -f");
        List<String> out = new java.util.ArrayList<>();
        for (String prefix : expectedOrder) {
            blocks.forEach((svc, dests) -> {
                if (svc.startsWith(prefix)) {
                    out.add(svc);
                    dests.stream().sorted().forEach(out::add);
                }
            });
        }
        return out;
    }

    /** ipvsadm gives tunnel and direct-route servers the service's port, whatever -r says. */
    @Test
    void stateWrittenByIpvsadmIsReadFieldForField() {
        ns.ipvsadm("-A", "-u", "10.0.0.5:5060", "-s", "rr", "-p", "120", "--pe", "sip", "-M", "255.255.0.0");
        ns.ipvsadm("-A", "-u", "10.0.0.6:53", "-s", "mh", "-o", "-b", "mh-fallback,mh-port");
        ns.ipvsadm("-a", "-u", "10.0.0.6:53", "-r", "10.1.1.9:53", "-i", "--tun-type", "gre", "--tun-csum", "-w", "3");
        ns.ipvsadm("-a", "-u", "10.0.0.6:53", "-r", "10.1.1.10:5353", "-i", "--tun-type", "gue", "--tun-port", "7777", "--tun-remcsum");
        ns.ipvsadm("-a", "-u", "10.0.0.5:5060", "-r", "10.1.1.11:5060", "-g", "-w", "9", "-x", "1000", "-y", "200");
        // ipvsadm takes any IPv4 mask; the kernel ANDs client addresses with it.
        ns.ipvsadm("-A", "-t", "10.0.0.7:443", "-p", "60", "-M", "255.0.255.0");

        Service sip = ns.ipvs.getService(Service.builder().protocol(Protocol.UDP).address(ip("10.0.0.5")).port(5060).build());
        assertEquals(Service.builder().protocol(Protocol.UDP).address(ip("10.0.0.5")).port(5060).scheduler(Scheduler.RR)
                .persistent(120).persistenceEngine(PersistenceEngine.SIP).netmask(Netmask.ofPrefix(16)).build(), sip.withoutStats());

        Service odd = ns.ipvs.getService(Service.builder().protocol(Protocol.TCP).address(ip("10.0.0.7")).port(443).build());
        assertEquals(0xFF00FF00, odd.netmask().value());
        assertEquals(OptionalInt.empty(), odd.netmask().prefixLength());
        assertEquals(Service.builder().protocol(Protocol.TCP).address(ip("10.0.0.7")).port(443).persistent(60)
                .netmask(Netmask.of(0xFF00FF00)).build(), odd.withoutStats());
        assertEquals(3, ns.ipvs.getServices().size(), "one odd mask does not break the dump");
        // Written back by the library, ipvsadm reads the same mask.
        ns.ipvs.updateService(odd.toBuilder().netmask(Netmask.of(0x00FFFF00)).build());
        assertTrue(ns.ipvsadm("-S", "-n").contains("-A -t 10.0.0.7:443 -s wlc -p 60 -M 0.255.255.0"), ns.ipvsadm("-S", "-n"));
        ns.ipvs.delService(odd);

        Service mh = ns.ipvs.getService(Service.builder().protocol(Protocol.UDP).address(ip("10.0.0.6")).port(53).build());
        assertEquals(Service.builder().protocol(Protocol.UDP).address(ip("10.0.0.6")).port(53).scheduler(Scheduler.MH)
                .flags(ServiceFlags.ONEPACKET | ServiceFlags.SCHED1 | ServiceFlags.SCHED2).build(), mh.withoutStats());

        java.util.Set<Destination> tunnels = new java.util.HashSet<>();
        ns.ipvs.getDestinations(mh).forEach(d -> tunnels.add(d.withoutStats()));
        assertEquals(java.util.Set.of(
                Destination.builder().address(ip("10.1.1.9")).port(53).weight(3).forwardingMethod(ForwardingMethod.TUNNEL)
                        .tunnelType(TunnelType.GRE).tunnelFlags(TunnelFlags.CSUM).build(),
                Destination.builder().address(ip("10.1.1.10")).port(53).weight(1).forwardingMethod(ForwardingMethod.TUNNEL)
                        .tunnelType(TunnelType.GUE).tunnelPort(7777).tunnelFlags(TunnelFlags.REMCSUM).build()), tunnels);

        assertEquals(List.of(Destination.builder().address(ip("10.1.1.11")).port(5060).weight(9)
                .forwardingMethod(ForwardingMethod.DIRECT_ROUTE).upperThreshold(1000).lowerThreshold(200).build()),
                ns.ipvs.getDestinations(sip).stream().map(Destination::withoutStats).toList());
    }
}
