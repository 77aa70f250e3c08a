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
 * The end-to-end IPVS benchmark: the kernel's own cost (the raw-netlink floor program), netlink4j
 * one request at a time, netlink4j batched, and ipvsadm, on the same kernel in one run, after JIT
 * warm-up. Run it where IPVS exists, as root, through {@code scripts/bench-ipvs} (which boots the
 * test VM). Prints one table of microseconds per operation and ratios.
 *
 * <p>Arguments: the floor binary, optionally {@code --repeat=R} (default 5), then scenarios as
 * SERVICESxDESTINATIONS (default 10000x1 1000x10). Every row of a scenario runs R times,
 * interleaved (the floor, its loop in Java, netlink4j one at a time and batched, ipvsadm, then
 * again), after one unmeasured pass of every Java row at the scenario's size; the table shows
 * the median of the R runs and a second table the range. Each timed phase is also recorded as a
 * JFR event ({@code io.netlink4j.bench.Phase}) so that a profile of the run
 * ({@code scripts/bench-ipvs --jfr}) can be split by phase.
 */
public final class IpvsEndToEnd {
    private static final String[] PHASES = {"create services", "create destinations", "dump services",
            "dump destinations", "update weights", "delete all"};

    private final String floor;
    /** scenario | row -> phase -> one value per repetition. */
    private final Map<String, Map<String, List<Double>>> table = new LinkedHashMap<>();
    private String currentRow = "warm-up";

