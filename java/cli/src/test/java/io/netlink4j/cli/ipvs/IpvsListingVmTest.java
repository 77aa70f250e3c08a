// SPDX-FileCopyrightText: 2026 The netlink4j Authors
// SPDX-License-Identifier: Apache-2.0
package io.netlink4j.cli.ipvs;

import io.netlink4j.cli.Run;
import io.netlink4j.testsupport.Netns;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * For a range of IPVS states (set up with the real ipvsadm), every listing of netlink4j ipvs is
 * byte for byte the real ipvsadm's: -L with each format option, -L of one service, -S.
 */
@Tag("kernel-vm")
class IpvsListingVmTest {
    /** The numeric listings compared for every state, as ipvsadm arguments. */
    static final List<List<String>> NUMERIC = List.of(
            List.of("-Ln"), List.of("-L", "-n", "--stats"), List.of("-Ln", "--rate"), List.of("-Ln", "--stats", "--exact"),
            List.of("-Ln", "--thresholds"), List.of("-Ln", "--persistent-conn"), List.of("-Ln", "--tun-info"),
            List.of("-S", "-n"));

    /** More options and spellings. */
    static final List<List<String>> MORE = List.of(
            List.of("-Ln", "--exact"), List.of("-Ln", "--rate", "--exact"), List.of("-Ln", "--sort"), List.of("-Ln", "--nosort"),
            List.of("-l", "-n"), List.of("--list", "--numeric", "--tun-info"), List.of("-nL"), List.of("--save", "--numeric"));

    /** Listings with names: no options (-L) and -S (reverse lookups are slow in the VM, so only for small tables). */
    static final List<List<String>> NAMES = List.of(List.of(), List.of("-S"));

    /** A few listings for large tables. */
    static final List<List<String>> LARGE = List.of(List.of("-Ln"), List.of("-Ln", "--stats", "--exact"), List.of("-Ln", "--tun-info"),
            List.of("-S", "-n"));

    /** Services, protocols, families, persistence, engines, flags, tunnels, thresholds. */
    static final String MIXED = """
            -A -t 10.0.0.1:80 -s wrr -p 300 -M 255.255.255.0
            -a -t 10.0.0.1:80 -r 10.1.1.2:8080 -m -w 5
            -a -t 10.0.0.1:80 -r 10.1.1.3:8080 -g -w 2 -x 100 -y 50
            -A -u [2001:db8::53]:53 -s sh -b sh-fallback -o
            -a -u [2001:db8::53]:53 -r [2001:db8:1::2]:53 -i -w 1 --tun-type gue --tun-port 6080 --tun-csum
            -A -f 5 -s rr
            -a -f 5 -r 10.1.1.4:0 -m -w 0
            -a -f 5 -r 10.1.1.5:8080 -m -w 3
            -A -f 6 -6 -s rr -p
            -A -f 7 -6 -s wrr -p 100 -M 48
            -a -f 7 -6 -r [2001:db8:1::7]:0 -g
            -A -u 10.0.0.5:5060 -s rr -p 120 --pe sip -M 255.255.0.0
            -A -u 10.0.0.6:53 -s mh -o -b mh-fallback,mh-port
            -a -u 10.0.0.6:53 -r 10.1.1.9:53 -i --tun-type gre --tun-csum -w 3
            -a -u 10.0.0.6:53 -r 10.1.1.10:5353 -i --tun-type gue --tun-port 7777 --tun-nocsum
            -a -u 10.0.0.6:53 -r 10.1.1.11 -i
            -a -u 10.0.0.6:53 -r 10.1.1.12 -i --tun-type gue --tun-port 65535 --tun-remcsum
            -a -u 10.0.0.6:53 -r 10.1.1.13 -i --tun-type gre --tun-nocsum
            -A -t 200.0.0.1:80
            -A -t 10.0.0.1:0 -p
            -A --sctp-service 10.0.0.7:99 -s lc -b flag-1,flag-3
            -a --sctp-service 10.0.0.7:99 -r 10.1.1.14:99 -m -x 2147483647 -y 2147483647
            -A -t [2001:db8::1]:80 -p 30 -M 64
            -a -t [2001:db8::1]:80 -r 10.1.1.20 -i -w 65535
            -a -t [2001:db8::1]:80 -r [2001:db8:1::20]:8080 -m -w 7
            -A -t 10.0.0.8:443 -s nq -p 5 -M 0.0.0.0
            -A -u 10.0.0.9:53 -s sed --pe sip
            -A -t 10.0.0.10:22 -s wrr -b flag-2
            -A -t 10.0.0.11:25 -s sh -b sh-port
            -A -t 10.0.0.12:26 -s dh
            -A -t 10.0.0.13:27 -s lblc
            -A -t 10.0.0.14:28 -s lblcr
            -A -t 10.0.0.15:29 -s fo
            -A -t 10.0.0.16:30 -s ovf
            """;

