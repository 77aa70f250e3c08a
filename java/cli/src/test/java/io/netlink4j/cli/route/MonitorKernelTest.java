// SPDX-FileCopyrightText: 2026 The netlink4j Authors
// SPDX-License-Identifier: Apache-2.0
package io.netlink4j.cli.route;

import io.netlink4j.cli.Main;
import io.netlink4j.route.AddressSpec;
import io.netlink4j.route.LinkChange;
import io.netlink4j.route.RouteHandle;
import io.netlink4j.testsupport.Json;
import io.netlink4j.testsupport.Jvm;
import io.netlink4j.testsupport.Netns;
import io.netlink4j.testsupport.NetnsExtension;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * {@code monitor} in a throwaway namespace of this host's kernel, changed with iproute2 while it
 * runs. The tests never wait for time to pass: they wait for lines. To know when the monitor
 * listens, and to make it reach {@code --count}, they poke the namespace's loopback device, whose
 * events they then leave out.
 */
@Tag("kernel")
class MonitorKernelTest {
    static final String POKED_LINK = "link changed 1: lo: ";
    static final String POKED_ADDRESS = "10.255.255.1";

    @RegisterExtension
    final NetnsExtension<RouteHandle> netns = new NetnsExtension<>("nl4j-cli-mon", RouteHandle::open);
    Netns ns;
    RouteHandle route;
    int mtu;
    boolean pokedAddressPresent;

    @BeforeEach
    void setUp() {
        ns = netns.netns();
        route = netns.handle();
    }

    /** One link event: lo's MTU changes. */
    void pokeLink() {
        mtu = mtu == 1500 ? 1400 : 1500;
        route.updateLink(LinkChange.builder("lo").mtu(mtu).build());
    }

    /** One address event: 10.255.255.1/32 is added to lo, or deleted. */
    void pokeAddress() {
        AddressSpec spec = AddressSpec.of(ip(POKED_ADDRESS), 32);
        if (pokedAddressPresent) {
            route.delAddress("lo", spec);
        } else {
            route.newAddress("lo", spec);
        }
        pokedAddressPresent = !pokedAddressPresent;
    }

    static InetAddress ip(String text) {
        try {
            return InetAddress.getByName(text);
        } catch (UnknownHostException e) {
            throw new IllegalArgumentException(text, e);
        }
    }

    void ip(String... args) {
        List<String> command = new ArrayList<>(List.of("ip", "-n", ns.name()));
        command.addAll(List.of(args));
        Netns.run(command.toArray(String[]::new));
    }

    /** Creates veth v0 and v1, brings v0 up, adds and deletes addresses on it, and deletes it. */
    void changeThings() {
        ip("link", "add", "v0", "type", "veth", "peer", "name", "v1");
        ip("link", "set", "v0", "up");
        ip("addr", "add", "10.9.0.1/24", "dev", "v0");
        ip("addr", "add", "2001:db8:9::1/64", "dev", "v0", "nodad");
        ip("addr", "del", "10.9.0.1/24", "dev", "v0");
        ip("link", "del", "v0");
    }

    /** Finds {@code patterns} in {@code lines} in this order (other lines may come between); returns the matches. */
    static List<Matcher> assertInOrder(List<String> lines, String... patterns) {
        List<Matcher> found = new ArrayList<>();
        int next = 0;
        for (String line : lines) {
            if (next < patterns.length) {
                Matcher m = Pattern.compile(patterns[next]).matcher(line);
                if (m.matches()) {
                    found.add(m);
                    next++;
                }
            }
        }
        assertEquals(patterns.length, next, "matched " + next + " of " + List.of(patterns) + " in order, in:\n" + String.join("\n", lines));
        return found;
    }

