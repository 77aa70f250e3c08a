// SPDX-FileCopyrightText: 2026 The netlink4j Authors
// SPDX-License-Identifier: Apache-2.0
package io.netlink4j;

import java.util.Objects;

/**
 * No reply arrived within the receive timeout (or a send blocked past its send timeout). Not an
 * errno failure: it says nothing about the object the request named, and whether the kernel
 * carried the request out is unknown. The connection stays usable; a late reply to the request is
 * recognised by its sequence number and discarded.
 */
public class NetlinkTimeoutException extends NetlinkException {
    private static final long serialVersionUID = 1L;

    /** What was being done. */
    private final String operation;

    /**
     * A timeout of {@code operation}.
     *
     * @param operation what was being done, e.g. {@code "IPVS NEW_SERVICE"} or {@code "recvfrom"}
     * @param detail    what did not happen in time, e.g. {@code "no reply within PT3S"}
     */
    public NetlinkTimeoutException(String operation, String detail) {
        super(Objects.requireNonNull(operation, "operation") + ": " + Objects.requireNonNull(detail, "detail"));
        this.operation = operation;
    }

    /**
     * What was being done when the time ran out.
     *
     * @return the operation, e.g. {@code "IPVS NEW_SERVICE"}
     */
    public String operation() {
        return operation;
    }
}
