// SPDX-FileCopyrightText: 2026 The netlink4j Authors
// SPDX-License-Identifier: Apache-2.0
package io.netlink4j.bench;

import io.netlink4j.ipvs.Destination;
import io.netlink4j.ipvs.IpvsBatch;
import io.netlink4j.ipvs.IpvsHandle;
import io.netlink4j.ipvs.Protocol;
import io.netlink4j.ipvs.Scheduler;
import io.netlink4j.ipvs.Service;

import java.io.IOException;
import java.lang.management.CompilationMXBean;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The end-to-end IPVS benchmark: the kernel's own cost (the C floor program), the floor's loop in
 * Java over netlink4j's socket layer alone, netlink4j one request at a time and batched, and
 * optionally ipvsadm, on the same kernel in one JVM. Run it where IPVS exists, as root, through
 * {@code scripts/bench-ipvs} (which boots the test VM, by default with the guest's clock counting
 * executed instructions, so that 1 ns reads as one instruction).
 *
 * <p>Every row starts from the same kernel state: the table flushed, then {@code --settle}
 * seconds of sleep, long enough for IPVS to free the destinations its deletes left in its
 * trash (a later create of the same destination looks through that list, one entry at a time)
 * and for the kernel's deferred work to run. In instruction-count mode sleeping is free: the
 * guest's clock jumps to the next timer.
 *
 * <p>Warm-up: passes of every row but ipvsadm (results discarded) until two consecutive passes
 * agree within {@code --agree} in every phase and no JIT compilation or GC fell in a timed phase
 * of the second, or {@code --max-warmup} passes. Then {@code --repeat} measured passes of every
 * row. A cell shows the median, how many repetitions lie within {@code --agree} of it, and the
 * spread (max-min)/median, of the repetitions no GC or compilation fell into ({@code *n}: n were
 * left out).
 *
 * <p>Batched rows come in both wire modes: NLM_F_ACK on every request ({@code ACK every}; the
 * floor rows without a mode) and on the last request of each send only ({@code ACK last}, how
 * netlink4j sends batches by default), each compared with the floor in the same mode.
 *
 * <p>Arguments: the floor binary, then options ({@code --repeat=5 --max-warmup=10
 * --agree=0.005 --settle=400 --batch=64 --ipvsadm --probe-trash}; {@code --rows=REGEX} runs only
 * the rows whose name it finds, {@code --phases=new_svc,new_dest,del_svc} only those phases, in
 * their usual order), then scenarios as SERVICESxDESTINATIONS (default 3000x1 1000x5).
 */
public final class IpvsEndToEnd {
    static final String[] PHASES = {"new_svc", "new_dest", "dump_svc", "dump_dest", "set_dest", "del_svc"};
    /**
     * Sub-steps of the dumps, timed in the row "netlink4j, one at a time" right after its dumps:
     * the dump streamed into a list (engine and decoding, no sort), and the sort of the dumped
     * list, by {@link Service#IDENTITY_ORDER} and by the same order comparing {@code getAddress()}
     * copies (as it compared before).
     */
    static final String[] SUB_STEPS = {"dump_svc: forEachService", "dump_svc: sort", "dump_svc: sort, address copies",
            "dump_dest: forEachDestination", "dump_dest: sort"};
    private static final java.util.Comparator<Service> COPYING_ORDER = java.util.Comparator.<Service>comparingLong(Service::fwMark)
            .thenComparingInt(x -> x.addressFamily().value()).thenComparingInt(x -> x.protocol() == null ? 0 : x.protocol().value())
            .thenComparing((x, y) -> java.util.Arrays.compareUnsigned(x.address() == null ? null : x.address().getAddress(),
                    y.address() == null ? null : y.address().getAddress()))
            .thenComparingInt(Service::port);
    private static final String[] LABELS = {"create services", "create destinations", "dump services",
            "dump destinations", "update destinations", "delete services"};

