// SPDX-FileCopyrightText: 2026 The netlink4j Authors
// SPDX-License-Identifier: Apache-2.0
package io.netlink4j.internal;

import io.netlink4j.NetlinkOverrunException;
import io.netlink4j.NetlinkTimeoutException;
import io.netlink4j.Errno;
import io.netlink4j.ExtendedAck;
import io.netlink4j.NetlinkErrnoException;
/**
 * The one place where an errno becomes an exception. Socket calls ({@code -errno} from the shim)
 * and kernel {@code NLMSG_ERROR} replies both come through here.
 */
public final class Errors {
    private Errors() {}

    /** An exception for a failed system call or a kernel error reply. {@code errno} may be negative. */
    public static NetlinkErrnoException newException(String operation, int errno, ExtendedAck ack) {
        int e = Errno.of(errno).value();
        return switch (e) {
            case Errno.ENOBUFS -> new NetlinkOverrunException(operation);
            case Errno.EAGAIN -> new NetlinkTimeoutException(operation, "timed out");
            default -> new NetlinkErrnoException(operation, e, ack);
        };
    }

    /**
     * An exception for an errno the kernel returned in NLMSG_ERROR or NLMSG_DONE. Unlike socket
     * errors, EAGAIN or ENOBUFS here are the answer to the request, not a socket condition.
     */
    public static NetlinkErrnoException fromKernel(String operation, int errno, ExtendedAck ack) {
        return new NetlinkErrnoException(operation, Errno.of(errno).value(), ack);
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
}
