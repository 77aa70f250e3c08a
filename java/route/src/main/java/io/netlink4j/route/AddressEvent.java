// SPDX-FileCopyrightText: 2026 The netlink4j Authors
// SPDX-License-Identifier: Apache-2.0
package io.netlink4j.route;

import java.util.Objects;

/**
 * An address was added or changed ({@link RouteEvent.Action#NEW}), or removed (RTM_NEWADDR,
 * RTM_DELADDR).
 *
 * @param action  what happened
 * @param address the address as it is now, or, when removed, as it was
 */
public record AddressEvent(Action action, Address address) implements RouteEvent {
    /**
     * Checks the components.
     *
     * @param action what happened
     * @param address the address
     * @throws NullPointerException if one is null
     */
    public AddressEvent {
        Objects.requireNonNull(action, "action");
        Objects.requireNonNull(address, "address");
    }
}
