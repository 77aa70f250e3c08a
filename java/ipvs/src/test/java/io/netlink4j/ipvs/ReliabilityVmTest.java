// SPDX-FileCopyrightText: 2026 The netlink4j Authors
// SPDX-License-Identifier: Apache-2.0
package io.netlink4j.ipvs;

import io.netlink4j.engine.NetlinkOptions;
import io.netlink4j.NetlinkErrnoException;
import io.netlink4j.genl.GenericNetlink;
import io.netlink4j.testsupport.Jvm;
import io.netlink4j.testsupport.Netns;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static io.netlink4j.ipvs.IpvsNamespace.ip;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Concurrency, buffer pressure, namespace lifetime and privilege, against the real IPVS. */
@Tag("kernel-vm")
class ReliabilityVmTest {
    static final int THREADS = 8;
    /**
     * Operations per thread of {@link #eightThreadsShareOneHandleWithoutCrossedReplies}: 1,000 (8,000 in all, every
     * one contended by seven other threads); {@code -Dnl4j.reliability.ops=5000} makes the 40,000 of docs/reliability.md.
     */
    static final int OPS_PER_THREAD = Integer.getInteger("nl4j.reliability.ops", 1000);
    static final int OPS_PER_CYCLE = 10;

    @RegisterExtension
    static final IpvsNamespace ns = IpvsNamespace.perClass();

    static InetAddress serviceAddress(int thread, int cycle) {
        return ip("10." + (100 + thread) + "." + (cycle / 250) + "." + (cycle % 250 + 1));
    }

