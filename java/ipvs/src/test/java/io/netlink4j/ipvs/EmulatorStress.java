// SPDX-FileCopyrightText: 2026 The netlink4j Authors
// SPDX-License-Identifier: Apache-2.0
package io.netlink4j.ipvs;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.PooledByteBufAllocator;

import java.io.IOException;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import static io.netlink4j.ipvs.IpvsNamespace.ip;

/**
 * A JVM workload for telling a JVM crash under emulation apart from a fault of netlink4j's JNI
 * shim (scripts/vm-crash-hunt runs it in a loop of child JVMs; docs/reliability.md has the
 * results). Not a test: a program, {@code EmulatorStress MODE SECONDS THREADS}.
 *
 * <p>Both modes run allocation-heavy, JIT-heavy work on several threads: Netty pooled direct
 * buffers allocated on one thread and released on another (Netty's MPSC queues, shaded JCTools,
 * the code the crashes were seen in), short-lived threads, and a spread of JDK code (streams,
 * regular expressions, formatting, big integers, maps) so that C1 compiles a lot while other
 * threads run. Mode {@code plain} never touches netlink4j's socket classes, so the shim is never
 * loaded (checked at the end in /proc/self/maps and printed). Mode {@code netlink} replaces half
 * of the churning threads by threads that create, read, change and delete IPVS services through
 * one shared {@link IpvsHandle}, so the shim is loaded and used all the time.
 */
public final class EmulatorStress {
    private EmulatorStress() {}

    public static void main(String[] args) throws Exception {
        if (args.length != 3 || !(args[0].equals("plain") || args[0].equals("netlink"))) {
            System.err.println("usage: EmulatorStress plain|netlink SECONDS THREADS");
            System.exit(2);
        }
        boolean netlink = args[0].equals("netlink");
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(Long.parseLong(args[1]));
        int threads = Integer.parseInt(args[2]);
        AtomicLong work = new AtomicLong();
        BlockingQueue<ByteBuf> handOff = new ArrayBlockingQueue<>(4096);
        List<Thread> all = new ArrayList<>();
        Object handle = netlink ? NetlinkWork.open() : null;
        for (int t = 0; t < threads; t++) {
            int id = t;
            Runnable r = netlink && t % 2 == 1
                    ? () -> NetlinkWork.run(handle, id, deadline, work)
                    : () -> churn(id, deadline, handOff, work);
            Thread thread = new Thread(r, "stress-" + t);
            thread.start();
            all.add(thread);
        }
        for (Thread t : all) {
            t.join();
        }
        ByteBuf b;
        while ((b = handOff.poll()) != null) {
            b.release();
        }
        if (netlink) {
            NetlinkWork.close(handle);
        }
        System.out.println("EmulatorStress " + args[0] + ": " + work.get() + " work units, shim loaded: " + shimLoaded());
    }

    static boolean shimLoaded() throws IOException {
        return Files.readAllLines(Path.of("/proc/self/maps")).stream().anyMatch(l -> l.contains("netlink4j"));
    }

    static final Pattern WORD = Pattern.compile("([a-z]+)-(\\d+)");
    static final DateTimeFormatter TIME = DateTimeFormatter.ISO_LOCAL_DATE_TIME.withZone(ZoneOffset.UTC);

    static void churn(int id, long deadline, BlockingQueue<ByteBuf> handOff, AtomicLong work) {
        PooledByteBufAllocator alloc = PooledByteBufAllocator.DEFAULT;
        long i = 0;
        while (System.nanoTime() < deadline) {
            i++;
            // Buffers of varied sizes, half of them released by whichever thread takes them.
            ByteBuf buf = alloc.directBuffer(64 + (int) (i * 37 % 9000));
            buf.writeLong(i).writeInt(id).writeCharSequence("x" + i, StandardCharsets.US_ASCII);
            if (i % 2 == 0 && handOff.offer(buf)) {
                ByteBuf other = handOff.poll();
                if (other != null) {
                    other.release();
                }
            } else {
                buf.release();
            }
            switch ((int) (i % 7)) {
                case 0 -> {
                    Map<String, Integer> m = new HashMap<>();
                    for (int k = 0; k < 200; k++) {
                        m.merge("k" + (k % 31), k, Integer::sum);
                    }
                    work.addAndGet(m.size());
                }
                case 1 -> work.addAndGet(IntStream.range(0, 300).mapToObj(k -> "w-" + k)
                        .filter(s -> s.hashCode() % 3 != 0).collect(Collectors.joining(",")).length());
                case 2 -> {
                    Matcher m = WORD.matcher("alpha-1 beta-22 gamma-333 delta-" + i);
                    while (m.find()) {
                        work.addAndGet(m.group(2).length());
                    }
                }
                case 3 -> work.addAndGet(String.format("%08x %s %.3f", i, TIME.format(Instant.ofEpochSecond(i)), i / 7.0).length());
                case 4 -> work.addAndGet(BigInteger.valueOf(i).pow(12).mod(BigInteger.valueOf(1_000_003)).intValue());
                case 5 -> {
                    if (i % 500 == 5) {
                        // A short-lived thread with its own buffer cache, freed when it ends.
                        Thread t = new Thread(() -> alloc.directBuffer(4096).release());
                        t.start();
                        try {
                            t.join();
                        } catch (InterruptedException e) {
                            Thread.currentThread().interrupt();
                            return;
                        }
                    }
                }
                default -> work.incrementAndGet();
            }
        }
    }

    /** The netlink part, in a class of its own so that mode plain never loads it. */
    static final class NetlinkWork {
        static Object open() {
            IpvsHandle ipvs = IpvsHandle.open();
            ipvs.flush();
            return ipvs;
        }

        static void close(Object handle) {
            IpvsHandle ipvs = (IpvsHandle) handle;
            ipvs.flush();
            ipvs.close();
        }

        static void run(Object handle, int id, long deadline, AtomicLong work) {
            IpvsHandle ipvs = (IpvsHandle) handle;
            int cycle = 0;
            while (System.nanoTime() < deadline) {
                cycle++;
                Service s = Service.builder().protocol(Protocol.TCP)
                        .address(ip("10." + (100 + id) + "." + (cycle / 250 % 250) + "." + (cycle % 250 + 1))).port(80)
                        .scheduler(Scheduler.RR).build();
                Destination d = Destination.builder().address(ip("10.1.1." + (id + 2))).port(8000 + cycle % 1000).weight(1).build();
                ipvs.newService(s);
                ipvs.newDestination(s, d);
                if (!ipvs.getService(s).withoutStats().equals(s)) {
                    throw new AssertionError("read back differs: " + s);
                }
                ipvs.updateDestination(s, d.toBuilder().weight(cycle % 50 + 2).build());
                work.addAndGet(ipvs.getDestinations(s).size() + ipvs.getServices().size());
                ipvs.delService(s);
            }
        }
    }
}
