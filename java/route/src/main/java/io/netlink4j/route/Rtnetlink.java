// SPDX-FileCopyrightText: 2026 The netlink4j Authors
// SPDX-License-Identifier: Apache-2.0
package io.netlink4j.route;

/**
 * The kernel's numbers for rtnetlink links, addresses and routes that users of this package may
 * look for: message types (RTM_*), multicast groups (RTNLGRP_*), link attributes (IFLA_*), address
 * attributes (IFA_*) and route attributes (RTA_*), from {@code include/uapi/linux/rtnetlink.h},
 * {@code if_link.h} and {@code if_addr.h}.
 *
 * <p>The attributes this library decodes become accessors of {@link Link} and {@link Address}; every
 * other attribute stays raw in {@link Link#otherAttributes()}, {@link Address#otherAttributes()} and
 * {@link Route#otherAttributes()},
 * where these numbers find it: {@code link.attribute(Rtnetlink.IFLA_PROMISCUITY)}. Each constant
 * says which of the two it is. The layout of the fixed headers is the library's business, not API.
 */
public final class Rtnetlink {
    private Rtnetlink() {}

    // Message types.
    /** The kernel's {@code RTM_NEWLINK} message type: a link was created or changed (notification), or: create a link (request). */
    public static final int RTM_NEWLINK = 16;
    /** The kernel's {@code RTM_DELLINK} message type: a link was deleted, or: delete a link. */
    public static final int RTM_DELLINK = 17;
    /** The kernel's {@code RTM_GETLINK} message type: read one link or dump them all. */
    public static final int RTM_GETLINK = 18;
    /** The kernel's {@code RTM_SETLINK} message type: change a link. */
    public static final int RTM_SETLINK = 19;
    /** The kernel's {@code RTM_NEWADDR} message type: an address was added or changed, or: add an address. */
    public static final int RTM_NEWADDR = 20;
    /** The kernel's {@code RTM_DELADDR} message type: an address was removed, or: remove an address. */
    public static final int RTM_DELADDR = 21;
    /** The kernel's {@code RTM_GETADDR} message type: dump addresses. */
    public static final int RTM_GETADDR = 22;
    /** The kernel's {@code RTM_NEWROUTE} message type: a route was added or changed, or: add a route. */
    public static final int RTM_NEWROUTE = 24;
    /** The kernel's {@code RTM_DELROUTE} message type: a route was removed, or: remove a route. */
    public static final int RTM_DELROUTE = 25;
    /** The kernel's {@code RTM_GETROUTE} message type: look a destination up, or dump routes. */
    public static final int RTM_GETROUTE = 26;

    // Multicast groups (RTNLGRP_*).
    /** The kernel's {@code RTNLGRP_LINK} multicast group ({@link RouteGroup} names the ones a {@link RouteMonitor} joins). */
    public static final int RTNLGRP_LINK = 1;
    /** The kernel's {@code RTNLGRP_IPV4_IFADDR} multicast group ({@link RouteGroup} names the ones a {@link RouteMonitor} joins). */
    public static final int RTNLGRP_IPV4_IFADDR = 5;
    /** The kernel's {@code RTNLGRP_IPV4_ROUTE} multicast group ({@link RouteGroup} names the ones a {@link RouteMonitor} joins). */
    public static final int RTNLGRP_IPV4_ROUTE = 7;
    /** The kernel's {@code RTNLGRP_IPV6_IFADDR} multicast group ({@link RouteGroup} names the ones a {@link RouteMonitor} joins). */
    public static final int RTNLGRP_IPV6_IFADDR = 9;
    /** The kernel's {@code RTNLGRP_IPV6_ROUTE} multicast group ({@link RouteGroup} names the ones a {@link RouteMonitor} joins). */
    public static final int RTNLGRP_IPV6_ROUTE = 11;

