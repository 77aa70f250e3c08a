// SPDX-FileCopyrightText: 2026 The netlink4j Authors
// SPDX-License-Identifier: Apache-2.0
package io.netlink4j.route;

import io.netlink4j.codec.MessageReader;
import io.netlink4j.engine.NetlinkEventHandler;
import io.netlink4j.engine.NetlinkEventLoop;
import io.netlink4j.engine.NetlinkOptions;
import io.netlink4j.engine.NetlinkSubscription;
import io.netlink4j.socket.NetlinkProtocol;

import java.time.Duration;
import java.util.Collections;
import java.util.EnumSet;
import java.util.Objects;
import java.util.Set;

/**
 * Link, address and route notifications of one network namespace (ip monitor link address route),
 * on a socket of its own: links and addresses as {@link RouteEvent}s to
 * {@link RouteEventHandler#onEvent(RouteEvent)}, routes as {@link RouteTableEvent}s to
 * {@link RouteEventHandler#onRoute(RouteTableEvent)}. Read them with {@link #poll} on your thread, or
 * {@link #start} an event-loop thread.
 *
 * <pre>{@code
 * try (RouteMonitor monitor = RouteMonitor.open(RouteGroup.LINK, RouteGroup.IPV4_ADDRESS, RouteGroup.IPV6_ADDRESS,
 *         RouteGroup.IPV4_ROUTE, RouteGroup.IPV6_ROUTE)) {
 *     while (running) {
 *         monitor.poll(Duration.ofSeconds(1), new RouteEventHandler() {
 *             public void onEvent(RouteEvent event) { System.out.println(event); }
 *             public void onRoute(RouteTableEvent event) { System.out.println(event); }
 *             public void onOverrun() { resync(); }
 *         });
 *     }
 * }
 * }</pre>
 *
 * <p>To hold a consistent view, open the monitor first, then list links, addresses or routes with a
 * {@link RouteHandle}, then apply events; after {@link RouteEventHandler#onOverrun()}, list again.
 *
 * <p>The event types follow one naming rule: this <em>monitor</em> is the socket that joined the
 * groups; a {@link RouteEventHandler} is the <em>handler</em> (the callback) that receives its
 * events; the {@link NetlinkEventLoop} that {@link #start} returns is the <em>event loop</em>, a
 * thread that reads the monitor and calls the handler.
 */
public final class RouteMonitor implements AutoCloseable {
    /** Receive buffer requested by default: room for bursts of notifications (CAP_NET_ADMIN lifts the sysctl limit). */
    public static final int DEFAULT_SOCKET_RECEIVE_BUFFER = 1 << 20;

    private final NetlinkSubscription subscription;
    private final Set<RouteGroup> groups;

    private RouteMonitor(NetlinkSubscription subscription, Set<RouteGroup> groups) {
        this.subscription = subscription;
        this.groups = groups;
    }

    /** {@return options with this class's defaults, to adjust the namespace or buffers} */
    public static NetlinkOptions.Builder defaultOptions() {
        return NetlinkOptions.builder().socketReceiveBufferSize(DEFAULT_SOCKET_RECEIVE_BUFFER);
    }

    /**
     * A monitor of the caller's namespace.
     *
     * @param groups the groups to join, at least one
     * @return a monitor of the caller's namespace
     */
    public static RouteMonitor open(RouteGroup... groups) {
        return open(defaultOptions().build(), groups);
    }

    /**
     * A monitor with explicit options: {@code netns}, {@code socketReceiveBufferSize} and
     * {@code readBufferSize} apply.
     *
     * @param options the namespace, buffers and peer of the socket
     * @param groups the groups to join, at least one
     * @return a monitor with explicit options: {@code netns}, {@code socketReceiveBufferSize} and {@code readBufferSize} apply
     * @throws IllegalArgumentException if no group is given
     */
    public static RouteMonitor open(NetlinkOptions options, RouteGroup... groups) {
        Objects.requireNonNull(options, "options");
        Objects.requireNonNull(groups, "groups");
        if (groups.length == 0) {
            throw new IllegalArgumentException("no groups (expected: at least one of LINK, IPV4_ADDRESS, IPV6_ADDRESS, IPV4_ROUTE, IPV6_ROUTE)");
        }
        Set<RouteGroup> set = EnumSet.noneOf(RouteGroup.class);
        for (RouteGroup g : groups) {
            set.add(Objects.requireNonNull(g, "group"));
        }
        int[] ids = set.stream().mapToInt(RouteGroup::value).toArray();
        return new RouteMonitor(NetlinkSubscription.open(NetlinkProtocol.ROUTE, options, ids), Collections.unmodifiableSet(set));
    }

    /** {@return the groups this monitor joined} */
    public Set<RouteGroup> groups() {
        return groups;
    }

    /** {@return the subscription underneath (port id, overrun and discard counters)} */
    public NetlinkSubscription subscription() {
        return subscription;
    }

    /**
     * Waits up to {@code timeout} for notifications and hands them to {@code handler} (see
     * {@link NetlinkSubscription#poll}).
     *
     * @param timeout how long to wait for the first notification
     * @param handler receives the events
     * @return the number of events delivered (route events too)
     */
    public int poll(Duration timeout, RouteEventHandler handler) {
        Dispatcher dispatcher = new Dispatcher(Objects.requireNonNull(handler, "handler"));
        subscription.poll(timeout, dispatcher);
        return dispatcher.delivered;
    }

    /**
     * Starts a thread that delivers events to {@code handler} until the returned loop is
     * closed. The loop owns this monitor's socket: closing either stops both.
     *
     * @param handler receives the events
     * @return starts a thread that delivers events to {@code handler} until the returned loop is closed
     */
    public NetlinkEventLoop start(RouteEventHandler handler) {
        return NetlinkEventLoop.start(subscription, new Dispatcher(Objects.requireNonNull(handler, "handler")));
    }

    @Override
    public void close() {
        subscription.close();
    }

    @Override
    public String toString() {
        return "RouteMonitor[" + groups + ", " + subscription + "]";
    }

    /** Decodes notifications into events; messages that are not link, address or route events are skipped. */
    private static final class Dispatcher implements NetlinkEventHandler {
        private final RouteEventHandler handler;
        private int delivered;

        Dispatcher(RouteEventHandler handler) {
            this.handler = handler;
        }

        @Override
        public void onMessage(MessageReader message) {
            RouteTableEvent route = RouteCodec.decodeRouteEvent(message);
            if (route != null) {
                delivered++;
                handler.onRoute(route);
                return;
            }
            RouteEvent event = RouteCodec.decodeEvent(message);
            if (event != null) {
                delivered++;
                handler.onEvent(event);
            }
        }

        @Override
        public void onOverrun() {
            handler.onOverrun();
        }
    }
}
