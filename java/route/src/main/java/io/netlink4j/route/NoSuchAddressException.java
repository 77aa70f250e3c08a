// SPDX-FileCopyrightText: 2026 The netlink4j Authors
// SPDX-License-Identifier: Apache-2.0
package io.netlink4j.route;

import io.netlink4j.NetlinkErrnoException;

/** The link does not have the address (EADDRNOTAVAIL on RTM_DELADDR). */
public class NoSuchAddressException extends RouteException {
    private static final long serialVersionUID = 1L;

    /**
     * An exception with {@code message} and the errno, operation and extended ACK of {@code cause}.
     *
     * @param message what was refused, naming the link or address
     * @param cause   the kernel's refusal
     */
    public NoSuchAddressException(String message, NetlinkErrnoException cause) {
        super(message, cause);
    }
}
