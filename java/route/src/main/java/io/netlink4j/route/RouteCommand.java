// SPDX-FileCopyrightText: 2026 The netlink4j Authors
// SPDX-License-Identifier: Apache-2.0
package io.netlink4j.route;

import io.netlink4j.codec.Netlink;

/**
 * The rtnetlink requests a {@link RouteHandle} sends: message type and flags, each described once.
 * {@link RouteErrors} maps a refusal of each to its exception.
 */
enum RouteCommand {
    /** Create a link; refused with EEXIST if the name is taken. */
    NEW_LINK(Rtnetlink.RTM_NEWLINK, Netlink.NLM_F_CREATE | Netlink.NLM_F_EXCL),
    /** Change a link. */
    UPDATE_LINK(Rtnetlink.RTM_SETLINK, 0),
    /** Delete a link. */
    DEL_LINK(Rtnetlink.RTM_DELLINK, 0),
    /** Read one link. */
    GET_LINK(Rtnetlink.RTM_GETLINK, 0),
    /** Dump every link. */
    GET_LINKS(Rtnetlink.RTM_GETLINK, 0),
    /** Add an address; refused with EEXIST if the link has it. */
    NEW_ADDRESS(Rtnetlink.RTM_NEWADDR, Netlink.NLM_F_CREATE | Netlink.NLM_F_EXCL),
    /** Delete an address. */
    DEL_ADDRESS(Rtnetlink.RTM_DELADDR, 0),
    /** Dump addresses. */
    GET_ADDRESSES(Rtnetlink.RTM_GETADDR, 0),
    /** Add a route; refused with EEXIST if it exists. */
    NEW_ROUTE(Rtnetlink.RTM_NEWROUTE, Netlink.NLM_F_CREATE | Netlink.NLM_F_EXCL),
    /** Replace an existing route; refused with ENOENT if there is none. */
    UPDATE_ROUTE(Rtnetlink.RTM_NEWROUTE, Netlink.NLM_F_REPLACE),
    /** Replace a route, or add it if there is none: one request, atomic in the kernel. */
    REPLACE_ROUTE(Rtnetlink.RTM_NEWROUTE, Netlink.NLM_F_CREATE | Netlink.NLM_F_REPLACE),
    /** Delete a route; refused with ESRCH if there is none. */
    DEL_ROUTE(Rtnetlink.RTM_DELROUTE, 0),
    /** Look a destination up; refused with ENETUNREACH if no route leads there. */
    GET_ROUTE(Rtnetlink.RTM_GETROUTE, 0),
    /** Dump routes. */
    GET_ROUTES(Rtnetlink.RTM_GETROUTE, 0);

    private final int type;
    private final int flags;

    RouteCommand(int type, int flags) {
        this.type = type;
        this.flags = flags;
    }

    /** Whether the command is about routes. */
    boolean isRoute() {
        return this == NEW_ROUTE || this == UPDATE_ROUTE || this == REPLACE_ROUTE || this == DEL_ROUTE || this == GET_ROUTE || this == GET_ROUTES;
    }

    /** The RTM_* message type. */
    int type() {
        return type;
    }

    /** The NLM_F_* flags beside NLM_F_REQUEST, NLM_F_ACK and (for dumps) NLM_F_DUMP. */
    int flags() {
        return flags;
    }

    /** The operation's name in exceptions, e.g. {@code "RTM_NEWADDR address 10.0.0.1/24 on link 'veth0'"}. */
    String operation(RouteErrors.Subject subject) {
        return RtnetlinkLayout.typeName(type) + " " + subject;
    }
}
