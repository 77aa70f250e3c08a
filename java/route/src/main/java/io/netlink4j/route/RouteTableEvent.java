// SPDX-FileCopyrightText: 2026 The netlink4j Authors
// SPDX-License-Identifier: Apache-2.0
package io.netlink4j.route;

import java.util.Objects;

/**
 * A route was added to a routing table or replaced there ({@link RouteEvent.Action#NEW}), or
 * deleted (RTM_NEWROUTE, RTM_DELROUTE), as a {@link RouteMonitor} that joined
 * {@link RouteGroup#IPV4_ROUTE} or {@link RouteGroup#IPV6_ROUTE} delivers it to
 * {@link RouteEventHandler#onRoute(RouteTableEvent)}.
 *
 * <p>Not a {@link RouteEvent}: that interface is sealed, and a new permitted subtype would break
 * code that switches over it exhaustively; route events come to a handler method of their own
 * instead, with the same {@link RouteEvent.Action}.
 *
 * <p>A replaced route is announced as {@code NEW} only, with no {@code DEL} for the route it
 * replaced: the kernel identifies a route by its table, prefix and priority (and, for IPv4, type of
 * service), so a {@code NEW} for a route of the same identity takes the old one's place. A route's
 * values are what {@link RouteHandle#getRoutes(io.netlink4j.AddressFamily, int)} lists for it.
 *
 * @param action what happened
 * @param route  the route as it is now, or, when deleted, as it was
 */
public record RouteTableEvent(RouteEvent.Action action, Route route) {
    /**
     * Checks the components.
     *
     * @param action what happened
     * @param route the route
     * @throws NullPointerException if one is null
     */
    public RouteTableEvent {
        Objects.requireNonNull(action, "action");
        Objects.requireNonNull(route, "route");
    }
}