    /**
     * Eight threads share one handle, each running cycles of ten operations on services of its
     * own and checking every result; odd cycles delete their service, even ones keep it with one
     * destination. The kernel's final table must be exactly the kept services.
     */
    @Tag("volume")
    @Test
    void eightThreadsShareOneHandleWithoutCrossedReplies() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(THREADS);
        List<Future<Map<Service, Destination>>> futures = new ArrayList<>();
        try {
            for (int t = 0; t < THREADS; t++) {
                int thread = t;
                futures.add(pool.submit(() -> runCycles(ns.ipvs, thread)));
            }
            Map<Service, Destination> expected = new HashMap<>();
            for (Future<Map<Service, Destination>> f : futures) {
                expected.putAll(f.get(20, TimeUnit.MINUTES));
            }
            List<Service> services = ns.ipvs.getServices();
            assertEquals(expected.keySet(), new HashSet<>(services.stream().map(Service::withoutStats).toList()));
            for (Service s : services) {
                assertEquals(List.of(expected.get(s.withoutStats())),
                        ns.ipvs.getDestinations(s).stream().map(Destination::withoutStats).toList(), s.describe());
            }
        } finally {
            pool.shutdownNow();
            ns.ipvs.flush();
        }
    }

    static Map<Service, Destination> runCycles(IpvsHandle ipvs, int thread) {
        Map<Service, Destination> kept = new HashMap<>();
        for (int cycle = 0; cycle < OPS_PER_THREAD / OPS_PER_CYCLE; cycle++) {
            Service s = Service.builder().protocol(Protocol.TCP).address(serviceAddress(thread, cycle)).port(80).scheduler(Scheduler.RR).build();
            Destination d1 = Destination.builder().address(ip("10.1.1." + (thread + 2))).port(8000 + cycle).weight(1).build();
            Destination d2 = Destination.builder().address(ip("10.1.1." + (thread + 20))).port(8000 + cycle).weight(2).build();
            ipvs.newService(s);                                                     // 1
            ipvs.newDestination(s, d1);                                             // 2
            ipvs.newDestination(s, d2);                                             // 3
            assertEquals(s, ipvs.getService(s).withoutStats());                     // 4
            // A persistence change, not a scheduler change: the kernel waits for an RCU grace
            // period on every scheduler change, which would dominate the run time.
            Service persistent = s.toBuilder().persistent(60 + cycle).build();
            ipvs.updateService(persistent);                                         // 5
            assertEquals(persistent, ipvs.getService(s).withoutStats());            // 6
            Destination heavier = d1.toBuilder().weight(cycle + thread + 3).build();
            ipvs.updateDestination(s, heavier);                                     // 7
            assertEquals(Set.of(heavier, d2), new HashSet<>(ipvs.getDestinations(s).stream()
                    .map(Destination::withoutStats).toList()));                     // 8
            ipvs.delDestination(s, d2);                                             // 9
            if (cycle % 2 == 1) {
                ipvs.delService(s);                                                 // 10
            } else {
                assertTrue(ipvs.isServicePresent(s));                               // 10
                kept.put(persistent, heavier);
            }
        }
        return kept;
    }

    @Tag("volume")
    @Test
    void tinyReceiveBufferStillGivesCompleteDumpsAndBatches() {
        try (IpvsHandle tiny = IpvsHandle.open(NetlinkOptions.builder().netns(ns.netns.path()).socketReceiveBufferSize(1).build())) {
            assertTrue(tiny.connection().socketReceiveBufferSize() < 8192);
            IpvsBatch batch = tiny.batch();
            Set<Service> expected = new HashSet<>();
            for (int i = 0; i < 1000; i++) {
                Service s = Service.builder().protocol(Protocol.UDP).address(serviceAddress(9, i)).port(53).build();
                expected.add(s);
                batch.newService(s);
            }
            IpvsBatch.Result r = batch.apply();
            assertTrue(r.allSucceeded(), () -> r.failures().toString());
            assertTrue(r.datagramsSent() > 1, "batches sized to the small buffer: " + r.datagramsSent());
            assertEquals(expected, new HashSet<>(tiny.getServices().stream().map(Service::withoutStats).toList()));
        } finally {
            ns.ipvs.flush();
        }
    }

    @Test
    void deletedNamespaceKeepsWorkingThroughAnOpenHandleAndFailsClearlyForNewOnes() {
        Netns other = Netns.create("nl4j-gone");
        boolean deleted = false;
        try (IpvsHandle handle = IpvsHandle.open(other.path())) {
            other.close();
            deleted = true;
            Service s = Service.builder().protocol(Protocol.TCP).address(ip("10.0.0.1")).port(80).build();
            handle.newService(s);
            assertEquals(List.of(s), handle.getServices().stream().map(Service::withoutStats).toList());
            assertEquals(List.of(), ns.ipvs.getServices(), "the test namespace is untouched");
            NetlinkErrnoException e = assertThrows(NetlinkErrnoException.class, () -> IpvsHandle.open(other.path()));
            assertTrue(e.getMessage().contains(other.name()), e.getMessage());
        } finally {
            if (!deleted) {
                other.close();
            }
        }
    }

    /** Without CAP_NET_ADMIN, IPVS refuses with a message naming the capability; the family list still works. */
    @Tag("volume")
    @Test
    void withoutCapNetAdminThePermissionErrorNamesTheCapability() throws Exception {
        List<String> command = new ArrayList<>(List.of("setpriv", "--inh-caps=-net_admin", "--bounding-set=-net_admin"));
        command.addAll(Jvm.java());
        command.addAll(List.of("-cp", System.getProperty("java.class.path"), PrivilegeProbe.class.getName(), ns.netns.path().toString()));
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        String out;
        try (var in = p.getInputStream()) {
            out = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        assertTrue(p.waitFor(120, TimeUnit.SECONDS));
        assertEquals(0, p.exitValue(), out);
        assertTrue(out.contains("families: "), out);
        assertTrue(out.contains("denied: ") && out.contains("CAP_NET_ADMIN") && out.contains("EPERM"), out);
    }

    /** Run by the privilege test in a process without CAP_NET_ADMIN. */
    public static final class PrivilegeProbe {
        public static void main(String[] args) {
            try (GenericNetlink genl = GenericNetlink.open()) {
                System.out.println("families: " + genl.getFamilies().size());
            }
            try (IpvsHandle ipvs = IpvsHandle.open(java.nio.file.Path.of(args[0]))) {
                ipvs.newService(Service.builder().protocol(Protocol.TCP).address(ip("10.0.0.1")).port(80).build());
                System.out.println("unexpectedly allowed");
                System.exit(1);
            } catch (IpvsException e) {
                System.out.println("denied: " + e.getMessage() + " / " + e.errnoName());
            }
        }
    }
}
