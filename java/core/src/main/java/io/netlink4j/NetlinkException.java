// SPDX-FileCopyrightText: 2026 The netlink4j Authors
// SPDX-License-Identifier: Apache-2.0
package io.netlink4j;

/**
 * Root of every exception netlink4j throws for netlink-level failures. Unchecked, so that
 * streaming callbacks and lambdas compose; every public method documents what it throws.
 */
public class NetlinkException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public NetlinkException(String message) {
        super(message);
    }

    public NetlinkException(String message, Throwable cause) {
        super(message, cause);
    }
}
