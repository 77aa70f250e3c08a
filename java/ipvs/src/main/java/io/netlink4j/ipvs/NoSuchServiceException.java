// SPDX-FileCopyrightText: 2026 The netlink4j Authors
// SPDX-License-Identifier: Apache-2.0
package io.netlink4j.ipvs;

import io.netlink4j.NetlinkErrnoException;

/** The service does not exist (ESRCH): on updating, deleting, reading or zeroing it, or on changing its destinations. */
public class NoSuchServiceException extends IpvsException {
    private static final long serialVersionUID = 1L;

    /**
     * An exception carrying the errno, operation and extended ACK of {@code cause}, the kernel's
     * answer; its message as {@link IpvsException#IpvsException(String, NetlinkErrnoException)} makes it.
     *
     * @param message what was refused, e.g. {@code "no such service TCP 10.0.0.1:80"}
     * @param cause   the kernel's refusal
     */
    public NoSuchServiceException(String message, NetlinkErrnoException cause) {
        super(message, cause);
    }
}
