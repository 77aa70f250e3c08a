// SPDX-FileCopyrightText: 2026 The netlink4j Authors
// SPDX-License-Identifier: Apache-2.0
package io.netlink4j;

import java.util.Objects;

/**
 * The kernel, or a system call of the socket, refused with an errno: the kernel answered a request
 * with {@code NLMSG_ERROR} (or a dump ended with an errno in {@code NLMSG_DONE}), or a system call
 * failed. Carries the operation, the errno with its symbolic name and description and, when the
 * kernel sent an extended ACK, its message and the offset of the offending attribute within the
 * request.
 *
 * <p>A dump can be refused after it began: the kernel then ends it with an errno in
 * {@code NLMSG_DONE}, after some entries. {@link #repliesDelivered()} says how many reply messages
 * of the request had been handed out (to a handler, a decoder) before the refusal, so a caller that
 * streamed them can tell a refusal of the request itself from one that came after partial results.
 *
 * <p>Catching this type means "the kernel said no". Timeouts and receive-buffer overruns are not
 * errno failures ({@link NetlinkTimeoutException}, {@link NetlinkOverrunException}). Families
 * extend this class with exceptions whose message names the object (a service, a link).
 */
public class NetlinkErrnoException extends NetlinkException {
    private static final long serialVersionUID = 1L;

    /** What was being done. */
    private final String operation;
    /** The errno. */
    private final Errno errno;
    /** The extended ACK, or {@link ExtendedAck#NONE}. */
    private final ExtendedAck extendedAck;
    /** Reply messages of the request delivered before the refusal. */
    private final int repliesDelivered;

    /**
     * A refusal of {@code operation} with {@code errno}.
     *
     * @param operation   what was being done, e.g. {@code "IPVS NEW_SERVICE"}
     * @param errno       the errno, positive or negative (the kernel's sign)
     * @param extendedAck the extended ACK the kernel attached; null for none
     */
    public NetlinkErrnoException(String operation, int errno, ExtendedAck extendedAck) {
        this(operation, Errno.of(errno), extendedAck, null);
    }

    /**
     * A refusal of {@code operation} with {@code errno} that came after {@code repliesDelivered}
     * reply messages of the same request had been delivered (a dump ended with an errno in
     * {@code NLMSG_DONE} after some entries).
     *
     * @param operation        what was being done, e.g. {@code "IPVS GET_SERVICE dump"}
     * @param errno            the errno, positive or negative (the kernel's sign)
     * @param extendedAck      the extended ACK the kernel attached; null for none
     * @param repliesDelivered reply messages delivered before the refusal, 0 or more
     * @throws IllegalArgumentException if {@code repliesDelivered} is negative
     */
    public NetlinkErrnoException(String operation, int errno, ExtendedAck extendedAck, int repliesDelivered) {
        this(operation, Errno.of(errno), extendedAck, null, checkDelivered(repliesDelivered));
    }

    /**
     * A refusal of {@code operation} with {@code errno}, with a detail before the errno's name in
     * the message.
     *
     * @param operation   what was being done
     * @param errno       the errno
     * @param extendedAck the extended ACK the kernel attached; null for none
     * @param detail      text between the operation and the errno, or null
     */
    protected NetlinkErrnoException(String operation, Errno errno, ExtendedAck extendedAck, String detail) {
        this(operation, errno, extendedAck, detail, 0);
    }

    private NetlinkErrnoException(String operation, Errno errno, ExtendedAck extendedAck, String detail, int repliesDelivered) {
        super(format(operation, errno, extendedAck, detail));
        this.operation = Objects.requireNonNull(operation, "operation");
        this.errno = errno;
        this.extendedAck = extendedAck == null ? ExtendedAck.NONE : extendedAck;
        this.repliesDelivered = repliesDelivered;
    }

