// SPDX-FileCopyrightText: 2026 The netlink4j Authors
// SPDX-License-Identifier: Apache-2.0
package io.netlink4j.route;

import io.netlink4j.NetlinkErrnoException;

/** The route already exists (EEXIST on RTM_NEWROUTE without NLM_F_REPLACE). */
public class RouteExistsException extends RouteException {
    private static final long serialVersionUID = 1L;

    /**
     * An exception with {@code message} and the errno, operation and extended ACK of {@code cause}.
     *
     * @param message what was refused, naming the route
     * @param cause   the kernel's refusal
     */
    public RouteExistsException(String message, NetlinkErrnoException cause) {
        super(message, cause);
    }
}
