// SPDX-FileCopyrightText: 2026 The netlink4j Authors
// SPDX-License-Identifier: Apache-2.0

/** An application module using netlink4j from the module path (ModulePathIT). */
module example.consumer {
    requires io.netlink4j.route;
}
