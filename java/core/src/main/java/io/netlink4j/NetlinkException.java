// SPDX-FileCopyrightText: 2026 The netlink4j Authors
// SPDX-License-Identifier: Apache-2.0
package io.netlink4j;

/**
 * Root of every exception netlink4j throws for netlink-level failures. Unchecked, so that
 * streaming callbacks and lambdas compose; every public method documents what it throws.
 *
 * <p>The hierarchy answers one question per branch, so that a catch clause means one thing:
 * <ul>
 *   <li>{@link NetlinkErrnoException}: the kernel (or a system call) refused with an errno. Only
 *       this branch says something about the object a request named; the families' exceptions
 *       ({@code IpvsException}, {@code RouteException}, {@code GenlFamilyNotFoundException})
 *       extend it and name that object.</li>
 *   <li>{@link NetlinkTimeoutException} and {@link NetlinkOverrunException}: the socket did not
 *       deliver the answer (none within the receive timeout; messages lost to a full receive
 *       buffer). The request's outcome is unknown; retrying, or reading the state again, is
 *       the remedy.</li>
 *   <li>{@link NetlinkDumpInterruptedException}: a dump completed but the kernel's table changed
 *       while it ran (NLM_F_DUMP_INTR); dump again.</li>
 *   <li>{@link NetlinkDecodeException}: bytes that are not valid netlink.
 *       {@link NetlinkTruncatedException}: a datagram larger than the read buffer.</li>
 *   <li>{@link NetlinkClosedException}: the connection, subscription or socket was closed.</li>
 * </ul>
 * Invalid arguments are {@link IllegalArgumentException}s, never netlink exceptions.
 */
public class NetlinkException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /**
     * An exception with {@code message}.
     *
     * @param message what failed
     */
    public NetlinkException(String message) {
        super(message);
    }

    /**
     * An exception with {@code message} and {@code cause}.
     *
     * @param message what failed
     * @param cause   the underlying failure, or null
     */
    public NetlinkException(String message, Throwable cause) {
        super(message, cause);
    }
}
