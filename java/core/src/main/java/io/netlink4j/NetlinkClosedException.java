// SPDX-FileCopyrightText: 2026 The netlink4j Authors
// SPDX-License-Identifier: Apache-2.0
package io.netlink4j;

/** The socket or handle was closed, before or while the operation ran. */
public class NetlinkClosedException extends NetlinkException {
    private static final long serialVersionUID = 1L;

    /**
     * An exception saying that {@code what} is closed.
     *
     * @param what what was closed, e.g. {@code "NetlinkConnection[...]"}
     */
    public NetlinkClosedException(String what) {
        super(what + " is closed");
    }
}
