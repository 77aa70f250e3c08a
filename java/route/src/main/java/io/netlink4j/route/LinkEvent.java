// SPDX-FileCopyrightText: 2026 The netlink4j Authors
// SPDX-License-Identifier: Apache-2.0
package io.netlink4j.route;

import java.util.Objects;

/** A link was created or changed ({@link RouteEvent.Action#NEW}), or deleted. */
public record LinkEvent(Action action, Link link) implements RouteEvent {
    public LinkEvent {
        Objects.requireNonNull(action, "action");
        Objects.requireNonNull(link, "link");
    }
}