    private final String floor;
    private int repeat = 5;
    private int maxWarmup = 10;
    private double agree = 0.005;
    private int settle = 400;
    private int batch = 64;
    private boolean ipvsadm;
    /** Rows whose name this finds are run ({@code --rows}); all by default. */
    private Pattern rowFilter = Pattern.compile("");
    /** The phases run ({@code --phases}); all by default. */
    private List<String> phases = List.of(PHASES);
    /** scenario | row -> phase -> one value per repetition. */
    private final Map<String, Map<String, List<Double>>> table = new LinkedHashMap<>();
    /** scenario | row -> phase -> bytes allocated per operation by the benchmark thread (last pass). */
    private final Map<String, Map<String, Double>> allocation = new LinkedHashMap<>();
    /** scenario | row | phase -> how many timed runs a GC or a JIT compilation fell into. */
    private final Map<String, Integer> disturbed = new LinkedHashMap<>();
    /** scenario | row | phase -> the values of the repetitions no GC or JIT compilation fell into. */
    private final Map<String, List<Double>> undisturbed = new LinkedHashMap<>();
    private boolean disturbedThisPass;

    private final CompilationMXBean jit = ManagementFactory.getCompilationMXBean();
    private final List<GarbageCollectorMXBean> gcs = ManagementFactory.getGarbageCollectorMXBeans();
    private final com.sun.management.ThreadMXBean threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();

    /** One timed phase, for splitting a JFR profile of the run by phase ({@code scripts/jfr-summary}). */
    @jdk.jfr.Name("io.netlink4j.bench.Phase")
    @jdk.jfr.Label("Benchmark phase")
    static final class PhaseEvent extends jdk.jfr.Event {
        @jdk.jfr.Label("Row")
        String row;
        @jdk.jfr.Label("Phase")
        String phase;
        @jdk.jfr.Label("Operations")
        int operations;
    }

    private IpvsEndToEnd(String floor) {
        this.floor = floor;
    }

    public static void main(String[] args) throws Exception {
        IpvsEndToEnd bench = new IpvsEndToEnd(args[0]);
        List<String> scenarios = new ArrayList<>();
        boolean probe = false;
        for (String a : List.of(args).subList(1, args.length)) {
            String v = a.contains("=") ? a.substring(a.indexOf('=') + 1) : "";
            if (a.startsWith("--repeat=")) {
                bench.repeat = Integer.parseInt(v);
            } else if (a.startsWith("--max-warmup=")) {
                bench.maxWarmup = Integer.parseInt(v);
            } else if (a.startsWith("--agree=")) {
                bench.agree = Double.parseDouble(v);
            } else if (a.startsWith("--settle=")) {
                bench.settle = Integer.parseInt(v);
            } else if (a.startsWith("--batch=")) {
                bench.batch = Integer.parseInt(v);
            } else if (a.startsWith("--rows=")) {
                bench.rowFilter = Pattern.compile(v);
            } else if (a.startsWith("--phases=")) {
                List<String> list = List.of(v.split(","));
                for (String p : list) {
                    if (!List.of(PHASES).contains(p)) {
                        throw new IllegalArgumentException("--phases: unknown phase '" + p + "' (expected: some of " + String.join(",", PHASES) + ")");
                    }
                }
                bench.phases = List.of(PHASES).stream().filter(list::contains).toList();
            } else if (a.equals("--ipvsadm")) {
                bench.ipvsadm = true;
            } else if (a.equals("--probe-trash")) {
                probe = true;
            } else if (a.matches("\\d+x\\d+")) {
                scenarios.add(a);
            } else {
                throw new IllegalArgumentException("unknown argument '" + a + "' (expected: --repeat=N, --max-warmup=N, --agree=F, "
                        + "--settle=SECONDS, --batch=B, --rows=REGEX, --phases=LIST, --ipvsadm, --probe-trash, or SERVICESxDESTINATIONS)");
            }
        }
        if (scenarios.isEmpty()) {
            scenarios = List.of("3000x1", "1000x5");
        }
        sh("ip link add nl4jbench type dummy && ip addr add 10.1.0.1/16 dev nl4jbench && ip link set nl4jbench up");
        System.out.printf(Locale.ROOT, "settle %d s, batch %d, agree within %.2f%%, %d measured repetitions, at most %d warm-up passes%n",
                bench.settle, bench.batch, bench.agree * 100, bench.repeat, bench.maxWarmup);
        System.out.println("rows " + bench.rows() + ", phases " + bench.phases);
        if (probe) {
            bench.probeTrash(new Scenario(1000, 5));
            return;
        }
        for (String s : scenarios) {
            String[] p = s.split("x");
            bench.runScenario(new Scenario(Integer.parseInt(p[0]), Integer.parseInt(p[1])));
            bench.print();
        }
    }

