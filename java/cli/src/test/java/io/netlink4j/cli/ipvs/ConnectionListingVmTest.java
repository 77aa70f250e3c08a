// SPDX-FileCopyrightText: 2026 The netlink4j Authors
// SPDX-License-Identifier: Apache-2.0
package io.netlink4j.cli.ipvs;

import io.netlink4j.cli.Run;
import io.netlink4j.ipvs.IpvsConnection;
import io.netlink4j.ipvs.IpvsHandle;
import io.netlink4j.ipvs.testsupport.TrafficRig;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The connection table with live entries: TCP connections to unreachable real servers, which
 * IPVS keeps in SYN_RECV for a minute (made again by each test that needs them: the emulated VM is
 * slow), UDP, IPv6 and a persistence template; and established and closed connections to real
 * servers ({@link TrafficRig}). netlink4j ipvs -Lc in every form prints what the real ipvsadm prints,
 * but for the seconds left, which tick between the two reads. And the sysctl command against
 * busybox sysctl.
 */
@Tag("kernel-vm")
class ConnectionListingVmTest {
    static IpvsNamespaces ns;

    static final String RULES = """
            -A -t 10.0.0.1:80 -s rr
            -a -t 10.0.0.1:80 -r 10.1.1.2:8080 -m
            -a -t 10.0.0.1:80 -r 10.1.1.3:8080 -m
            -A -t 10.0.0.2:80 -s rr -p 300
            -a -t 10.0.0.2:80 -r 10.1.1.4:80 -m
            -A -u 10.0.0.3:53 -s rr
            -a -u 10.0.0.3:53 -r 10.1.1.5:53 -m
            -A -t [2001:db8::1]:80 -s rr
            -a -t [2001:db8::1]:80 -r [2001:db8:1::2]:80 -m
            -A -u 10.0.0.4:5060 -s rr -p 60 --pe sip
            -a -u 10.0.0.4:5060 -r 10.1.1.6:5060 -m
            """;

    /** The Call-ID of the SIP INVITE the clients send: the SIP persistence engine's data. */
    static final String CALL_ID = "a84b4c76e66710@10.1.1.1";

    /**
     * Clients in the namespace: each TCP connect is given up after a second, its IPVS entry stays;
     * two UDP queries; a SIP INVITE with the Call-ID $1, written by busybox printf in one piece, so
     * one datagram (bash's printf writes line by line, a datagram per line).
     */
    static final String CLIENTS = """
            for a in 10.0.0.1 10.0.0.1 10.0.0.1 10.0.0.2 10.0.0.2 2001:db8::1; do
                busybox nc -w 1 $a 80 </dev/null >/dev/null 2>&1 &
            done
            bash -c 'echo query > /dev/udp/10.0.0.3/53; echo query > /dev/udp/10.0.0.3/53'
            busybox printf 'INVITE sip:bob@10.0.0.4 SIP/2.0\\r\\nVia: SIP/2.0/UDP 10.1.1.1:5060;branch=z9hG4bK776asdhds\\r\\nMax-Forwards: 70\\r\\nTo: Bob <sip:bob@10.0.0.4>\\r\\nFrom: Alice <sip:alice@10.1.1.1>;tag=1928301774\\r\\nCall-ID: %s\\r\\nCSeq: 314159 INVITE\\r\\nContact: <sip:alice@10.1.1.1>\\r\\nContent-Length: 0\\r\\n\\r\\n' "$1" >/dev/udp/10.0.0.4/5060
            wait
            """;

    @BeforeAll
    static void setUp() {
        ns = IpvsNamespaces.create();
        ns.restoreWithIpvsadm(RULES);
        Run routes = Run.program("", List.of("ip", "netns", "exec", ns.name(), "sh", "-c",
                "ip route add 10.0.0.0/24 dev dummy0 && ip -6 route add 2001:db8::/64 dev dummy0"));
        assertEquals(0, routes.exitCode(), routes.toString());
    }

