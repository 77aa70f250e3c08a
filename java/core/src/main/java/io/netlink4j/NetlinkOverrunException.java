// SPDX-FileCopyrightText: 2026 The netlink4j Authors
// SPDX-License-Identifier: Apache-2.0
package io.netlink4j;

/**
 * ENOBUFS on receive: the socket's receive buffer overflowed and the kernel dropped messages. The
 * socket still works, but whatever was in flight (a dump, ACKs of a batch, events) is incomplete:
 * restart the dump or resynchronise.
 */
public class NetlinkOverrunException extends NetlinkErrnoException {
    private static final long serialVersionUID = 1L;

    public NetlinkOverrunException(String operation) {
        super(operation, Errno.of(Errno.ENOBUFS), ExtendedAck.NONE,
                "receive buffer overrun, messages were lost");
    }
}