    @Test
    void printsEachEventAsItHappensAndStopsAfterCount() throws InterruptedException {
        // all: links, addresses and the routes the kernel adds and deletes with them.
        Background monitor = Background.start("--netns", ns.name(), "monitor", "--count", "60");
        monitor.pokeUntilItPrints(this::pokeLink);
        changeThings();
        monitor.pokeUntilItEnds(this::pokeLink);

        assertEquals(0, monitor.exitCode(), monitor::toString);
        assertEquals("", monitor.err());
        List<String> events = monitor.lines().stream().filter(l -> !l.startsWith(POKED_LINK)).toList();
        assertEquals(60, monitor.lines().stream().filter(l -> !l.startsWith("\t")).count(), monitor::toString);
        assertInOrder(events, "route added local 10\\.9\\.0\\.1 dev v0 table local proto kernel scope host src 10\\.9\\.0\\.1 (linkdown )?",
                "route deleted local 10\\.9\\.0\\.1 dev v0 table local proto kernel scope host src 10\\.9\\.0\\.1 (linkdown )?");
        String mac = "\\p{XDigit}{2}(:\\p{XDigit}{2}){5}";
        List<Matcher> found = assertInOrder(events,
                "link added (\\d+): v0@v1: <BROADCAST,MULTICAST,M-DOWN> mtu 1500 state DOWN kind veth link/ether " + mac,
                "link changed (\\d+): v0@v1: <NO-CARRIER,BROADCAST,MULTICAST,UP,M-DOWN> mtu 1500 state [A-Z]+ kind veth link/ether " + mac,
                "address added 10\\.9\\.0\\.1/24 dev v0 scope global",
                "address added 2001:db8:9::1/64 dev v0 scope global nodad",
                "address deleted 10\\.9\\.0\\.1/24 dev v0 scope global",
                "link deleted (\\d+): v0(@v1)?: <BROADCAST,MULTICAST(,M-DOWN)?> mtu 1500 state DOWN kind veth link/ether " + mac);
        assertEquals(found.get(0).group(1), found.get(1).group(1));
        assertEquals(found.get(0).group(1), found.get(5).group(1));
        assertEquals(1, events.stream().filter(l -> l.startsWith("address deleted 2001:db8:9::1/64 dev v0 ")).count(), events::toString);
        assertTrue(events.stream().anyMatch(l -> l.matches("link added \\d+: v1: .*")), events::toString);
    }

    @Test
    void jsonLinesForLinksOnlyAndForAddressesOnly() throws InterruptedException {
        Background links = Background.start("--netns", ns.name(), "monitor", "link", "--json", "--count", "20");
        Background addresses = Background.start("--netns", ns.name(), "monitor", "address", "--json", "--count", "20");
        links.pokeUntilItPrints(this::pokeLink);
        addresses.pokeUntilItPrints(this::pokeAddress);
        changeThings();
        links.pokeUntilItEnds(this::pokeLink);
        addresses.pokeUntilItEnds(this::pokeAddress);

        for (Background monitor : List.of(links, addresses)) {
            assertEquals(0, monitor.exitCode(), monitor::toString);
            assertEquals(20, monitor.lines().size(), monitor::toString);
        }
        List<Map<String, Object>> linkEvents = links.lines().stream().map(MonitorKernelTest::object).toList();
        assertTrue(linkEvents.stream().allMatch(e -> e.get("event").equals("link")), links::toString);
        List<Map<String, Object>> v0 = linkEvents.stream().filter(e -> e.get("ifname").equals("v0")).toList();
        assertEquals("added", v0.get(0).get("action"), v0::toString);
        assertEquals("v1", v0.get(0).get("link"));
        assertEquals(Map.of("info_kind", "veth"), v0.get(0).get("linkinfo"));
        assertEquals(List.of("BROADCAST", "MULTICAST", "M-DOWN"), v0.get(0).get("flags"));
        assertEquals("deleted", v0.get(v0.size() - 1).get("action"), v0::toString);
        assertTrue(v0.subList(1, v0.size() - 1).stream().allMatch(e -> e.get("action").equals("changed")), v0::toString);

        List<Map<String, Object>> addressEvents = addresses.lines().stream().map(MonitorKernelTest::object)
                .filter(e -> !e.get("local").equals(POKED_ADDRESS)).toList();
        assertTrue(addressEvents.stream().allMatch(e -> e.get("event").equals("address") && e.get("ifname").equals("v0")),
                addresses::toString);
        List<String> seen = addressEvents.stream().map(e -> e.get("action") + " " + e.get("family") + " " + e.get("local") + "/"
                + e.get("prefixlen") + " " + e.get("scope")).collect(Collectors.toList());
        assertInOrder(seen, "added inet 10\\.9\\.0\\.1/24 global", "added inet6 2001:db8:9::1/64 global",
                "deleted inet 10\\.9\\.0\\.1/24 global");
        assertTrue(seen.contains("deleted inet6 2001:db8:9::1/64 global"), seen::toString);
    }