    private static int checkDelivered(int repliesDelivered) {
        if (repliesDelivered < 0) {
            throw new IllegalArgumentException("repliesDelivered: " + repliesDelivered + " (expected: 0-" + Integer.MAX_VALUE + ")");
        }
        return repliesDelivered;
    }

    /**
     * The kernel's refusal {@code cause} under a message that names the object, for the families'
     * exceptions: keeps {@code cause}'s operation, errno and extended ACK, and formats the message
     * as every family does, {@code <message>: <ERRNO> (<description>)}, followed by
     * {@code : <text>} when the kernel sent an extended-ACK message. For example
     * {@code service TCP 10.0.0.1:80 already exists: EEXIST (File exists)}. Keeps
     * {@link #repliesDelivered()} too.
     *
     * @param message the domain message, without the errno, e.g.
     *                {@code "service TCP 10.0.0.1:80 already exists"}
     * @param cause   the kernel's refusal
     * @throws NullPointerException if {@code message} or {@code cause} is null
     */
    protected NetlinkErrnoException(String message, NetlinkErrnoException cause) {
        super(Objects.requireNonNull(message, "message") + ": "
                + errnoText(Objects.requireNonNull(cause, "cause").errno, cause.extendedAck, false), cause);
        this.operation = cause.operation;
        this.errno = cause.errno;
        this.extendedAck = cause.extendedAck;
        this.repliesDelivered = cause.repliesDelivered;
    }

    private static String format(String operation, Errno errno, ExtendedAck ack, String detail) {
        StringBuilder sb = new StringBuilder(Objects.requireNonNull(operation, "operation")).append(": ");
        if (detail != null) {
            sb.append(detail).append(": ");
        }
        return sb.append(errnoText(Objects.requireNonNull(errno, "errno"), ack, true)).toString();
    }

    /**
     * {@code NAME (description)[: extended-ACK text]}, and with {@code offset} the offending
     * attribute's offset in the request (which only the operation's message, about the request's
     * bytes, names).
     */
    private static String errnoText(Errno errno, ExtendedAck ack, boolean offset) {
        StringBuilder sb = new StringBuilder(errno.name()).append(" (").append(errno.description()).append(')');
        if (ack != null && ack.message() != null) {
            sb.append(": ").append(ack.message());
        }
        if (offset && ack != null && ack.offset() >= 0) {
            sb.append(" [attribute at request offset ").append(ack.offset()).append(']');
        }
        return sb.toString();
    }

    /**
     * What was being done.
     *
     * @return the operation, e.g. {@code "sendto"} or {@code "IPVS NEW_SERVICE"}
     */
    public String operation() {
        return operation;
    }

    /**
     * The errno, to compare with the constants of {@link Errno}: {@code e.errno() == Errno.EEXIST}.
     *
     * @return the positive errno value, e.g. 17
     */
    public int errno() {
        return errno.value();
    }

    /**
     * The symbolic errno name.
     *
     * @return the name, e.g. {@code EEXIST} (the number for an errno {@link Errno} does not know)
     */
    public String errnoName() {
        return errno.name();
    }

    /**
     * The C library's text for the errno.
     *
     * @return the description, e.g. {@code "File exists"}
     */
    public String errnoDescription() {
        return errno.description();
    }

    /**
     * The extended ACK the kernel attached.
     *
     * @return the extended ACK, or {@link ExtendedAck#NONE}
     */
    public ExtendedAck extendedAck() {
        return extendedAck;
    }

    /**
     * How many reply messages of the refused request had been delivered before the refusal (to the
     * caller's handler, or to the decoder of a list or a value). Zero when the kernel refused the
     * request itself, which is the usual case, and for failed system calls; more than zero when a
     * dump ended with an errno after some of its entries. Nothing of a request with replies
     * delivered can be taken back, so such a request is not one to send again as if it had never
     * run.
     *
     * @return 0 or more
     */
    public int repliesDelivered() {
        return repliesDelivered;
    }
}
