// SPDX-FileCopyrightText: 2026 The netlink4j Authors
// SPDX-License-Identifier: Apache-2.0
package io.netlink4j.ipvs;

import io.netlink4j.ipvs.testsupport.TrafficRig;
import io.netlink4j.ipvs.testsupport.TrafficRig.HeldConnection;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * Packets through IPVS in the test VM (see {@link TrafficRig}): schedulers send connections where
 * they are configured to, and what the library reads about the traffic (counters, rates, active
 * and inactive connections) is what ipvsadm prints for the same moment.
 */
@Tag("kernel-vm")
class TrafficVmTest {
    /** How long to wait for the kernel's estimator (it runs every 2 s) or a TCP state change. */
    static final long SETTLE_MILLIS = 20_000;

    static TrafficRig rig;

    @BeforeAll
    static void setUp() {
        rig = TrafficRig.shared();
    }

    @AfterEach
    void flush() {
        rig.ipvs().flush();
    }

    Service service(int port, Scheduler scheduler) {
        Service s = Service.builder().protocol(Protocol.TCP).address(rig.vip()).port(port).scheduler(scheduler).build();
        rig.ipvs().newService(s);
        return s;
    }

    Destination destination(Service service, int server, int port, int weight, ForwardingMethod method) {
        Destination d = Destination.builder().address(rig.server(server).address()).port(port).weight(weight)
                .forwardingMethod(method).build();
        rig.ipvs().newDestination(service, d);
        return d;
    }

    @Test
    void roundRobinSpreadsConnectionsEvenlyFromBothClients() {
        Service web = service(TrafficRig.HTTP_PORT, Scheduler.RR);
        for (int s = 0; s < 3; s++) {
            destination(web, s, TrafficRig.HTTP_PORT, 1, ForwardingMethod.MASQUERADE);
        }
        assertEquals(Map.of("s0", 5, "s1", 5, "s2", 5), rig.request(15));
        assertEquals(Map.of("s0", 1, "s1", 1, "s2", 1), rig.requestFromClientNamespace(3));
    }

    @Test
    void weightedRoundRobinFollowsTheWeightsAndWeightZeroGetsNothing() {
        Service web = service(TrafficRig.HTTP_PORT, Scheduler.WRR);
        destination(web, 0, TrafficRig.HTTP_PORT, 3, ForwardingMethod.MASQUERADE);
        destination(web, 1, TrafficRig.HTTP_PORT, 1, ForwardingMethod.MASQUERADE);
        Destination idle = destination(web, 2, TrafficRig.HTTP_PORT, 0, ForwardingMethod.MASQUERADE);
        // wrr serves whole cycles of 3 + 1 exactly in proportion.
        assertEquals(Map.of("s0", 15, "s1", 5), rig.request(20));
        rig.ipvs().updateDestination(web, idle.toBuilder().weight(2).build());
        Map<String, Integer> after = rig.request(30);
        assertEquals(Map.of("s0", 15, "s1", 5, "s2", 10), after);
    }

    @Test
    void roundRobinSkipsAWeightZeroDestination() {
        Service web = service(TrafficRig.HTTP_PORT, Scheduler.RR);
        destination(web, 0, TrafficRig.HTTP_PORT, 1, ForwardingMethod.MASQUERADE);
        destination(web, 1, TrafficRig.HTTP_PORT, 0, ForwardingMethod.MASQUERADE);
        destination(web, 2, TrafficRig.HTTP_PORT, 1, ForwardingMethod.MASQUERADE);
        assertEquals(Map.of("s0", 6, "s2", 6), rig.request(12));
    }

    @Test
    void directRoutingAndTunnelDeliverToEveryServer() {
        rig.enable(ForwardingMethod.DIRECT_ROUTE);
        rig.enable(ForwardingMethod.TUNNEL);
        Service web = service(TrafficRig.HTTP_PORT, Scheduler.RR);
        destination(web, 0, TrafficRig.HTTP_PORT, 1, ForwardingMethod.DIRECT_ROUTE);
        destination(web, 1, TrafficRig.HTTP_PORT, 1, ForwardingMethod.TUNNEL);
        destination(web, 2, TrafficRig.HTTP_PORT, 1, ForwardingMethod.DIRECT_ROUTE);
        assertEquals(Map.of("s0", 3, "s1", 3, "s2", 3), rig.request(9));
        String listed = rig.ipvsadm("-Ln", "-t", rig.vip().getHostAddress() + ":" + TrafficRig.HTTP_PORT);
        assertEquals(2, listed.lines().filter(l -> l.contains(" Route ")).count(), listed);
        assertEquals(1, listed.lines().filter(l -> l.contains(" Tunnel ")).count(), listed);
    }

