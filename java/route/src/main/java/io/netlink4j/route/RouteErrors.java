// SPDX-FileCopyrightText: 2026 The netlink4j Authors
// SPDX-License-Identifier: Apache-2.0
package io.netlink4j.route;

import io.netlink4j.Errno;
import io.netlink4j.NetlinkErrnoException;

/** The one place where rtnetlink errnos become domain exceptions that name the link or address. */
final class RouteErrors {
    private RouteErrors() {}

    private static final int EADDRNOTAVAIL = 99;

    /**
     * The domain exception for a kernel error on a request of {@code type}. (Timeouts and overruns
     * are not errno exceptions and never come here.)
     *
     * @param link    the link, e.g. "link 'veth0'" or "link 7"
     * @param address the address of an address request, e.g. "address 10.0.0.1/24", else null
     * @param kind    the link kind of an RTM_NEWLINK, else null
     */
    static NetlinkErrnoException map(int type, String link, String address, LinkKind kind, NetlinkErrnoException e) {
        if (e instanceof RouteException) {
            return e;
        }
        String subject = address == null ? link : address + " on " + link;
        String op = Rtnetlink.typeName(type);
        int errno = e.errno();
        if (errno == Errno.EPERM || errno == Errno.EACCES) {
            return new RouteException.PermissionException(op + " " + subject
                    + ": permission denied: changing links and addresses needs CAP_NET_ADMIN in the network namespace", e);
        }
        switch (type) {
            case Rtnetlink.RTM_NEWLINK -> {
                if (errno == Errno.EEXIST) {
                    return new RouteException.LinkExistsException(link + " already exists", e);
                }
                if (errno == Errno.EOPNOTSUPP && kind != null) {
                    return new RouteException.UnknownLinkKindException("unknown link kind '" + kind + "' for " + link
                            + " (is its kernel module available?)", kind, e);
                }
            }
            case Rtnetlink.RTM_NEWADDR -> {
                if (errno == Errno.EEXIST) {
                    return new RouteException.AddressExistsException(address + " already exists on " + link, e);
                }
            }
            case Rtnetlink.RTM_DELADDR -> {
                if (errno == EADDRNOTAVAIL) {
                    return new RouteException.NoSuchAddressException("no " + address + " on " + link, e);
                }
            }
            default -> { }
        }
        if (errno == Errno.ENODEV) {
            return new RouteException.NoSuchLinkException("no " + link, e);
        }
        return new RouteException(op + " " + subject + " failed", e);
    }
}
