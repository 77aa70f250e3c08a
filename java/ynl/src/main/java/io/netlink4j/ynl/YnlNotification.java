// SPDX-FileCopyrightText: 2026 The netlink4j Authors
// SPDX-License-Identifier: Apache-2.0
package io.netlink4j.ynl;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * A notification from the kernel, decoded by the spec: what the kernel's {@code cli.py
 * --subscribe} prints as {@code {"name": ..., "msg": {...}}}.
 *
 * @param name    the operation it was decoded as: the spec's notification or event
 *                ({@code dev-add-ntf}), or for a {@code netlink-raw} family without one, the
 *                operation of its message type ({@code newaddr}, {@code dellink}; see
 *                {@link YnlSubscription})
 * @param message its tree, as {@link YnlCodec} decodes it (a fixed header's members first)
 */
public record YnlNotification(String name, Map<String, Object> message) {
    /** Checks the components; the tree is kept as given (the codec's trees are unmodifiable). */
    public YnlNotification {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(message, "message");
    }

    /**
     * This notification as {@code cli.py} prints it.
     *
     * @return a map with {@code name} and {@code msg}, in that order
     */
    public Map<String, Object> toTree() {
        Map<String, Object> tree = new LinkedHashMap<>();
        tree.put("name", name);
        tree.put("msg", message);
        return Collections.unmodifiableMap(tree);
    }
}
