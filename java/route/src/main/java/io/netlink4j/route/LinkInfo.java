// SPDX-FileCopyrightText: 2026 The netlink4j Authors
// SPDX-License-Identifier: Apache-2.0
package io.netlink4j.route;

import java.util.List;
import java.util.Objects;

/**
 * The driver-specific part of a link (IFLA_LINKINFO): its kind and the kind's own attributes,
 * and, for a link enslaved to another (a bridge or bond port), the master's kind and its
 * per-port attributes. The attributes stay raw: each kind defines its own.
 *
 * @param kind      IFLA_INFO_KIND, or null when only the slave part is present
 * @param data      the attributes inside IFLA_INFO_DATA (empty if none)
 * @param slaveKind IFLA_INFO_SLAVE_KIND, or null
 * @param slaveData the attributes inside IFLA_INFO_SLAVE_DATA (empty if none)
 */
public record LinkInfo(LinkKind kind, List<RawAttribute> data, LinkKind slaveKind, List<RawAttribute> slaveData) {
    /**
     * Copies the attribute lists.
     *
     * @param kind IFLA_INFO_KIND, or null
     * @param data the attributes inside IFLA_INFO_DATA
     * @param slaveKind IFLA_INFO_SLAVE_KIND, or null
     * @param slaveData the attributes inside IFLA_INFO_SLAVE_DATA
     * @throws NullPointerException if a list is null
     */
    public LinkInfo {
        data = List.copyOf(Objects.requireNonNull(data, "data"));
        slaveData = List.copyOf(Objects.requireNonNull(slaveData, "slaveData"));
    }
}