    /** New client entries: three TCP to 10.0.0.1, two to the persistent 10.0.0.2 (and its template), IPv6, two UDP. */
    private static void clients() {
        Run clients = Run.program("", List.of("ip", "netns", "exec", ns.name(), "bash", "-c", CLIENTS, "clients", CALL_ID));
        assertEquals(0, clients.exitCode(), clients.toString());
    }

    @AfterAll
    static void tearDown() {
        ns.close();
    }

    /** The listing with every entry's expiry (mm:ss, the second column) blanked. */
    private static String withoutExpiry(String listing) {
        return Arrays.stream(listing.split("\n", -1))
                .map(l -> l.matches("^\\S+ +\\d\\d+:\\d\\d .*") ? l.replaceFirst("^(\\S+ +)\\d\\d+:\\d\\d", "$1--:--") : l)
                .collect(Collectors.joining("\n"));
    }

    @Test
    void everyFormIsIpvsadmsButForTheTickingSeconds() {
        List<List<String>> forms = List.of(List.of("-Lcn"), List.of("-L", "-c", "-n", "--persistent-conn"), List.of("-Lc"),
                List.of("-Lc", "--persistent-conn"), List.of("--list", "--connection", "--numeric"));
        clients();
        List<Run> theirs = ns.ipvsadmAll(forms);
        for (int i = 0; i < forms.size(); i++) {
            Run ours = ns.ours(forms.get(i).toArray(String[]::new));
            assertEquals(0, ours.exitCode(), ours.toString());
            assertEquals(withoutExpiry(theirs.get(i).out()), withoutExpiry(ours.out()), "ipvs " + forms.get(i));
        }
        String numeric = theirs.get(0).out();
        // What the table must hold (at least): three TCP connections to 10.0.0.1, a template and connections of the
        // persistent service, UDP, IPv6.
        assertTrue(count(numeric, " 10.0.0.1:80 ") >= 3, numeric);
        assertTrue(numeric.contains(" 10.0.0.2:80 ") && numeric.contains(":0 "), numeric);
        assertTrue(numeric.contains("UDP ") && numeric.contains("[2001:db8::1]:80"), numeric);
        // A SIP INVITE to the service with the SIP persistence engine: its template carries the
        // engine's name and the Call-ID, shown with --persistent-conn.
        String persistent = theirs.get(1).out();
        assertTrue(persistent.lines().anyMatch(l -> l.contains(" 10.0.0.4:5060 ") && l.contains(" sip ") && l.contains(" " + CALL_ID)),
                persistent);
    }

    @Test
    void establishedAndClosedConnectionsToRealServers() {
        try (TrafficRig rig = TrafficRig.create(1)) {
            String vip = rig.vip().getHostAddress();
            rig.ipvsadm("-A", "-t", vip + ":" + TrafficRig.HOLD_PORT, "-s", "rr", "-p", "60");
            rig.ipvsadm("-A", "-t", vip + ":" + TrafficRig.HTTP_PORT, "-s", "rr");
            for (TrafficRig.RealServer s : rig.servers()) {
                String server = s.address().getHostAddress();
                rig.ipvsadm("-a", "-t", vip + ":" + TrafficRig.HOLD_PORT, "-r", server + ":" + TrafficRig.HOLD_PORT, "-m");
                rig.ipvsadm("-a", "-t", vip + ":" + TrafficRig.HTTP_PORT, "-r", server + ":" + TrafficRig.HTTP_PORT, "-m");
            }
            List<TrafficRig.HeldConnection> held = rig.hold(2, TrafficRig.HOLD_PORT);
            try {
                rig.request(3);
                for (List<String> form : List.of(List.of("-Lcn"), List.of("-Lc"), List.of("-Lcn", "--persistent-conn"))) {
                    String theirs = rig.ipvsadm(form.toArray(String[]::new));
                    List<String> args = new java.util.ArrayList<>(List.of("--netns", rig.director().name(), "ipvs"));
                    args.addAll(form);
                    Run ours = Run.netlink4j(args.toArray(String[]::new));
                    assertEquals(0, ours.exitCode(), ours.toString());
                    assertEquals(withoutExpiry(theirs), withoutExpiry(ours.out()), "ipvs " + form);
                    if (form.equals(List.of("-Lcn"))) {
                        // The held connections and the template of their persistent service (client port 0).
                        assertEquals(2, count(theirs, "ESTABLISHED"), theirs);
                        assertEquals(1, count(theirs, ":0 "), theirs);
                    }
                }
            } finally {
                held.forEach(TrafficRig.HeldConnection::close);
            }
        }
    }

