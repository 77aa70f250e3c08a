// SPDX-FileCopyrightText: 2026 The netlink4j Authors
// SPDX-License-Identifier: Apache-2.0
package io.netlink4j.route;

/**
 * A network namespace to put a link in, named by the id of a process living in it
 * (IFLA_NET_NS_PID): any process of the target namespace will do, for example a container's init.
 * The caller's own namespace is {@code ofPid(ProcessHandle.current().pid())}.
 *
 * @param pid the id of a process in the namespace, 1-4194304 (the kernel's limit, 2^22)
 */
public record LinkNamespace(int pid) {
    private static final int PID_MAX = 1 << 22;

    /**
     * The network namespace of process {@code pid}.
     *
     * @param pid the id of a process in the namespace
     * @throws IllegalArgumentException if {@code pid} is not positive or exceeds the kernel's limit (2^22)
     */
    public LinkNamespace {
        if (pid <= 0 || pid > PID_MAX) {
            throw new IllegalArgumentException("pid: " + pid + " (expected: 1-" + PID_MAX + ")");
        }
    }

    /**
     * The network namespace of process {@code pid}, e.g. {@code ofPid(process.pid())}.
     *
     * @param pid the pid
     * @return the network namespace of process {@code pid}
     * @throws IllegalArgumentException if {@code pid} is not positive or exceeds the kernel's limit (2^22)
     */
    public static LinkNamespace ofPid(long pid) {
        if (pid <= 0 || pid > PID_MAX) {
            throw new IllegalArgumentException("pid: " + pid + " (expected: 1-" + PID_MAX + ")");
        }
        return new LinkNamespace((int) pid);
    }

    /** {@return {@code netns of pid N}} */
    @Override
    public String toString() {
        return "netns of pid " + pid;
    }
}
