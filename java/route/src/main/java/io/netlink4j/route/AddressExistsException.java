// SPDX-FileCopyrightText: 2026 The netlink4j Authors
// SPDX-License-Identifier: Apache-2.0
package io.netlink4j.route;

import io.netlink4j.NetlinkErrnoException;

/** The link has the address already (EEXIST on RTM_NEWADDR). */
public class AddressExistsException extends RouteException {
    private static final long serialVersionUID = 1L;

    /**
     * An exception with {@code message} and the errno, operation and extended ACK of {@code cause}.
     *
     * @param message what was refused, naming the link or address
     * @param cause   the kernel's refusal
     */
    public AddressExistsException(String message, NetlinkErrnoException cause) {
        super(message, cause);
    }
}
