// SPDX-FileCopyrightText: 2026 The netlink4j Authors
// SPDX-License-Identifier: Apache-2.0
package io.netlink4j.ipvs;

import io.netlink4j.AddressFamily;
import io.netlink4j.Errno;
import io.netlink4j.testsupport.KernelVersion;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.net.InetAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

import static io.netlink4j.ipvs.IpvsNamespace.ip;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Services against the real IPVS of the test VM: every kind, every scheduler, both families. */
@Tag("kernel-vm")
class ServiceVmTest {
    @RegisterExtension
    static final IpvsNamespace ns = IpvsNamespace.perClass();
    static List<String> schedulers;

    @BeforeAll
    static void setUp() {
        schedulers = availableSchedulers(ns.ipvs);
    }

    /** The kernel's schedulers: every one this library names, less those this kernel lacks. */
    static List<String> availableSchedulers(IpvsHandle ipvs) {
        List<String> out = new ArrayList<>();
        Service probe = Service.builder().protocol(Protocol.TCP).address(ip("10.9.9.9")).port(1).build();
        for (Scheduler s : List.of(Scheduler.RR, Scheduler.WRR, Scheduler.LC, Scheduler.WLC, Scheduler.LBLC, Scheduler.LBLCR,
                Scheduler.DH, Scheduler.SH, Scheduler.SED, Scheduler.NQ, Scheduler.FO, Scheduler.OVF, Scheduler.MH, Scheduler.TWOS)) {
            try {
                ipvs.newService(probe.toBuilder().scheduler(s).build());
                ipvs.delService(probe);
                out.add(s.name());
            } catch (UnknownSchedulerException e) {
                assertEquals("ip_vs_" + s, e.module());
                assertEquals(s.module(), e.module());
            }
        }
        return out;
    }

    @Test
    void kernelHasEveryClassicScheduler() {
        assertTrue(schedulers.containsAll(List.of("rr", "wrr", "lc", "wlc", "lblc", "lblcr", "dh", "sh", "sed", "nq", "fo", "ovf", "mh")),
                "available: " + schedulers);
    }

    /** twos came with Linux 6.2: a service uses it from then on; before, the error names its module. */
    @Test
    void twosSchedulerFromLinux62On() {
        Service twos = Service.builder().protocol(Protocol.TCP).address(ip("10.9.9.8")).port(80).scheduler(Scheduler.TWOS).build();
        if (KernelVersion.current().atLeast(6, 2)) {
            assertTrue(schedulers.contains("twos"), "available: " + schedulers);
            ns.ipvs.newService(twos);
            try {
                assertEquals(Scheduler.TWOS, ns.ipvs.getService(twos).scheduler());
            } finally {
                ns.ipvs.delService(twos);
            }
        } else {
            assertFalse(schedulers.contains("twos"), "available: " + schedulers);
            UnknownSchedulerException e = assertThrows(UnknownSchedulerException.class, () -> ns.ipvs.newService(twos));
            assertEquals(Errno.ENOENT, e.errno());
            assertEquals("ip_vs_twos", e.module());
        }
    }

    static Stream<Arguments> kinds() {
        return Stream.of(
                Arguments.of("TCP IPv4", Service.builder().protocol(Protocol.TCP).address(ip("10.0.0.1")).port(80)),
                Arguments.of("UDP IPv4", Service.builder().protocol(Protocol.UDP).address(ip("10.0.0.2")).port(53)),
                Arguments.of("FWM IPv4", Service.builder().fwMark(7).addressFamily(AddressFamily.INET)),
                Arguments.of("TCP IPv6", Service.builder().protocol(Protocol.TCP).address(ip("2001:db8::1")).port(443)),
                Arguments.of("UDP IPv6", Service.builder().protocol(Protocol.UDP).address(ip("2001:db8::2")).port(5353)),
                Arguments.of("FWM IPv6", Service.builder().fwMark(0xFFFFFFFFL).addressFamily(AddressFamily.INET6)),
                Arguments.of("SCTP IPv4", Service.builder().protocol(Protocol.SCTP).address(ip("10.0.0.3")).port(65535)));
    }

    /**
     * Every kind of service created with every scheduler, listed, read back, switched to another
     * scheduler and back, and deleted. The switches between every pair of schedulers (the kernel
     * unbinds one and binds the other, the same for every kind of service) are made once, on the
     * first kind, by {@link #everySchedulerSwitchesToEveryOther}.
     */
    @Tag("volume")
    @ParameterizedTest(name = "{0}")
    @MethodSource("kinds")
    void lifecycleAcrossEverySchedulerAndBack(String name, Service.Builder template) {
        for (int i = 0; i < schedulers.size(); i++) {
            String first = schedulers.get(i);
            Service s = template.scheduler(Scheduler.of(first)).build();
            ns.ipvs.newService(s);
            try {
                assertTrue(ns.ipvs.getServices().stream().map(Service::withoutStats).toList().contains(s), name + " in the dump");
                assertEquals(s, ns.ipvs.getService(s).withoutStats());
                for (String other : List.of(schedulers.get((i + 1) % schedulers.size()), first)) {
                    Service changed = s.toBuilder().scheduler(Scheduler.of(other)).build();
                    ns.ipvs.updateService(changed);
                    Service back = ns.ipvs.getService(s).withoutStats();
                    assertEquals(changed, back, name + " switched to " + other);
                }
            } finally {
                ns.ipvs.delService(s);
            }
            assertFalse(ns.ipvs.isServicePresent(s), name + " gone");
            assertThrows(NoSuchServiceException.class, () -> ns.ipvs.getService(s));
        }
    }

