// SPDX-FileCopyrightText: 2026 The netlink4j Authors
// SPDX-License-Identifier: Apache-2.0
package io.netlink4j.route;

import io.netlink4j.AddressFamily;
import io.netlink4j.engine.NetlinkConnection;
import io.netlink4j.engine.NetlinkEventLoop;
import io.netlink4j.engine.NetlinkOptions;
import io.netlink4j.testing.NetlinkTestPeer;
import io.netlink4j.testsupport.Netns;
import io.netlink4j.testsupport.NetnsExtension;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.net.InetAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;

import static io.netlink4j.route.RouteHandleKernelTest.ip;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/** Link and address notifications of a fresh namespace, against the host's kernel. */
@Tag("kernel")
class RouteMonitorKernelTest {
    static final Duration WAIT = Duration.ofSeconds(5);

    @RegisterExtension
    final NetnsExtension<RouteHandle> netns = new NetnsExtension<>("nl4j-mon", RouteHandle::open);
    Netns ns;
    RouteHandle route;

    @BeforeEach
    void setUp() {
        ns = netns.netns();
        route = netns.handle();
    }

    /** Collects events and overruns from polls. */
    static final class Recorder implements RouteEventHandler {
        final List<RouteEvent> events = new ArrayList<>();
        final List<RouteTableEvent> routes = new ArrayList<>();
        int overruns;

        @Override
        public void onEvent(RouteEvent event) {
            events.add(event);
        }

        @Override
        public void onRoute(RouteTableEvent event) {
            routes.add(event);
        }

        @Override
        public void onOverrun() {
            overruns++;
        }

        /** Polls until an event matches {@code until}, failing after {@link #WAIT}. */
        void pollUntil(RouteMonitor monitor, Predicate<RouteEvent> until) {
            long deadline = System.nanoTime() + WAIT.toNanos();
            int from = 0;
            while (System.nanoTime() < deadline) {
                monitor.poll(Duration.ofMillis(100), this);
                for (; from < events.size(); from++) {
                    if (until.test(events.get(from))) {
                        return;
                    }
                }
            }
            fail("no matching event within " + WAIT + "; got " + events);
        }
    }

    static Predicate<RouteEvent> link(RouteEvent.Action action, String name) {
        return e -> e instanceof LinkEvent l && l.action() == action && l.link().name().equals(name);
    }

    static Predicate<RouteEvent> address(RouteEvent.Action action, String address) {
        return e -> e instanceof AddressEvent a && a.action() == action && Optional.of(ip(address)).equals(a.address().address());
    }

    @Test
    void creatingChangingAndDeletingProducesMatchingEventsInOrder() {
        try (RouteMonitor monitor = route.monitor(RouteGroup.LINK, RouteGroup.IPV4_ADDRESS, RouteGroup.IPV6_ADDRESS)) {
            route.newLink(LinkSpec.veth("veth0", "veth1"));
            route.updateLink(LinkChange.builder("veth0").mtu(1400).build());
            route.updateLink(LinkChange.builder("veth1").up(true).build());
            route.updateLink(LinkChange.builder("veth0").up(true).build()); // IPv6 announces addresses only on a link that is up
            route.newAddress("veth0", AddressSpec.of(ip("10.60.0.1"), 24));
            route.newAddress("veth0", AddressSpec.builder(ip("2001:db8:60::1"), 64).flags(AddressFlags.NODAD).build());
            // The kernel announces a new IPv6 address from a work queue, not in the request's own
            // path: wait for it, or a busy machine sees it after the next change (or not at all,
            // when the address is gone before the work runs).
            Recorder r = new Recorder();
            r.pollUntil(monitor, address(RouteEvent.Action.NEW, "2001:db8:60::1"));
            route.delAddress("veth0", AddressSpec.of(ip("10.60.0.1"), 24));
            route.delAddress("veth0", AddressSpec.of(ip("2001:db8:60::1"), 64));
            route.delLink("veth0");

            r.pollUntil(monitor, link(RouteEvent.Action.DEL, "veth0"));
            assertEquals(0, r.overruns);
            List<Predicate<RouteEvent>> expected = List.of(
                    link(RouteEvent.Action.NEW, "veth0").and(e -> ((LinkEvent) e).link().mtu() == 1500),
                    link(RouteEvent.Action.NEW, "veth0").and(e -> ((LinkEvent) e).link().mtu() == 1400),
                    address(RouteEvent.Action.NEW, "10.60.0.1"),
                    address(RouteEvent.Action.NEW, "2001:db8:60::1"),
                    address(RouteEvent.Action.DEL, "10.60.0.1"),
                    address(RouteEvent.Action.DEL, "2001:db8:60::1"),
                    link(RouteEvent.Action.DEL, "veth0"));
            int next = 0;
            for (RouteEvent e : r.events) {
                if (next < expected.size() && expected.get(next).test(e)) {
                    next++;
                }
            }
            assertEquals(expected.size(), next, "events in order; matched " + next + " of " + expected.size() + " in " + r.events);
            assertEquals(1, r.events.stream().filter(address(RouteEvent.Action.DEL, "10.60.0.1")).count());
            assertEquals(1, r.events.stream().filter(address(RouteEvent.Action.DEL, "2001:db8:60::1")).count());
            AddressEvent added = (AddressEvent) r.events.stream().filter(address(RouteEvent.Action.NEW, "10.60.0.1")).findFirst().orElseThrow();
            assertEquals(24, added.address().prefixLength());
            assertEquals("veth0", added.address().label().orElseThrow());
            assertTrue(r.events.stream().anyMatch(link(RouteEvent.Action.NEW, "veth1")), "the peer's creation");
            r.pollUntil(monitor, link(RouteEvent.Action.DEL, "veth1"));
        }
    }