    @Test
    void countersAndRatesAreWhatIpvsadmPrints() {
        // A port no other test uses: a destination deleted a moment ago comes back from the kernel's
        // trash with its counters when its service is made again (and zero only clears what the
        // estimator has already summed).
        Service web = service(8080, Scheduler.RR);
        destination(web, 0, TrafficRig.HTTP_PORT, 1, ForwardingMethod.MASQUERADE);
        destination(web, 1, TrafficRig.HTTP_PORT, 1, ForwardingMethod.MASQUERADE);
        rig.request(10, 8080);
        Stats stats = settled(web, 10);
        // A TCP connection with an HTTP exchange: at least SYN, ACK, request, FIN, ACK in; more out.
        assertTrue(stats.packetsIn() >= 10 * 4 && stats.packetsOut() >= 10 * 3, stats.toString());
        assertTrue(stats.bytesIn() > stats.packetsIn() * 40 && stats.bytesOut() > stats.packetsOut() * 40, stats.toString());
        List<Destination> dests = rig.ipvs().getDestinations(web);
        assertEquals(stats.connections(), dests.stream().mapToLong(d -> d.stats().connections()).sum());
        assertEquals(stats.bytesIn(), dests.stream().mapToLong(d -> d.stats().bytesIn()).sum());
        assertEquals(stats.packetsOut(), dests.stream().mapToLong(d -> d.stats().packetsOut()).sum());

        assertSameAsIpvsadm(web, "--stats");
        assertSameAsIpvsadm(web, "--rate");
        assertTrue(rig.ipvs().getService(web).stats().cps() > 0 || rig.ipvs().getService(web).stats().ppsIn() > 0,
                "rates right after traffic");
    }

    @Test
    void zeroClearsCountersAndRates() {
        Service web = service(TrafficRig.HTTP_PORT, Scheduler.RR);
        destination(web, 0, TrafficRig.HTTP_PORT, 1, ForwardingMethod.MASQUERADE);
        rig.request(5);
        settled(web, 5);
        rig.ipvs().zero(web);
        assertEquals(Stats.ZERO, rig.ipvs().getService(web).stats());
        assertEquals(Stats.ZERO, rig.ipvs().getDestinations(web).get(0).stats());
        assertSameAsIpvsadm(web, "--stats");
        rig.request(3);
        settled(web, 3);
        rig.ipvs().zero();
        assertEquals(Stats.ZERO, rig.ipvs().getService(web).stats());
        assertSameAsIpvsadm(web, "--stats");
    }

    @Test
    void activeAndInactiveConnectionsFollowHeldAndClosedConnections() {
        Service echo = service(TrafficRig.HOLD_PORT, Scheduler.RR);
        destination(echo, 0, TrafficRig.HOLD_PORT, 1, ForwardingMethod.MASQUERADE);
        destination(echo, 1, TrafficRig.HOLD_PORT, 1, ForwardingMethod.MASQUERADE);
        List<HeldConnection> held = new ArrayList<>(rig.hold(4, TrafficRig.HOLD_PORT));
        try {
            assertEquals(Map.of("s0", 2, "s1", 2), TrafficRig.byServer(held));
            assertEquals("still open", held.get(0).echo("still open"));
            assertEquals(Map.of("s0", List.of(2L, 0L), "s1", List.of(2L, 0L)), conns(echo));
            assertEquals(ipvsadmConns(echo), conns(echo));
            // Close s0's two: they turn inactive (FIN_WAIT/TIME_WAIT) while s1's stay active.
            for (HeldConnection h : List.copyOf(held)) {
                if (h.server().equals("s0")) {
                    h.close();
                    held.remove(h);
                }
            }
            await(() -> conns(echo).get("s0").equals(List.of(0L, 2L)), () -> "s0 inactive: " + conns(echo));
            assertEquals(List.of(2L, 0L), conns(echo).get("s1"));
            assertEquals(ipvsadmConns(echo), conns(echo));
        } finally {
            held.forEach(HeldConnection::close);
        }
        await(() -> conns(echo).get("s1").equals(List.of(0L, 2L)), () -> "s1 inactive: " + conns(echo));
    }

    /** Active and inactive connections by server name, as the library reads them. */
    static Map<String, List<Long>> conns(Service service) {
        Map<String, List<Long>> m = new LinkedHashMap<>();
        for (Destination d : rig.ipvs().getDestinations(service)) {
            m.put(serverName(d.address().getHostAddress()), List.of(d.activeConnections(), d.inactiveConnections()));
        }
        return m;
    }