    // Link attributes (IFLA_*).
    /** The kernel's {@code IFLA_ADDRESS} link attribute, decoded as {@link Link#address()}. */
    public static final int IFLA_ADDRESS = 1;
    /** The kernel's {@code IFLA_BROADCAST} link attribute, decoded as {@link Link#broadcast()}. */
    public static final int IFLA_BROADCAST = 2;
    /** The kernel's {@code IFLA_IFNAME} link attribute, decoded as {@link Link#name()}. */
    public static final int IFLA_IFNAME = 3;
    /** The kernel's {@code IFLA_MTU} link attribute, decoded as {@link Link#mtu()}. */
    public static final int IFLA_MTU = 4;
    /** The kernel's {@code IFLA_LINK} link attribute, decoded as {@link Link#parentIndex()}. */
    public static final int IFLA_LINK = 5;
    /** The kernel's {@code IFLA_QDISC} link attribute, decoded as {@link Link#qdisc()}. */
    public static final int IFLA_QDISC = 6;
    /** The kernel's {@code IFLA_STATS} link attribute, kept raw: {@link Link#attribute(int)}. */
    public static final int IFLA_STATS = 7;
    /** The kernel's {@code IFLA_MASTER} link attribute, decoded as {@link Link#masterIndex()}. */
    public static final int IFLA_MASTER = 10;
    /** The kernel's {@code IFLA_TXQLEN} link attribute, decoded as {@link Link#txQueueLength()}. */
    public static final int IFLA_TXQLEN = 13;
    /** The kernel's {@code IFLA_OPERSTATE} link attribute, decoded as {@link Link#operState()}. */
    public static final int IFLA_OPERSTATE = 16;
    /** The kernel's {@code IFLA_LINKMODE} link attribute, decoded as {@link Link#linkMode()}. */
    public static final int IFLA_LINKMODE = 17;
    /** The kernel's {@code IFLA_LINKINFO} link attribute, decoded as {@link Link#info()}. */
    public static final int IFLA_LINKINFO = 18;
    /** The kernel's {@code IFLA_NET_NS_PID} link attribute. Sent only (to move a link to another namespace); the kernel does not report it. */
    public static final int IFLA_NET_NS_PID = 19;
    /** The kernel's {@code IFLA_IFALIAS} link attribute, decoded as {@link Link#alias()}. */
    public static final int IFLA_IFALIAS = 20;
    /** The kernel's {@code IFLA_STATS64} link attribute, kept raw: {@link Link#attribute(int)}. */
    public static final int IFLA_STATS64 = 23;
    /** The kernel's {@code IFLA_AF_SPEC} link attribute, kept raw: {@link Link#attribute(int)}. */
    public static final int IFLA_AF_SPEC = 26;
    /** The kernel's {@code IFLA_GROUP} link attribute, decoded as {@link Link#group()}. */
    public static final int IFLA_GROUP = 27;
    /** The kernel's {@code IFLA_PROMISCUITY} link attribute, kept raw: {@link Link#attribute(int)}. */
    public static final int IFLA_PROMISCUITY = 30;
    /** The kernel's {@code IFLA_NUM_TX_QUEUES} link attribute, kept raw: {@link Link#attribute(int)}. */
    public static final int IFLA_NUM_TX_QUEUES = 31;
    /** The kernel's {@code IFLA_NUM_RX_QUEUES} link attribute, kept raw: {@link Link#attribute(int)}. */
    public static final int IFLA_NUM_RX_QUEUES = 32;
    /** The kernel's {@code IFLA_CARRIER} link attribute, kept raw: {@link Link#attribute(int)}. */
    public static final int IFLA_CARRIER = 33;
    /** The kernel's {@code IFLA_CARRIER_CHANGES} link attribute, kept raw: {@link Link#attribute(int)}. */
    public static final int IFLA_CARRIER_CHANGES = 35;
    /** The kernel's {@code IFLA_LINK_NETNSID} link attribute, decoded as {@link Link#linkNetnsId()}. */
    public static final int IFLA_LINK_NETNSID = 37;
    /** The kernel's {@code IFLA_PROTO_DOWN} link attribute, kept raw: {@link Link#attribute(int)}. */
    public static final int IFLA_PROTO_DOWN = 39;
    /** The kernel's {@code IFLA_GSO_MAX_SEGS} link attribute, kept raw: {@link Link#attribute(int)}. */
    public static final int IFLA_GSO_MAX_SEGS = 40;
    /** The kernel's {@code IFLA_GSO_MAX_SIZE} link attribute, kept raw: {@link Link#attribute(int)}. */
    public static final int IFLA_GSO_MAX_SIZE = 41;
    /** The kernel's {@code IFLA_XDP} link attribute, kept raw: {@link Link#attribute(int)}. */
    public static final int IFLA_XDP = 43;
    /** The kernel's {@code IFLA_MIN_MTU} link attribute, decoded as {@link Link#minMtu()}. */
    public static final int IFLA_MIN_MTU = 50;
    /** The kernel's {@code IFLA_MAX_MTU} link attribute, decoded as {@link Link#maxMtu()}. */
    public static final int IFLA_MAX_MTU = 51;
    /** The kernel's {@code IFLA_PROP_LIST} link attribute, decoded as {@link Link#alternativeNames()}. */
    public static final int IFLA_PROP_LIST = 52;
    /** The kernel's {@code IFLA_ALT_IFNAME} link attribute (inside IFLA_PROP_LIST), decoded as {@link Link#alternativeNames()}. */
    public static final int IFLA_ALT_IFNAME = 53;
    /** The kernel's {@code IFLA_PERM_ADDRESS} link attribute, decoded as {@link Link#permanentAddress()}. */
    public static final int IFLA_PERM_ADDRESS = 54;
    /** The kernel's {@code IFLA_GRO_MAX_SIZE} link attribute, kept raw: {@link Link#attribute(int)}. */
    public static final int IFLA_GRO_MAX_SIZE = 58;
    /** The kernel's {@code IFLA_TSO_MAX_SIZE} link attribute, kept raw: {@link Link#attribute(int)}. */
    public static final int IFLA_TSO_MAX_SIZE = 59;
    /** The kernel's {@code IFLA_TSO_MAX_SEGS} link attribute, kept raw: {@link Link#attribute(int)}. */
    public static final int IFLA_TSO_MAX_SEGS = 60;
    /** The kernel's {@code IFLA_ALLMULTI} link attribute, kept raw: {@link Link#attribute(int)}. */
    public static final int IFLA_ALLMULTI = 61;

