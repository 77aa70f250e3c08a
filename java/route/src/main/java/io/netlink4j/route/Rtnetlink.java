// SPDX-FileCopyrightText: 2026 The netlink4j Authors
// SPDX-License-Identifier: Apache-2.0
package io.netlink4j.route;

/**
 * The rtnetlink protocol (NETLINK_ROUTE) as far as links and addresses go: message types, fixed
 * headers, attribute numbers and multicast groups, from the kernel's
 * {@code include/uapi/linux/rtnetlink.h}, {@code if_link.h}, {@code if_addr.h} and {@code veth.h}.
 * Everything is host byte order except addresses, which are network order.
 */
public final class Rtnetlink {
    private Rtnetlink() {}

    // Message types.
    /** The kernel's {@code RTM_NEWLINK}. */
    public static final int RTM_NEWLINK = 16;
    /** The kernel's {@code RTM_DELLINK}. */
    public static final int RTM_DELLINK = 17;
    /** The kernel's {@code RTM_GETLINK}. */
    public static final int RTM_GETLINK = 18;
    /** The kernel's {@code RTM_SETLINK}. */
    public static final int RTM_SETLINK = 19;
    /** The kernel's {@code RTM_NEWADDR}. */
    public static final int RTM_NEWADDR = 20;
    /** The kernel's {@code RTM_DELADDR}. */
    public static final int RTM_DELADDR = 21;
    /** The kernel's {@code RTM_GETADDR}. */
    public static final int RTM_GETADDR = 22;

    // Multicast groups (RTNLGRP_*).
    /** The kernel's {@code RTNLGRP_LINK}. */
    public static final int RTNLGRP_LINK = 1;
    /** The kernel's {@code RTNLGRP_IPV4_IFADDR}. */
    public static final int RTNLGRP_IPV4_IFADDR = 5;
    /** The kernel's {@code RTNLGRP_IPV6_IFADDR}. */
    public static final int RTNLGRP_IPV6_IFADDR = 9;

    /**
     * {@code struct ifinfomsg}, 16 bytes: u8 family, u8 pad, u16 type (ARPHRD_*), s32 index,
     * u32 flags (IFF_*), u32 change (the flag bits to change).
     */
    public static final int IFINFOMSG_SIZE = 16;
    /** Offset of the family field in {@code struct ifinfomsg}. */
    public static final int IFINFOMSG_FAMILY = 0;
    /** Offset of the type field in {@code struct ifinfomsg}. */
    public static final int IFINFOMSG_TYPE = 2;
    /** Offset of the index field in {@code struct ifinfomsg}. */
    public static final int IFINFOMSG_INDEX = 4;
    /** Offset of the flags field in {@code struct ifinfomsg}. */
    public static final int IFINFOMSG_FLAGS = 8;
    /** Offset of the change field in {@code struct ifinfomsg}. */
    public static final int IFINFOMSG_CHANGE = 12;

    /** {@code struct ifaddrmsg}, 8 bytes: u8 family, u8 prefixlen, u8 flags, u8 scope, u32 index. */
    public static final int IFADDRMSG_SIZE = 8;
    /** Offset of the family field in {@code struct ifaddrmsg}. */
    public static final int IFADDRMSG_FAMILY = 0;
    /** Offset of the prefixlen field in {@code struct ifaddrmsg}. */
    public static final int IFADDRMSG_PREFIXLEN = 1;
    /** Offset of the flags field in {@code struct ifaddrmsg}. */
    public static final int IFADDRMSG_FLAGS = 2;
    /** Offset of the scope field in {@code struct ifaddrmsg}. */
    public static final int IFADDRMSG_SCOPE = 3;
    /** Offset of the index field in {@code struct ifaddrmsg}. */
    public static final int IFADDRMSG_INDEX = 4;

