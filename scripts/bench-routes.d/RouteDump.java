// SPDX-FileCopyrightText: 2026 The netlink4j Authors
// SPDX-License-Identifier: Apache-2.0
// The netlink4j side of scripts/bench-routes: dumps the IPv4 main table of a namespace once,
// as a typed list (getRoutes) or streamed (forEachRoute), and prints the number of routes and
// the time the dump took in the JVM (the script measures the whole process too).
//
//   java -cp netlink4j-cli-VERSION-all.jar RouteDump.java list|stream NETNS_PATH

import io.netlink4j.AddressFamily;
import io.netlink4j.route.Route;
import io.netlink4j.route.RouteHandle;
import io.netlink4j.route.RouteTables;

import java.nio.file.Path;
import java.util.List;

public final class RouteDump {
    public static void main(String[] args) {
        if (args.length != 2 || !(args[0].equals("list") || args[0].equals("stream"))) {
            System.err.println("usage: RouteDump list|stream NETNS_PATH");
            System.exit(2);
        }
        try (RouteHandle route = RouteHandle.open(Path.of(args[1]))) {
            long start = System.nanoTime();
            long count;
            if (args[0].equals("list")) {
                List<Route> routes = route.getRoutes(AddressFamily.INET);
                count = routes.size();
            } else {
                long[] n = {0};
                route.forEachRoute(AddressFamily.INET, RouteTables.MAIN, r -> n[0]++);
                count = n[0];
            }
            long ms = (System.nanoTime() - start) / 1_000_000;
            System.out.println(args[0] + " routes=" + count + " dump_ms=" + ms);
        }
    }
}
