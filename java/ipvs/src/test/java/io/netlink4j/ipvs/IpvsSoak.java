// SPDX-FileCopyrightText: 2026 The netlink4j Authors
// SPDX-License-Identifier: Apache-2.0
package io.netlink4j.ipvs;

import io.netlink4j.testsupport.LeakDetection;
import io.netty.buffer.PooledByteBufAllocator;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Predicate;
import java.util.stream.Stream;

import static io.netlink4j.ipvs.IpvsNamespace.ip;

/**
 * The IPVS soak run (scripts/soak-ipvs starts it in the test VM; not part of CI):
 * {@code IpvsSoak MINUTES THREADS}. One handle on a fresh namespace, shared by THREADS threads:
 * all but the last run cycles of mixed operations on services of their own (create, add and
 * change destinations, read back and check, list, delete), the last one syncs a table of 50
 * services that changes every round ({@link IpvsHandle#sync(IpvsTable, Predicate)}) and checks
 * the kernel's table equals it afterwards. Every minute it prints a line: operations in that
 * minute and in all, errors, the JVM's resident set, its open descriptors, Netty's pooled direct
 * memory in use, and the leaks Netty's leak detector (paranoid) reported. Exits 1 on any error
 * or leak.
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
        long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(minutes);
        AtomicLong ops = new AtomicLong();
        AtomicLong syncs = new AtomicLong();
        AtomicLong errors = new AtomicLong();
        AtomicReference<Throwable> firstError = new AtomicReference<>();
        int leaks = 0;
        try (IpvsNamespace ns = IpvsNamespace.create()) {
            List<Thread> workers = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                int id = t;
                Runnable body = t == threads - 1 ? () -> syncLoop(ns.ipvs, deadline, ops, syncs) : () -> cycles(ns.ipvs, id, deadline, ops);
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
            System.out.println("minute  ops/min  ops-total  syncs-total  errors  rss-KiB  fds  netty-direct-KiB  leaks");
            long lastOps = 0;
            for (int minute = 1; minute <= minutes; minute++) {
                long wake = deadline - TimeUnit.MINUTES.toNanos(minutes - minute);
                while (System.nanoTime() < wake && workers.stream().anyMatch(Thread::isAlive)) {
                    Thread.sleep(200);
                }
                int found = LeakDetection.collectLeaks().size();
                leaks += found;
                long total = ops.get();
                System.out.printf("%6d  %7d  %9d  %11d  %6d  %7d  %3d  %16d  %5d%n", minute, total - lastOps, total, syncs.get(),
                        errors.get(), rssKiB(), descriptors(), PooledByteBufAllocator.DEFAULT.metric().usedDirectMemory() / 1024, found);
                lastOps = total;
            }
            for (Thread t : workers) {
                t.join();
            }
            ns.ipvs.flush();
        }
        leaks += LeakDetection.collectLeaks().size();
        System.out.println("IpvsSoak: " + ops.get() + " operations, " + syncs.get() + " syncs, " + errors.get() + " errors, " + leaks + " leaks");
        if (firstError.get() != null) {
            firstError.get().printStackTrace();
        }
        System.exit(errors.get() == 0 && leaks == 0 ? 0 : 1);
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
