// SPDX-FileCopyrightText: 2026 The netlink4j Authors
// SPDX-License-Identifier: Apache-2.0
package io.netlink4j.route;

import io.netlink4j.NetlinkErrnoException;

import java.util.Objects;

/**
 * The kernel has no driver for the kind of link to create (EOPNOTSUPP on RTM_NEWLINK): the kind is
 * misspelt, or its module is neither built in nor loadable. Callers catch it to fall back to
 * another kind; {@link #kind()} says which one was refused.
 */
public class UnknownLinkKindException extends RouteException {
    private static final long serialVersionUID = 1L;

    /** The kind the kernel has no driver for. */
    private final LinkKind kind;

    /**
     * An exception with {@code message} and the errno, operation and extended ACK of {@code cause}.
     *
     * @param message what was refused, naming the link and the kind
     * @param kind    the refused kind
     * @param cause   the kernel's refusal
     */
    public UnknownLinkKindException(String message, LinkKind kind, NetlinkErrnoException cause) {
        super(message, cause);
        this.kind = Objects.requireNonNull(kind, "kind");
    }

    /**
     * The kind the kernel has no driver for.
     *
     * @return the refused kind
     */
    public LinkKind kind() {
        return kind;
    }
}
