// SPDX-FileCopyrightText: 2026 The netlink4j Authors
// SPDX-License-Identifier: Apache-2.0
package io.netlink4j.route;

/**
 * A network namespace to put a link in, named by the id of a process living in it
 * (IFLA_NET_NS_PID): any process of the target namespace will do, for example a container's init.
 * The caller's own namespace is {@code ofPid(ProcessHandle.current().pid())}.
 */
public final class LinkNamespace {
    private final int pid;

    private LinkNamespace(int pid) {
        this.pid = pid;
    }

    /**
     * The network namespace of process {@code pid}.
     *
     * @throws IllegalArgumentException if {@code pid} is not positive or exceeds the kernel's limit (2^22)
     */
    public static LinkNamespace ofPid(long pid) {
        if (pid <= 0 || pid > (1 << 22)) {
            throw new IllegalArgumentException("pid: " + pid + " (expected: 1-" + (1 << 22) + ")");
        }
        return new LinkNamespace((int) pid);
    }

    public int pid() {
        return pid;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof LinkNamespace n && n.pid == pid;
    }

    @Override
    public int hashCode() {
        return pid;
    }

    @Override
    public String toString() {
        return "netns of pid " + pid;
    }
}
