// SPDX-FileCopyrightText: 2026 The netlink4j Authors
// SPDX-License-Identifier: Apache-2.0
package io.netlink4j.ipvs;

import io.netlink4j.NetlinkErrnoException;

/**
 * The kernel refused an IPVS request. Subclasses name the common cases; every instance keeps the
 * errno, the operation and the kernel's extended ACK of the underlying failure.
 */
public class IpvsException extends NetlinkErrnoException {
    private static final long serialVersionUID = 1L;

    public IpvsException(String message, NetlinkErrnoException cause) {
        super(message, cause);
    }

    /** The service already exists (EEXIST on NEW_SERVICE). */
    public static class ServiceExistsException extends IpvsException {
        private static final long serialVersionUID = 1L;

        public ServiceExistsException(String message, NetlinkErrnoException cause) {
            super(message, cause);
        }
    }

    /** No such service (ESRCH). */
    public static class NoSuchServiceException extends IpvsException {
        private static final long serialVersionUID = 1L;

        public NoSuchServiceException(String message, NetlinkErrnoException cause) {
            super(message, cause);
        }
    }

    /** The destination already exists in the service (EEXIST on NEW_DEST). */
    public static class DestinationExistsException extends IpvsException {
        private static final long serialVersionUID = 1L;

        public DestinationExistsException(String message, NetlinkErrnoException cause) {
            super(message, cause);
        }
    }

    /** No such destination in the service (ENOENT on SET_DEST / DEL_DEST). */
    public static class NoSuchDestinationException extends IpvsException {
        private static final long serialVersionUID = 1L;

        public NoSuchDestinationException(String message, NetlinkErrnoException cause) {
            super(message, cause);
        }
    }

    /** The scheduler or persistence engine is not in the kernel (ENOENT on NEW_SERVICE / SET_SERVICE). */
    public static class UnknownSchedulerException extends IpvsException {
        private static final long serialVersionUID = 1L;
        private final String module;

        public UnknownSchedulerException(String message, String module, NetlinkErrnoException cause) {
            super(message, cause);
            this.module = module;
        }

        /** The kernel module that would provide it, e.g. {@code ip_vs_wrr}. */
        public String module() {
            return module;
        }
    }

    /** The caller lacks CAP_NET_ADMIN in the socket's network namespace (EPERM). */
    public static class PermissionException extends IpvsException {
        private static final long serialVersionUID = 1L;

        public PermissionException(String message, NetlinkErrnoException cause) {
            super(message, cause);
        }
    }

    /** The kernel has no IPVS (the generic netlink family is missing: load ip_vs). */
    public static class UnavailableException extends IpvsException {
        private static final long serialVersionUID = 1L;

        public UnavailableException(String message, NetlinkErrnoException cause) {
            super(message, cause);
        }
    }

    /** A sync daemon in that state is already running (EEXIST on NEW_DAEMON) or is not running (ESRCH on DEL_DAEMON). */
    public static class DaemonStateException extends IpvsException {
        private static final long serialVersionUID = 1L;

        public DaemonStateException(String message, NetlinkErrnoException cause) {
            super(message, cause);
        }
    }
}
