// SPDX-FileCopyrightText: 2026 The netlink4j Authors
// SPDX-License-Identifier: Apache-2.0
package io.netlink4j.cli.ipvs;

import io.netlink4j.ipvs.Destination;
import io.netlink4j.ipvs.Service;

import java.util.List;

/** A service and its destinations, in listing order. */
record ListedService(Service service, List<Destination> destinations) {
}