    /** The same from {@code ipvsadm -Ln}. */
    static Map<String, List<Long>> ipvsadmConns(Service service) {
        Map<String, List<Long>> m = new LinkedHashMap<>();
        for (String line : rig.ipvsadm("-Ln", "-t", rig.vip().getHostAddress() + ":" + service.port()).lines().toList()) {
            String[] f = line.trim().split("\\s+");
            if (f[0].equals("->") && !f[1].startsWith("Remote")) {
                m.put(serverName(f[1].substring(0, f[1].lastIndexOf(':'))), List.of(Long.parseLong(f[4]), Long.parseLong(f[5])));
            }
        }
        return m;
    }

    static String serverName(String address) {
        for (TrafficRig.RealServer s : rig.servers()) {
            if (s.address().getHostAddress().equals(address)) {
                return s.name();
            }
        }
        throw new AssertionError("no server at " + address);
    }

    /**
     * The service's counters once the estimator has counted {@code connections} connections and
     * two reads 2 s apart agree (bounded wait).
     */
    static Stats settled(Service service, long connections) {
        long deadline = System.nanoTime() + SETTLE_MILLIS * 1_000_000;
        Stats last = null;
        while (System.nanoTime() < deadline) {
            Stats now = rig.ipvs().getService(service).stats();
            if (now.connections() == connections && last != null && counters(now).equals(counters(last))) {
                return now;
            }
            last = now.connections() == connections ? now : null;
            sleep(last == null ? 200 : 2100);
        }
        return fail("counters did not settle at " + connections + " connections: " + rig.ipvs().getService(service).stats());
    }

    static List<Long> counters(Stats s) {
        return List.of(s.connections(), s.packetsIn(), s.packetsOut(), s.bytesIn(), s.bytesOut());
    }

    static List<Long> rates(Stats s) {
        return List.of(s.cps(), s.ppsIn(), s.ppsOut(), s.bpsIn(), s.bpsOut());
    }

    /**
     * {@code ipvsadm -Ln --exact WHAT} (--stats or --rate) for the service and its destinations
     * equals the library's read: taken between two library reads that agree (the estimator did
     * not run in between), retried otherwise.
     */
    static void assertSameAsIpvsadm(Service service, String what) {
        for (int attempt = 0; attempt < 10; attempt++) {
            Map<String, List<Long>> before = libraryFigures(service, what);
            Map<String, List<Long>> ipvsadm = ipvsadmFigures(service, what);
            Map<String, List<Long>> after = libraryFigures(service, what);
            if (before.equals(after)) {
                assertEquals(before, ipvsadm, "library vs ipvsadm -Ln " + what + " --exact");
                return;
            }
        }
        fail("the figures kept changing under ipvsadm " + what);
    }

    static Map<String, List<Long>> libraryFigures(Service service, String what) {
        Map<String, List<Long>> m = new LinkedHashMap<>();
        Service s = rig.ipvs().getService(service);
        m.put("service", what.equals("--rate") ? rates(s.stats()) : counters(s.stats()));
        for (Destination d : rig.ipvs().getDestinations(service)) {
            m.put(d.address().getHostAddress() + ":" + d.port(), what.equals("--rate") ? rates(d.stats()) : counters(d.stats()));
        }
        return m;
    }

    static Map<String, List<Long>> ipvsadmFigures(Service service, String what) {
        Map<String, List<Long>> m = new LinkedHashMap<>();
        String text = rig.ipvsadm("-Ln", what, "--exact", "-t", rig.vip().getHostAddress() + ":" + service.port());
        for (String line : text.lines().toList()) {
            String[] f = line.trim().split("\\s+");
            boolean dest = f[0].equals("->");
            if (f.length != 7 || !(dest || f[0].equals("TCP")) || !Character.isDigit(f[2].charAt(0))) {
                continue;
            }
            List<Long> values = new ArrayList<>();
            for (int k = 2; k < 7; k++) {
                values.add(Long.parseLong(f[k]));
            }
            m.put(dest ? f[1] : "service", values);
        }
        return m;
    }

    static void await(BooleanSupplier condition, java.util.function.Supplier<String> message) {
        long deadline = System.nanoTime() + SETTLE_MILLIS * 1_000_000;
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                fail("not within " + SETTLE_MILLIS + " ms: " + message.get());
            }
            sleep(100);
        }
    }

    static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted", e);
        }
    }
}
