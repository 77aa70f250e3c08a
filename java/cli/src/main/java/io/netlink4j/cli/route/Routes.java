// SPDX-FileCopyrightText: 2026 The netlink4j Authors
// SPDX-License-Identifier: Apache-2.0
package io.netlink4j.cli.route;

import io.netlink4j.cli.CliException;
import io.netlink4j.cli.Failures;
import io.netlink4j.cli.Main;
import io.netlink4j.cli.Namespaces;
import io.netlink4j.engine.NetlinkOptions;
import io.netlink4j.route.Address;
import io.netlink4j.route.Link;
import io.netlink4j.route.RouteHandle;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** What the link, addr and monitor commands share: the handle on the --netns namespace and finding a device by name. */
final class Routes {
    private Routes() {}

    /** A handle on the namespace of --netns (the caller's without it). */
    static RouteHandle open(Main main) {
        return RouteHandle.open(Namespaces.options(RouteHandle.defaultOptions(), main.netns()));
    }

    /**
     * The link called {@code name}, by name or alternative name, as {@code ip link show NAME} finds it.
     *
     * @throws CliException naming the device (exit status 1, as iproute2's) if there is none
     */
    static Link find(Main main, List<Link> links, String name) {
        for (Link link : links) {
            if (link.name().equals(name) || link.alternativeNames().contains(name)) {
                return link;
            }
        }
        throw new CliException("device '" + name + "' does not exist"
                + (main.netns() != null ? " in network namespace '" + main.netns() + "'" : ""), Failures.EXIT_FAILURE);
    }

    /** The IPv4 and IPv6 addresses by link index, each link's in dump order; other families are left out. */
    static Map<Integer, List<Address>> byLink(List<Address> addresses) {
        Map<Integer, List<Address>> out = new LinkedHashMap<>();
        for (Address a : addresses) {
            if (a.address().isPresent()) {
                out.computeIfAbsent(a.linkIndex(), i -> new ArrayList<>()).add(a);
            }
        }
        return out;
    }
}
