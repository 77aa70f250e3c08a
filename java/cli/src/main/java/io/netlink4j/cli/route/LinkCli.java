// SPDX-FileCopyrightText: 2026 The netlink4j Authors
// SPDX-License-Identifier: Apache-2.0
package io.netlink4j.cli.route;

import io.netlink4j.cli.Main;
import io.netlink4j.route.Link;
import io.netlink4j.route.RouteHandle;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.util.List;

/** {@code netlink4j link list [NAME]}: the network interfaces of a namespace, as {@code ip link show} shows them. */
@Command(name = "link", mixinStandardHelpOptions = true, versionProvider = Main.Version.class,
        description = "Show the links (network interfaces) of a network namespace.")
public final class LinkCli {
    private final Main main;

    public LinkCli(Main main) {
        this.main = main;
    }

    @Command(name = "list", aliases = "show", mixinStandardHelpOptions = true, versionProvider = Main.Version.class,
            description = {"List the links as 'ip link show' does, with the kind of each virtual link.",
                    "With NAME, only that link; a missing one is an error (exit status 1)."})
    int list(@Parameters(arity = "0..1", paramLabel = "NAME", description = "A link's name or alternative name.") String name,
             @Option(names = "--json", description = "Print JSON: the members of 'ip -j link show', and linkinfo as -d adds it.") boolean json) {
        List<Link> links;
        try (RouteHandle route = Routes.open(main)) {
            links = route.getLinks();
        }
        LinkTable table = new LinkTable(links);
        List<Link> shown = name == null ? links : List.of(Routes.find(main, links, name));
        main.io().out().print(json ? RouteJson.links(shown, table) : RouteText.links(shown, table));
        return 0;
    }
}