    // Address attributes (IFA_*).
    /** The kernel's {@code IFA_ADDRESS} address attribute, decoded as {@link Address#address()} and {@link Address#peer()}. */
    public static final int IFA_ADDRESS = 1;
    /** The kernel's {@code IFA_LOCAL} address attribute, decoded as {@link Address#address()}. */
    public static final int IFA_LOCAL = 2;
    /** The kernel's {@code IFA_LABEL} address attribute, decoded as {@link Address#label()}. */
    public static final int IFA_LABEL = 3;
    /** The kernel's {@code IFA_BROADCAST} address attribute, decoded as {@link Address#broadcast()}. */
    public static final int IFA_BROADCAST = 4;
    /** The kernel's {@code IFA_ANYCAST} address attribute, kept raw: {@link Address#attribute(int)}. */
    public static final int IFA_ANYCAST = 5;
    /** The kernel's {@code IFA_CACHEINFO} address attribute, decoded as {@link Address#cacheInfo()}. */
    public static final int IFA_CACHEINFO = 6;
    /** The kernel's {@code IFA_MULTICAST} address attribute, kept raw: {@link Address#attribute(int)}. */
    public static final int IFA_MULTICAST = 7;
    /** The kernel's {@code IFA_FLAGS} address attribute, decoded as {@link Address#flags()}. */
    public static final int IFA_FLAGS = 8;
    /** The kernel's {@code IFA_RT_PRIORITY} address attribute, decoded as {@link Address#routePriority()}. */
    public static final int IFA_RT_PRIORITY = 9;
    /** The kernel's {@code IFA_PROTO} address attribute, decoded as {@link Address#protocol()}. */
    public static final int IFA_PROTO = 11;

