// SPDX-FileCopyrightText: 2026 The netlink4j Authors
// SPDX-License-Identifier: Apache-2.0
package io.netlink4j.ipvs;

import io.netlink4j.ipvs.testsupport.TrafficRig;
import io.netlink4j.ipvs.testsupport.TrafficRig.HeldConnection;
import io.netlink4j.testsupport.LeakDetection;
import io.netty.buffer.PooledByteBufAllocator;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Predicate;
import java.util.stream.Stream;

import static io.netlink4j.ipvs.IpvsNamespace.ip;

/**
 * The IPVS soak run (scripts/soak-ipvs starts it in the test VM; not part of CI):
 * {@code IpvsSoak MINUTES THREADS}. A {@link TrafficRig} of 3 real servers, and its handle on the
 * director's IPVS shared by THREADS threads: all but the last run cycles of mixed operations on
 * services of their own (create, add and change destinations, read back and check, list, delete),
 * the last one syncs a table of 50 services that changes every round
 * ({@link IpvsHandle#sync(IpvsTable, Predicate)}) and checks the kernel's table equals it
 * afterwards. Meanwhile a client thread sends real traffic through two virtual services on the
 * VIP that stay in place all along (NAT, round robin over the 3 servers): HTTP requests from this
 * JVM one after the other (each answer must name a server, and round robin must spread them
 * evenly), every tenth round a connection to the echo service carrying a random line back and
 * forth, every minute three requests from the client namespace, and one echo connection held open
 * for the whole run and used once a minute. Every minute it prints a line: operations in that
 * minute and in all, syncs, connections made in the minute and in all, failed connections, errors,
 * the size of IPVS's connection table ({@link IpvsHandle#getConnections()}), the JVM's resident
 * set, its open descriptors, Netty's pooled direct memory in use, and the leaks Netty's leak
 * detector (paranoid) reported. Exits 1 on any error, failed connection or leak.
 */
public final class IpvsSoak {
    private IpvsSoak() {}

    static final int SYNC_SERVICES = 50;