    /** Addresses at the edges of ipvsadm's formatting and sorting. */
    static final String ADDRESSES = """
            -A -t 255.255.255.255:65535
            -A -t 0.0.0.0:1
            -A -t 127.0.0.1:80
            -A -t 128.0.0.1:80
            -A -t 127.255.255.255:80
            -A -t 200.0.0.1:80
            -A -t 10.0.0.1:80
            -A -u 10.0.0.1:80
            -A -t [::]:80
            -A -t [::1]:443
            -A -t [::1.2.3.4]:80
            -A -t [::ffff:1.2.3.4]:80
            -A -t [2001:0:0:1::1]:80
            -A -t [2001:db8::1:0:0:1]:80
            -A -t [ffff:ffff:ffff:ffff:ffff:ffff:ffff:ffff]:65535
            -A -t [1:2:3:4:5:6:7:8]:8
            -A -t [8000::1]:80
            -A -t [7fff::1]:80
            -A -f 4294967295
            -A -f 2147483648 -6
            -A -f 1
            -a -t 10.0.0.1:80 -r 10.1.1.250:65535 -m
            -a -t 10.0.0.1:80 -r 10.1.1.2:1 -m
            -a -t 10.0.0.1:80 -r 10.1.1.1 -g
            -a -t 10.0.0.1:80 -r [2001:db8:1::ffff]:80 -i
            -a -t 10.0.0.1:80 -r [2001:db8:1::]:80 -i
            -a -t [::1]:443 -r 10.1.1.3 -i
            -a -t [::1]:443 -r [2001:db8:1::1]:443 -g
            """;

    /** Weights and thresholds at their limits. */
    static final String WEIGHTS = """
            -A -t 10.0.0.1:80 -s wrr
            -a -t 10.0.0.1:80 -r 10.1.1.2 -w 0
            -a -t 10.0.0.1:80 -r 10.1.1.3 -w 1
            -a -t 10.0.0.1:80 -r 10.1.1.4 -w 65535
            -a -t 10.0.0.1:80 -r 10.1.1.5 -w 65536
            -a -t 10.0.0.1:80 -r 10.1.1.6 -w 999999
            -a -t 10.0.0.1:80 -r 10.1.1.7 -w 2147483647
            -a -t 10.0.0.1:80 -r 10.1.1.8 -x 2147483647 -y 0
            -a -t 10.0.0.1:80 -r 10.1.1.9 -x 1 -y 1
            -a -t 10.0.0.1:80 -r 10.1.1.10 -x 1000000 -y 999999
            """;

    static IpvsNamespaces ns;

    @BeforeAll
    static void setUp() {
        ns = IpvsNamespaces.create();
    }

    @AfterAll
    static void tearDown() {
        ns.close();
    }

    @AfterEach
    void clear() {
        ns.ipvsadmOk("-C");
    }