    // Link attributes (IFLA_*).
    /** The kernel's {@code IFLA_ADDRESS}. */
    public static final int IFLA_ADDRESS = 1;
    /** The kernel's {@code IFLA_BROADCAST}. */
    public static final int IFLA_BROADCAST = 2;
    /** The kernel's {@code IFLA_IFNAME}. */
    public static final int IFLA_IFNAME = 3;
    /** The kernel's {@code IFLA_MTU}. */
    public static final int IFLA_MTU = 4;
    /** The kernel's {@code IFLA_LINK}. */
    public static final int IFLA_LINK = 5;
    /** The kernel's {@code IFLA_QDISC}. */
    public static final int IFLA_QDISC = 6;
    /** The kernel's {@code IFLA_STATS}. */
    public static final int IFLA_STATS = 7;
    /** The kernel's {@code IFLA_MASTER}. */
    public static final int IFLA_MASTER = 10;
    /** The kernel's {@code IFLA_TXQLEN}. */
    public static final int IFLA_TXQLEN = 13;
    /** The kernel's {@code IFLA_OPERSTATE}. */
    public static final int IFLA_OPERSTATE = 16;
    /** The kernel's {@code IFLA_LINKMODE}. */
    public static final int IFLA_LINKMODE = 17;
    /** The kernel's {@code IFLA_LINKINFO}. */
    public static final int IFLA_LINKINFO = 18;
    /** The kernel's {@code IFLA_NET_NS_PID}. */
    public static final int IFLA_NET_NS_PID = 19;
    /** The kernel's {@code IFLA_IFALIAS}. */
    public static final int IFLA_IFALIAS = 20;
    /** The kernel's {@code IFLA_STATS64}. */
    public static final int IFLA_STATS64 = 23;
    /** The kernel's {@code IFLA_AF_SPEC}. */
    public static final int IFLA_AF_SPEC = 26;
    /** The kernel's {@code IFLA_GROUP}. */
    public static final int IFLA_GROUP = 27;
    /** The kernel's {@code IFLA_PROMISCUITY}. */
    public static final int IFLA_PROMISCUITY = 30;
    /** The kernel's {@code IFLA_NUM_TX_QUEUES}. */
    public static final int IFLA_NUM_TX_QUEUES = 31;
    /** The kernel's {@code IFLA_NUM_RX_QUEUES}. */
    public static final int IFLA_NUM_RX_QUEUES = 32;
    /** The kernel's {@code IFLA_CARRIER}. */
    public static final int IFLA_CARRIER = 33;
    /** The kernel's {@code IFLA_CARRIER_CHANGES}. */
    public static final int IFLA_CARRIER_CHANGES = 35;
    /** The kernel's {@code IFLA_LINK_NETNSID}. */
    public static final int IFLA_LINK_NETNSID = 37;
    /** The kernel's {@code IFLA_PROTO_DOWN}. */
    public static final int IFLA_PROTO_DOWN = 39;
    /** The kernel's {@code IFLA_GSO_MAX_SEGS}. */
    public static final int IFLA_GSO_MAX_SEGS = 40;
    /** The kernel's {@code IFLA_GSO_MAX_SIZE}. */
    public static final int IFLA_GSO_MAX_SIZE = 41;
    /** The kernel's {@code IFLA_XDP}. */
    public static final int IFLA_XDP = 43;
    /** The kernel's {@code IFLA_MIN_MTU}. */
    public static final int IFLA_MIN_MTU = 50;
    /** The kernel's {@code IFLA_MAX_MTU}. */
    public static final int IFLA_MAX_MTU = 51;
    /** The kernel's {@code IFLA_PROP_LIST}. */
    public static final int IFLA_PROP_LIST = 52;
    /** The kernel's {@code IFLA_ALT_IFNAME}. */
    public static final int IFLA_ALT_IFNAME = 53;
    /** The kernel's {@code IFLA_PERM_ADDRESS}. */
    public static final int IFLA_PERM_ADDRESS = 54;
    /** The kernel's {@code IFLA_GRO_MAX_SIZE}. */
    public static final int IFLA_GRO_MAX_SIZE = 58;
    /** The kernel's {@code IFLA_TSO_MAX_SIZE}. */
    public static final int IFLA_TSO_MAX_SIZE = 59;
    /** The kernel's {@code IFLA_TSO_MAX_SEGS}. */
    public static final int IFLA_TSO_MAX_SEGS = 60;
    /** The kernel's {@code IFLA_ALLMULTI}. */
    public static final int IFLA_ALLMULTI = 61;

    // Inside IFLA_LINKINFO (IFLA_INFO_*).
    /** The kernel's {@code IFLA_INFO_KIND}. */
    public static final int IFLA_INFO_KIND = 1;
    /** The kernel's {@code IFLA_INFO_DATA}. */
    public static final int IFLA_INFO_DATA = 2;
    /** The kernel's {@code IFLA_INFO_XSTATS}. */
    public static final int IFLA_INFO_XSTATS = 3;
    /** The kernel's {@code IFLA_INFO_SLAVE_KIND}. */
    public static final int IFLA_INFO_SLAVE_KIND = 4;
    /** The kernel's {@code IFLA_INFO_SLAVE_DATA}. */
    public static final int IFLA_INFO_SLAVE_DATA = 5;

    /** Inside a veth's IFLA_INFO_DATA: the peer, as a {@code struct ifinfomsg} followed by IFLA_* attributes. */
    public static final int VETH_INFO_PEER = 1;

    // Address attributes (IFA_*).
    /** The kernel's {@code IFA_ADDRESS}. */
    public static final int IFA_ADDRESS = 1;
    /** The kernel's {@code IFA_LOCAL}. */
    public static final int IFA_LOCAL = 2;
    /** The kernel's {@code IFA_LABEL}. */
    public static final int IFA_LABEL = 3;
    /** The kernel's {@code IFA_BROADCAST}. */
    public static final int IFA_BROADCAST = 4;
    /** The kernel's {@code IFA_ANYCAST}. */
    public static final int IFA_ANYCAST = 5;
    /** The kernel's {@code IFA_CACHEINFO}. */
    public static final int IFA_CACHEINFO = 6;
    /** The kernel's {@code IFA_MULTICAST}. */
    public static final int IFA_MULTICAST = 7;
    /** The kernel's {@code IFA_FLAGS}. */
    public static final int IFA_FLAGS = 8;
    /** The kernel's {@code IFA_RT_PRIORITY}. */
    public static final int IFA_RT_PRIORITY = 9;
    /** The kernel's {@code IFA_PROTO}. */
    public static final int IFA_PROTO = 11;

    /** {@code struct ifa_cacheinfo}: u32 preferred, u32 valid, u32 cstamp, u32 tstamp. */
    public static final int IFA_CACHEINFO_SIZE = 16;

    /** Interface names and IPv4 address labels are at most IFNAMSIZ - 1 = 15 bytes. */
    public static final int MAX_IFNAME_LENGTH = 15;

    /** Name of a message type, for messages. */
    public static String typeName(int type) {
        return switch (type) {
            case RTM_NEWLINK -> "RTM_NEWLINK";
            case RTM_DELLINK -> "RTM_DELLINK";
            case RTM_GETLINK -> "RTM_GETLINK";
            case RTM_SETLINK -> "RTM_SETLINK";
            case RTM_NEWADDR -> "RTM_NEWADDR";
            case RTM_DELADDR -> "RTM_DELADDR";
            case RTM_GETADDR -> "RTM_GETADDR";
            default -> "RTM#" + type;
        };
    }
}