    /**
     * A handle's monitor talks to what the handle talks to: over a connection to a scripted peer,
     * it takes the handle's options (the peer's port, the namespace), so the kernel's own events,
     * which do come in on the namespace's socket, are discarded instead of delivered.
     */
    @Test
    void aHandlesMonitorKeepsTheHandlesPeerAndNamespace() {
        try (NetlinkTestPeer peer = NetlinkTestPeer.start(req -> List.of());
             RouteHandle overPeer = RouteHandle.open(NetlinkConnection.open(NetlinkTestPeer.PROTOCOL,
                     peer.clientOptions().netns(ns.path()).receiveTimeout(Duration.ofMillis(700)).build()));
             RouteMonitor monitor = overPeer.monitor(RouteGroup.LINK);
             RouteMonitor kernel = route.monitor(RouteGroup.LINK)) {
            NetlinkOptions options = monitor.subscription().options();
            assertEquals(peer.portId(), options.peerPortId(), "the peer, not the kernel");
            assertEquals(Duration.ofMillis(700), options.receiveTimeout());
            assertEquals(overPeer.connection().options().toBuilder().socketReceiveBufferSize(RouteMonitor.DEFAULT_SOCKET_RECEIVE_BUFFER)
                    .build().toString(), options.toString(), "the handle's options, with the monitor's buffer");

            route.newLink(LinkSpec.veth("veth0", "veth1"));
            new Recorder().pollUntil(kernel, link(RouteEvent.Action.NEW, "veth0"));
            Recorder fromPeer = new Recorder();
            long deadline = System.nanoTime() + WAIT.toNanos();
            while (monitor.subscription().discardedMessages() == 0 && System.nanoTime() < deadline) {
                monitor.poll(Duration.ofMillis(100), fromPeer);
            }
            assertTrue(monitor.subscription().discardedMessages() > 0, "the kernel's events reached the socket");
            assertEquals(List.of(), fromPeer.events, "and none was taken for the peer's");
        }
    }

    @Test
    void monitorSeesOnlyTheGroupsItJoined() {
        try (RouteMonitor monitor = route.monitor(RouteGroup.IPV4_ADDRESS)) {
            route.newLink(LinkSpec.veth("veth0", "veth1"));
            route.newAddress("veth0", AddressSpec.builder(ip("2001:db8:61::1"), 64).flags(AddressFlags.NODAD).build());
            route.newAddress("veth0", AddressSpec.of(ip("10.61.0.1"), 24));
            Recorder r = new Recorder();
            r.pollUntil(monitor, address(RouteEvent.Action.NEW, "10.61.0.1"));
            assertEquals(1, r.events.size(), r.events.toString());
        }
    }

    @Test
    void floodThatOverrunsATinyBufferSignalsResyncAndTheMonitorKeepsWorking() {
        try (RouteMonitor monitor = RouteMonitor.open(RouteMonitor.defaultOptions().netns(ns.path()).socketReceiveBufferSize(4096).build(),
                RouteGroup.IPV4_ADDRESS)) {
            route.newLink(LinkSpec.veth("veth0", "veth1"));
            for (int i = 0; i < 200; i++) {
                route.newAddress("veth0", AddressSpec.of(ip("10.70." + (i / 250) + "." + (i % 250 + 1)), 32));
            }
            Recorder r = new Recorder();
            long deadline = System.nanoTime() + WAIT.toNanos();
            while (r.overruns == 0 && System.nanoTime() < deadline) {
                monitor.poll(Duration.ofMillis(100), r);
            }
            assertEquals(1, r.overruns, "overrun reported once");
            assertTrue(r.events.size() < 200, "events were lost: " + r.events.size());
            assertEquals(1, monitor.subscription().overruns());
            assertEquals(0, monitor.poll(Duration.ZERO, r), "stale notifications were dropped with the overrun");

            // The resync a handler would do, then new events still arrive.
            assertEquals(200, route.getAddresses("veth0").stream().filter(a -> a.addressFamily().equals(AddressFamily.INET)).count());
            route.newAddress("veth0", AddressSpec.of(ip("10.71.0.1"), 32));
            r.pollUntil(monitor, address(RouteEvent.Action.NEW, "10.71.0.1"));
        }
    }