    record Scenario(int services, int destsPerService) {
        String name() {
            return services + "x" + destsPerService;
        }

        Service service(int i) {
            return Service.builder().protocol(Protocol.TCP).address(addr(10, 20, i >> 8 & 0xFF, i & 0xFF)).port(80).scheduler(Scheduler.RR).build();
        }

        Destination destination(int i, int j, int weight) {
            int k = i * destsPerService + j;
            return Destination.builder().address(addr(10, 1, 1 + (k >> 8) % 254, k & 0xFF | 1)).port(8000 + j).weight(weight).build();
        }
    }

    /** "IpvsBatch (B per send, ACK last)": netlink4j's batches as they are sent by default. */
    private String batchRow(boolean ackLast) {
        return "netlink4j, IpvsBatch (" + batch + " per send, " + (ackLast ? "ACK last" : "ACK every") + ")";
    }

    /**
     * The rows. Batched rows come in two wire modes: NLM_F_ACK on every request ("C floor, B per
     * send", "ACK every"), and on the last request of each send only ("ACK last"), which is how
     * netlink4j sends batches unless {@code NetlinkOptions.ackEveryBatchRequest}.
     */
    private List<String> rows() {
        List<String> rows = new ArrayList<>(List.of("C floor, one per send", "C floor, " + batch + " per send",
                "C floor, " + batch + " per send, ACK last",
                "Java floor loop, one per send", "Java floor loop, " + batch + " per send",
                "Java floor loop, " + batch + " per send, ACK last",
                "netlink4j, one at a time", batchRow(false), batchRow(true)));
        if (ipvsadm) {
            rows.add("ipvsadm -R / -Ln");
        }
        rows.removeIf(r -> !rowFilter.matcher(r).find());
        return rows;
    }

    private boolean on(int phase) {
        return phases.contains(PHASES[phase]);
    }

    private void runScenario(Scenario sc) throws Exception {
        // The floor rows too: their first run loads and compiles the JVM's process code, which would
        // otherwise invalidate compiled code of the Java rows during the measured passes.
        List<String> warmRows = rows().stream().filter(r -> !r.startsWith("ipvsadm")).toList();
        Map<String, Map<String, Double>> previous = null;
        int pass = 0;
        for (boolean warm = false; !warm && pass < maxWarmup; pass++) {
            Map<String, Map<String, Double>> current = new LinkedHashMap<>();
            disturbedThisPass = false;
            for (String row : warmRows) {
                current.put(row, runRow(sc, row, null));
            }
            warm = previous != null && !disturbedThisPass && agrees(previous, current);
            System.out.printf(Locale.ROOT, "%s warm-up pass %d: %s%s%n", sc.name(), pass + 1, current,
                    disturbedThisPass ? " (GC or JIT in a timed phase)" : "");
            previous = current;
        }
        System.out.printf(Locale.ROOT, "%s: %d warm-up passes%s%n", sc.name(), pass,
                pass >= maxWarmup ? " (the limit; the rows did not agree yet)" : "");
        for (int r = 0; r < repeat; r++) {
            for (String row : rows()) {
                String key = sc.name() + " | " + row;
                Map<String, Double> values = runRow(sc, row, key);
                Map<String, List<Double>> cells = table.computeIfAbsent(key, k -> new LinkedHashMap<>());
                values.forEach((phase, v) -> cells.computeIfAbsent(phase, k -> new ArrayList<>()).add(v));
            }
        }
    }

