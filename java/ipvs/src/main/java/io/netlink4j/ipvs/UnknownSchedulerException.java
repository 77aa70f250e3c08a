// SPDX-FileCopyrightText: 2026 The netlink4j Authors
// SPDX-License-Identifier: Apache-2.0
package io.netlink4j.ipvs;

import io.netlink4j.NetlinkErrnoException;

import java.util.Objects;

/**
 * The kernel has no scheduler or persistence engine of the service's name (ENOENT on
 * IPVS_CMD_NEW_SERVICE or IPVS_CMD_SET_SERVICE): the name is wrong, or its kernel module,
 * {@link #module()}, is not available.
 */
public class UnknownSchedulerException extends IpvsException {
    private static final long serialVersionUID = 1L;
    private final String module;

    /**
     * An exception carrying the errno, operation and extended ACK of {@code cause}, the kernel's
     * answer; its message as {@link IpvsException#IpvsException(String, NetlinkErrnoException)} makes it.
     *
     * @param message what was refused, e.g. {@code "unknown scheduler 'nosuch' for service TCP 10.0.0.1:80 (...)"}
     * @param module  the kernel module that would provide the scheduler or engine, e.g. {@code ip_vs_wrr}
     * @param cause   the kernel's refusal
     */
    public UnknownSchedulerException(String message, String module, NetlinkErrnoException cause) {
        super(message, cause);
        this.module = Objects.requireNonNull(module, "module");
    }

    /** The kernel module that would provide the scheduler or persistence engine, e.g. {@code ip_vs_wrr} or {@code ip_vs_pe_sip}. */
    public String module() {
        return module;
    }
}