    /**
     * {@code monitor route} beside {@code ip monitor route}, both started before the same changes:
     * the same lines, ours after {@code route added}, {@code route replaced} or {@code route deleted}
     * where ip prints nothing or {@code Deleted}.
     */
    @Test
    void routesAsIpMonitorRoutePrintsThem() throws InterruptedException, IOException {
        ip("link", "add", "v0", "type", "veth", "peer", "name", "v1");
        ip("link", "set", "v0", "up");
        ip("link", "set", "v1", "up");
        ip("addr", "add", "10.0.0.1/24", "dev", "v0");
        ip("addr", "add", "2001:db8::1/64", "dev", "v0", "nodad");
        Process theirs = new ProcessBuilder("ip", "-n", ns.name(), "monitor", "route").redirectErrorStream(true).start();
        BlockingQueue<String> theirLines = new LinkedBlockingQueue<>();
        Thread reader = readLines(theirs, theirLines);
        try {
            Background ours = Background.start("--netns", ns.name(), "monitor", "route");
            Background json = Background.start("--netns", ns.name(), "monitor", "route", "--json");
            // One route event per poke: 10.254.0.0/16 added, or deleted (replacing a route by an
            // identical one changes nothing, and the kernel announces nothing).
            java.util.concurrent.atomic.AtomicBoolean poked = new java.util.concurrent.atomic.AtomicBoolean();
            Runnable poke = () -> ip("route", poked.getAndSet(!poked.get()) ? "del" : "add", "10.254.0.0/16", "dev", "v0");
            ours.pokeUntilItPrints(poke);
            json.pokeUntilItPrints(poke);
            long deadline = System.nanoTime() + Background.GIVE_UP.toNanos();
            while (theirLines.isEmpty() && System.nanoTime() < deadline) {
                poke.run();
                Thread.sleep(20);
            }
            List<String> steps = List.of("add 10.50.0.0/16 via 10.0.0.2 metric 5", "replace 10.50.0.0/16 via 10.0.0.3 metric 5 proto static",
                    "add 2001:db8:50::/64 via 2001:db8::2 table 100", "replace 2001:db8:50::/64 via 2001:db8::3 table 100 mtu 1300",
                    "add 10.60.0.0/16 nexthop via 10.0.0.2 nexthop via 10.0.0.3 weight 2", "add blackhole 10.70.0.0/24 table 70000",
                    "add 2001:db8:60::/64 dev v0 pref high", "del 10.50.0.0/16", "del 2001:db8:50::/64 table 100", "del 10.60.0.0/16",
                    "del blackhole 10.70.0.0/24 table 70000", "del 2001:db8:60::/64", "add 10.99.99.0/24 dev v0 table 99");
            for (String step : steps) {
                List<String> args = new ArrayList<>(List.of("route"));
                args.addAll(List.of(step.split(" ")));
                ip(args.toArray(String[]::new));
            }
            String last = "10.99.99.0/24 dev v0 table 99 scope link ";
            ours.awaitLine(l -> l.equals("route added " + last));
            json.awaitLine(l -> l.contains("\"dst\":\"10.99.99.0/24\""));
            List<String> ipLines = new ArrayList<>();
            while (!ipLines.contains(last)) {
                String line = theirLines.poll(Background.GIVE_UP.toSeconds(), TimeUnit.SECONDS);
                assertTrue(line != null, () -> "ip monitor route printed no " + last + " in " + ipLines);
                ipLines.add(line);
            }
            String first = "10.50.0.0/16 via 10.0.0.2 dev v0 metric 5 ";
            List<String> expected = ipLines.subList(ipLines.indexOf(first), ipLines.size());
            List<String> printed = ours.lines();
            List<String> got = new ArrayList<>();
            for (String line : printed.subList(printed.indexOf("route added " + first), printed.size())) {
                got.add(line.replaceFirst("^route (added|replaced) ", "").replaceFirst("^route deleted ", "Deleted "));
            }
            assertEquals(expected, got, ours::toString);
            assertTrue(printed.contains("route replaced 10.50.0.0/16 via 10.0.0.3 dev v0 proto static metric 5 "), ours::toString);
            assertTrue(printed.contains("route deleted 2001:db8:50::/64 via 2001:db8::3 dev v0 table 100 metric 1024 mtu 1300 pref medium"),
                    ours::toString);

            // JSON: the members of ip -j route show, and the action.
            List<Map<String, Object>> events = json.lines().stream().map(MonitorKernelTest::object)
                    .filter(e -> !"10.254.0.0/16".equals(e.get("dst"))).toList();
            assertTrue(events.stream().allMatch(e -> e.get("event").equals("route")), json::toString);
            List<String> seen = events.stream().map(e -> e.get("action") + " " + e.get("dst")).toList();
            assertInOrder(seen, "added 10\\.50\\.0\\.0/16", "replaced 10\\.50\\.0\\.0/16", "added 2001:db8:50::/64",
                    "replaced 2001:db8:50::/64", "added 10\\.60\\.0\\.0/16", "added 10\\.70\\.0\\.0/24", "added 2001:db8:60::/64",
                    "deleted 10\\.50\\.0\\.0/16", "deleted 2001:db8:50::/64", "deleted 10\\.60\\.0\\.0/16", "deleted 10\\.70\\.0\\.0/24",
                    "deleted 2001:db8:60::/64", "added 10\\.99\\.99\\.0/24");
            Map<String, Object> added = new java.util.LinkedHashMap<>(events.get(events.size() - 1));
            added.remove("event");
            added.remove("action");
            assertEquals(Json.parseArrayOfObjects(Netns.run("ip", "-n", ns.name(), "-j", "route", "show", "table", "all", "exact",
                    "10.99.99.0/24")), List.of(added));
            for (Background monitor : List.of(ours, json)) {
                monitor.closeOutput();
                monitor.pokeUntilItEnds(poke);
                assertEquals(0, monitor.exitCode(), monitor::toString);
                assertEquals("", monitor.err());
            }
        } finally {
            theirs.destroy();
            reader.join();
        }
    }

