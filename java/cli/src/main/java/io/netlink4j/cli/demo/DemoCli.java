// SPDX-FileCopyrightText: 2026 The netlink4j Authors
// SPDX-License-Identifier: Apache-2.0
package io.netlink4j.cli.demo;

import io.netlink4j.cli.CliException;
import io.netlink4j.cli.Failures;
import io.netlink4j.cli.Main;
import io.netlink4j.cli.Namespaces;
import io.netlink4j.cli.ipvs.IpvsCli;
import io.netlink4j.ipvs.IpvsHandle;
import picocli.CommandLine.Command;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.Callable;

/**
 * {@code netlink4j demo}: builds a small load balancer (services, real servers with weights, a
 * tunnel, persistence), lists it, changes it and tears it down, showing each step as the
 * {@code netlink4j ipvs} command that does it. Runs in a network namespace of its own, so the
 * host's IPVS table is never touched; without one (no root or no iproute2) it uses the current
 * namespace only if its table is empty.
 */
@Command(name = "demo", mixinStandardHelpOptions = true, versionProvider = Main.Version.class, description = {"Build, list, change and tear down a small IPVS load balancer, showing each step.",
        "Needs root and a kernel with IPVS; anywhere else: netlink4j --sandbox demo"})
public final class DemoCli implements Callable<Integer> {
    /** The demo: comments ("# ...") are printed, the other lines run as netlink4j ipvs arguments. */
    static final List<String> SCRIPT = List.of(
            "# A web service: weighted round robin over three real servers behind NAT.",
            "-A -t 10.0.0.1:80 -s wrr",
            "-a -t 10.0.0.1:80 -r 10.1.1.11:8080 -m -w 3",
            "-a -t 10.0.0.1:80 -r 10.1.1.12:8080 -m -w 2",
            "-a -t 10.0.0.1:80 -r 10.1.1.13:8080 -m -w 1",
            "# HTTPS with persistence: each client /24 sticks to one server for 10 minutes;"
                    + " the servers are reached through IPIP and GUE tunnels.",
            "-A -t 10.0.0.1:443 -s wlc -p 600 -M 255.255.255.0",
            "-a -t 10.0.0.1:443 -r 10.1.1.21 -i -w 5",
            "-a -t 10.0.0.1:443 -r 10.1.1.22 -i --tun-type gue --tun-port 6080 --tun-csum -w 5",
            "# DNS over UDP: one-packet scheduling and direct routing.",
            "-A -u 10.0.0.1:53 -s rr -o",
            "-a -u 10.0.0.1:53 -r 10.1.1.31 -g",
            "-a -u 10.0.0.1:53 -r 10.1.1.32 -g",
            "# The table, as ipvsadm -Ln shows it, and with the tunnels' details:",
            "-Ln",
            "-Ln --tun-info",
            "# Changes: drain one web server, weigh another up, switch the web scheduler, drop a DNS server.",
            "-e -t 10.0.0.1:80 -r 10.1.1.11:8080 -m -w 0",
            "-e -t 10.0.0.1:80 -r 10.1.1.13:8080 -m -w 4",
            "-E -t 10.0.0.1:80 -s wlc",
            "-d -u 10.0.0.1:53 -r 10.1.1.32",
            "-Ln",
            "# The same table as rules, which 'netlink4j ipvs -R' (or ipvsadm -R) reads back:",
            "-S -n",
            "# Tear it down.",
            "-C",
            "-Ln");

    private final Main main;

    public DemoCli(Main main) {
        this.main = main;
    }

    @Override
    public Integer call() {
        PrintWriter out = main.io().out();
        Path netns = Namespaces.resolve(main.netns());
        if (netns != null) {
            out.println("# Using network namespace " + netns + ".");
            play(netns, out);
            return 0;
        }
        // Fails with the way to get IPVS (modprobe, or --sandbox) where the kernel has none.
        IpvsHandle.open().close();
        DemoNamespace ns;
        try {
            ns = DemoNamespace.create();
        } catch (CliException e) {
            useCurrentNamespace(e, out);
            play(null, out);
            return 0;
        }
        try (ns) {
            out.println("# Created network namespace " + ns.name() + " with dummy0 " + DemoNamespace.INTERFACE_ADDRESS
                    + " (ip netns add); the host's IPVS table is not touched.");
            out.flush();
            play(ns.path(), out);
            out.println();
            out.println("# Deleted network namespace " + ns.name() + ".");
        }
        return 0;
    }

    /** Without a namespace of its own the demo may use this one, but only if its table is empty. */
    private static void useCurrentNamespace(CliException why, PrintWriter out) {
        try (IpvsHandle ipvs = IpvsHandle.open()) {
            if (!ipvs.getServices().isEmpty()) {
                throw new CliException("cannot create a network namespace for the demo (" + why.getMessage()
                        + "), and this namespace's IPVS table is in use: run as root with iproute2, or add --sandbox",
                        Failures.EXIT_FAILURE);
            }
        }
        out.println("# Cannot create a network namespace (" + why.getMessage() + "): using this one, whose IPVS table is empty.");
    }

    private static void play(Path netns, PrintWriter out) {
        try (IpvsHandle ipvs = IpvsHandle.open(Namespaces.in(IpvsHandle.defaultOptions(), netns).build())) {
            for (String step : SCRIPT) {
                if (step.startsWith("#")) {
                    out.println();
                    out.println(step);
                    continue;
                }
                out.println("$ netlink4j ipvs " + step);
                out.flush();
                IpvsCli.run(ipvs, Arrays.asList(step.split(" ")), out);
            }
        }
        out.flush();
    }
}
