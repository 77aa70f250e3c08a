// SPDX-FileCopyrightText: 2026 The netlink4j Authors
// SPDX-License-Identifier: Apache-2.0
package io.netlink4j.cli.ipvs;

import io.netlink4j.cli.Run;
import io.netlink4j.route.AddressFlags;
import io.netlink4j.route.AddressSpec;
import io.netlink4j.route.LinkChange;
import io.netlink4j.route.LinkSpec;
import io.netlink4j.route.RouteHandle;
import io.netlink4j.testsupport.Jvm;
import io.netlink4j.testsupport.Netns;

import java.util.ArrayList;
import java.util.List;

/**
 * A fresh network namespace for comparing netlink4j ipvs with the real ipvsadm: loopback up and
 * a dummy interface with 10.1.1.1/24 and 2001:db8:1::1/64 (set up through netlink4j's rtnetlink
 * client), so real servers in those subnets are routable. ipvsadm runs in it through
 * {@code ip netns exec}; netlink4j in-process with --netns.
 */
final class IpvsNamespaces implements AutoCloseable {
    final Netns netns;

    private IpvsNamespaces(Netns netns) {
        this.netns = netns;
    }

    static IpvsNamespaces create() {
        Netns ns = Netns.create("nl4j-cli");
        try (RouteHandle route = RouteHandle.open(ns.path())) {
            route.updateLink(LinkChange.builder("lo").up(true).build());
            route.newLink(LinkSpec.dummy("dummy0"));
            route.updateLink(LinkChange.builder("dummy0").multicast(true).up(true).build());
            route.newAddress("dummy0", AddressSpec.of(InetText.aton("10.1.1.1"), 24));
            route.newAddress("dummy0", AddressSpec.builder(InetText.pton6("2001:db8:1::1"), 64).flags(AddressFlags.NODAD).build());
            return new IpvsNamespaces(ns);
        } catch (RuntimeException e) {
            ns.close();
            throw e;
        }
    }

    String name() {
        return netns.name();
    }

    /** {@code ipvsadm ARGS} in the namespace. */
    Run ipvsadm(String... args) {
        return ipvsadmWithInput("", args);
    }

    Run ipvsadmWithInput(String input, String... args) {
        List<String> command = new ArrayList<>(List.of("ip", "netns", "exec", name(), "ipvsadm"));
        command.addAll(List.of(args));
        return Run.program(input, command);
    }

    /** {@code netlink4j ipvs ARGS --netns NS}, in-process. */
    Run ours(String... args) {
        return oursWithInput("", args);
    }

    Run oursWithInput(String input, String... args) {
        List<String> command = new ArrayList<>(List.of("--netns", name(), "ipvs"));
        command.addAll(List.of(args));
        return Run.netlink4jWithInput(input, command.toArray(String[]::new));
    }

    /**
     * {@code netlink4j --netns NS ipvs ARGS} in a JVM of its own, as a user runs it: without the
     * tests' instrumentation (paranoid leak detection), for timing.
     */
    Run oursInOwnJvm(String input, String... args) {
        List<String> command = Jvm.java();
        command.addAll(List.of("-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1", "-cp", System.getProperty("java.class.path"),
                "io.netlink4j.cli.Main", "--netns", name(), "ipvs"));
        command.addAll(List.of(args));
        return Run.program(input, command);
    }

    /**
     * Runs several ipvsadm command lines, in order, in one shell in the namespace (starting
     * processes is slow in the emulated VM); returns each one's exit code and standard output.
     */
    List<Run> ipvsadmAll(List<List<String>> commands) {
        String marker = "@@netlink4j-test@@";
        StringBuilder script = new StringBuilder();
        for (List<String> command : commands) {
            script.append("ipvsadm");
            for (String arg : command) {
                script.append(" '").append(arg.replace("'", "'\\''")).append('\'');
            }
            script.append(" 2>/dev/null; echo \"").append(marker).append(" $?\"\n");
        }
        Run all = Run.program("", List.of("ip", "netns", "exec", name(), "sh", "-c", script.toString()));
        List<Run> runs = new ArrayList<>();
        StringBuilder out = new StringBuilder();
        for (String line : all.out().split("\n", -1)) {
            if (line.startsWith(marker + " ")) {
                runs.add(new Run(Integer.parseInt(line.substring(marker.length() + 1)), out.toString(), ""));
                out.setLength(0);
            } else {
                out.append(line).append('\n');
            }
        }
        if (runs.size() != commands.size()) {
            throw new AssertionError("ipvsadm script ran " + runs.size() + " of " + commands.size() + " commands: " + all);
        }
        return runs;
    }

    /** Runs ipvsadm and fails unless it succeeds. */
    String ipvsadmOk(String... args) {
        Run r = ipvsadm(args);
        if (r.exitCode() != 0) {
            throw new AssertionError("ipvsadm " + String.join(" ", args) + ": " + r);
        }
        return r.out();
    }

    /** Loads rules with ipvsadm -R and fails unless it succeeds. */
    void restoreWithIpvsadm(String rules) {
        Run r = ipvsadmWithInput(rules, "-R");
        if (r.exitCode() != 0 || !r.err().isEmpty()) {
            throw new AssertionError("ipvsadm -R: " + r);
        }
    }

    @Override
    public void close() {
        netns.close();
    }
}