    /**
     * Standard output held while thousands of addresses are added: the socket's receive buffer
     * overflows, the monitor says so with the counts it read again, and goes on; then its output
     * is closed and it ends at the next event, successfully.
     */
    @Test
    void lostEventsAreReportedAndTheMonitorGoesOnUntilItsOutputCloses() throws InterruptedException {
        ip("link", "add", "v0", "type", "veth", "peer", "name", "v1");
        int v0 = route.getLink("v0").index();
        Background monitor = Background.start("--netns", ns.name(), "monitor", "address");
        monitor.pokeUntilItPrints(this::pokeAddress);
        CountDownLatch blocked = monitor.hold();
        pokeAddress();
        assertTrue(blocked.await(Background.GIVE_UP.toSeconds(), TimeUnit.SECONDS), monitor::toString);
        int flood = 6000;
        for (int i = 0; i < flood; i++) {
            route.newAddress(v0, AddressSpec.of(ip("10.100." + (i / 250) + "." + (i % 250 + 1)), 32));
        }
        int addresses = flood + (pokedAddressPresent ? 1 : 0);
        monitor.release();
        monitor.awaitLine(l -> l.startsWith("events lost"));
        ip("addr", "add", "10.77.0.1/24", "dev", "v1");
        monitor.awaitLine(l -> l.equals("address added 10.77.0.1/24 dev v1 scope global"));
        monitor.closeOutput();
        monitor.pokeUntilItEnds(this::pokeAddress);

        assertEquals(0, monitor.exitCode(), monitor::toString);
        assertEquals("", monitor.err());
        List<String> lines = monitor.lines();
        int lost = lines.indexOf("events lost (receive buffer overrun); resynchronised: 3 links, " + addresses + " addresses");
        assertTrue(lost > 0, monitor::toString);
        assertTrue(lines.indexOf("address added 10.77.0.1/24 dev v1 scope global") > lost, monitor::toString);
    }

