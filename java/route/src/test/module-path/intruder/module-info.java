// SPDX-FileCopyrightText: 2026 The netlink4j Authors
// SPDX-License-Identifier: Apache-2.0

/** An application module reaching for netlink4j's internals, which the module path refuses (ModulePathIT). */
module example.intruder {
    requires io.netlink4j.route;
}