    private boolean agrees(Map<String, Map<String, Double>> a, Map<String, Map<String, Double>> b) {
        for (Map.Entry<String, Map<String, Double>> row : a.entrySet()) {
            for (Map.Entry<String, Double> cell : row.getValue().entrySet()) {
                double x = cell.getValue();
                double y = b.get(row.getKey()).get(cell.getKey());
                if (Math.abs(x - y) > agree * Math.min(x, y)) {
                    return false;
                }
            }
        }
        return true;
    }

    /** The same kernel state before every row: an empty table, an empty destination trash, no deferred work. */
    private void settle() throws Exception {
        try (IpvsHandle ipvs = IpvsHandle.open()) {
            ipvs.flush();
        }
        System.gc();
        Thread.sleep(settle * 1000L);
    }

    private Map<String, Double> runRow(Scenario sc, String row, String key) throws Exception {
        settle();
        Map<String, Double> out;
        boolean ackLast = row.contains("ACK last");
        if (row.startsWith("C floor")) {
            out = runFloor(sc, row.contains("one per send") ? 1 : batch, ackLast);
        } else if (row.startsWith("Java floor")) {
            out = runJavaFloor(sc, row.contains("one per send") ? 1 : batch, ackLast, key);
        } else if (row.startsWith("netlink4j")) {
            out = runNetlink4j(sc, !row.contains("one at a time"), ackLast, key);
        } else {
            out = runIpvsadm(sc, key);
        }
        return out;
    }

