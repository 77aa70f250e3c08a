// SPDX-FileCopyrightText: 2026 The netlink4j Authors
// SPDX-License-Identifier: Apache-2.0
package io.netlink4j.cli.route;

import io.netlink4j.AddressFamily;
import io.netlink4j.cli.CliException;
import io.netlink4j.cli.Failures;
import io.netlink4j.cli.Main;
import io.netlink4j.cli.json.JsonWriter;
import io.netlink4j.route.Link;
import io.netlink4j.route.RouteHandle;
import io.netlink4j.route.RouteSpec;
import io.netlink4j.route.RouteTables;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.io.PrintWriter;
import java.util.List;

/**
 * {@code netlink4j route list|add|del|replace|change}: the routes of a namespace, as {@code ip route show}
 * shows them, and changed with {@code ip route}'s words.
 */
@Command(name = "route", mixinStandardHelpOptions = true, versionProvider = Main.Version.class,
        description = "Show and change the IPv4 and IPv6 routes of a network namespace.")
public final class RouteCli {
    private final Main main;

    public RouteCli(Main main) {
        this.main = main;
    }

    @Command(name = "list", aliases = "show", mixinStandardHelpOptions = true, versionProvider = Main.Version.class,
            description = {"List the routes of one table as 'ip route show' does: IPv4 unless -6, the main table unless told;",
                    "'table all' without -4 or -6 lists both IPv4 and IPv6 routes, as ip does.",
                    "Routes are printed as the kernel lists them, while they are read."})
    int list(@Option(names = "-4", description = "IPv4 routes (the default).") boolean ipv4,
             @Option(names = "-6", description = "IPv6 routes.") boolean ipv6,
             @Parameters(arity = "0..2", paramLabel = "table TABLE",
                     description = "The table: main (the default), local, default, all, or a number.") List<String> words,
             @Option(names = "--json", description = "Print JSON: the array 'ip -j route show' prints.") boolean json) {
        if (ipv4 && ipv6) {
            throw new CliException("-4 and -6 together (expected: one of them)", Failures.EXIT_USAGE);
        }
        int table = table(words);
        // As ip: IPv4 unless told, except that "table all" without -4 or -6 lists IPv6 too.
        List<AddressFamily> families = ipv6 ? List.of(AddressFamily.INET6) : ipv4 || table != RouteTables.UNSPEC
                ? List.of(AddressFamily.INET) : List.of(AddressFamily.INET, AddressFamily.INET6);
        PrintWriter out = main.io().out();
        try (RouteHandle route = Routes.open(main)) {
            LinkTable links = new LinkTable(route.getLinks());
            boolean showTable = table == RouteTables.UNSPEC;
            boolean[] first = {true};
            if (json) {
                out.print('[');
            }
            for (AddressFamily family : families) {
                route.forEachRoute(family, table, r -> {
                    if (json) {
                        StringBuilder sb = new StringBuilder();
                        if (!first[0]) {
                            sb.append(',');
                        }
                        RoutePrinter.json(JsonWriter.compact(sb), r, links, showTable);
                        out.print(sb.toString().stripTrailing()); // one line, as ip -j prints it
                    } else {
                        out.print(RoutePrinter.text(r, links, showTable));
                    }
                    first[0] = false;
                });
            }
            if (json) {
                out.print("]\n");
            }
        }
        return 0;
    }

    /** How a change command's words are described in its help. */
    private static final String ROUTE_SYNTAX = "ROUTE: [TYPE] PREFIX|default [via [inet|inet6] ADDR] [dev NAME] [src ADDR]"
            + " [metric N] [table main|local|default|N] [proto NAME|N] [scope NAME|N] [tos N] [mtu N] [pref low|medium|high]"
            + " [onlink] [nexthop via ADDR dev NAME [weight N] [onlink] ...]";
    private static final String ROUTE_FAMILY = "The family is -4's or -6's, else the prefix's, else the gateway's, else IPv4, as ip chooses it.";
    private static final String ROUTE_EXIT = "Exit status 2 for a bad word (named, with what is allowed), 1 if the kernel refuses"
            + " or a device does not exist.";

    @Command(name = "add", mixinStandardHelpOptions = true, versionProvider = Main.Version.class,
            description = {"Add a route as 'ip route add' does, with its words; a route to the same prefix (and type of service"
                    + " and metric) in the table is an error.", ROUTE_SYNTAX, ROUTE_FAMILY, ROUTE_EXIT})
    int add(@Option(names = "-4", description = "An IPv4 route.") boolean ipv4,
            @Option(names = "-6", description = "An IPv6 route.") boolean ipv6,
            @Parameters(arity = "1..*", paramLabel = "ROUTE", description = "The route, in ip route's words (see above).") List<String> words) {
        return change("add", ipv4, ipv6, words);
    }

