// SPDX-FileCopyrightText: 2026 The netlink4j Authors
// SPDX-License-Identifier: Apache-2.0
package io.netlink4j.route;

/** Receives the notifications of a {@link RouteMonitor}, one call at a time. */
public interface RouteEventHandler {
    void onEvent(RouteEvent event);

    /**
     * Notifications were lost (the receive buffer overflowed). Links and addresses known from
     * earlier events may be stale: read them again ({@link RouteHandle#links()},
     * {@link RouteHandle#addresses()}). Events keep coming.
     */
    void onOverrun();
}