    private Map<String, Double> runNetlink4j(Scenario sc, boolean batched, boolean ackLast, String key) throws Exception {
        int n = sc.services();
        int d = sc.destsPerService();
        Map<String, Double> out = new LinkedHashMap<>();
        // Batched: the ACK budget of a 64 KiB receive buffer (the kernel doubles it) makes batch-size requests per send.
        // A long receive timeout: the JIT compiles in the foreground, and a compilation inside an exchange (slow in
        // the emulator, slower with --jvm-opt=-XX:+PrintInlining) must not pass for a kernel that did not answer.
        try (IpvsHandle ipvs = IpvsHandle.open(IpvsHandle.defaultOptions().socketReceiveBufferSize(batch * 1024)
                .receiveTimeout(java.time.Duration.ofSeconds(120)).ackEveryBatchRequest(batched && !ackLast).build())) {
            List<Service> services = new ArrayList<>(n);
            List<List<Destination>> dests = new ArrayList<>(n);
            List<List<Destination>> updated = new ArrayList<>(n);
            for (int i = 0; i < n; i++) {
                services.add(sc.service(i));
                List<Destination> a = new ArrayList<>(d);
                List<Destination> b = new ArrayList<>(d);
                for (int j = 0; j < d; j++) {
                    a.add(sc.destination(i, j, 1));
                    b.add(sc.destination(i, j, 2));
                }
                dests.add(a);
                updated.add(b);
            }
            timeIf(out, key, 0, n, () -> {
                if (batched) {
                    IpvsBatch b = ipvs.batch();
                    services.forEach(b::newService);
                    check(b.apply());
                } else {
                    services.forEach(ipvs::newService);
                }
            });
            timeIf(out, key, 1, n * d, () -> {
                IpvsBatch b = batched ? ipvs.batch() : null;
                for (int i = 0; i < n; i++) {
                    Service s = services.get(i);
                    for (Destination x : dests.get(i)) {
                        if (batched) {
                            b.newDestination(s, x);
                        } else {
                            ipvs.newDestination(s, x);
                        }
                    }
                }
                if (batched) {
                    check(b.apply());
                }
            });
            // As the floor program does: the second of two dumps (the first meets the kernel's cold caches).
            if (on(2) || on(3)) {
                expect(n, ipvs.getServices().size(), "services dumped");
                List<Service> dumped = new ArrayList<>(n);
                time(out, key, 2, n, () -> dumped.addAll(ipvs.getServices()));
                expect(n, dumped.size(), "services dumped");
                int[] count = {0};
                dumped.forEach(s -> count[0] += ipvs.getDestinations(s).size());
                expect(n * d, count[0], "destinations dumped");
                count[0] = 0;
                time(out, key, 3, n * d, () -> dumped.forEach(s -> count[0] += ipvs.getDestinations(s).size()));
                expect(n * d, count[0], "destinations dumped");
                if (!batched) {
                    List<Service> each = new ArrayList<>(n);
                    subStep(out, key, 0, n, () -> ipvs.forEachService(each::add));
                    subStep(out, key, 1, n, () -> new ArrayList<>(each).sort(Service.IDENTITY_ORDER));
                    subStep(out, key, 2, n, () -> new ArrayList<>(each).sort(COPYING_ORDER));
                    List<Destination> all = new ArrayList<>(n * d);
                    subStep(out, key, 3, n * d, () -> dumped.forEach(s -> ipvs.forEachDestination(s, all::add)));
                    expect(n * d, all.size(), "destinations streamed");
                    subStep(out, key, 4, n * d, () -> {
                        for (int i = 0; i < n; i++) {
                            new ArrayList<>(all.subList(i * d, i * d + d)).sort(Destination.IDENTITY_ORDER);
                        }
                    });
                }
            }
            timeIf(out, key, 4, n * d, () -> {
                IpvsBatch b = batched ? ipvs.batch() : null;
                for (int i = 0; i < n; i++) {
                    Service s = services.get(i);
                    for (Destination x : updated.get(i)) {
                        if (batched) {
                            b.updateDestination(s, x);
                        } else {
                            ipvs.updateDestination(s, x);
                        }
                    }
                }
                if (batched) {
                    check(b.apply());
                }
            });
            timeIf(out, key, 5, n, () -> {
                if (batched) {
                    IpvsBatch b = ipvs.batch();
                    services.forEach(b::delService);
                    check(b.apply());
                } else {
                    services.forEach(ipvs::delService);
                }
            });
            if (on(5)) {
                expect(0, ipvs.getServices().size(), "services left");
            }
        }
        return out;
    }

    private Map<String, Double> runJavaFloor(Scenario sc, int perSend, boolean ackLast, String key) throws Exception {
        Map<String, Double> out = new LinkedHashMap<>();
        int n = sc.services();
        int nd = n * sc.destsPerService();
        try (JavaFloor f = new JavaFloor(n, sc.destsPerService())) {
            timeIf(out, key, 0, n, () -> f.requests(JavaFloor.Kind.NEW_SERVICE, perSend, ackLast));
            timeIf(out, key, 1, nd, () -> f.requests(JavaFloor.Kind.NEW_DEST, perSend, ackLast));
            if (on(2)) {
                expect(n, f.dumpServices(), "services dumped");
                time(out, key, 2, n, () -> expect(n, f.dumpServices(), "services dumped"));
            }
            if (on(3)) {
                expect(nd, f.dumpDestinations(), "destinations dumped");
                time(out, key, 3, nd, () -> expect(nd, f.dumpDestinations(), "destinations dumped"));
            }
            timeIf(out, key, 4, nd, () -> f.requests(JavaFloor.Kind.SET_DEST, perSend, ackLast));
            timeIf(out, key, 5, n, () -> f.requests(JavaFloor.Kind.DEL_SERVICE, perSend, ackLast));
        }
        return out;
    }

    private Map<String, Double> runFloor(Scenario sc, int perSend, boolean ackLast) throws Exception {
        String text = sh(floor + " --services " + sc.services() + " --dests " + sc.destsPerService() + " --batch " + perSend
                + " --ack " + (ackLast ? "last" : "every") + " --phases " + String.join(",", phases));
        Map<String, Double> out = new LinkedHashMap<>();
        Matcher m = Pattern.compile("floor (\\w+)\\s+n=\\d+ batch=\\d+: ([0-9.]+) us").matcher(text);
        while (m.find()) {
            out.put(m.group(1), Double.parseDouble(m.group(2)));
        }
        return out;
    }