    /** One timed phase, for splitting a JFR profile of the run by phase. */
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
        List<String> rest = new ArrayList<>(List.of(args).subList(1, args.length));
        int repeat = 5;
        if (!rest.isEmpty() && rest.get(0).startsWith("--repeat=")) {
            repeat = Integer.parseInt(rest.remove(0).substring("--repeat=".length()));
        }
        List<String> scenarios = rest.isEmpty() ? List.of("10000x1", "1000x10") : rest;
        sh("ip link add nl4jbench type dummy && ip addr add 10.1.0.1/16 dev nl4jbench && ip link set nl4jbench up");
        // Warm-up: smaller runs of every netlink4j path until the JIT has compiled them, results discarded.
        for (int i = 0; i < 3; i++) {
            bench.runNetlink4j(new Scenario(2000, 2), false, new LinkedHashMap<>());
            bench.runNetlink4j(new Scenario(2000, 2), true, new LinkedHashMap<>());
        }
        for (String s : scenarios) {
            String[] p = s.split("x");
            Scenario sc = new Scenario(Integer.parseInt(p[0]), Integer.parseInt(p[1]));
            // One unmeasured pass at this size: the JIT keeps compiling (and recompiling) for a while.
            bench.currentRow = "warm-up";
            bench.runNetlink4j(sc, false, new LinkedHashMap<>());
            bench.runNetlink4j(sc, true, new LinkedHashMap<>());
            runJavaFloor(sc.services(), 1);
            runJavaFloor(sc.services(), 256);
            for (int r = 0; r < repeat; r++) {
                bench.run(sc);
            }
        }
        bench.print(repeat);
    }

    record Scenario(int services, int destsPerService) {
        String name() {
            return services + " services x " + destsPerService + " destination" + (destsPerService == 1 ? "" : "s");
        }

        Service service(int i) {
            return Service.builder().protocol(Protocol.TCP).address(addr(10, 20, i >> 8, i & 0xFF)).port(80).scheduler(Scheduler.RR).build();
        }

        Destination destination(int i, int j, int weight) {
            int k = i * destsPerService + j;
            return Destination.builder().address(addr(10, 1, 1 + (k >> 8) % 254, k & 0xFF | 1)).port(8000 + j).weight(weight).build();
        }
    }

    private void run(Scenario sc) throws Exception {
        // Row order of the table; each call adds one repetition to every row.
        String[] rows = {"floor, one at a time", "floor, batched", "floor loop in Java, one at a time", "floor loop in Java, batched",
                "netlink4j, one at a time", "netlink4j, batched", "ipvsadm -R / -Ln"};
        for (String row : rows) {
            currentRow = sc.name() + " | " + row;
            Map<String, Double> values = switch (row) {
                case "floor, one at a time" -> runFloor(sc.services(), 1);
                case "floor, batched" -> runFloor(sc.services(), 256);
                case "floor loop in Java, one at a time" -> runJavaFloor(sc.services(), 1);
                case "floor loop in Java, batched" -> runJavaFloor(sc.services(), 256);
                case "netlink4j, one at a time" -> runNetlink4j(sc, false, new LinkedHashMap<>());
                case "netlink4j, batched" -> runNetlink4j(sc, true, new LinkedHashMap<>());
                default -> runIpvsadm(sc);
            };
            Map<String, List<Double>> cells = table.computeIfAbsent(currentRow, k -> new LinkedHashMap<>());
            values.forEach((phase, v) -> cells.computeIfAbsent(phase, k -> new ArrayList<>()).add(v));
        }
    }

    private Map<String, Double> runNetlink4j(Scenario sc, boolean batched, Map<String, Double> out) throws Exception {
        int n = sc.services();
        int d = sc.destsPerService();
        try (IpvsHandle ipvs = IpvsHandle.open()) {
            ipvs.flush();
            List<Service> services = new ArrayList<>(n);
            for (int i = 0; i < n; i++) {
                services.add(sc.service(i));
            }
            out.put(PHASES[0], time(PHASES[0], n, () -> {
                if (batched) {
                    IpvsBatch b = ipvs.batch();
                    services.forEach(b::newService);
                    check(b.apply());
                } else {
                    services.forEach(ipvs::newService);
                }
            }));
            out.put(PHASES[1], time(PHASES[1], n * d, () -> {
                IpvsBatch b = ipvs.batch();
                for (int i = 0; i < n; i++) {
                    for (int j = 0; j < d; j++) {
                        if (batched) {
                            b.newDestination(services.get(i), sc.destination(i, j, 1));
                        } else {
                            ipvs.newDestination(services.get(i), sc.destination(i, j, 1));
                        }
                    }
                }
                if (batched) {
                    check(b.apply());
                }
            }));
            List<Service> dumped = new ArrayList<>();
            // As the floor program does: the second of two dumps (the first meets the kernel's cold caches).
            expect(n, ipvs.getServices().size(), "services dumped");
            out.put(PHASES[2], time(PHASES[2], n, () -> dumped.addAll(ipvs.getServices())));
            expect(n, dumped.size(), "services dumped");
            int[] dests = {0};
            out.put(PHASES[3], time(PHASES[3], n * d, () -> dumped.forEach(s -> dests[0] += ipvs.getDestinations(s).size())));
            expect(n * d, dests[0], "destinations dumped");
            out.put(PHASES[4], time(PHASES[4], n * d, () -> {
                IpvsBatch b = ipvs.batch();
                for (int i = 0; i < n; i++) {
                    for (int j = 0; j < d; j++) {
                        if (batched) {
                            b.updateDestination(services.get(i), sc.destination(i, j, 7));
                        } else {
                            ipvs.updateDestination(services.get(i), sc.destination(i, j, 7));
                        }
                    }
                }
                if (batched) {
                    check(b.apply());
                }
            }));
            out.put(PHASES[5], time(PHASES[5], n, () -> {
                if (batched) {
                    IpvsBatch b = ipvs.batch();
                    services.forEach(b::delService);
                    check(b.apply());
                } else {
                    services.forEach(ipvs::delService);
                }
            }));
            expect(0, ipvs.getServices().size(), "services left");
        }
        return out;
    }

    private Map<String, Double> runFloor(int n, int batch) throws Exception {
        String text = sh(floor + " " + n + " " + batch);
        Map<String, Double> out = new LinkedHashMap<>();
        Matcher m = Pattern.compile("floor (\\w+)\\s+n=\\d+(?: batch=\\d+)?: ([0-9.]+) us").matcher(text);
        while (m.find()) {
            double v = Double.parseDouble(m.group(2));
            switch (m.group(1)) {
                case "new_svc" -> out.put(PHASES[0], v);
                case "dump_svc" -> out.put(PHASES[2], v); // the second (warm) dump wins
                case "del_svc" -> out.put(PHASES[5], v);
                default -> { }
            }
        }
        return out;
    }

    private static Map<String, Double> runJavaFloor(int n, int batch) {
        try (JavaFloor f = new JavaFloor()) {
            return f.run(n, batch, PHASES);
        }
    }

    private Map<String, Double> runIpvsadm(Scenario sc) throws Exception {
        int n = sc.services();
        int d = sc.destsPerService();
        Map<String, Double> out = new LinkedHashMap<>();
        sh("ipvsadm -C");
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
                upd.append("-e -t ").append(vip).append(" -r ").append(rip).append(" -m -w 7\n");
            }
        }
        out.put(PHASES[0], restore(PHASES[0], svc, n));
        out.put(PHASES[1], restore(PHASES[1], dst, n * d));
        sh("ipvsadm -Ln > /dev/null");
        out.put(PHASES[2], time(PHASES[2], n, () -> sh("ipvsadm -Ln > /dev/null")));
        out.put(PHASES[4], restore(PHASES[4], upd, n * d));
        out.put(PHASES[5], restore(PHASES[5], del, n));
        return out;
    }

    private double restore(String phase, CharSequence rules, int ops) throws Exception {
        Path file = Files.createTempFile("rules", ".txt");
        try {
            Files.writeString(file, rules);
            return time(phase, ops, () -> sh("ipvsadm -R < " + file));
        } finally {
            Files.deleteIfExists(file);
        }
    }

    private void print(int repeat) {
        System.out.println();
        System.out.println("microseconds per operation (lower is better), median of " + repeat + " runs");
        printTable(IpvsEndToEnd::median);
        System.out.println();
        System.out.println("range of the " + repeat + " runs (min-max)");
        printTable(v -> String.format(Locale.ROOT, "%.1f-%.1f", v.stream().mapToDouble(x -> x).min().orElse(0),
                v.stream().mapToDouble(x -> x).max().orElse(0)));
        System.out.println();
        System.out.println("ratios of the medians");
        for (String scenario : table.keySet().stream().map(k -> k.substring(0, k.indexOf(" |"))).distinct().toList()) {
            ratio(scenario, "netlink4j, one at a time", "floor, one at a time");
            ratio(scenario, "netlink4j, batched", "floor, batched");
            ratio(scenario, "floor loop in Java, one at a time", "floor, one at a time");
            ratio(scenario, "floor loop in Java, batched", "floor, batched");
            ratio(scenario, "netlink4j, batched", "ipvsadm -R / -Ln");
            ratio(scenario, "netlink4j, one at a time", "ipvsadm -R / -Ln");
        }
    }

    private void printTable(java.util.function.Function<List<Double>, Object> cell) {
        System.out.printf(Locale.ROOT, "%-62s", "scenario | row");
        for (String p : PHASES) {
            System.out.printf(Locale.ROOT, " %20s", p);
        }
        System.out.println();
        for (Map.Entry<String, Map<String, List<Double>>> row : table.entrySet()) {
            System.out.printf(Locale.ROOT, "%-62s", row.getKey());
            for (String p : PHASES) {
                List<Double> v = row.getValue().get(p);
                Object c = v == null ? "-" : cell.apply(v);
                System.out.printf(Locale.ROOT, " %20s", c instanceof Double d ? String.format(Locale.ROOT, "%.1f", d) : c);
            }
            System.out.println();
        }
    }

    static double median(List<Double> values) {
        List<Double> v = values.stream().sorted().toList();
        int n = v.size();
        return n % 2 == 1 ? v.get(n / 2) : (v.get(n / 2 - 1) + v.get(n / 2)) / 2;
    }

    private void ratio(String scenario, String a, String b) {
        Map<String, List<Double>> x = table.get(scenario + " | " + a);
        Map<String, List<Double>> y = table.get(scenario + " | " + b);
        StringBuilder sb = new StringBuilder(String.format(Locale.ROOT, "%-62s", scenario + " | " + a + " / " + b));
        for (String p : PHASES) {
            List<Double> u = x.get(p);
            List<Double> v = y.get(p);
            sb.append(String.format(Locale.ROOT, " %20s", u == null || v == null ? "-"
                    : String.format(Locale.ROOT, "%.2fx", median(u) / median(v))));
        }
        System.out.println(sb);
    }

    /** A timed piece of work. */
    private interface Work {
        void run() throws Exception;
    }

    private double time(String phase, int ops, Work r) throws Exception {
        PhaseEvent event = new PhaseEvent();
        event.row = currentRow;
        event.phase = phase;
        event.operations = ops;
        event.begin();
        long t0 = System.nanoTime();
        r.run();
        long t1 = System.nanoTime();
        event.commit();
        return (t1 - t0) / 1e3 / ops;
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