    @Command(name = "del", aliases = "delete", mixinStandardHelpOptions = true, versionProvider = Main.Version.class,
            description = {"Delete the first route that matches, as 'ip route del' does: what the words set must match, what they"
                    + " leave out (the type too) matches any route.", ROUTE_SYNTAX, ROUTE_FAMILY,
                    ROUTE_EXIT})
    int del(@Option(names = "-4", description = "An IPv4 route.") boolean ipv4,
            @Option(names = "-6", description = "An IPv6 route.") boolean ipv6,
            @Parameters(arity = "1..*", paramLabel = "ROUTE", description = "The route, in ip route's words (see above).") List<String> words) {
        return change("del", ipv4, ipv6, words);
    }

    @Command(name = "replace", mixinStandardHelpOptions = true, versionProvider = Main.Version.class,
            description = {"Replace the route to the same prefix (and type of service and metric) in the table, or add it if there"
                    + " is none, in one request, as 'ip route replace' does.", ROUTE_SYNTAX,
                    ROUTE_FAMILY, ROUTE_EXIT})
    int replace(@Option(names = "-4", description = "An IPv4 route.") boolean ipv4,
                @Option(names = "-6", description = "An IPv6 route.") boolean ipv6,
                @Parameters(arity = "1..*", paramLabel = "ROUTE", description = "The route, in ip route's words (see above).") List<String> words) {
        return change("replace", ipv4, ipv6, words);
    }

    @Command(name = "change", mixinStandardHelpOptions = true, versionProvider = Main.Version.class,
            description = {"Replace the route to the same prefix (and type of service and metric) in the table, as 'ip route change'"
                    + " does; there being none is an error.", ROUTE_SYNTAX, ROUTE_FAMILY, ROUTE_EXIT})
    int change(@Option(names = "-4", description = "An IPv4 route.") boolean ipv4,
               @Option(names = "-6", description = "An IPv6 route.") boolean ipv6,
               @Parameters(arity = "1..*", paramLabel = "ROUTE", description = "The route, in ip route's words (see above).") List<String> words) {
        return change("change", ipv4, ipv6, words);
    }

    /** Reads the words of {@code route VERB}, resolves its devices with one listing of the links, and sends it. */
    private int change(String verb, boolean ipv4, boolean ipv6, List<String> words) {
        String help = "netlink4j route " + verb;
        if (ipv4 && ipv6) {
            throw new CliException("-4 and -6 together (expected: one of them)", Failures.EXIT_USAGE, help);
        }
        RouteArgs args = RouteArgs.parse(help, words);
        AddressFamily forced = ipv4 ? AddressFamily.INET : ipv6 ? AddressFamily.INET6 : null;
        try (RouteHandle route = Routes.open(main)) {
            List<Link> links = args.devices().isEmpty() ? List.of() : route.getLinks();
            RouteSpec spec = args.spec(forced, verb.equals("del"), name -> Routes.find(main, links, name).index());
            switch (verb) {
                case "add" -> route.newRoute(spec);
                case "del" -> route.delRoute(spec);
                case "change" -> route.updateRoute(spec);
                default -> route.replaceRoute(spec);
            }
        }
        return 0;
    }

    /** The table {@code table TABLE} names, as {@code ip route show} takes it; the main table without. */
    static int table(List<String> words) {
        if (words == null || words.isEmpty()) {
            return RouteTables.MAIN;
        }
        if (words.size() != 2 || !words.get(0).equals("table")) {
            throw new CliException("arguments: " + String.join(" ", words) + " (expected: table TABLE)", Failures.EXIT_USAGE);
        }
        String name = words.get(1);
        return switch (name) {
            case "all", "unspec" -> RouteTables.UNSPEC;
            case "main" -> RouteTables.MAIN;
            case "local" -> RouteTables.LOCAL;
            case "default" -> RouteTables.DEFAULT;
            default -> {
                try {
                    yield Integer.parseUnsignedInt(name);
                } catch (NumberFormatException e) {
                    throw new CliException("table: '" + name + "' (expected: main, local, default, all, or a number 0-4294967295)",
                            Failures.EXIT_USAGE);
                }
            }
        };
    }
}
