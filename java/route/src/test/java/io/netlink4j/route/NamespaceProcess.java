// SPDX-FileCopyrightText: 2026 The netlink4j Authors
// SPDX-License-Identifier: Apache-2.0
package io.netlink4j.route;

import io.netlink4j.testsupport.Netns;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/** A sleeping process inside a namespace, whose pid names that namespace (IFLA_NET_NS_PID). */
final class NamespaceProcess implements AutoCloseable {
    private final Process process;

    private NamespaceProcess(Process process) {
        this.process = process;
    }

    /** Starts {@code sleep} in {@code ns} and waits until it has entered the namespace. */
    static NamespaceProcess start(Netns ns) throws IOException, InterruptedException {
        Process p = new ProcessBuilder("ip", "netns", "exec", ns.name(), "sleep", "300").redirectErrorStream(true).start();
        NamespaceProcess holder = new NamespaceProcess(p);
        Object target = Files.getAttribute(ns.path(), "unix:ino");
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (System.nanoTime() < deadline) {
            try {
                if (target.equals(Files.getAttribute(Path.of("/proc", Long.toString(p.pid()), "ns", "net"), "unix:ino"))) {
                    return holder;
                }
            } catch (IOException e) {
                // not there yet
            }
            Thread.sleep(10);
        }
        holder.close();
        throw new IllegalStateException("process " + p.pid() + " did not enter namespace " + ns.name());
    }

    long pid() {
        return process.pid();
    }

    @Override
    public void close() {
        process.destroyForcibly();
        try {
            process.waitFor(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
