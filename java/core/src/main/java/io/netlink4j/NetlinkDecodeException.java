// SPDX-FileCopyrightText: 2026 The netlink4j Authors
// SPDX-License-Identifier: Apache-2.0
package io.netlink4j;

/**
 * Bytes that do not form valid netlink: a bad length, a truncated header or attribute, an
 * attribute of the wrong size for its type, nesting deeper than allowed. The message names what
 * was expected and what was found. This is the only exception a parser lets escape.
 */
public class NetlinkDecodeException extends NetlinkException {
    private static final long serialVersionUID = 1L;

    /**
     * An exception with {@code message}.
     *
     * @param message what was expected and what was found
     */
    public NetlinkDecodeException(String message) {
        super(message);
    }

    /**
     * An exception with {@code message} and {@code cause}.
     *
     * @param message what was expected and what was found
     * @param cause   the underlying failure, or null
     */
    public NetlinkDecodeException(String message, Throwable cause) {
        super(message, cause);
    }
}