    @Test
    void listenerThreadDeliversSurvivesAnOverrunAndStopsOnClose() throws Exception {
        BlockingQueue<RouteEvent> events = new LinkedBlockingQueue<>();
        AtomicInteger overruns = new AtomicInteger();
        CountDownLatch release = new CountDownLatch(1);
        RouteMonitor monitor = RouteMonitor.open(RouteMonitor.defaultOptions().netns(ns.path()).socketReceiveBufferSize(4096).build(),
                RouteGroup.LINK, RouteGroup.IPV4_ADDRESS);
        NetlinkEventLoop listener = monitor.start(new RouteEventHandler() {
            @Override
            public void onEvent(RouteEvent event) {
                events.add(event);
                try {
                    release.await(); // the first event blocks the thread while the flood fills the socket
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }

            @Override
            public void onOverrun() {
                overruns.incrementAndGet();
            }
        });
        try {
            route.newLink(LinkSpec.veth("veth0", "veth1"));
            assertTrue(events.poll(WAIT.toMillis(), TimeUnit.MILLISECONDS) instanceof LinkEvent);
            for (int i = 0; i < 100; i++) {
                route.newAddress("veth0", AddressSpec.of(ip("10.72.0." + (i + 1)), 32));
            }
            release.countDown();
            long deadline = System.nanoTime() + WAIT.toNanos();
            while (overruns.get() == 0 && System.nanoTime() < deadline) {
                Thread.sleep(10);
            }
            assertEquals(1, overruns.get(), "one overrun reported");
            route.newAddress("veth0", AddressSpec.of(ip("10.73.0.1"), 32));
            RouteEvent e;
            do {
                e = events.poll(WAIT.toMillis(), TimeUnit.MILLISECONDS);
                if (e == null) {
                    fail("no event after the overrun");
                }
            } while (!address(RouteEvent.Action.NEW, "10.73.0.1").test(e));
            assertTrue(listener.isRunning());
            assertTrue(listener.failure().isEmpty());
        } finally {
            listener.close();
        }
        assertTrue(!listener.isRunning() && monitor.subscription().isClosed());
        assertTrue(listener.failure().isEmpty(), "closed normally");
    }

    /** The route to {@code prefix}/{@code length} with priority {@code priority} in the main table, as getRoutes lists it. */
    Route listed(String prefix, int length, int priority) {
        AddressFamily family = AddressFamily.of(ip(prefix));
        return route.getRoutes(family).stream()
                .filter(r -> r.destination().equals(ip(prefix)) && r.destinationPrefixLength() == length && r.priority() == priority)
                .findFirst().orElseThrow(() -> new AssertionError(prefix + "/" + length + " not in " + route.getRoutes(family)));
    }

    /** Polls until a route event for a route to {@code prefix} with {@code action} has come, failing after {@link #WAIT}. */
    static void pollUntilRoute(RouteMonitor monitor, Recorder r, RouteEvent.Action action, String prefix) {
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (System.nanoTime() < deadline) {
            if (r.routes.stream().anyMatch(e -> e.action() == action && e.route().destination().equals(ip(prefix)))) {
                return;
            }
            monitor.poll(Duration.ofMillis(100), r);
        }
        fail("no " + action + " event for " + prefix + " within " + WAIT + "; got " + r.routes);
    }

    @Test
    void routesAddedReplacedAndDeletedAreEventsInOrderWithTheValuesListed() {
        route.newLink(LinkSpec.veth("veth0", "veth1"));
        route.updateLink(LinkChange.builder("veth1").up(true).build());
        route.updateLink(LinkChange.builder("veth0").up(true).build());
        int veth0 = route.getLink("veth0").index();
        route.newAddress(veth0, AddressSpec.of(ip("10.0.0.1"), 24));
        route.newAddress(veth0, AddressSpec.builder(ip("2001:db8::1"), 64).flags(AddressFlags.NODAD).build());
        try (RouteMonitor monitor = route.monitor(RouteGroup.IPV4_ROUTE, RouteGroup.IPV6_ROUTE)) {
            List<RouteTableEvent> expected = new ArrayList<>();
            route.newRoute(RouteSpec.builder(ip("10.50.0.0"), 16).gateway(ip("10.0.0.2")).priority(5).build());
            expected.add(new RouteTableEvent(RouteEvent.Action.NEW, listed("10.50.0.0", 16, 5), false));
            route.replaceRoute(RouteSpec.builder(ip("10.50.0.0"), 16).gateway(ip("10.0.0.3")).priority(5)
                    .protocol(RouteProtocol.STATIC).build());
            Route v4 = listed("10.50.0.0", 16, 5);
            expected.add(new RouteTableEvent(RouteEvent.Action.NEW, v4, true));
            route.newRoute(RouteSpec.builder(ip("10.50.0.0"), 16).type(RouteType.BLACKHOLE).priority(9).build());
            Route blackhole = listed("10.50.0.0", 16, 9);
            expected.add(new RouteTableEvent(RouteEvent.Action.NEW, blackhole, false));
            route.newRoute(RouteSpec.builder(ip("2001:db8:50::"), 64).gateway(ip("2001:db8::2")).priority(10).build());
            expected.add(new RouteTableEvent(RouteEvent.Action.NEW, listed("2001:db8:50::", 64, 10), false));
            route.replaceRoute(RouteSpec.builder(ip("2001:db8:50::"), 64).gateway(ip("2001:db8::3")).priority(10).mtu(1300).build());
            Route v6 = listed("2001:db8:50::", 64, 10);
            expected.add(new RouteTableEvent(RouteEvent.Action.NEW, v6, true));
            route.delRoute(v4);
            expected.add(new RouteTableEvent(RouteEvent.Action.DEL, v4, false));
            route.delRoute(blackhole);
            expected.add(new RouteTableEvent(RouteEvent.Action.DEL, blackhole, false));
            route.delRoute(v6);
            expected.add(new RouteTableEvent(RouteEvent.Action.DEL, v6, false));

            Recorder r = new Recorder();
            pollUntilRoute(monitor, r, RouteEvent.Action.DEL, "2001:db8:50::");
            assertEquals(0, r.overruns);
            assertEquals(List.of(), r.events, "no link or address events: the monitor joined only the route groups");
            List<RouteTableEvent> ours = r.routes.stream()
                    .filter(e -> e.route().destination().equals(ip("10.50.0.0")) || e.route().destination().equals(ip("2001:db8:50::")))
                    .toList();
            assertEquals(expected, ours, "every change, in order, with the values getRoutes lists");
            assertEquals(ip("10.0.0.3"), ours.get(1).route().gateway().orElseThrow());
        }
    }

    @Test
    void routeEventsNeedTheRouteGroupsAndAHandlerThatTakesThem() {
        route.newLink(LinkSpec.veth("veth0", "veth1"));
        route.updateLink(LinkChange.builder("veth0").up(true).build());
        int veth0 = route.getLink("veth0").index();
        RouteSpec spec = RouteSpec.builder(ip("10.51.0.0"), 16).linkIndex(veth0).build();
        try (RouteMonitor links = route.monitor(RouteGroup.LINK);
             RouteMonitor routes = route.monitor(RouteGroup.IPV4_ROUTE)) {
            route.newRoute(spec);
            route.updateLink(LinkChange.builder("veth0").mtu(1400).build());
            Recorder linkRecorder = new Recorder();
            linkRecorder.pollUntil(links, link(RouteEvent.Action.NEW, "veth0").and(e -> ((LinkEvent) e).link().mtu() == 1400));
            assertEquals(List.of(), linkRecorder.routes, "a monitor of links only has no route events");

            // A handler written before routes were events: onRoute's default drops them, and the
            // poll still counts them as delivered.
            List<RouteEvent> old = new ArrayList<>();
            RouteEventHandler linksAndAddressesOnly = new RouteEventHandler() {
                @Override
                public void onEvent(RouteEvent event) {
                    old.add(event);
                }

                @Override
                public void onOverrun() {
                    fail("overrun");
                }
            };
            int delivered = 0;
            long deadline = System.nanoTime() + WAIT.toNanos();
            while (delivered == 0 && System.nanoTime() < deadline) {
                delivered += routes.poll(Duration.ofMillis(100), linksAndAddressesOnly);
            }
            assertTrue(delivered > 0, "the route's event was read");
            assertEquals(List.of(), old);
            route.delRoute(spec);
            Recorder r = new Recorder();
            pollUntilRoute(routes, r, RouteEvent.Action.DEL, "10.51.0.0");
        }
    }
}
