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
        Background monitor = Background.start("--netns", ns.name(), "monitor", "--count", "30");
        monitor.pokeUntilItPrints(this::pokeLink);
        changeThings();
        monitor.pokeUntilItEnds(this::pokeLink);

        assertEquals(0, monitor.exitCode(), monitor::toString);
        assertEquals("", monitor.err());
        assertEquals(30, monitor.lines().size(), monitor::toString);
        List<String> events = monitor.lines().stream().filter(l -> !l.startsWith(POKED_LINK)).toList();
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
            Thread reader = new Thread(() -> {
                try (BufferedReader r = new BufferedReader(new InputStreamReader(interrupted.getInputStream(), StandardCharsets.UTF_8))) {
                    for (String line; (line = r.readLine()) != null; ) {
                        lines.add(line);
                    }
                } catch (IOException e) {
                    lines.add("read failed: " + e);
                }
            });
            reader.start();
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
