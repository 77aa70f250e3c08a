// SPDX-FileCopyrightText: 2026 The netlink4j Authors
// SPDX-License-Identifier: Apache-2.0
package io.netlink4j.ynl;

import java.util.Objects;
import java.util.OptionalInt;

/**
 * A multicast group.
 *
 * @param name  its name (a generic netlink family's groups are resolved by name)
 * @param value its number, for classic protocols (rtnetlink's RTNLGRP_*)
 */
public record YnlMcastGroup(String name, OptionalInt value) {
    /** Checks the components. */
    public YnlMcastGroup {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(value, "value");
    }
}
