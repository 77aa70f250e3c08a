// SPDX-FileCopyrightText: 2026 The netlink4j Authors
// SPDX-License-Identifier: Apache-2.0
package io.netlink4j.cli.route;

import io.netlink4j.cli.Run;
import io.netlink4j.testsupport.Netns;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * A throwaway network namespace for the command line's rtnetlink tests, with iproute2 and
 * netlink4j run in it. Deleted on close.
 */
final class IpNamespace implements AutoCloseable {
    private final Netns netns;

    private IpNamespace(Netns netns) {
        this.netns = netns;
    }

    /** A new namespace named {@code prefix-RANDOM}; skips the test where this process cannot make one. */
    static IpNamespace create(String prefix) {
        assumeTrue(Netns.available(), "needs root and iproute2 to create a network namespace");
        return new IpNamespace(Netns.create(prefix));
    }

    String name() {
        return netns.name();
    }

    Path path() {
        return netns.path();
    }

    /** {@code ip -n NAME ARGS}, which must succeed; returns its standard output. */
    String ip(String... args) {
        List<String> command = new ArrayList<>(List.of("ip", "-n", name()));
        command.addAll(List.of(args));
        return Netns.run(command.toArray(String[]::new));
    }

    /** {@code netlink4j --netns NAME ARGS}, whatever its outcome. */
    Run netlink4j(String... args) {
        return Run.netlink4j(Run.concat(List.of("--netns", name()), args));
    }

    /** {@code netlink4j --netns NAME ARGS}, which must succeed with nothing on standard error. */
    Run netlink4jOk(String... args) {
        Run run = netlink4j(args);
        assertEquals(0, run.exitCode(), run::toString);
        assertEquals("", run.err(), run::toString);
        return run;
    }

    /**
     * lo up; veth pairs v0-v1 and v2-v3 with v0, v1 and v2 up (v3 down, so v2 has no carrier:
     * its routes are {@code linkdown}); 10.0.0.1/24 and 2001:db8::1/64 on v0, 10.8.0.1/24 and
     * 2001:db8:8::1/64 on v2, the IPv6 addresses without duplicate address detection.
     */
    IpNamespace withTwoVethPairs() {
        ip("link", "set", "lo", "up");
        ip("link", "add", "v0", "type", "veth", "peer", "name", "v1");
        ip("link", "add", "v2", "type", "veth", "peer", "name", "v3");
        for (String link : List.of("v0", "v1", "v2")) {
            ip("link", "set", link, "up");
        }
        ip("addr", "add", "10.0.0.1/24", "dev", "v0");
        ip("addr", "add", "10.8.0.1/24", "dev", "v2");
        ip("addr", "add", "2001:db8::1/64", "dev", "v0", "nodad");
        ip("addr", "add", "2001:db8:8::1/64", "dev", "v2", "nodad");
        return this;
    }

    @Override
    public void close() {
        netns.close();
    }
}
