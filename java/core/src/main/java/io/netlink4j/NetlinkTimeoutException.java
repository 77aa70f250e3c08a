// SPDX-FileCopyrightText: 2026 The netlink4j Authors
// SPDX-License-Identifier: Apache-2.0
package io.netlink4j;

/** No reply arrived within the socket's receive timeout (or a send blocked past its send timeout). */
public class NetlinkTimeoutException extends NetlinkErrnoException {
    private static final long serialVersionUID = 1L;

    public NetlinkTimeoutException(String operation, String detail) {
        super(operation, Errno.of(Errno.EAGAIN), ExtendedAck.NONE, detail);
    }
}
