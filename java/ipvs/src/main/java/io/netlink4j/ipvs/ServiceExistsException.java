// SPDX-FileCopyrightText: 2026 The netlink4j Authors
// SPDX-License-Identifier: Apache-2.0
package io.netlink4j.ipvs;

import io.netlink4j.NetlinkErrnoException;

/** The service to create already exists (EEXIST on IPVS_CMD_NEW_SERVICE). */
public class ServiceExistsException extends IpvsException {
    private static final long serialVersionUID = 1L;

    /**
     * An exception carrying the errno, operation and extended ACK of {@code cause}, the kernel's
     * answer; its message as {@link IpvsException#IpvsException(String, NetlinkErrnoException)} makes it.
     *
     * @param message what was refused, e.g. {@code "service TCP 10.0.0.1:80 already exists"}
     * @param cause   the kernel's refusal
     */
    public ServiceExistsException(String message, NetlinkErrnoException cause) {
        super(message, cause);
    }
}