    /** Destination creation against the trash: one row after another without and with the settle step. */
    private void probeTrash(Scenario sc) throws Exception {
        String args = " --services " + sc.services() + " --dests " + sc.destsPerService() + " --phases new_svc,new_dest,del_svc --batch ";
        for (int b : new int[] {1, 4, 16, 64, 256}) {
            settle();
            System.out.println("after the settle step, batch " + b + ": " + grep(sh(floor + args + b), "new_dest"));
            System.out.println("  right after it (the trash full), batch " + b + ": " + grep(sh(floor + args + b), "new_dest"));
        }
    }

    private static String grep(String text, String phase) {
        return text.lines().filter(l -> l.contains(phase)).findFirst().orElse("-");
    }

    private Map<String, Double> runIpvsadm(Scenario sc, String key) throws Exception {
        int n = sc.services();
        int d = sc.destsPerService();
        Map<String, Double> out = new LinkedHashMap<>();
        StringBuilder svc = new StringBuilder();
        StringBuilder dst = new StringBuilder();
        StringBuilder upd = new StringBuilder();
        StringBuilder del = new StringBuilder();
        for (int i = 0; i < n; i++) {
            Service s = sc.service(i);
            String vip = s.address().getHostAddress() + ":80";
            svc.append("-A -t ").append(vip).append(" -s rr\n");
            del.append("-D -t ").append(vip).append('\n');
            for (int j = 0; j < d; j++) {
                Destination x = sc.destination(i, j, 1);
                String rip = x.address().getHostAddress() + ":" + x.port();
                dst.append("-a -t ").append(vip).append(" -r ").append(rip).append(" -m -w 1\n");
                upd.append("-e -t ").append(vip).append(" -r ").append(rip).append(" -m -w 2\n");
            }
        }
        restore(out, key, 0, svc, n);
        restore(out, key, 1, dst, n * d);
        sh("ipvsadm -Ln > /dev/null");
        time(out, key, 2, n, () -> sh("ipvsadm -Ln > /dev/null"));
        restore(out, key, 4, upd, n * d);
        restore(out, key, 5, del, n);
        return out;
    }

    private void restore(Map<String, Double> out, String key, int phase, CharSequence rules, int ops) throws Exception {
        Path file = Files.createTempFile("rules", ".txt");
        try {
            Files.writeString(file, rules);
            time(out, key, phase, ops, () -> sh("ipvsadm -R < " + file));
        } finally {
            Files.deleteIfExists(file);
        }
    }

    /** A timed piece of work. */
    private interface Work {
        void run() throws Exception;
    }

    /**
     * Times {@code r} as phase {@code phase} ({@code ops} operations) into {@code out}; notes a GC or a JIT
     * compilation that fell inside, and (for a measured row, {@code key} not null) the bytes allocated per op.
     */
    private void time(Map<String, Double> out, String key, int phase, int ops, Work r) throws Exception {
        PhaseEvent event = new PhaseEvent();
        event.row = key == null ? "warm-up" : key;
        event.phase = LABELS[phase];
        event.operations = ops;
        long thread = Thread.currentThread().getId();
        event.begin();
        long gc0 = gcCount();
        long jit0 = jit.getTotalCompilationTime();
        long a0 = threads.getThreadAllocatedBytes(thread);
        long t0 = System.nanoTime();
        r.run();
        long t1 = System.nanoTime();
        long a1 = threads.getThreadAllocatedBytes(thread);
        event.commit();
        boolean disturbedHere = gcCount() != gc0 || jit.getTotalCompilationTime() != jit0;
        out.put(PHASES[phase], (t1 - t0) / 1e3 / ops);
        if (disturbedHere) {
            disturbedThisPass = true;
        }
        if (key != null) {
            disturbed.merge(key + " | " + PHASES[phase], disturbedHere ? 1 : 0, Integer::sum);
            if (!disturbedHere) {
                undisturbed.computeIfAbsent(key + " | " + PHASES[phase], k -> new ArrayList<>()).add((t1 - t0) / 1e3 / ops);
            }
            allocation.computeIfAbsent(key, k -> new LinkedHashMap<>()).put(PHASES[phase], (double) (a1 - a0) / ops);
        }
    }

