// SPDX-FileCopyrightText: 2026 The netlink4j Authors
// SPDX-License-Identifier: Apache-2.0
package io.netlink4j.route;

import java.util.Objects;

/**
 * A link was created or changed ({@link RouteEvent.Action#NEW}), or deleted (RTM_NEWLINK,
 * RTM_DELLINK).
 *
 * @param action what happened
 * @param link   the link as it is now, or, when deleted, as it was
 */
public record LinkEvent(Action action, Link link) implements RouteEvent {
    /**
     * Checks the components.
     *
     * @param action what happened
     * @param link the link
     * @throws NullPointerException if one is null
     */
    public LinkEvent {
        Objects.requireNonNull(action, "action");
        Objects.requireNonNull(link, "link");
    }
}