    @Test
    void emptyTable() {
        assertSame(NUMERIC);
        assertSame(MORE);
        assertSame(NAMES);
    }

    @Test
    void mixedServices() {
        ns.restoreWithIpvsadm(MIXED);
        assertSame(NUMERIC);
        assertSame(MORE);
        assertSame(NAMES);
        assertSameServiceListings();
    }

    @Test
    void addressesAtTheEdges() {
        ns.restoreWithIpvsadm(ADDRESSES);
        assertSame(NUMERIC);
        assertSame(NAMES);
        assertSameServiceListings();
    }

    @Test
    void weightsAndThresholds() {
        ns.restoreWithIpvsadm(WEIGHTS);
        assertSame(NUMERIC);
    }

    @Test
    void manyRandomServices() {
        ns.restoreWithIpvsadm(randomRules(new Random(42), 200));
        assertSame(LARGE);
    }

    @Test
    void timeouts() {
        ns.ipvsadmOk("--set", "10", "20", "30");
        try {
            assertSame(List.of(List.of("-L", "--timeout"), List.of("-L", "--timeout", "-n")));
        } finally {
            ns.ipvsadmOk("--set", "900", "120", "300");
        }
    }

    @Test
    void syncDaemons() {
        ns.ipvsadmOk("--start-daemon", "master", "--mcast-interface", "dummy0", "--syncid", "7");
        try {
            assertSame(List.of(List.of("-L", "--daemon")));
            ns.ipvsadmOk("--start-daemon", "backup", "--mcast-interface", "dummy0", "--syncid", "255", "--mcast-group",
                    "239.1.2.3", "--mcast-port", "9000", "--mcast-ttl", "5", "--sync-maxlen", "1000");
            assertSame(List.of(List.of("-L", "--daemon")));
            ns.ipvsadmOk("--stop-daemon", "master");
            assertSame(List.of(List.of("-L", "--daemon")));
        } finally {
            ns.ipvsadm("--stop-daemon", "master");
            ns.ipvsadm("--stop-daemon", "backup");
        }
    }

    /** --json carries the same services and real servers, in the same order, as ipvsadm -S -n. */
    @Test
    void jsonListing() {
        ns.restoreWithIpvsadm(MIXED);
        Run json = ns.ours("-Ln", "--json");
        assertEquals(0, json.exitCode(), json::toString);
        String summarize = String.join("\n",
                "import json, sys",
                "d = json.load(sys.stdin)",
                "def name(family, address, port):",
                "    return ('[%s]' % address if family == 'inet6' else address) + ':' + str(port)",
                "for s in d['services']:",
                "    if 'fwmark' in s:",
                "        svc = '-f %d' % s['fwmark'] + (' -6' if s['family'] == 'inet6' else '')",
                "    else:",
                "        opt = {'tcp': '-t', 'udp': '-u', 'sctp': '--sctp-service'}[s['protocol']]",
                "        svc = opt + ' ' + name(s['family'], s['address'], s['port'])",
                "    print('-A %s -s %s' % (svc, s['scheduler']))",
                "    for r in s['destinations']:",
                "        fwd = {'masquerade': '-m', 'tunnel': '-i', 'direct-route': '-g', 'local': '-g'}[r['forwarding']]",
                "        print('-a %s -r %s %s -w %d' % (svc, name(r['family'], r['address'], r['port']), fwd, r['weight']))");
        Run summary = Run.program(json.out(), List.of("python3", "-c", summarize));
        assertEquals(0, summary.exitCode(), summary::toString);
        String expected = ns.ipvsadmOk("-S", "-n").lines()
                .map(l -> l.startsWith("-A ") ? l.replaceAll("^(-A .* -s \\S+).*$", "$1") : l.replaceAll("^(-a .* -w \\d+).*$", "$1"))
                .reduce("", (a, b) -> a + b + "\n");
        assertEquals(expected, summary.out());
    }

