// SPDX-FileCopyrightText: 2026 The netlink4j Authors
// SPDX-License-Identifier: Apache-2.0
package io.netlink4j.ynl;

import java.util.List;
import java.util.Objects;
import java.util.OptionalInt;

/**
 * The request or reply of an operation's {@code do} or {@code dump}.
 *
 * @param attributes the attributes it carries, by name
 * @param value      its own message number, where requests and replies are numbered apart
 */
public record YnlMessage(List<String> attributes, OptionalInt value) {
    /** Checks and copies the components. */
    public YnlMessage {
        attributes = List.copyOf(attributes);
        Objects.requireNonNull(value, "value");
    }
}
