// SPDX-FileCopyrightText: 2026 The netlink4j Authors
// SPDX-License-Identifier: Apache-2.0
package io.netlink4j.cli.ipvs;

import io.netlink4j.cli.Run;
import io.netlink4j.ipvs.Destination;
import io.netlink4j.ipvs.ForwardingMethod;
import io.netlink4j.ipvs.Protocol;
import io.netlink4j.ipvs.Scheduler;
import io.netlink4j.ipvs.Service;
import io.netlink4j.ipvs.testsupport.TrafficRig;
import io.netlink4j.ipvs.testsupport.TrafficRig.HeldConnection;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/** {@code netlink4j ipvs drain} on a real server holding a live connection, in the IPVS VM. */
@Tag("kernel-vm")
class IpvsDrainCliVmTest {
    static TrafficRig rig;

    @BeforeAll
    static void setUp() {
        rig = TrafficRig.create(2);
    }

    @AfterAll
    static void tearDown() {
        if (rig != null) {
            rig.close();
        }
    }

    @Test
    void drainWaitsForTheHeldConnectionThenRemovesTheServer() throws Exception {
        Service echo = Service.builder().protocol(Protocol.TCP).address(rig.vip()).port(7010).scheduler(Scheduler.RR).build();
        rig.ipvs().newService(echo);
        for (int s = 0; s < 2; s++) {
            rig.ipvs().newDestination(echo, Destination.builder().address(rig.server(s).address()).port(TrafficRig.HOLD_PORT)
                    .forwardingMethod(ForwardingMethod.MASQUERADE).build());
        }
        String vip = rig.vip().getHostAddress() + ":7010";
        String rip = rig.server(0).address().getHostAddress() + ":" + TrafficRig.HOLD_PORT;
        List<HeldConnection> held = rig.hold(2, 7010);
        try {
            // The timeout path first: the connection outlives it, the server stays with weight 0.
            Run timedOut = Run.netlink4j("--netns", rig.director().name(), "ipvs", "drain", "-t", vip, "-r", rip,
                    "--timeout", "0.3", "--interval", "0.1");
            assertEquals(1, timedOut.exitCode(), timedOut.toString());
            assertEquals("draining -t " + vip + " -r " + rip + " (weight 0; timeout 0.3 s, threshold 0)\n"
                    + "ActiveConn 1 InActConn 0\n"
                    + "timed out: kept with weight 0 and 1 active, 0 inactive connections\n", timedOut.out());
            assertEquals(List.of(0, 1), rig.ipvs().getDestinations(echo).stream().map(Destination::weight).toList());

            // Weight back to 1, so that the drain's own update to 0 shows it has begun.
            Destination first = rig.ipvs().getDestinations(echo).get(0);
            rig.ipvs().updateDestination(echo, first.toBuilder().weight(1).build());
            CompletableFuture<Run> drain = CompletableFuture.supplyAsync(() -> Run.netlink4j("--netns", rig.director().name(),
                    "ipvs", "drain", "-t", vip, "-r", rip, "--timeout", "60", "--interval", "0.1"));
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
            while (rig.ipvs().getDestinations(echo).get(0).weight() != 0) {
                if (System.nanoTime() > deadline) {
                    fail("the drain did not set the weight to 0");
                }
                Thread.sleep(20);
            }
            Thread.sleep(500);
            assertFalse(drain.isDone(), () -> "ended with the connection open: " + drain.join());
            assertEquals(2, rig.ipvs().getDestinations(echo).size());
            held.stream().filter(h -> h.server().equals("s0")).forEach(HeldConnection::close);
            Run drained = drain.get(30, TimeUnit.SECONDS);
            assertEquals(0, drained.exitCode(), drained.toString());
            // A line per change of the counts: the first look may come before or after the close.
            String start = "draining -t " + vip + " -r " + rip + " (weight 0; timeout 60.0 s, threshold 0)\n";
            String end = "ActiveConn 0 InActConn 1\n" + "drained: removed with 0 active, 1 inactive connections\n";
            assertTrue(drained.out().equals(start + "ActiveConn 1 InActConn 0\n" + end) || drained.out().equals(start + end),
                    drained.out());
            List<Destination> left = rig.ipvs().getDestinations(echo);
            assertEquals(1, left.size());
            assertEquals(rig.server(1).address(), left.get(0).address());
            String listed = rig.ipvsadm("-Ln", "-t", vip);
            if (listed.contains(rig.server(0).address().getHostAddress() + ":")) {
                fail("ipvsadm still lists the drained server:\n" + listed);
            }
        } finally {
            held.forEach(HeldConnection::close);
        }
    }
}
