// SPDX-FileCopyrightText: 2026 The netlink4j Authors
// SPDX-License-Identifier: Apache-2.0
package io.netlink4j.cli.demo;

import io.netlink4j.cli.CliException;
import io.netlink4j.cli.Failures;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

/**
 * The demo's own network namespace, made with iproute2: loopback up and a dummy interface with
 * 10.1.1.1/24, so that the demo's real servers (10.1.1.x) are routable. Deleted on close.
 */
final class DemoNamespace implements AutoCloseable {
    static final String INTERFACE_ADDRESS = "10.1.1.1/24";

    private final String name;

    private DemoNamespace(String name) {
        this.name = name;
    }

    /**
     * Creates the namespace.
     *
     * @throws CliException with iproute2's message when it cannot (no root, no iproute2)
     */
    static DemoNamespace create() {
        String name = "netlink4j-demo-" + UUID.randomUUID().toString().substring(0, 8);
        ip("netns", "add", name);
        DemoNamespace ns = new DemoNamespace(name);
        try {
            ip("-n", name, "link", "set", "lo", "up");
            ip("-n", name, "link", "add", "dummy0", "type", "dummy");
            ip("-n", name, "addr", "add", INTERFACE_ADDRESS, "dev", "dummy0");
            ip("-n", name, "link", "set", "dummy0", "up");
            return ns;
        } catch (RuntimeException e) {
            ns.close();
            throw e;
        }
    }

    String name() {
        return name;
    }

    Path path() {
        return Path.of("/var/run/netns", name);
    }

    @Override
    public void close() {
        ip("netns", "del", name);
    }

    private static void ip(String... args) {
        List<String> command = new ArrayList<>(List.of("ip"));
        command.addAll(List.of(args));
        String line = String.join(" ", command);
        try {
            Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
            p.getOutputStream().close();
            String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
            if (!p.waitFor(30, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                throw new CliException("'" + line + "' did not finish", Failures.EXIT_FAILURE);
            }
            if (p.exitValue() != 0) {
                throw new CliException("'" + line + "' failed: " + output, Failures.EXIT_FAILURE);
            }
        } catch (IOException e) {
            throw new CliException("cannot run '" + line + "' (is iproute2 installed?): " + e.getMessage(), Failures.EXIT_FAILURE);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CliException("interrupted while running '" + line + "'", Failures.EXIT_FAILURE);
        }
    }
}
