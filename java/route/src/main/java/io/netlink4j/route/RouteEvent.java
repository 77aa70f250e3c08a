// SPDX-FileCopyrightText: 2026 The netlink4j Authors
// SPDX-License-Identifier: Apache-2.0
package io.netlink4j.route;

/**
 * A link or address notification from rtnetlink, as a {@link RouteMonitor} delivers it to a
 * {@link RouteEventHandler}: a {@link LinkEvent} or an {@link AddressEvent}.
 */
public sealed interface RouteEvent permits LinkEvent, AddressEvent {
    /** What happened to the object. */
    enum Action {
        /** Created, or changed (RTM_NEWLINK, RTM_NEWADDR): the object as it is now. */
        NEW,
        /** Removed (RTM_DELLINK, RTM_DELADDR): the object as it was. */
        DEL
    }

    /** {@return what happened to the object} */
    Action action();
}
