// SPDX-FileCopyrightText: 2026 The netlink4j Authors
// SPDX-License-Identifier: Apache-2.0
package io.netlink4j.cli.route;

import io.netlink4j.cli.Main;
import io.netlink4j.route.Address;
import io.netlink4j.route.Link;
import io.netlink4j.route.RouteHandle;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.util.List;
import java.util.Map;

/** {@code netlink4j addr list [DEV]}: the IPv4 and IPv6 addresses of a namespace, as {@code ip addr show} shows them. */
@Command(name = "addr", aliases = "address", mixinStandardHelpOptions = true, versionProvider = Main.Version.class,
        description = "Show the IPv4 and IPv6 addresses of a network namespace.")
public final class AddrCli {
    private final Main main;

    public AddrCli(Main main) {
        this.main = main;
    }

    @Command(name = "list", aliases = "show", mixinStandardHelpOptions = true, versionProvider = Main.Version.class,
            description = {"List every link with its addresses as 'ip addr show' does.",
                    "With DEV, only that link; a missing one is an error (exit status 1)."})
    int list(@Parameters(arity = "0..1", paramLabel = "DEV", description = "A link's name or alternative name.") String device,
             @Option(names = "--json", description = "Print JSON: the members of 'ip -j addr show'.") boolean json) {
        List<Link> links;
        List<Address> addresses;
        try (RouteHandle route = Routes.open(main)) {
            links = route.getLinks();
            addresses = route.getAddresses();
        }
        LinkTable table = new LinkTable(links);
        List<Link> shown = device == null ? links : List.of(Routes.find(main, links, device));
        Map<Integer, List<Address>> byLink = Routes.byLink(addresses);
        main.io().out().print(json ? RouteJson.addresses(shown, byLink, table) : RouteText.addresses(shown, byLink, table));
        return 0;
    }
}
