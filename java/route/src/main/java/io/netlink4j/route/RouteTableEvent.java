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
 * <p>A replaced route is announced as {@code NEW} with {@link #replaced()} true (the kernel's
 * NLM_F_REPLACE on the notification), and with no {@code DEL} for the route it replaced: the
 * kernel identifies a route by its table, prefix and priority (and, for IPv4, type of service), and
 * the new route took the place of the one with the same identity. A route's values are what
 * {@link RouteHandle#getRoutes(io.netlink4j.AddressFamily, int)} lists for it.
 *
 * @param action   what happened
 * @param route    the route as it is now, or, when deleted, as it was
 * @param replaced whether the route replaced one ({@code ip route replace}, {@code ip route change});
 *                 false for a route added beside the others, and for {@code DEL}
 */
public record RouteTableEvent(RouteEvent.Action action, Route route, boolean replaced) {
    /**
     * Checks the components.
     *
     * @param action what happened
     * @param route the route
     * @param replaced whether it replaced a route
     * @throws NullPointerException if {@code action} or {@code route} is null
     * @throws IllegalArgumentException if {@code replaced} is true with {@link RouteEvent.Action#DEL}
     */
    public RouteTableEvent {
        Objects.requireNonNull(action, "action");
        Objects.requireNonNull(route, "route");
        if (replaced && action == RouteEvent.Action.DEL) {
            throw new IllegalArgumentException("replaced: true with action DEL (expected: false; only a NEW route replaces)");
        }
    }
}