    /**
     * Traffic through the namespace's IPVS gives non-zero counters, rates and connection counts.
     * The kernel updates them every two seconds, so each comparison is retried until ipvsadm
     * prints the same before and after netlink4j.
     */
    @Test
    void countersAfterTraffic() throws InterruptedException {
        ns.restoreWithIpvsadm("""
                -A -u 10.0.0.50:9999 -s rr
                -a -u 10.0.0.50:9999 -r 10.1.1.2:9999 -m
                -a -u 10.0.0.50:9999 -r 10.1.1.3:9999 -m -w 2
                -A -u 10.0.0.51:9999 -s rr -p 60
                -a -u 10.0.0.51:9999 -r 10.1.1.4:9999 -m
                -A -u [2001:db8::50]:9999 -s wrr
                -a -u [2001:db8::50]:9999 -r [2001:db8:1::2]:9999 -m
                """);
        Netns.run("ip", "-n", ns.name(), "route", "add", "10.0.0.0/24", "dev", "dummy0");
        Netns.run("ip", "-n", ns.name(), "route", "add", "2001:db8::/64", "dev", "dummy0");
        ns.netns.exec("bash", "-c", "for i in $(seq 300); do echo -n 0123456789 > /dev/udp/10.0.0.50/9999;"
                + " echo -n 01234567890123456789 > /dev/udp/10.0.0.51/9999;"
                + " echo -n abc > /dev/udp/2001:db8::50/9999; done");
        // The kernel adds up its per-CPU counters every two seconds: wait for all 300 packets in.
        for (int attempt = 0; !inPackets(ns.ipvsadmOk("-Ln", "--stats"), "10.0.0.50:9999").equals("300"); attempt++) {
            assertTrue(attempt < 20, () -> ns.ipvsadmOk("-Ln", "--stats"));
            Thread.sleep(500);
        }
        for (List<String> listing : List.of(List.of("-Ln", "--stats"), List.of("-Ln", "--stats", "--exact"),
                List.of("-Ln", "--rate"), List.of("-Ln", "--persistent-conn"))) {
            assertSameWhenStable(listing.toArray(String[]::new));
        }
    }

    private static String inPackets(String stats, String service) {
        return stats.lines().filter(l -> l.startsWith("UDP  " + service)).map(l -> l.split(" +")[3]).findFirst().orElse("");
    }

    /**
     * -L of every fourth service on its own (-t/-u/--sctp-service/-f as -S -n names them), with
     * and without --stats, and of a service that does not exist.
     */
    private static void assertSameServiceListings() {
        List<List<String>> listings = new ArrayList<>();
        List<String> services = ns.ipvsadmOk("-S", "-n").lines().filter(l -> l.startsWith("-A ")).toList();
        for (int i = 0; i < services.size(); i += 4) {
            String line = services.get(i);
            List<String> args = new ArrayList<>(List.of("-L", "-n"));
            args.addAll(List.of(line.substring(3, line.indexOf(" -s ")).split(" ")));
            if (i % 8 == 4) {
                args.add("--stats");
            }
            listings.add(args);
        }
        listings.add(List.of("-L", "-n", "-t", "192.0.2.99:1"));
        assertSame(listings);
    }

    /** Each listing by ipvsadm and by netlink4j: the same exit code and standard output. */
    static void assertSame(List<List<String>> listings) {
        List<Run> theirs = ns.ipvsadmAll(listings);
        for (int i = 0; i < listings.size(); i++) {
            String[] args = listings.get(i).toArray(String[]::new);
            Run ipvsadm = theirs.get(i);
            Run ours = ns.ours(args);
            assertEquals(ipvsadm.exitCode(), ours.exitCode(), () -> "exit code of " + String.join(" ", args) + "\nipvsadm: "
                    + ipvsadm + "\nours: " + ours);
            assertEquals(ipvsadm.out(), ours.out(), () -> "output of " + String.join(" ", args));
        }
    }

