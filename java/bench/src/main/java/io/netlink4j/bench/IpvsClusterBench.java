// SPDX-FileCopyrightText: 2026 The netlink4j Authors
// SPDX-License-Identifier: Apache-2.0
package io.netlink4j.bench;

import static io.netlink4j.bench.IpvsEndToEnd.addr;
import static io.netlink4j.bench.IpvsEndToEnd.sh;

import io.netlink4j.ipvs.Destination;
import io.netlink4j.ipvs.IpvsBatch;
import io.netlink4j.ipvs.IpvsHandle;
import io.netlink4j.ipvs.IpvsTable;
import io.netlink4j.ipvs.NoSuchServiceException;
import io.netlink4j.ipvs.Protocol;
import io.netlink4j.ipvs.Scheduler;
import io.netlink4j.ipvs.Service;

import java.io.File;
import java.lang.management.CompilationMXBean;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
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
 * A table the size of a cluster: reading, and reconciling, an IPVS table of N services with D
 * destinations each (10,000 x 5 by default), against the raw-netlink floor program, against the way
 * older controllers work (a request per service to read it, a request per change) and against
 * {@code ipvsadm -R}. Meant for the test VM in instruction-count mode ({@code scripts/bench-ipvs-cluster}),
 * where {@link System#nanoTime()} counts executed instructions (1 ns = 1 instruction).
 *
 * <p>Every repetition ("cycle") runs every row once. Rows that need a full table run in one fresh
 * network namespace whose table the floor program creates (itself a timed row); each row that
 * starts from an empty table runs in a fresh namespace of its own. So every compared row starts
 * from the same kernel state: the destination trash IPVS keeps for minutes after a deletion, and
 * which the next destination creation searches, never carries over from one row to another. A
 * namespace is deleted after its rows and the guest then idles a few seconds (its clock skips idle
 * time), so the kernel's deferred clean-up does not land in a timed row. Before every timed row the
 * JVM collects its garbage ({@link System#gc()}, untimed); a row in which a collection or a JIT
 * compilation happened anyway is reported.
 *
 * <p>Warm-up: cycles run until, for every row, the last three agree within the tolerance (0.5% by
 * default: the largest at most 1.005 times the smallest), or a cap is reached; then the measured
 * cycles run. The report gives, per row, the median, how many measured repetitions lie within the
 * tolerance of the median, and the spread ((max - min) / median), the bytes the JVM allocated per
 * service, and the ratios the goals are stated in.
 *
 * <p>Arguments: the floor binary, then {@code --services N} (10000), {@code --dests D} (5),
 * {@code --reps R} (5), {@code --tolerance T} (0.005), {@code --warmup-services S} (1000: the
 * smaller table of the first warm-up cycles, 0 for none), {@code --max-warmup W} (8: their cap),
 * {@code --full-warmup F} (1: the least number of warm-up cycles at full size) and
 * {@code --full-warmup-max M} (3: their cap).
 */
public final class IpvsClusterBench {
    private static final String DUMMY = "nl4jc";

    private final String floor;
    private final int services;
    private final int dests;
    private final double tolerance;
    private final Map<String, List<Double>> values = new LinkedHashMap<>();
    private final Map<String, List<Double>> allocated = new LinkedHashMap<>();
    private final Map<String, Integer> disturbed = new LinkedHashMap<>();
    private final IpvsTable desired;
    private final IpvsTable desiredChanged;
    private final List<Service> serviceList = new ArrayList<>();
    private final String restoreRules;
    private final String editRules;
    private final int changed;
    private static int namespaces;
    private double timedMillis;
    private boolean verify = true;
    private IpvsTable lastRead;

    private IpvsClusterBench(String floor, int services, int dests, double tolerance) {
        this.floor = floor;
        this.services = services;
        this.dests = dests;
        this.tolerance = tolerance;
        IpvsTable.Builder want = IpvsTable.builder();
        IpvsTable.Builder wantChanged = IpvsTable.builder();
        StringBuilder svcRules = new StringBuilder();
        StringBuilder dstRules = new StringBuilder();
        StringBuilder edits = new StringBuilder();
        int n = 0;
        for (int i = 0; i < services; i++) {
            Service s = service(i);
            serviceList.add(s);
            String vip = s.address().getHostAddress() + ":80";
            svcRules.append("-A -t ").append(vip).append(" -s rr\n");
            List<Destination> ds = new ArrayList<>();
            List<Destination> dsChanged = new ArrayList<>();
            for (int j = 0; j < dests; j++) {
                int k = i * dests + j;
                Destination d = destination(i, j, 1);
                ds.add(d);
                String rip = d.address().getHostAddress() + ":" + d.port();
                dstRules.append("-a -t ").append(vip).append(" -r ").append(rip).append(" -m -w 1\n");
                // 1% of the destinations, spread over the table: every hundredth gets weight 2.
                if (k % 100 == 0) {
                    dsChanged.add(destination(i, j, 2));
                    edits.append("-e -t ").append(vip).append(" -r ").append(rip).append(" -m -w 2\n");
                    n++;
                } else {
                    dsChanged.add(d);
                }
            }
            want.add(s, ds);
            wantChanged.add(s, dsChanged);
        }
        this.desired = want.build();
        this.desiredChanged = wantChanged.build();
        this.restoreRules = svcRules.append(dstRules).toString();
        this.editRules = edits.toString();
        this.changed = n;
    }

    public static void main(String[] args) throws Exception {
        String floor = args[0];
        int services = 10000;
        int dests = 5;
        int reps = 5;
        int maxWarmup = 8;
        double tolerance = 0.005;
        int warmupServices = 1000;
        int fullWarmup = 1;
        int fullWarmupMax = 3;
        for (int i = 1; i < args.length; i += 2) {
            String v = i + 1 < args.length ? args[i + 1] : "";
            switch (args[i]) {
                case "--services" -> services = Integer.parseInt(v);
                case "--dests" -> dests = Integer.parseInt(v);
                case "--reps" -> reps = Integer.parseInt(v);
                case "--max-warmup" -> maxWarmup = Integer.parseInt(v);
                case "--tolerance" -> tolerance = Double.parseDouble(v);
                case "--warmup-services" -> warmupServices = Integer.parseInt(v);
                case "--full-warmup" -> fullWarmup = Integer.parseInt(v);
                case "--full-warmup-max" -> fullWarmupMax = Integer.parseInt(v);
                default -> throw new IllegalArgumentException("unknown argument '" + args[i]
                        + "' (expected: --services, --dests, --reps, --max-warmup, --tolerance, --warmup-services,"
                        + " --full-warmup, --full-warmup-max)");
            }
        }
        copyTools(Path.of(floor).resolveSibling("cpu_time").toString());
        long start = System.nanoTime();
        // Warm-up, first on a smaller table (cheaper cycles for the JIT's first compilations), then on
        // the full one, each until the last three cycles agree or the cap is reached.
        int warmSmall = 0;
        if (warmupServices > 0 && warmupServices < services) {
            IpvsClusterBench small = new IpvsClusterBench(floor, warmupServices, dests, tolerance);
            do {
                small.cycle();
                small.verify = false;
                warmSmall++;
                System.out.printf(Locale.ROOT, "warm-up cycle %d at %d services done (guest clock %.1f s)%n", warmSmall, warmupServices,
                        (System.nanoTime() - start) / 1e9);
            } while (!(warmSmall >= 3 && small.lastThreeAgree()) && warmSmall < maxWarmup);
        }
        IpvsClusterBench bench = new IpvsClusterBench(floor, services, dests, tolerance);
        System.out.printf(Locale.ROOT, "%d services x %d destinations; 1%% change: weight 1 -> 2 of %d destinations%n",
                services, dests, bench.changed);
        int warm = 0;
        while (true) {
            bench.cycle();
            bench.verify = false;
            warm++;
            System.out.printf(Locale.ROOT, "warm-up cycle %d done (guest clock %.1f s)%n", warm, (System.nanoTime() - start) / 1e9);
            if (warm >= fullWarmup && (warm >= 3 && bench.lastThreeAgree() || warm >= fullWarmupMax)) {
                break;
            }
        }
        String warmText = (warmSmall > 0 ? warmSmall + " at " + warmupServices + " services, then " : "") + warm + " at full size";
        System.out.println("warm-up: " + warmText);
        bench.values.clear();
        bench.allocated.clear();
        bench.disturbed.clear();
        for (int r = 0; r < reps; r++) {
            bench.cycle();
            System.out.printf(Locale.ROOT, "measured cycle %d done (guest clock %.1f s)%n", r + 1, (System.nanoTime() - start) / 1e9);
        }
        bench.print(reps, warmText);
    }

    // ---- the table ----

    static Service service(int i) {
        return Service.builder().protocol(Protocol.TCP).address(addr(10, 20, i >> 8 & 0xFF, i & 0xFF)).port(80)
                .scheduler(Scheduler.RR).build();
    }

    private Destination destination(int i, int j, int weight) {
        int k = i * dests + j;
        return Destination.builder().address(addr(10, 1, 1 + (k >> 8) % 254, k & 0xFF | 1)).port(8000 + j).weight(weight).build();
    }

    // ---- one cycle: every row once ----

    private void cycle() throws Exception {
        long begin = System.nanoTime();
        timedMillis = 0;
        rows();
        System.out.printf(Locale.ROOT, "  cycle: %.1f s of guest clock, %.1f s of it in timed rows%n", (System.nanoTime() - begin) / 1e9,
                timedMillis / 1e3);
    }

    private void rows() throws Exception {
        // A full table, made by the floor program, for the rows that read or change one.
        String ns = newNamespace();
        Path path = Path.of("/run/netns", ns);
        prepare();
        Map<String, Long> create = runFloor(ns, "--batch 256 --phases new_svc,new_dest");
        record("empty | floor, batched (new_svc + new_dest, 256 per send)", create.get("new_svc") + create.get("new_dest"), 0, false, false);
        try (IpvsHandle ipvs = IpvsHandle.open(path)) {
            if (verify) {
                check(ipvs.getTable().sameSettings(desired), "the floor's table is the desired one");
            }
            // Reading.
            prepare();
            Map<String, Long> dumps = runFloor(ns, "--phases dump_svc,dump_dest");
            record("read | floor dumps (dump_svc + dump_dest)", dumps.get("dump_svc") + dumps.get("dump_dest"), 0, false, false);
            timed("read | netlink4j getTable()", () -> lastRead = ipvs.getTable());
            check(lastRead.serviceCount() == services && lastRead.destinationCount() == services * dests, "getTable read the table");
            int[] count = {0};
            timed("read | netlink4j getServices() + getDestinations(s) per service", () -> {
                for (Service s : ipvs.getServices()) {
                    count[0] += ipvs.getDestinations(s).size();
                }
            });
            check(count[0] == services * dests, "lists read the table");
            count[0] = 0;
            timed("read | netlink4j forEachService + forEachDestination (no lists)", () -> {
                List<Service> seen = new ArrayList<>(services);
                ipvs.forEachService(seen::add);
                for (Service s : seen) {
                    ipvs.forEachDestination(s, d -> count[0]++);
                }
            });
            check(count[0] == services * dests, "streams read the table");
            timed("read | changesTo alone (both tables in memory, nothing changed)",
                    () -> check(lastRead.changesTo(desired).isEmpty(), "no change"));
            timedProcess("read | ipvsadm -Ln", ns, null, "ipvsadm", "-Ln");

            // No change.
            IpvsBatch.Result[] result = new IpvsBatch.Result[1];
            timed("no change | netlink4j sync", () -> result[0] = ipvs.sync(desired));
            check(result[0].size() == 0, "no-change sync sent nothing");
            int[] sent = new int[1];
            timed("no change | old controller (getService, getDestinations, a request per change)",
                    () -> sent[0] = oldController(ipvs, desired));
            check(sent[0] == 0, "old controller changed nothing");

            // 1% of the destinations get another weight; each row starts from the same table.
            timed("1% | netlink4j sync", () -> result[0] = ipvs.sync(desiredChanged));
            check(result[0].size() == changed && result[0].allSucceeded(), "1% sync sent the changes");
            restore(ipvs);
            timed("1% | old controller (getService, getDestinations, a request per change)",
                    () -> sent[0] = oldController(ipvs, desiredChanged));
            check(sent[0] == changed, "old controller sent the changes");
            restore(ipvs);
            timedProcess("1% | ipvsadm -R (the -e lines)", ns, editRules, "ipvsadm", "-R");
            if (verify) {
                check(ipvs.getTable().sameSettings(desiredChanged), "ipvsadm -R made the changes");
            }
            restore(ipvs);
            timedProcess("1% | ipvsadm -R, empty input (process start-up alone)", ns, "", "ipvsadm", "-R");
        }
        deleteNamespace(ns);

        // From empty, each in a fresh namespace.
        fromEmpty("empty | netlink4j sync", ipvs -> {
            IpvsBatch.Result r = ipvs.sync(desired);
            check(r.size() == services * (dests + 1) && r.allSucceeded(), "sync from empty created the table");
        });
        fromEmpty("empty | old controller (getService, getDestinations, a request per change)",
                ipvs -> check(oldController(ipvs, desired) == services * (dests + 1), "old controller created the table"));
        String ns2 = newNamespace();
        timedProcess("empty | ipvsadm -R", ns2, restoreRules, "ipvsadm", "-R");
        if (verify) {
            try (IpvsHandle ipvs = IpvsHandle.open(Path.of("/run/netns", ns2))) {
                check(ipvs.getTable().sameSettings(desired), "ipvsadm -R created the table");
            }
        }
        deleteNamespace(ns2);
    }

    /** The way controllers written against the seed library reconcile: a request per service to read it, one per change. */
    private static int oldController(IpvsHandle ipvs, IpvsTable want) {
        int requests = 0;
        for (Service s : want.services()) {
            List<Destination> wanted = want.destinations(s);
            Service current;
            try {
                current = ipvs.getService(s);
            } catch (NoSuchServiceException e) {
                current = null;
            }
            if (current == null) {
                ipvs.newService(s);
                requests++;
                for (Destination d : wanted) {
                    ipvs.newDestination(s, d);
                    requests++;
                }
                continue;
            }
            if (!current.sameSettings(s)) {
                ipvs.updateService(s);
                requests++;
            }
            // Both lists come in Destination.IDENTITY_ORDER: one merge walk.
            List<Destination> have = ipvs.getDestinations(s);
            int a = 0;
            int b = 0;
            while (a < have.size() || b < wanted.size()) {
                int c = a == have.size() ? 1 : b == wanted.size() ? -1
                        : Destination.IDENTITY_ORDER.compare(have.get(a), wanted.get(b));
                if (c < 0) {
                    ipvs.delDestination(s, have.get(a++));
                    requests++;
                } else if (c > 0) {
                    ipvs.newDestination(s, wanted.get(b++));
                    requests++;
                } else {
                    if (!have.get(a).sameSettings(wanted.get(b))) {
                        ipvs.updateDestination(s, wanted.get(b));
                        requests++;
                    }
                    a++;
                    b++;
                }
            }
        }
        return requests;
    }

    /** Puts the changed destinations back to weight 1 (untimed). */
    private void restore(IpvsHandle ipvs) {
        IpvsBatch.Result r = ipvs.batch().addAll(desiredChanged.changesTo(desired)).apply();
        check(r.size() == changed && r.allSucceeded(), "the table restored");
    }

    private interface TableWork {
        void run(IpvsHandle ipvs) throws Exception;
    }

    private void fromEmpty(String row, TableWork work) throws Exception {
        String ns = newNamespace();
        try (IpvsHandle ipvs = IpvsHandle.open(Path.of("/run/netns", ns))) {
            timed(row, () -> work.run(ipvs));
            if (verify) {
                check(ipvs.getTable().sameSettings(desired), row + ": the table is the desired one");
            }
        }
        deleteNamespace(ns);
    }

    // ---- namespaces ----

    private String newNamespace() throws Exception {
        String ns = "nl4jc" + namespaces++;
        sh("ip netns add " + ns + " && ip -n " + ns + " link set lo up && ip -n " + ns + " link add " + DUMMY + " type dummy && ip -n "
                + ns + " addr add 10.1.0.1/16 dev " + DUMMY + " && ip -n " + ns + " link set " + DUMMY + " up");
        return ns;
    }

    /** Deletes the namespace (its handles closed) and lets the kernel tear it down while nothing is timed. */
    private void deleteNamespace(String ns) throws Exception {
        sh("ip netns del " + ns);
        settle(3000);
    }

    // ---- timing ----

    private interface Work {
        void run() throws Exception;
    }

    /** Collects garbage and lets deferred work of the kernel and the JVM run, untimed. */
    private static void prepare() throws InterruptedException {
        System.gc();
        settle(200);
    }

    private static void settle(long millis) throws InterruptedException {
        // In instruction-count mode the guest's clock skips idle time: this costs almost no wall time.
        Thread.sleep(millis);
    }

    private void timed(String row, Work work) throws Exception {
        prepare();
        com.sun.management.ThreadMXBean threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        long gc0 = gcCount();
        long jit0 = jitMillis();
        long bytes0 = threads.getCurrentThreadAllocatedBytes();
        long t0 = System.nanoTime();
        work.run();
        long t1 = System.nanoTime();
        long bytes1 = threads.getCurrentThreadAllocatedBytes();
        record(row, t1 - t0, bytes1 - bytes0, gcCount() != gc0, jitMillis() != jit0);
    }

    /**
     * Times a command in the namespace as the kernel counts its CPU time (user and system, of
     * nsenter and the command it becomes), through {@code cpu_time}: the guest's clock, which skips
     * the time a waiting process leaves idle, would count more than the command's own instructions.
     */
    private void timedProcess(String row, String ns, String input, String... command) throws Exception {
        // The programs and their libraries run from the guest's memory (see copyTools), so no read
        // of the host's file system lands in the row.
        String ld = TOOLS + "/ld.so";
        List<String> cmd = new ArrayList<>(List.of(TOOLS + "/cpu_time", ld, "--library-path", TOOLS, TOOLS + "/nsenter",
                "--net=/run/netns/" + ns, ld, "--library-path", TOOLS, TOOLS + "/" + command[0]));
        cmd.addAll(List.of(command).subList(1, command.length));
        Path file = Files.createTempFile("rules", ".txt");
        Files.writeString(file, input == null ? "" : input);
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectOutput(ProcessBuilder.Redirect.DISCARD)
                .redirectInput(input == null ? new File("/dev/null") : file.toFile());
        try {
            prepare();
            com.sun.management.ThreadMXBean threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
            long gc0 = gcCount();
            long jit0 = jitMillis();
            long bytes0 = threads.getCurrentThreadAllocatedBytes();
            Process p = pb.start();
            String err;
            try (var in = p.getErrorStream()) {
                err = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            }
            if (!p.waitFor(30, TimeUnit.MINUTES) || p.exitValue() != 0) {
                throw new IllegalStateException(String.join(" ", cmd) + " failed: " + err);
            }
            long bytes1 = threads.getCurrentThreadAllocatedBytes();
            Matcher m = Pattern.compile("cpu_time: user (\\d+) sys (\\d+) elapsed (\\d+)").matcher(err);
            check(m.find(), "cpu_time reported: " + err);
            long cpu = (Long.parseLong(m.group(1)) + Long.parseLong(m.group(2))) * 1000;
            System.out.printf(Locale.ROOT, "    (%s: guest clock %.3f ms, of which CPU time %.3f ms)%n", command[0],
                    Long.parseLong(m.group(3)) / 1e3, cpu / 1e6);
            record(row, cpu, bytes1 - bytes0, gcCount() != gc0, jitMillis() != jit0);
        } finally {
            Files.deleteIfExists(file);
        }
    }

    /** Where copyTools puts ipvsadm, nsenter, their libraries and the dynamic loader: the guest's tmpfs. */
    private static final String TOOLS = "/tmp/nl4jc-tools";

    private static void copyTools(String cpuTime) throws Exception {
        sh("set -e; d=" + TOOLS + "; mkdir -p $d; cp " + cpuTime + " $d/cpu_time; d=" + TOOLS + "; mkdir -p $d; for b in $(command -v ipvsadm) $(command -v nsenter); do cp $b $d/;"
                + " for l in $(ldd $b | grep -o '/[^ ]*'); do cp -n $l $d/; done; done; cp /lib64/ld-linux-x86-64.so.2 $d/ld.so");
    }

    private static long gcCount() {
        long n = 0;
        for (GarbageCollectorMXBean gc : ManagementFactory.getGarbageCollectorMXBeans()) {
            n += gc.getCollectionCount();
        }
        return n;
    }

    private static long jitMillis() {
        CompilationMXBean c = ManagementFactory.getCompilationMXBean();
        return c != null && c.isCompilationTimeMonitoringSupported() ? c.getTotalCompilationTime() : 0;
    }

    private void record(String row, long nanos, long bytes, boolean gc, boolean jit) {
        values.computeIfAbsent(row, k -> new ArrayList<>()).add(nanos / 1e6);
        timedMillis += nanos / 1e6;
        System.out.printf(Locale.ROOT, "    %-90s %12.3f ms%n", row, nanos / 1e6);
        allocated.computeIfAbsent(row, k -> new ArrayList<>()).add((double) bytes);
        if (gc || jit) {
            disturbed.merge(row, 1, Integer::sum);
            System.out.printf(Locale.ROOT, "  note: %s during '%s'%n", gc && jit ? "GC and JIT" : gc ? "GC" : "JIT", row);
        }
    }

    private Map<String, Long> runFloor(String ns, String options) throws Exception {
        String text = sh("nsenter --net=/run/netns/" + ns + " " + floor + " --services " + services + " --dests " + dests + " " + options);
        Map<String, Long> out = new LinkedHashMap<>();
        Matcher m = Pattern.compile("floor (\\w+)\\s+n=\\d+ batch=\\d+: [0-9.]+ us/op \\((\\d+) ns in all\\)").matcher(text);
        while (m.find()) {
            out.put(m.group(1), Long.parseLong(m.group(2)));
        }
        return out;
    }

    private boolean lastThreeAgree() {
        for (Map.Entry<String, List<Double>> e : values.entrySet()) {
            List<Double> v = e.getValue();
            if (v.size() < 3) {
                return false;
            }
            List<Double> last = v.subList(v.size() - 3, v.size());
            double min = last.stream().mapToDouble(x -> x).min().orElseThrow();
            double max = last.stream().mapToDouble(x -> x).max().orElseThrow();
            if (max > min * (1 + tolerance)) {
                System.out.printf(Locale.ROOT, "  not yet steady: %s %s%n", e.getKey(), last);
                return false;
            }
        }
        return true;
    }

    // ---- the report ----

    private void print(int reps, String warm) {
        System.out.println();
        System.out.printf(Locale.ROOT, "%d services x %d destinations, %d measured cycles after warm-up cycles: %s;"
                + " guest milliseconds (= millions of instructions in icount mode)%n", services, dests, reps, warm);
        System.out.printf(Locale.ROOT, "| row | median ms | per service µs | reps within %.1f%% of median | spread | KiB allocated per service | disturbed (GC/JIT) |%n",
                tolerance * 100);
        System.out.println("|---|---:|---:|---:|---:|---:|---:|");
        for (Map.Entry<String, List<Double>> e : values.entrySet()) {
            List<Double> v = e.getValue();
            double med = IpvsEndToEnd.median(v);
            long agree = v.stream().filter(x -> Math.abs(x - med) <= med * tolerance).count();
            double spread = (v.stream().mapToDouble(x -> x).max().orElseThrow() - v.stream().mapToDouble(x -> x).min().orElseThrow()) / med;
            double alloc = IpvsEndToEnd.median(allocated.get(e.getKey())) / 1024 / services;
            System.out.printf(Locale.ROOT, "| %s | %.1f | %.2f | %d/%d | %.2f%% | %s | %d |%n", e.getKey(), med, med * 1000 / services,
                    agree, v.size(), spread * 100, alloc == 0 ? "-" : String.format(Locale.ROOT, "%.2f", alloc),
                    disturbed.getOrDefault(e.getKey(), 0));
        }
        System.out.println();
        System.out.println("ratios of the medians");
        ratio("read | netlink4j getTable()", "read | floor dumps (dump_svc + dump_dest)", "goal <= 1.3");
        ratio("read | netlink4j getServices() + getDestinations(s) per service", "read | floor dumps (dump_svc + dump_dest)", "");
        ratio("read | netlink4j forEachService + forEachDestination (no lists)", "read | floor dumps (dump_svc + dump_dest)", "");
        ratio("read | ipvsadm -Ln", "read | floor dumps (dump_svc + dump_dest)", "");
        ratio("no change | netlink4j sync", "read | netlink4j getTable()", "goal <= 1.0");
        ratio("no change | netlink4j sync", "read | floor dumps (dump_svc + dump_dest)", "");
        ratio("no change | old controller (getService, getDestinations, a request per change)", "no change | netlink4j sync", "");
        ratio("1% | netlink4j sync", "no change | netlink4j sync", "");
        ratio("1% | old controller (getService, getDestinations, a request per change)", "1% | netlink4j sync", "");
        ratio("1% | ipvsadm -R (the -e lines)", "1% | netlink4j sync", "");
        ratio("empty | netlink4j sync", "empty | floor, batched (new_svc + new_dest, 256 per send)", "");
        ratio("empty | old controller (getService, getDestinations, a request per change)", "empty | netlink4j sync", "");
        ratio("empty | ipvsadm -R", "empty | netlink4j sync", "");
    }

    private void ratio(String a, String b, String goal) {
        System.out.printf(Locale.ROOT, "%-100s %.3fx %s%n", a + " / " + b, IpvsEndToEnd.median(values.get(a)) / IpvsEndToEnd.median(values.get(b)), goal);
    }

    // ---- helpers ----

    private static void check(boolean ok, String what) {
        if (!ok) {
            throw new IllegalStateException("check failed: " + what);
        }
    }
}
