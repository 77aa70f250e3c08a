// SPDX-FileCopyrightText: 2026 The netlink4j Authors
// SPDX-License-Identifier: Apache-2.0
package io.netlink4j.route;

import io.netlink4j.Errno;
import io.netlink4j.NetlinkErrnoException;

/** The one place where rtnetlink errnos become exceptions that name the link, address or route, by command. */
final class RouteErrors {
    private RouteErrors() {}

    private static final int EADDRNOTAVAIL = 99;
    private static final int ENETUNREACH = 101;

    /**
     * What a request is about, for messages.
     *
     * @param link    the link, e.g. "link 'veth0'" or "link 7"
     * @param address the address of an address request, e.g. "address 10.0.0.1/24", else null
     * @param kind    the kind of a link to create, else null
     */
    record Subject(String link, String address, LinkKind kind) {
        /** A link by name, e.g. "link 'veth0'", or, when {@code name} is null, by index, "link 7". */
        static Subject link(int index, String name) {
            return new Subject(name != null ? "link '" + name + "'" : "link " + index, null, null);
        }

        /** A route, e.g. "route 10.1.0.0/16 table 100". */
        static Subject route(String route) {
            return new Subject("route " + route, null, null);
        }

        /** {@code address} on this subject's link. */
        Subject address(AddressSpec spec) {
            return new Subject(link, "address " + spec.describe(), null);
        }

        @Override
        public String toString() {
            return address == null ? link : address + " on " + link;
        }
    }

    /**
     * The exception for the kernel's refusal {@code e} of {@code command} about {@code subject}.
     * (Timeouts and overruns are not errno exceptions and never come here.)
     */
    static RouteException map(RouteCommand command, Subject subject, NetlinkErrnoException e) {
        if (e instanceof RouteException r) {
            return r;
        }
        String link = subject.link();
        int errno = e.errno();
        switch (command) {
            case NEW_LINK -> {
                if (errno == Errno.EEXIST) {
                    return new LinkExistsException(link + " already exists", e);
                }
                if (errno == Errno.EOPNOTSUPP && subject.kind() != null) {
                    return new UnknownLinkKindException("unknown link kind '" + subject.kind() + "' for " + link
                            + " (is its kernel module available?)", subject.kind(), e);
                }
            }
            case NEW_ADDRESS -> {
                if (errno == Errno.EEXIST) {
                    return new AddressExistsException(subject.address() + " already exists on " + link, e);
                }
            }
            case DEL_ADDRESS -> {
                if (errno == EADDRNOTAVAIL) {
                    return new NoSuchAddressException("no " + subject.address() + " on " + link, e);
                }
            }
            case NEW_ROUTE -> {
                if (errno == Errno.EEXIST) {
                    return new RouteExistsException(link + " already exists", e);
                }
            }
            case UPDATE_ROUTE -> {
                if (errno == Errno.ENOENT) {
                    return new NoSuchRouteException("no " + link + " to replace", e);
                }
            }
            case DEL_ROUTE -> {
                if (errno == Errno.ESRCH || errno == Errno.ENOENT) {
                    return new NoSuchRouteException("no " + link, e);
                }
            }
            case GET_ROUTE -> {
                if (errno == ENETUNREACH) {
                    return new NoSuchRouteException("no " + link, e);
                }
                if (errno == Errno.EACCES) {
                    return new RouteException(command.operation(subject) + ": a prohibit route matches", e);
                }
            }
            default -> { }
        }
        if (errno == Errno.ENODEV && command.isRoute()) {
            return new NoSuchLinkException(link + ": no such link", e);
        }
        if (errno == Errno.ENODEV) {
            return new NoSuchLinkException("no " + link, e);
        }
        String op = command.operation(subject);
        if (errno == Errno.EPERM || errno == Errno.EACCES) {
            return new RouteException(op + ": permission denied: changing " + (command.isRoute() ? "routes" : "links and addresses")
                    + " needs CAP_NET_ADMIN in the network namespace", e);
        }
        return new RouteException(op + " failed", e);
    }
}