    /** A service switched from every scheduler to every scheduler, each switch read back. */
    @Tag("volume")
    @Test
    void everySchedulerSwitchesToEveryOther() {
        Service.Builder template = (Service.Builder) kinds().findFirst().orElseThrow().get()[1];
        for (String first : schedulers) {
            Service s = template.scheduler(Scheduler.of(first)).build();
            ns.ipvs.newService(s);
            try {
                for (String other : schedulers) {
                    Service changed = s.toBuilder().scheduler(Scheduler.of(other)).build();
                    ns.ipvs.updateService(changed);
                    assertEquals(changed, ns.ipvs.getService(s).withoutStats(), first + " switched to " + other);
                }
            } finally {
                ns.ipvs.delService(s);
            }
        }
    }

    @Test
    void everyServiceFieldRoundTrips() {
        Service persistent = Service.builder().protocol(Protocol.TCP).address(ip("10.0.0.10")).port(8080)
                .scheduler(Scheduler.SH).persistent(300).netmask(Netmask.ofPrefix(24)).flags(ServiceFlags.PERSISTENT | ServiceFlags.SCHED1 | ServiceFlags.SCHED2)
                .build();
        Service onePacket = Service.builder().protocol(Protocol.UDP).address(ip("10.0.0.11")).port(53)
                .scheduler(Scheduler.RR).flags(ServiceFlags.ONEPACKET).build();
        Service v6 = Service.builder().protocol(Protocol.TCP).address(ip("2001:db8::10")).port(80)
                .scheduler(Scheduler.WLC).persistent(60).netmask(Netmask.ofPrefix(AddressFamily.INET6, 64)).build();
        Service anyPort = Service.builder().protocol(Protocol.TCP).address(ip("10.0.0.12")).port(0).persistent(360).build();
        Service sip = Service.builder().protocol(Protocol.UDP).address(ip("10.0.0.13")).port(5060).persistent(120)
                .persistenceEngine(PersistenceEngine.SIP).build();
        List<Service> all = List.of(persistent, onePacket, v6, anyPort, sip);
        try {
            for (Service s : all) {
                ns.ipvs.newService(s);
                assertEquals(s, ns.ipvs.getService(s).withoutStats());
            }
            assertEquals(all.size(), ns.ipvs.getServices().size());
            Service changed = persistent.toBuilder().flags(0).timeout(0).netmask(Netmask.ofPrefix(32)).scheduler(Scheduler.RR).build();
            ns.ipvs.updateService(changed);
            assertEquals(changed, ns.ipvs.getService(persistent).withoutStats());
            Service noPe = sip.toBuilder().noPersistenceEngine().build();
            ns.ipvs.updateService(noPe);
            assertEquals(Optional.empty(), ns.ipvs.getService(sip).persistenceEngine(), "an update without a PE removes it");
        } finally {
            ns.ipvs.flush();
        }
        assertEquals(List.of(), ns.ipvs.getServices());
    }

    @Test
    void flushEmptiesEverything() {
        for (int i = 1; i <= 20; i++) {
            ns.ipvs.newService(Service.builder().protocol(Protocol.TCP).address(ip("10.0.1." + i)).port(80).build());
            ns.ipvs.newService(Service.builder().fwMark(i).addressFamily(AddressFamily.INET6).build());
        }
        assertEquals(40, ns.ipvs.getServices().size());
        ns.ipvs.flush();
        assertEquals(List.of(), ns.ipvs.getServices());
    }

    @Tag("volume")
    @Test
    void largeTableDumpsCompletely() {
        IpvsBatch batch = ns.ipvs.batch();
        List<Service> expected = new ArrayList<>();
        for (int i = 0; i < 1500; i++) {
            Service s = Service.builder().protocol(Protocol.TCP).address(ipv4(0x0A640000 + i)).port(1000 + (i % 50000)).scheduler(Scheduler.RR).build();
            expected.add(s);
            batch.newService(s);
        }
        IpvsBatch.Result result = batch.apply();
        assertTrue(result.allSucceeded(), () -> result.failures().toString());
        try {
            List<Service> got = ns.ipvs.getServices().stream().map(Service::withoutStats).toList();
            assertEquals(new java.util.HashSet<>(expected), new java.util.HashSet<>(got));
            assertEquals(expected.size(), got.size(), "no duplicates");
            int[] streamed = {0};
            ns.ipvs.forEachService(s -> streamed[0]++);
            assertEquals(expected.size(), streamed[0]);
        } finally {
            ns.ipvs.flush();
        }
    }

    static InetAddress ipv4(int v) {
        return ip(((v >>> 24) & 0xFF) + "." + ((v >>> 16) & 0xFF) + "." + ((v >>> 8) & 0xFF) + "." + (v & 0xFF));
    }
}