    // Route attributes (RTA_*).
    /** The kernel's {@code RTA_DST} route attribute, decoded as {@link Route#destination()}. */
    public static final int RTA_DST = 1;
    /** The kernel's {@code RTA_SRC} route attribute, decoded as {@link Route#source()}. */
    public static final int RTA_SRC = 2;
    /** The kernel's {@code RTA_IIF} route attribute, kept raw: {@link Route#attribute(int)}. */
    public static final int RTA_IIF = 3;
    /** The kernel's {@code RTA_OIF} route attribute, decoded as {@link Route#linkIndex()}. */
    public static final int RTA_OIF = 4;
    /** The kernel's {@code RTA_GATEWAY} route attribute, decoded as {@link Route#gateway()}. */
    public static final int RTA_GATEWAY = 5;
    /** The kernel's {@code RTA_PRIORITY} route attribute, decoded as {@link Route#priority()}. */
    public static final int RTA_PRIORITY = 6;
    /** The kernel's {@code RTA_PREFSRC} route attribute, decoded as {@link Route#preferredSource()}. */
    public static final int RTA_PREFSRC = 7;
    /** The kernel's {@code RTA_METRICS} route attribute, decoded as {@link Route#mtu()} and {@link Route#otherMetrics()}. */
    public static final int RTA_METRICS = 8;
    /** The kernel's {@code RTA_MULTIPATH} route attribute, decoded as {@link Route#nextHops()}. */
    public static final int RTA_MULTIPATH = 9;
    /** The kernel's {@code RTA_FLOW} route attribute, kept raw: {@link Route#attribute(int)}. */
    public static final int RTA_FLOW = 11;
    /** The kernel's {@code RTA_CACHEINFO} route attribute, kept raw: {@link Route#attribute(int)}. */
    public static final int RTA_CACHEINFO = 12;
    /** The kernel's {@code RTA_TABLE} route attribute, decoded as {@link Route#table()}. */
    public static final int RTA_TABLE = 15;
    /** The kernel's {@code RTA_MARK} route attribute, kept raw: {@link Route#attribute(int)}. */
    public static final int RTA_MARK = 16;
    /** The kernel's {@code RTA_VIA} route attribute, decoded as {@link Route#gateway()} (a gateway of the other family). */
    public static final int RTA_VIA = 18;
    /** The kernel's {@code RTA_PREF} route attribute, decoded as {@link Route#preference()}. */
    public static final int RTA_PREF = 20;
    /** The kernel's {@code RTA_ENCAP_TYPE} route attribute, kept raw: {@link Route#attribute(int)}. */
    public static final int RTA_ENCAP_TYPE = 21;
    /** The kernel's {@code RTA_ENCAP} route attribute, kept raw: {@link Route#attribute(int)}. */
    public static final int RTA_ENCAP = 22;
    /** The kernel's {@code RTA_EXPIRES} route attribute, kept raw: {@link Route#attribute(int)}. */
    public static final int RTA_EXPIRES = 23;
    /** The kernel's {@code RTA_UID} route attribute, kept raw: {@link Route#attribute(int)}. */
    public static final int RTA_UID = 25;
    /** The kernel's {@code RTA_NH_ID} route attribute, kept raw: {@link Route#attribute(int)}. */
    public static final int RTA_NH_ID = 30;
    /** The kernel's {@code RTAX_MTU} metric (inside RTA_METRICS), decoded as {@link Route#mtu()}. */
    public static final int RTAX_MTU = 2;
}
