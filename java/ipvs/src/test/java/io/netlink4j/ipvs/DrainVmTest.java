// SPDX-FileCopyrightText: 2026 The netlink4j Authors
// SPDX-License-Identifier: Apache-2.0
package io.netlink4j.ipvs;

import io.netlink4j.ipvs.testsupport.TrafficRig;
import io.netlink4j.ipvs.testsupport.TrafficRig.HeldConnection;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@link IpvsHandle#drainDestination} with live connections (see {@link TrafficRig}): a held
 * connection keeps the destination at weight 0 until it closes, new connections go elsewhere
 * meanwhile; the timeout, force and interruption paths.
 */
@Tag("kernel-vm")
class DrainVmTest {
    static TrafficRig rig;
    Service echo;
    Destination s0;
    Destination s1;

    @BeforeAll
    static void setUp() {
        rig = TrafficRig.shared();
    }

    @AfterEach
    void flush() {
        rig.ipvs().flush();
    }

    void echoService(int port) {
        echo = Service.builder().protocol(Protocol.TCP).address(rig.vip()).port(port).scheduler(Scheduler.RR).build();
        rig.ipvs().newService(echo);
        s0 = Destination.builder().address(rig.server(0).address()).port(TrafficRig.HOLD_PORT).weight(5)
                .forwardingMethod(ForwardingMethod.MASQUERADE).upperThreshold(100).build();
        s1 = Destination.builder().address(rig.server(1).address()).port(TrafficRig.HOLD_PORT).weight(5)
                .forwardingMethod(ForwardingMethod.MASQUERADE).build();
        rig.ipvs().newDestination(echo, s0);
        rig.ipvs().newDestination(echo, s1);
    }

    Destination current(Destination d) {
        return rig.ipvs().getDestinations(echo).stream().filter(d::sameIdentity).findFirst().orElse(null);
    }

    @Test
    void aHeldConnectionKeepsTheDestinationUntilItCloses() throws Exception {
        echoService(7001);
        List<HeldConnection> held = rig.hold(2, 7001);
        HeldConnection onS0 = held.stream().filter(h -> h.server().equals("s0")).findFirst().orElseThrow();
        List<DrainProgress> seen = new CopyOnWriteArrayList<>();
        try {
            DrainOptions options = DrainOptions.builder().timeout(Duration.ofSeconds(60)).interval(Duration.ofMillis(100)).build();
            CompletableFuture<DrainResult> drain = CompletableFuture.supplyAsync(
                    () -> rig.ipvs().drainDestination(echo, s0, options, seen::add));
            TrafficVmTest.await(() -> seen.size() >= 2, () -> "progress: " + seen);
            // Still there, at weight 0 (its other settings kept), the connection still carries data.
            Destination waiting = current(s0);
            assertEquals(0, waiting.weight());
            assertEquals(100, waiting.upperThreshold());
            assertEquals(1, waiting.activeConnections());
            assertEquals("through", onS0.echo("through"));
            assertFalse(drain.isDone());
            // New connections all go to s1 meanwhile.
            List<HeldConnection> more = rig.hold(3, 7001);
            try {
                assertEquals(Map.of("s1", 3), TrafficRig.byServer(more));
            } finally {
                more.forEach(HeldConnection::close);
            }
            assertFalse(drain.isDone());
            onS0.close();
            DrainResult result = drain.get(30, TimeUnit.SECONDS);
            assertEquals(DrainResult.Outcome.DRAINED, result.outcome(), result.toString());
            assertEquals(0, result.activeConnections());
            assertEquals(null, current(s0));
            assertEquals(5, current(s1).weight());
            DrainProgress first = seen.get(0);
            assertEquals(1, first.poll());
            assertEquals(1, first.activeConnections());
            DrainProgress last = seen.get(seen.size() - 1);
            assertEquals(seen.size(), last.poll());
            assertEquals(0, last.activeConnections());
        } finally {
            held.forEach(HeldConnection::close);
        }
    }

    @Test
    void timeoutLeavesTheDestinationAtWeightZeroUnlessForced() {
        echoService(7002);
        List<HeldConnection> held = rig.hold(2, 7002);
        try {
            List<DrainProgress> seen = new CopyOnWriteArrayList<>();
            DrainResult result = rig.ipvs().drainDestination(echo, s0,
                    DrainOptions.builder().timeout(Duration.ofSeconds(2)).interval(Duration.ofMillis(100)).build(), seen::add);
            assertEquals(DrainResult.Outcome.TIMED_OUT, result.outcome(), result.toString());
            assertEquals(1, result.activeConnections());
            assertFalse(result.removed());
            assertTrue(seen.size() >= 2, seen.toString());
            assertEquals(0, current(s0).weight());
            assertEquals(1, current(s0).activeConnections());
            // A threshold of 1 accepts the one connection left.
            DrainResult enough = rig.ipvs().drainDestination(echo, s1,
                    DrainOptions.builder().timeout(Duration.ZERO).threshold(1).build(), p -> { });
            assertEquals(DrainResult.Outcome.DRAINED, enough.outcome(), enough.toString());
            assertEquals(1, enough.activeConnections());
            DrainResult forced = rig.ipvs().drainDestination(echo, s0,
                    DrainOptions.builder().timeout(Duration.ofMillis(200)).interval(Duration.ofMillis(50)).force(true).build(), p -> { });
            assertEquals(DrainResult.Outcome.FORCED, forced.outcome(), forced.toString());
            assertEquals(1, forced.activeConnections());
            assertTrue(rig.ipvs().getDestinations(echo).isEmpty());
        } finally {
            held.forEach(HeldConnection::close);
        }
    }

    @Test
    void interruptionLeavesTheDestinationAsItIs() throws Exception {
        echoService(7003);
        List<HeldConnection> held = rig.hold(2, 7003);
        try {
            AtomicReference<Throwable> thrown = new AtomicReference<>();
            AtomicReference<Boolean> flag = new AtomicReference<>();
            List<DrainProgress> seen = new CopyOnWriteArrayList<>();
            Thread t = new Thread(() -> {
                try {
                    rig.ipvs().drainDestination(echo, s0, DrainOptions.builder().interval(Duration.ofMillis(100)).build(), seen::add);
                } catch (Throwable e) {
                    thrown.set(e);
                }
                flag.set(Thread.currentThread().isInterrupted());
            });
            t.start();
            TrafficVmTest.await(() -> !seen.isEmpty(), () -> "no progress");
            t.interrupt();
            t.join(30_000);
            DrainInterruptedException e = assertThrows(DrainInterruptedException.class, () -> {
                throw thrown.get();
            });
            assertTrue(e.getMessage().contains("left with weight 0, 1 active"), e.getMessage());
            assertEquals(1, e.lastProgress().activeConnections());
            assertTrue(flag.get());
            assertEquals(0, current(s0).weight());
            assertEquals(1, current(s0).activeConnections());
        } finally {
            held.forEach(HeldConnection::close);
        }
    }

    @Test
    void drainingWhatIsNotThereIsRefused() {
        echoService(7004);
        Destination none = Destination.builder().address(rig.server(1).address()).port(9).build();
        assertThrows(NoSuchDestinationException.class, () -> rig.ipvs().drainDestination(echo, none));
        Service other = echo.toBuilder().port(7005).build();
        assertThrows(NoSuchServiceException.class, () -> rig.ipvs().drainDestination(other, s0));
    }
}
