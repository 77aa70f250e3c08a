// SPDX-FileCopyrightText: 2026 The netlink4j Authors
// SPDX-License-Identifier: Apache-2.0
package io.netlink4j.route;

/**
 * The parts of rtnetlink that only the codec needs: the layout of the fixed headers, the
 * attributes nested inside IFLA_LINKINFO, the kernel's name limit and message type names. Not
 * API: users read decoded values, and {@link Rtnetlink} has the numbers they may look for.
 */
final class RtnetlinkLayout {
    private RtnetlinkLayout() {}

    /**
     * {@code struct ifinfomsg}, 16 bytes: u8 family, u8 pad, u16 type (ARPHRD_*), s32 index,
     * u32 flags (IFF_*), u32 change (the flag bits to change).
     */
    static final int IFINFOMSG_SIZE = 16;
    /** Offset of the family field in {@code struct ifinfomsg}. */
    static final int IFINFOMSG_FAMILY = 0;
    /** Offset of the type field in {@code struct ifinfomsg}. */
    static final int IFINFOMSG_TYPE = 2;
    /** Offset of the index field in {@code struct ifinfomsg}. */
    static final int IFINFOMSG_INDEX = 4;
    /** Offset of the flags field in {@code struct ifinfomsg}. */
    static final int IFINFOMSG_FLAGS = 8;
    /** Offset of the change field in {@code struct ifinfomsg}. */
    static final int IFINFOMSG_CHANGE = 12;

    /** {@code struct ifaddrmsg}, 8 bytes: u8 family, u8 prefixlen, u8 flags, u8 scope, u32 index. */
    static final int IFADDRMSG_SIZE = 8;
    /** Offset of the family field in {@code struct ifaddrmsg}. */
    static final int IFADDRMSG_FAMILY = 0;
    /** Offset of the prefixlen field in {@code struct ifaddrmsg}. */
    static final int IFADDRMSG_PREFIXLEN = 1;
    /** Offset of the flags field in {@code struct ifaddrmsg}. */
    static final int IFADDRMSG_FLAGS = 2;
    /** Offset of the scope field in {@code struct ifaddrmsg}. */
    static final int IFADDRMSG_SCOPE = 3;
    /** Offset of the index field in {@code struct ifaddrmsg}. */
    static final int IFADDRMSG_INDEX = 4;

    /**
     * {@code struct rtmsg}, 12 bytes: u8 family, u8 dst_len, u8 src_len, u8 tos, u8 table,
     * u8 protocol, u8 scope, u8 type, u32 flags.
     */
    static final int RTMSG_SIZE = 12;
    /** Offset of the family field in {@code struct rtmsg}. */
    static final int RTMSG_FAMILY = 0;
    /** Offset of the dst_len field in {@code struct rtmsg}. */
    static final int RTMSG_DST_LEN = 1;
    /** Offset of the src_len field in {@code struct rtmsg}. */
    static final int RTMSG_SRC_LEN = 2;
    /** Offset of the tos field in {@code struct rtmsg}. */
    static final int RTMSG_TOS = 3;
    /** Offset of the table field in {@code struct rtmsg}. */
    static final int RTMSG_TABLE = 4;
    /** Offset of the protocol field in {@code struct rtmsg}. */
    static final int RTMSG_PROTOCOL = 5;
    /** Offset of the scope field in {@code struct rtmsg}. */
    static final int RTMSG_SCOPE = 6;
    /** Offset of the type field in {@code struct rtmsg}. */
    static final int RTMSG_TYPE = 7;
    /** Offset of the flags field in {@code struct rtmsg}. */
    static final int RTMSG_FLAGS = 8;

    /** {@code struct rtnexthop}, 8 bytes: u16 len, u8 flags, u8 hops, s32 ifindex; attributes follow. */
    static final int RTNEXTHOP_SIZE = 8;

    // Inside IFLA_LINKINFO (IFLA_INFO_*).
    /** The kernel's {@code IFLA_INFO_KIND}. */
    static final int IFLA_INFO_KIND = 1;
    /** The kernel's {@code IFLA_INFO_DATA}. */
    static final int IFLA_INFO_DATA = 2;
    /** The kernel's {@code IFLA_INFO_XSTATS}. */
    static final int IFLA_INFO_XSTATS = 3;
    /** The kernel's {@code IFLA_INFO_SLAVE_KIND}. */
    static final int IFLA_INFO_SLAVE_KIND = 4;
    /** The kernel's {@code IFLA_INFO_SLAVE_DATA}. */
    static final int IFLA_INFO_SLAVE_DATA = 5;

    /** Inside a veth's IFLA_INFO_DATA: the peer, as a {@code struct ifinfomsg} followed by IFLA_* attributes. */
    static final int VETH_INFO_PEER = 1;

    /** {@code struct ifa_cacheinfo}: u32 preferred, u32 valid, u32 cstamp, u32 tstamp. */
    static final int IFA_CACHEINFO_SIZE = 16;

    /** Interface names and IPv4 address labels are at most IFNAMSIZ - 1 = 15 bytes. */
    static final int MAX_IFNAME_LENGTH = 15;

    /** Name of a message type, for messages. */
    static String typeName(int type) {
        return switch (type) {
            case Rtnetlink.RTM_NEWLINK -> "RTM_NEWLINK";
            case Rtnetlink.RTM_DELLINK -> "RTM_DELLINK";
            case Rtnetlink.RTM_GETLINK -> "RTM_GETLINK";
            case Rtnetlink.RTM_SETLINK -> "RTM_SETLINK";
            case Rtnetlink.RTM_NEWADDR -> "RTM_NEWADDR";
            case Rtnetlink.RTM_DELADDR -> "RTM_DELADDR";
            case Rtnetlink.RTM_GETADDR -> "RTM_GETADDR";
            case Rtnetlink.RTM_NEWROUTE -> "RTM_NEWROUTE";
            case Rtnetlink.RTM_DELROUTE -> "RTM_DELROUTE";
            case Rtnetlink.RTM_GETROUTE -> "RTM_GETROUTE";
            default -> "RTM#" + type;
        };
    }
}