    public static void main(String[] args) throws Exception {
        if (args.length != 2) {
            System.err.println("usage: IpvsSoak MINUTES THREADS (THREADS >= 2)");
            System.exit(2);
        }
        int minutes = Integer.parseInt(args[0]);
        int threads = Integer.parseInt(args[1]);
        if (minutes < 1 || threads < 2) {
            System.err.println("IpvsSoak: minutes " + minutes + ", threads " + threads + " (expected: minutes >= 1, threads >= 2)");
            System.exit(2);
        }
        LeakDetection.install();
        AtomicLong ops = new AtomicLong();
        AtomicLong syncs = new AtomicLong();
        AtomicLong errors = new AtomicLong();
        AtomicReference<Throwable> firstError = new AtomicReference<>();
        Traffic traffic = null;
        int leaks = 0;
        try (TrafficRig rig = TrafficRig.create(3)) {
            IpvsHandle ipvs = rig.ipvs();
            traffic = new Traffic(rig);
            long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(minutes);
            List<Thread> workers = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                int id = t;
                Runnable body = t == threads - 1 ? () -> syncLoop(ipvs, deadline, ops, syncs) : () -> cycles(ipvs, id, deadline, ops);
                Thread thread = new Thread(() -> {
                    try {
                        body.run();
                    } catch (Throwable e) {
                        errors.incrementAndGet();
                        firstError.compareAndSet(null, e);
                    }
                }, "soak-" + t);
                thread.start();
                workers.add(thread);
            }
            Traffic client = traffic;
            Thread clientThread = new Thread(() -> {
                try {
                    client.run(deadline);
                } catch (Throwable e) {
                    errors.incrementAndGet();
                    firstError.compareAndSet(null, e);
                }
            }, "soak-client");
            clientThread.start();
            workers.add(clientThread);
            System.out.println("minute  ops/min  ops-total  syncs-total  conns/min  conns-total  conns-failed  errors  ipvs-conns"
                    + "  rss-KiB  fds  netty-direct-KiB  leaks");
            long lastOps = 0;
            long lastConns = 0;
            for (int minute = 1; minute <= minutes; minute++) {
                long wake = deadline - TimeUnit.MINUTES.toNanos(minutes - minute);
                while (System.nanoTime() < wake && workers.stream().anyMatch(Thread::isAlive)) {
                    Thread.sleep(200);
                }
                int found = LeakDetection.collectLeaks().size();
                leaks += found;
                long total = ops.get();
                long conns = traffic.connections.get();
                System.out.printf("%6d  %7d  %9d  %11d  %9d  %11d  %12d  %6d  %10d  %7d  %3d  %16d  %5d%n", minute, total - lastOps, total,
                        syncs.get(), conns - lastConns, conns, traffic.failed.get(), errors.get(), ipvs.getConnections().size(), rssKiB(),
                        descriptors(), PooledByteBufAllocator.DEFAULT.metric().usedDirectMemory() / 1024, found);
                lastOps = total;
                lastConns = conns;
            }
            for (Thread t : workers) {
                t.join();
            }
            try {
                traffic.finish();
            } catch (RuntimeException | AssertionError e) {
                errors.incrementAndGet();
                firstError.compareAndSet(null, e);
            }
            ipvs.flush();
        }
        leaks += LeakDetection.collectLeaks().size();
        System.out.println("IpvsSoak: " + ops.get() + " operations, " + syncs.get() + " syncs, " + traffic.connections.get() + " connections ("
                + traffic.httpFromJvm.get() + " HTTP from the JVM answered " + traffic.answered + ", " + traffic.echoes.get() + " echo, "
                + traffic.fromNamespace.get() + " from the client namespace, 1 held open and used " + traffic.heldEchoes.get() + " times), "
                + traffic.failed.get() + " failed connections, " + errors.get() + " errors, " + leaks + " leaks");
        if (traffic.firstFailure.get() != null) {
            System.out.println("first failed connection:");
            traffic.firstFailure.get().printStackTrace(System.out);
        }
        if (firstError.get() != null) {
            firstError.get().printStackTrace();
        }
        System.exit(errors.get() == 0 && traffic.failed.get() == 0 && leaks == 0 ? 0 : 1);
    }

    /**
     * The client side: services VIP:80 (the servers' HTTP) and VIP:7 (their echo), made before the
     * run and left in place, and the connections through them.
     */
    static final class Traffic {
        static final int ECHO_EVERY = 10;

        final TrafficRig rig;
        final AtomicLong connections = new AtomicLong();
        final AtomicLong failed = new AtomicLong();
        final AtomicLong httpFromJvm = new AtomicLong();
        final AtomicLong echoes = new AtomicLong();
        final AtomicLong fromNamespace = new AtomicLong();
        final AtomicLong heldEchoes = new AtomicLong();
        final AtomicReference<Throwable> firstFailure = new AtomicReference<>();
        final Map<String, Integer> answered = new TreeMap<>();
        final HeldConnection held;

        Traffic(TrafficRig rig) {
            this.rig = rig;
            for (int port : new int[] {TrafficRig.HTTP_PORT, TrafficRig.HOLD_PORT}) {
                Service s = Service.builder().protocol(Protocol.TCP).address(rig.vip()).port(port).scheduler(Scheduler.RR).build();
                rig.ipvs().newService(s);
                for (TrafficRig.RealServer rs : rig.servers()) {
                    rig.ipvs().newDestination(s, Destination.builder().address(rs.address()).port(port).weight(1)
                            .forwardingMethod(ForwardingMethod.MASQUERADE).build());
                }
            }
            held = rig.hold(TrafficRig.HOLD_PORT);
            connections.incrementAndGet();
        }

        void run(long deadline) throws InterruptedException {
            long nextMinute = System.nanoTime() + TimeUnit.MINUTES.toNanos(1);
            for (long round = 0; System.nanoTime() < deadline; round++) {
                attempt(() -> {
                    Map<String, Integer> one = rig.request(1);
                    synchronized (answered) {
                        one.forEach((k, v) -> answered.merge(k, v, Integer::sum));
                    }
                    httpFromJvm.incrementAndGet();
                    return 1;
                });
                if (round % ECHO_EVERY == 0) {
                    attempt(() -> {
                        try (HeldConnection c = rig.hold(TrafficRig.HOLD_PORT)) {
                            String line = randomLine(200);
                            check(line.equals(c.echo(line)), "the echo through " + c.server());
                        }
                        echoes.incrementAndGet();
                        return 1;
                    });
                }
                if (System.nanoTime() >= nextMinute) {
                    nextMinute += TimeUnit.MINUTES.toNanos(1);
                    attempt(() -> {
                        Map<String, Integer> spread = rig.requestFromClientNamespace(3);
                        check(spread.size() == 3, "three requests from the client namespace reach three servers: " + spread);
                        fromNamespace.addAndGet(3);
                        return 3;
                    });
                    attempt(() -> {
                        String line = randomLine(100);
                        check(line.equals(held.echo(line)), "the connection held open since the start carries data (" + held.server() + ")");
                        heldEchoes.incrementAndGet();
                        return 0;
                    });
                }
            }
        }

        /** A connection that fails is counted and remembered, and the round goes on after a second. */
        void attempt(java.util.concurrent.Callable<Integer> connect) throws InterruptedException {
            try {
                connections.addAndGet(connect.call());
            } catch (Exception | AssertionError e) {
                failed.incrementAndGet();
                firstFailure.compareAndSet(null, e);
                Thread.sleep(1000);
            }
        }

        /** After the run: the held connection still echoes, and round robin spread the JVM's requests evenly. */
        void finish() {
            String line = randomLine(100);
            check(line.equals(held.echo(line)), "the connection held open for the whole run carries data at the end");
            held.close();
            synchronized (answered) {
                check(answered.keySet().equals(Set.of("s0", "s1", "s2")), "every server answered: " + answered);
                int min = answered.values().stream().mapToInt(Integer::intValue).min().orElse(0);
                int max = answered.values().stream().mapToInt(Integer::intValue).max().orElse(0);
                // The client namespace's requests come in threes and leave the rotation where it was;
                // a failed request may have taken its turn.
                check(max - min <= 1 + failed.get(), "round robin spread: " + answered);
            }
        }

        static String randomLine(int length) {
            StringBuilder b = new StringBuilder(length);
            ThreadLocalRandom r = ThreadLocalRandom.current();
            for (int i = 0; i < length; i++) {
                b.append((char) ('!' + r.nextInt(94)));
            }
            return b.toString();
        }
    }

    /** Cycles of eight checked operations on services 10.(60+id).x.y. */
    static void cycles(IpvsHandle ipvs, int id, long deadline, AtomicLong ops) {
        for (int cycle = 0; System.nanoTime() < deadline; cycle++) {
            Service s = Service.builder().protocol(cycle % 3 == 0 ? Protocol.UDP : Protocol.TCP)
                    .address(ip("10." + (60 + id) + "." + (cycle / 250 % 200) + "." + (cycle % 250 + 1))).port(80)
                    .scheduler(Scheduler.RR).build();
            Destination d1 = Destination.builder().address(ip("10.1.1." + (id + 2))).port(8000).weight(1).build();
            Destination d2 = Destination.builder().address(ip("10.1.1." + (id + 30))).port(8000).weight(2).build();
            ipvs.newService(s);
            ipvs.newDestination(s, d1);
            ipvs.newDestination(s, d2);
            check(s.equals(ipvs.getService(s).withoutStats()), "service read back: " + s.describe());
            Destination heavier = d1.toBuilder().weight(cycle % 100 + 3).build();
            ipvs.updateDestination(s, heavier);
            check(Set.of(heavier, d2).equals(new HashSet<>(ipvs.getDestinations(s).stream().map(Destination::withoutStats).toList())),
                    "destinations of " + s.describe());
            ipvs.delDestination(s, d2);
            ipvs.delService(s);
            ops.addAndGet(8);
        }
    }

    /** Syncs a table of {@link #SYNC_SERVICES} services in 10.250.0.0/16 whose destinations change every round. */
    static void syncLoop(IpvsHandle ipvs, long deadline, AtomicLong ops, AtomicLong syncs) {
        Predicate<Service> scope = s -> s.address() != null && s.address().getHostAddress().startsWith("10.250.");
        Random random = new Random(42);
        while (System.nanoTime() < deadline) {
            IpvsTable.Builder b = IpvsTable.builder();
            for (int i = 0; i < SYNC_SERVICES; i++) {
                if (random.nextInt(10) == 0) {
                    continue;    // one service in ten left out this round: deleted, or created again later
                }
                Service s = Service.builder().protocol(Protocol.TCP).address(ip("10.250.0." + (i + 1))).port(443)
                        .scheduler(random.nextBoolean() ? Scheduler.RR : Scheduler.WLC).build();
                List<Destination> ds = new ArrayList<>();
                for (int k = 0; k < 1 + random.nextInt(4); k++) {
                    ds.add(Destination.builder().address(ip("10.1.1." + (100 + k))).port(443).weight(random.nextInt(5)).build());
                }
                b.add(s, ds);
            }
            IpvsTable desired = b.build();
            IpvsBatch.Result r = ipvs.sync(desired, scope);
            check(r.allSucceeded(), "sync: " + r.failures());
            check(ipvs.getTable(scope).sameSettings(desired), "the kernel's table after the sync");
            ops.addAndGet(r.size());
            syncs.incrementAndGet();
        }
    }

    static void check(boolean condition, String what) {
        if (!condition) {
            throw new AssertionError("soak: wrong result: " + what);
        }
    }

    static long rssKiB() throws IOException {
        return Files.readAllLines(Path.of("/proc/self/status")).stream().filter(l -> l.startsWith("VmRSS:"))
                .map(l -> Long.parseLong(l.replaceAll("[^0-9]", ""))).findFirst().orElse(-1L);
    }

    static long descriptors() throws IOException {
        try (Stream<Path> s = Files.list(Path.of("/proc/self/fd"))) {
            return s.count() - 1;
        }
    }
}
