// SPDX-FileCopyrightText: 2026 The netlink4j Authors
// SPDX-License-Identifier: Apache-2.0
package io.netlink4j.route;

import java.util.Objects;

/** An address was added or changed ({@link RouteEvent.Action#NEW}), or removed. */
public record AddressEvent(Action action, Address address) implements RouteEvent {
    public AddressEvent {
        Objects.requireNonNull(action, "action");
        Objects.requireNonNull(address, "address");
    }
}
