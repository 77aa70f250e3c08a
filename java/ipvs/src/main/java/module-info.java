// SPDX-FileCopyrightText: 2026 The netlink4j Authors
// SPDX-License-Identifier: Apache-2.0

/**
 * IPVS, the Linux kernel's layer-4 load balancer, over generic netlink: services, destinations,
 * daemons and configuration, in {@code io.netlink4j.ipvs}.
 */
module io.netlink4j.ipvs {
    requires transitive io.netlink4j.core;

    exports io.netlink4j.ipvs;
}
