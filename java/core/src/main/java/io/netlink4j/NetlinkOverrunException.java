// SPDX-FileCopyrightText: 2026 The netlink4j Authors
// SPDX-License-Identifier: Apache-2.0
package io.netlink4j;

import java.util.Objects;

/**
 * The socket's receive buffer overflowed (ENOBUFS on receive) and the kernel dropped messages.
 * Not an errno failure: it says nothing about the object the request named. The socket still
 * works, but whatever was in flight (a dump, the ACKs of a batch, notifications) is incomplete:
 * restart the dump, or read the state again; a request whose ACK was lost has an unknown outcome.
 */
public class NetlinkOverrunException extends NetlinkException {
    private static final long serialVersionUID = 1L;

    /** What was being done. */
    private final String operation;

    /**
     * An overrun during {@code operation}.
     *
     * @param operation what was being done, e.g. {@code "nlctrl GETFAMILY dump"}
     */
    public NetlinkOverrunException(String operation) {
        this(operation, "receive buffer overrun, messages were lost");
    }

    /**
     * An overrun during {@code operation}, with what it means for that operation.
     *
     * @param operation what was being done
     * @param detail    what was lost, e.g. {@code "ACK lost to a receive buffer overrun, outcome unknown"}
     */
    public NetlinkOverrunException(String operation, String detail) {
        super(Objects.requireNonNull(operation, "operation") + ": " + Objects.requireNonNull(detail, "detail"));
        this.operation = operation;
    }

    /**
     * What was being done when messages were lost.
     *
     * @return the operation
     */
    public String operation() {
        return operation;
    }
}