    /** As a program: Ctrl-C ends it with the status of SIGINT and nothing on standard error; so does a closed pipe, with 0. */
    @Test
    void interruptOrAClosedPipeEndsTheProgramQuietly() throws IOException, InterruptedException {
        // env resets SIGINT to its default: a program started in the background by a non-interactive
        // shell (as CI may start this build) inherits SIGINT ignored, and the JVM then leaves it so.
        List<String> command = new ArrayList<>(List.of("env", "--default-signal=INT"));
        command.addAll(Jvm.java());
        command.addAll(List.of("-cp", System.getProperty("java.class.path"), Main.class.getName(), "--netns", ns.name(), "monitor", "link"));
        Process interrupted = new ProcessBuilder(command).start();
        Process closed = new ProcessBuilder(command).start();
        try {
            closed.getInputStream().close();
            BlockingQueue<String> lines = new LinkedBlockingQueue<>();
            Thread reader = readLines(interrupted, lines);
            long deadline = System.nanoTime() + Background.GIVE_UP.toNanos();
            while (lines.isEmpty() || closed.isAlive()) {
                if (System.nanoTime() > deadline) {
                    fail("the monitors did not start or end; output: " + lines);
                }
                pokeLink();
                closed.waitFor(100, TimeUnit.MILLISECONDS);
            }
            assertEquals(0, closed.exitValue(), () -> new String(readErr(closed), StandardCharsets.UTF_8));
            assertEquals("", new String(readErr(closed), StandardCharsets.UTF_8));

            Netns.run("kill", "-INT", Long.toString(interrupted.pid()));
            assertTrue(interrupted.waitFor(Background.GIVE_UP.toSeconds(), TimeUnit.SECONDS), "still running after SIGINT");
            reader.join();
            assertEquals(130, interrupted.exitValue());
            assertEquals("", new String(readErr(interrupted), StandardCharsets.UTF_8));
            assertTrue(lines.stream().allMatch(l -> l.startsWith(POKED_LINK) && l.endsWith(" link/loopback 00:00:00:00:00:00")),
                    lines::toString);
        } finally {
            interrupted.destroyForcibly();
            closed.destroyForcibly();
        }
    }

    /** Starts a thread that puts each line {@code process} prints into {@code lines}, until its output ends. */
    static Thread readLines(Process process, BlockingQueue<String> lines) {
        Thread reader = new Thread(() -> {
            try (BufferedReader r = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
                for (String line; (line = r.readLine()) != null; ) {
                    lines.add(line);
                }
            } catch (IOException e) {
                lines.add("read failed: " + e);
            }
        });
        reader.start();
        return reader;
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> object(String line) {
        return (Map<String, Object>) Json.parse(line);
    }

    private static byte[] readErr(Process p) {
        try {
            return p.getErrorStream().readAllBytes();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
