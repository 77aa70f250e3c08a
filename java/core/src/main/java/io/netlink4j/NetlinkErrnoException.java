// SPDX-FileCopyrightText: 2026 The netlink4j Authors
// SPDX-License-Identifier: Apache-2.0
package io.netlink4j;

import java.util.Objects;

/**
 * A failure that carries an errno: either a system call of the socket failed, or the kernel
 * answered a request with {@code NLMSG_ERROR}. Carries the operation, the errno with its symbolic
 * name and description and, when the kernel sent an extended ACK, its message and the offset of
 * the offending attribute within the request.
 *
 * <p>Create instances through {@link Errors}, which picks the most specific subclass.
 */
public class NetlinkErrnoException extends NetlinkException {
    private static final long serialVersionUID = 1L;

    private final String operation;
    private final Errno errno;
    private final ExtendedAck extendedAck;

    public NetlinkErrnoException(String operation, int errno, ExtendedAck extendedAck) {
        this(operation, Errno.of(errno), extendedAck, null);
    }

    protected NetlinkErrnoException(String operation, Errno errno, ExtendedAck extendedAck, String detail) {
        super(format(operation, errno, extendedAck, detail));
        this.operation = Objects.requireNonNull(operation, "operation");
        this.errno = errno;
        this.extendedAck = extendedAck == null ? ExtendedAck.NONE : extendedAck;
    }

    /** Copies {@code cause}'s details under a domain-specific message (used by family layers). */
    protected NetlinkErrnoException(String message, NetlinkErrnoException cause) {
        super(message, cause);
        this.operation = cause.operation;
        this.errno = cause.errno;
        this.extendedAck = cause.extendedAck;
    }

    private static String format(String operation, Errno errno, ExtendedAck ack, String detail) {
        StringBuilder sb = new StringBuilder(operation).append(": ");
        if (detail != null) {
            sb.append(detail).append(": ");
        }
        sb.append(errno.name()).append(" (").append(errno.description()).append(')');
        if (ack != null && ack.message() != null) {
            sb.append(": ").append(ack.message());
        }
        if (ack != null && ack.offset() >= 0) {
            sb.append(" [attribute at request offset ").append(ack.offset()).append(']');
        }
        return sb.toString();
    }

    /** What was being done, e.g. {@code "sendto"} or {@code "IPVS NEW_SERVICE"}. */
    public String operation() {
        return operation;
    }

    /** The positive errno value, e.g. 17. */
    public int errno() {
        return errno.value();
    }

    /** The symbolic errno name, e.g. {@code EEXIST}. */
    public String errnoName() {
        return errno.name();
    }

    /** The C library's text for the errno, e.g. {@code "File exists"}. */
    public String errnoDescription() {
        return errno.description();
    }

    /** The extended ACK the kernel attached, or {@link ExtendedAck#NONE}. */
    public ExtendedAck extendedAck() {
        return extendedAck;
    }
}