    @Test
    void jsonAndTheLibraryListTheSameEntriesInTheNamespaceOnly() {
        clients();
        List<IpvsConnection> entries;
        try (IpvsHandle ipvs = IpvsHandle.open(ns.netns.path())) {
            entries = ipvs.getConnections();
            List<IpvsConnection> synced = ipvs.getSyncConnections();
            assertEquals(entries.size(), synced.size());
            assertTrue(synced.stream().allMatch(c -> c.origin().orElseThrow() == IpvsConnection.Origin.LOCAL), synced.toString());
        }
        String numeric = ns.ipvsadmOk("-Lcn");
        assertEquals(numeric.lines().count() - 2, entries.size(), numeric);
        assertTrue(entries.stream().anyMatch(IpvsConnection::isTemplate));
        assertTrue(entries.stream().anyMatch(IpvsConnection::isIpv6));
        Run json = ns.ours("-Lcn", "--json");
        assertEquals(0, json.exitCode(), json.toString());
        assertEquals(entries.size(), count(json.out(), "\"protocol\""), json.out());
        assertTrue(json.out().contains("\"template\": true") && json.out().contains("\"state\": \"SYN_RECV\""), json.out());
        // The VM's initial namespace does not see them.
        try (IpvsHandle initial = IpvsHandle.open()) {
            assertFalse(initial.getConnections().stream().anyMatch(entries::contains));
        }
    }

    @Test
    void sysctlShowsAndSetsAsSysctlDoes() {
        List<String> busybox = Run.program("", List.of("ip", "netns", "exec", ns.name(), "busybox", "sysctl", "net.ipv4.vs"))
                .out().lines().sorted().collect(Collectors.toList());
        Run all = Run.netlink4j("--netns", ns.name(), "ipvs", "sysctl");
        assertEquals(0, all.exitCode(), all.toString());
        assertEquals(busybox, all.out().lines().collect(Collectors.toList()));
        Run set = Run.netlink4j("--netns", ns.name(), "ipvs", "sysctl", "conntrack=1", "net.ipv4.vs.sync_threshold=4 60", "-n");
        assertEquals(new Run(0, "1\n4\t60\n", ""), set);
        String after = Run.program("", List.of("ip", "netns", "exec", ns.name(), "busybox", "sysctl", "net.ipv4.vs.conntrack",
                "net.ipv4.vs.sync_threshold")).out();
        assertEquals("net.ipv4.vs.conntrack = 1\nnet.ipv4.vs.sync_threshold = 4\t60\n", after);
        Run unknown = Run.netlink4j("--netns", ns.name(), "ipvs", "sysctl", "conntrak=1");
        assertEquals(2, unknown.exitCode(), unknown.toString());
        assertTrue(unknown.err().contains("unknown IPVS sysctl 'conntrak' (expected one of: am_droprate,"), unknown.err());
        Run range = Run.netlink4j("--netns", ns.name(), "ipvs", "sysctl", "drop_entry=4");
        assertEquals(2, range.exitCode(), range.toString());
        assertTrue(range.err().contains("net.ipv4.vs.drop_entry: '4' (expected: 0-3)"), range.err());
        Run json = Run.netlink4j("--netns", ns.name(), "ipvs", "sysctl", "--json", "conntrack");
        assertTrue(json.out().contains("\"name\": \"net.ipv4.vs.conntrack\"") && json.out().contains("\"value\": \"1\"")
                && json.out().contains("\"type\": \"boolean\""), json.out());
    }

    private static int count(String text, String part) {
        int n = 0;
        for (int i = text.indexOf(part); i >= 0; i = text.indexOf(part, i + 1)) {
            n++;
        }
        return n;
    }
}