    /** {@link #time}, when {@code phase} is one of those run ({@code --phases}). */
    private void timeIf(Map<String, Double> out, String key, int phase, int ops, Work r) throws Exception {
        if (on(phase)) {
            time(out, key, phase, ops, r);
        }
    }

    /** Times a sub-step (see {@link #SUB_STEPS}) as {@link #time} times a phase. */
    private void subStep(Map<String, Double> out, String key, int step, int ops, Work r) throws Exception {
        Map<String, Double> one = new LinkedHashMap<>();
        time(one, null, 0, ops, r);
        out.put(SUB_STEPS[step], one.get(PHASES[0]));
    }

    private long gcCount() {
        long n = 0;
        for (GarbageCollectorMXBean gc : gcs) {
            n += gc.getCollectionCount();
        }
        return n;
    }

    private void print() {
        System.out.println();
        System.out.println("us per operation as the guest's clock counts it; per cell: median [repetitions within "
                + String.format(Locale.ROOT, "%.1f%%", agree * 100) + " of it / " + repeat + ", spread (max-min)/median]"
                + "; *n = a GC or JIT compilation fell in n repetitions, which are left out of that cell");
        System.out.print("| scenario | row |");
        for (String l : LABELS) {
            System.out.print(" " + l + " |");
        }
        System.out.println();
        System.out.println("|---|---|" + "---:|".repeat(PHASES.length));
        for (Map.Entry<String, Map<String, List<Double>>> row : table.entrySet()) {
            String[] k = row.getKey().split(" \\| ");
            StringBuilder sb = new StringBuilder("| " + k[0] + " | " + k[1] + " |");
            for (String p : PHASES) {
                List<Double> v = row.getValue().get(p);
                if (v == null) {
                    sb.append(" - |");
                    continue;
                }
                int dist = disturbed.getOrDefault(row.getKey() + " | " + p, 0);
                v = cell(row.getKey(), p);
                double med = median(v);
                long agreeing = v.stream().filter(x -> Math.abs(x - med) <= agree * med).count();
                double spread = (v.stream().mapToDouble(x -> x).max().orElse(0) - v.stream().mapToDouble(x -> x).min().orElse(0)) / med;
                sb.append(String.format(Locale.ROOT, " %.2f [%d/%d, %.1f%%]%s |", med, agreeing, v.size(), spread * 100,
                        dist > 0 ? " *" + dist : ""));
            }
            System.out.println(sb);
        }
        System.out.println();
        System.out.println("sub-steps of the dumps (netlink4j, one at a time), us per service or destination: median [agreeing, spread]");
        for (Map.Entry<String, Map<String, List<Double>>> row : table.entrySet()) {
            for (String p : SUB_STEPS) {
                List<Double> v = row.getValue().get(p);
                if (v != null) {
                    double med = median(v);
                    long agreeing = v.stream().filter(x -> Math.abs(x - med) <= agree * med).count();
                    double spread = (v.stream().mapToDouble(x -> x).max().orElse(0) - v.stream().mapToDouble(x -> x).min().orElse(0)) / med;
                    System.out.printf(Locale.ROOT, "| %s | %s | %.2f [%d/%d, %.1f%%] |%n", row.getKey(), p, med, agreeing, v.size(), spread * 100);
                }
            }
        }
        System.out.println();
        System.out.println("bytes allocated per operation by the benchmark thread (last repetition)");
        for (Map.Entry<String, Map<String, Double>> row : allocation.entrySet()) {
            StringBuilder sb = new StringBuilder("| " + row.getKey().replace(" | ", " | ") + " |");
            for (String p : PHASES) {
                Double v = row.getValue().get(p);
                sb.append(v == null ? " - |" : String.format(Locale.ROOT, " %.0f |", v));
            }
            System.out.println(sb);
        }
        System.out.println();
        System.out.println("ratios of the medians");
        List<String> scenarios = table.keySet().stream().map(k -> k.substring(0, k.indexOf(" |"))).distinct().toList();
        for (String scenario : scenarios) {
            String floorEvery = "C floor, " + batch + " per send";
            String floorLast = floorEvery + ", ACK last";
            String javaEvery = "Java floor loop, " + batch + " per send";
            String javaLast = javaEvery + ", ACK last";
            ratio(scenario, "netlink4j, one at a time", "C floor, one per send");
            ratio(scenario, batchRow(true), floorLast);
            ratio(scenario, batchRow(false), floorEvery);
            ratio(scenario, batchRow(true), floorEvery);
            ratio(scenario, floorLast, floorEvery);
            ratio(scenario, "Java floor loop, one per send", "C floor, one per send");
            ratio(scenario, javaLast, floorLast);
            ratio(scenario, javaEvery, floorEvery);
            ratio(scenario, "netlink4j, one at a time", "Java floor loop, one per send");
            ratio(scenario, batchRow(true), javaLast);
            ratio(scenario, batchRow(false), javaEvery);
            if (ipvsadm) {
                ratio(scenario, batchRow(true), "ipvsadm -R / -Ln");
            }
        }
    }