    private static void assertSameWhenStable(String... args) throws InterruptedException {
        for (int attempt = 0; attempt < 20; attempt++) {
            Run before = ns.ipvsadm(args);
            Run ours = ns.ours(args);
            Run after = ns.ipvsadm(args);
            if (before.out().equals(after.out())) {
                assertEquals(before.out(), ours.out(), () -> "output of " + String.join(" ", args));
                return;
            }
            Thread.sleep(300);
        }
        throw new AssertionError("ipvsadm " + String.join(" ", args) + " never printed the same twice in a row");
    }

    /**
     * {@code count} distinct services over the whole address space (so the sort's signed
     * comparison wraps), with random schedulers, persistence and up to four real servers each.
     */
    static String randomRules(Random random, int count) {
        String[] schedulers = {"rr", "wrr", "lc", "wlc", "lblc", "lblcr", "dh", "sh", "sed", "nq", "fo", "ovf", "mh"};
        String[] protocols = {"-t", "-u", "--sctp-service"};
        Set<String> services = new LinkedHashSet<>();
        StringBuilder sb = new StringBuilder();
        while (services.size() < count) {
            boolean fwmark = random.nextInt(10) == 0;
            boolean v6 = random.nextInt(4) == 0;
            String service;
            int servicePort = 1 + random.nextInt(65535);
            if (fwmark) {
                service = "-f " + (1 + random.nextInt(Integer.MAX_VALUE)) + (v6 ? " -6" : "");
            } else {
                String address = v6 ? String.format("[2001:db8:%x::%x]", random.nextInt(0x10000), random.nextInt(0x10000))
                        : (random.nextInt(256) + "." + random.nextInt(256) + "." + random.nextInt(256) + "." + (1 + random.nextInt(254)));
                service = protocols[random.nextInt(3)] + " " + address + ":" + servicePort;
            }
            if (!services.add(service)) {
                continue;
            }
            sb.append("-A ").append(service).append(" -s ").append(schedulers[random.nextInt(schedulers.length)]);
            if (random.nextInt(3) == 0) {
                sb.append(" -p ").append(1 + random.nextInt(3600));
                if (random.nextBoolean()) {
                    sb.append(" -M ").append(v6 ? Integer.toString(1 + random.nextInt(128)) : mask(random.nextInt(33)));
                }
            }
            sb.append('\n');
            Set<String> servers = new LinkedHashSet<>();
            int n = random.nextInt(5);
            while (servers.size() < n) {
                String method = new String[] {"-m", "-g", "-i"}[random.nextInt(3)];
                String server = v6 ? String.format("[2001:db8:1::%x]", 2 + random.nextInt(0xfff0)) : "10.1.1." + (2 + random.nextInt(250));
                int port = random.nextInt(65536);
                // Direct routing and tunnels use the service's port (except for firewall marks).
                int effective = method.equals("-m") || fwmark ? port : servicePort;
                if (!servers.add(server + ":" + effective)) {
                    continue;
                }
                sb.append("-a ").append(service).append(" -r ").append(server).append(':').append(port).append(' ').append(method)
                        .append(" -w ").append(random.nextInt(4) == 0 ? 0 : random.nextInt(1000));
                if (random.nextInt(4) == 0) {
                    int upper = random.nextInt(100000);
                    sb.append(" -x ").append(upper).append(" -y ").append(random.nextInt(upper + 1));
                }
                sb.append('\n');
            }
        }
        return sb.toString();
    }

    /** The dotted IPv4 mask of a prefix length. */
    static String mask(int prefix) {
        long mask = prefix == 0 ? 0 : (0xFFFFFFFFL << (32 - prefix)) & 0xFFFFFFFFL;
        return (mask >> 24) + "." + ((mask >> 16) & 0xFF) + "." + ((mask >> 8) & 0xFF) + "." + (mask & 0xFF);
    }
}
