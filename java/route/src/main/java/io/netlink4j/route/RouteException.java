// SPDX-FileCopyrightText: 2026 The netlink4j Authors
// SPDX-License-Identifier: Apache-2.0
package io.netlink4j.route;

import io.netlink4j.NetlinkErrnoException;

import java.util.Objects;

/**
 * The kernel refused a link, address or route request. The message names the link, address or route, followed
 * by the errno and the kernel's extended-ACK text; {@link #errno()}, {@link #operation()} and
 * {@link #extendedAck()} keep them (match on those and on the type, not on the message).
 *
 * <p>Subclasses stand for the conditions callers branch on: {@link LinkExistsException},
 * {@link NoSuchLinkException}, {@link UnknownLinkKindException}, {@link AddressExistsException},
 * {@link NoSuchAddressException}, {@link RouteExistsException} and {@link NoSuchRouteException}. Every other refusal (a missing permission, an MTU out of
 * range, ...) is a plain {@code RouteException}; read {@link #errno()} to tell them apart.
 */
public class RouteException extends NetlinkErrnoException {
    private static final long serialVersionUID = 1L;

    /**
     * An exception with {@code message}, followed by the errno and extended-ACK text of
     * {@code cause}, whose errno, operation and extended ACK it keeps, and which is its cause.
     *
     * @param message what was refused, naming the link, address or route
     * @param cause   the kernel's refusal
     * @throws NullPointerException if {@code message} or {@code cause} is null
     */
    public RouteException(String message, NetlinkErrnoException cause) {
        super(Objects.requireNonNull(message, "message"), Objects.requireNonNull(cause, "cause"));
    }
}
