// SPDX-FileCopyrightText: 2026 The netlink4j Authors
// SPDX-License-Identifier: Apache-2.0
package io.netlink4j.route;

import io.netlink4j.NetlinkErrnoException;

/**
 * The kernel refused a link or address request. Subclasses name the common cases; every instance
 * keeps the errno, the operation and the kernel's extended ACK of the underlying failure, and its
 * message ends with the errno and the extended-ACK text.
 */
public class RouteException extends NetlinkErrnoException {
    private static final long serialVersionUID = 1L;

    public RouteException(String message, NetlinkErrnoException cause) {
        super(message + ": " + cause.errnoName() + " (" + cause.errnoDescription() + ")"
                + (cause.extendedAck().message() != null ? ": " + cause.extendedAck().message() : ""), cause);
    }

    /** No such link (ENODEV). */
    public static class NoSuchLinkException extends RouteException {
        private static final long serialVersionUID = 1L;

        public NoSuchLinkException(String message, NetlinkErrnoException cause) {
            super(message, cause);
        }
    }

    /** A link of that name already exists (EEXIST on RTM_NEWLINK). */
    public static class LinkExistsException extends RouteException {
        private static final long serialVersionUID = 1L;

        public LinkExistsException(String message, NetlinkErrnoException cause) {
            super(message, cause);
        }
    }

    /** The kernel has no driver for the link kind (EOPNOTSUPP on RTM_NEWLINK). */
    public static class UnknownLinkKindException extends RouteException {
        private static final long serialVersionUID = 1L;
        private final LinkKind kind;

        public UnknownLinkKindException(String message, LinkKind kind, NetlinkErrnoException cause) {
            super(message, cause);
            this.kind = kind;
        }

        public LinkKind kind() {
            return kind;
        }
    }

    /** The address is already on the link (EEXIST on RTM_NEWADDR). */
    public static class AddressExistsException extends RouteException {
        private static final long serialVersionUID = 1L;

        public AddressExistsException(String message, NetlinkErrnoException cause) {
            super(message, cause);
        }
    }

    /** The address is not on the link (EADDRNOTAVAIL on RTM_DELADDR). */
    public static class NoSuchAddressException extends RouteException {
        private static final long serialVersionUID = 1L;

        public NoSuchAddressException(String message, NetlinkErrnoException cause) {
            super(message, cause);
        }
    }

    /** The caller lacks CAP_NET_ADMIN in the socket's network namespace (EPERM). */
    public static class PermissionException extends RouteException {
        private static final long serialVersionUID = 1L;

        public PermissionException(String message, NetlinkErrnoException cause) {
            super(message, cause);
        }
    }
}