    /** A cell's values: those of the repetitions no GC or compilation fell into, or all when it fell into every one. */
    private List<Double> cell(String rowKey, String phase) {
        List<Double> clean = undisturbed.get(rowKey + " | " + phase);
        return clean == null || clean.isEmpty() ? table.get(rowKey).get(phase) : clean;
    }

    static double median(List<Double> values) {
        List<Double> v = values.stream().sorted().toList();
        int n = v.size();
        return n % 2 == 1 ? v.get(n / 2) : (v.get(n / 2 - 1) + v.get(n / 2)) / 2;
    }

    private void ratio(String scenario, String a, String b) {
        Map<String, List<Double>> x = table.get(scenario + " | " + a);
        Map<String, List<Double>> y = table.get(scenario + " | " + b);
        if (x == null || y == null) {
            return;
        }
        StringBuilder sb = new StringBuilder("| " + scenario + " | " + a + " / " + b + " |");
        for (String p : PHASES) {
            List<Double> u = x.get(p) == null ? null : cell(scenario + " | " + a, p);
            List<Double> v = y.get(p) == null ? null : cell(scenario + " | " + b, p);
            sb.append(u == null || v == null ? " - |" : String.format(Locale.ROOT, " %.2fx |", median(u) / median(v)));
        }
        System.out.println(sb);
    }

    private static void check(IpvsBatch.Result r) {
        if (!r.allSucceeded()) {
            throw new IllegalStateException("batch failed: " + r.failures().get(0));
        }
    }

    private static void expect(int want, int got, String what) {
        if (want != got) {
            throw new IllegalStateException(what + ": " + got + " (expected " + want + ")");
        }
    }

    static InetAddress addr(int a, int b, int c, int d) {
        try {
            return InetAddress.getByAddress(new byte[] {(byte) a, (byte) b, (byte) c, (byte) d});
        } catch (UnknownHostException e) {
            throw new IllegalArgumentException(e);
        }
    }

    static String sh(String command) throws IOException, InterruptedException {
        Process p = new ProcessBuilder("sh", "-c", command).redirectErrorStream(true).start();
        String out;
        try (var in = p.getInputStream()) {
            out = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        if (!p.waitFor(30, TimeUnit.MINUTES) || p.exitValue() != 0) {
            throw new IllegalStateException(command + " failed: " + out);
        }
        return out;
    }
}
