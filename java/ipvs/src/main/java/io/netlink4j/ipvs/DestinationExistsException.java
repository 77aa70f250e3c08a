// SPDX-FileCopyrightText: 2026 The netlink4j Authors
// SPDX-License-Identifier: Apache-2.0
package io.netlink4j.ipvs;

import io.netlink4j.NetlinkErrnoException;

/** The destination to add is already in the service (EEXIST on IPVS_CMD_NEW_DEST). */
public class DestinationExistsException extends IpvsException {
    private static final long serialVersionUID = 1L;

    /**
     * An exception carrying the errno, operation and extended ACK of {@code cause}, the kernel's
     * answer; its message as {@link IpvsException#IpvsException(String, NetlinkErrnoException)} makes it.
     *
     * @param message what was refused, e.g. {@code "destination 10.1.1.2:80 already exists in service TCP 10.0.0.1:80"}
     * @param cause   the kernel's refusal
     */
    public DestinationExistsException(String message, NetlinkErrnoException cause) {
        super(message, cause);
    }
}
