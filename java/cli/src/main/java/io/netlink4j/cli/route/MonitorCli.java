// SPDX-FileCopyrightText: 2026 The netlink4j Authors
// SPDX-License-Identifier: Apache-2.0
package io.netlink4j.cli.route;

import io.netlink4j.cli.CliException;
import io.netlink4j.cli.Failures;
import io.netlink4j.cli.Main;
import io.netlink4j.route.RouteGroup;
import io.netlink4j.route.RouteHandle;
import io.netlink4j.route.RouteMonitor;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * {@code netlink4j monitor [link|address|route|all]}: link, address and route changes of a
 * namespace as they happen, a line each (a multipath route's next hops on lines of their own), like
 * {@code ip monitor link address route}. The monitor is subscribed before the
 * links and addresses are read, so no change is missed in between; it polls on this thread, so a
 * failure ends the command with its message. Stops on Ctrl-C, when standard output closes, or
 * after {@code --count} events.
 */
@Command(name = "monitor", mixinStandardHelpOptions = true, versionProvider = Main.Version.class,
        description = {"Print link, address and route changes as they happen, a line each (like 'ip monitor link address route');"
                + " a route as 'ip monitor route' prints it, after 'route added', 'route replaced' or 'route deleted'.",
                "Runs until interrupted or until standard output closes, or until --count events were printed.",
                "When events were lost (a full receive buffer), says so, reads the links and addresses again, and goes on."})
public final class MonitorCli implements Callable<Integer> {
    private static final String COMMAND = "netlink4j monitor";
    /** How long one poll waits before the loop looks for a stop request. */
    private static final Duration POLL_INTERVAL = Duration.ofMillis(100);
    /** How long Ctrl-C lets the loop finish the line it is printing. */
    private static final Duration STOP_GRACE = Duration.ofSeconds(2);

    @Parameters(arity = "0..1", paramLabel = "link|address|route|all", defaultValue = "all",
            description = "What to watch: links, addresses, routes, or all of them (the default).")
    String objects;

    @Option(names = "--json", description = "Print each event as a JSON object on a line of its own.")
    boolean json;

    @Option(names = "--count", paramLabel = "N", description = "Exit after printing N events.")
    Integer count;

    private final Main main;

    public MonitorCli(Main main) {
        this.main = main;
    }

    @Override
    public Integer call() {
        if (!List.of("link", "address", "route", "all").contains(objects)) {
            throw new CliException("unknown object '" + objects + "' (expected: link, address, route or all)", Failures.EXIT_USAGE, COMMAND);
        }
        boolean all = objects.equals("all");
        boolean links = all || objects.equals("link");
        boolean addresses = all || objects.equals("address");
        boolean routes = all || objects.equals("route");
        if (count != null && count < 1) {
            throw new CliException("--count " + count + ": expected a number of events of at least 1", Failures.EXIT_USAGE, COMMAND);
        }
        // Link events name the devices of address and route events, so the monitor always listens to them.
        List<RouteGroup> groups = new ArrayList<>(List.of(RouteGroup.LINK));
        if (addresses) {
            groups.addAll(List.of(RouteGroup.IPV4_ADDRESS, RouteGroup.IPV6_ADDRESS));
        }
        if (routes) {
            groups.addAll(List.of(RouteGroup.IPV4_ROUTE, RouteGroup.IPV6_ROUTE));
        }
        try (RouteHandle route = Routes.open(main); RouteMonitor monitor = route.monitor(groups.toArray(RouteGroup[]::new))) {
            EventPrinter printer = new EventPrinter(route, links, addresses, routes, json, count == null ? 0 : count, main.io().out());
            printer.resync();
            watch(monitor, printer);
        }
        return 0;
    }

    /** Polls until the printer stops, or Ctrl-C (a shutdown hook) stops it. */
    private static void watch(RouteMonitor monitor, EventPrinter printer) {
        CountDownLatch finished = new CountDownLatch(1);
        Thread onInterrupt = new Thread(() -> {
            printer.stop();
            try {
                finished.await(STOP_GRACE.toMillis(), TimeUnit.MILLISECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, "netlink4j-monitor-stop");
        Runtime.getRuntime().addShutdownHook(onInterrupt);
        try {
            while (!printer.isStopped()) {
                monitor.poll(POLL_INTERVAL, printer);
            }
        } finally {
            finished.countDown();
            try {
                Runtime.getRuntime().removeShutdownHook(onInterrupt);
            } catch (IllegalStateException e) {
                // The JVM is shutting down (Ctrl-C): the hook is what stopped the loop.
            }
        }
    }
}
