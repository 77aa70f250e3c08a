// SPDX-FileCopyrightText: 2026 The netlink4j Authors
// SPDX-License-Identifier: Apache-2.0
package io.netlink4j.route;

/**
 * Receives the notifications of a {@link RouteMonitor}, one call at a time, on the thread that
 * polls the monitor or on the monitor's event-loop thread.
 *
 * <p>Names of the event types, here as in the core: a <em>monitor</em> ({@link RouteMonitor},
 * like the core's {@code NetlinkSubscription}) is the socket that joined the groups; a
 * <em>handler</em> ({@code RouteEventHandler}, like {@code NetlinkEventHandler}) is the callback
 * that receives what it reads; an <em>event loop</em> ({@code NetlinkEventLoop}, which
 * {@link RouteMonitor#start(RouteEventHandler)} returns) is a thread that reads a monitor and calls
 * a handler.
 */
public interface RouteEventHandler {
    /**
     * A link or address was created, changed or deleted.
     *
     * @param event what happened, and to which link or address
     */
    void onEvent(RouteEvent event);

    /**
     * A route was added, replaced or deleted: delivered to a monitor that joined
     * {@link RouteGroup#IPV4_ROUTE} or {@link RouteGroup#IPV6_ROUTE}. Routes come here rather than
     * to {@link #onEvent(RouteEvent)} because {@link RouteEvent}'s subtypes are a fixed (sealed) set.
     * The default ignores the event: override it when joining the route groups.
     *
     * @param event what happened, and to which route
     */
    default void onRoute(RouteTableEvent event) {
    }

    /**
     * Notifications were lost (the receive buffer overflowed). Links, addresses and routes known
     * from earlier events may be stale: read them again ({@link RouteHandle#getLinks()},
     * {@link RouteHandle#getAddresses()}, {@link RouteHandle#getRoutes(io.netlink4j.AddressFamily, int)}). Events keep coming.
     */
    void onOverrun();
}
