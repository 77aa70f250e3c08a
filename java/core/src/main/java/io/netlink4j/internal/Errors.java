// SPDX-FileCopyrightText: 2026 The netlink4j Authors
// SPDX-License-Identifier: Apache-2.0
package io.netlink4j.internal;

import io.netlink4j.Errno;
import io.netlink4j.ExtendedAck;
import io.netlink4j.NetlinkErrnoException;
import io.netlink4j.NetlinkException;
import io.netlink4j.NetlinkOverrunException;
import io.netlink4j.NetlinkTimeoutException;

/**
 * The one place where an errno becomes an exception. Socket calls ({@code -errno} from the shim)
 * and kernel {@code NLMSG_ERROR} replies both come through here.
 */
public final class Errors {
    private Errors() {}

    /**
     * An exception for a failed system call: EAGAIN (a socket timeout expired) becomes
     * {@link NetlinkTimeoutException}, anything else {@link NetlinkErrnoException}.
     * {@code errno} may be negative.
     */
    public static NetlinkException newException(String operation, int errno, ExtendedAck ack) {
        int e = Errno.of(errno).value();
        if (e == Errno.EAGAIN) {
            return new NetlinkTimeoutException(operation, "timed out (EAGAIN)");
        }
        return new NetlinkErrnoException(operation, e, ack);
    }

    /**
     * An exception for a failed receive: as {@link #newException}, and ENOBUFS (the receive
     * buffer overflowed, messages were lost) becomes {@link NetlinkOverrunException}.
     */
    public static NetlinkException newReceiveException(String operation, int errno) {
        if (Errno.of(errno).value() == Errno.ENOBUFS) {
            return new NetlinkOverrunException(operation);
        }
        return newException(operation, errno, ExtendedAck.NONE);
    }

    /**
     * An exception for an errno the kernel returned in NLMSG_ERROR or NLMSG_DONE. Unlike socket
     * errors, EAGAIN or ENOBUFS here are the answer to the request, not a socket condition.
     */
    public static NetlinkErrnoException fromKernel(String operation, int errno, ExtendedAck ack) {
        return new NetlinkErrnoException(operation, Errno.of(errno).value(), ack);
    }

    /**
     * {@link #fromKernel(String, int, ExtendedAck)} for a request whose exchange had delivered
     * {@code repliesDelivered} reply messages before the errno came.
     */
    public static NetlinkErrnoException fromKernel(String operation, int errno, ExtendedAck ack, int repliesDelivered) {
        return new NetlinkErrnoException(operation, Errno.of(errno).value(), ack, repliesDelivered);
    }

    /** Throws for a negative native return value, otherwise returns it. */
    public static int check(String operation, int result) {
        if (result < 0) {
            throw newException(operation, result, ExtendedAck.NONE);
        }
        return result;
    }

    /** Throws for a negative native return value, otherwise returns it. */
    public static long check(String operation, long result) {
        if (result < 0) {
            throw newException(operation, (int) result, ExtendedAck.NONE);
        }
        return result;
    }

    /** Throws for a negative return value of a receive ({@link #newReceiveException}), otherwise returns it. */
    public static int checkReceive(String operation, int result) {
        if (result < 0) {
            throw newReceiveException(operation, result);
        }
        return result;
    }
}
