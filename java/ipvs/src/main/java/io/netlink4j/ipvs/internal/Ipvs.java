// SPDX-FileCopyrightText: 2026 The netlink4j Authors
// SPDX-License-Identifier: Apache-2.0
package io.netlink4j.ipvs.internal;

/**
 * The IPVS generic netlink protocol: family name, commands and attribute numbers, from the
 * kernel's {@code include/uapi/linux/ip_vs.h}. Byte orders are noted where they are not host order.
 */
public final class Ipvs {
    private Ipvs() {}

    /** The generic netlink family name the kernel registers IPVS under. */
    public static final String FAMILY_NAME = "IPVS";
    /** The generic netlink version of the IPVS family (IPVS_GENL_VERSION). */
    public static final int GENL_VERSION = 1;

    // Commands.
    /** IPVS_CMD_NEW_SERVICE: create a service. */
    public static final int CMD_NEW_SERVICE = 1;
    /** IPVS_CMD_SET_SERVICE: change a service. */
    public static final int CMD_SET_SERVICE = 2;
    /** IPVS_CMD_DEL_SERVICE: delete a service. */
    public static final int CMD_DEL_SERVICE = 3;
    /** IPVS_CMD_GET_SERVICE: read one service, or dump all. */
    public static final int CMD_GET_SERVICE = 4;
    /** IPVS_CMD_NEW_DEST: add a destination to a service. */
    public static final int CMD_NEW_DEST = 5;
    /** IPVS_CMD_SET_DEST: change a destination. */
    public static final int CMD_SET_DEST = 6;
    /** IPVS_CMD_DEL_DEST: remove a destination. */
    public static final int CMD_DEL_DEST = 7;
    /** IPVS_CMD_GET_DEST: dump the destinations of a service. */
    public static final int CMD_GET_DEST = 8;
    /** IPVS_CMD_NEW_DAEMON: start a sync daemon. */
    public static final int CMD_NEW_DAEMON = 9;
    /** IPVS_CMD_DEL_DAEMON: stop a sync daemon. */
    public static final int CMD_DEL_DAEMON = 10;
    /** IPVS_CMD_GET_DAEMON: dump the sync daemons. */
    public static final int CMD_GET_DAEMON = 11;
    /** IPVS_CMD_SET_CONFIG: set the timeouts. */
    public static final int CMD_SET_CONFIG = 12;
    /** IPVS_CMD_GET_CONFIG: read the timeouts. */
    public static final int CMD_GET_CONFIG = 13;
    /** IPVS_CMD_SET_INFO: the command of GET_INFO replies. */
    public static final int CMD_SET_INFO = 14;
    /** IPVS_CMD_GET_INFO: read version and connection table size. */
    public static final int CMD_GET_INFO = 15;
    /** IPVS_CMD_ZERO: zero the counters of one service or all. */
    public static final int CMD_ZERO = 16;
    /** IPVS_CMD_FLUSH: delete every service. */
    public static final int CMD_FLUSH = 17;

    // Top-level attributes (IPVS_CMD_ATTR_*).
    /** IPVS_CMD_ATTR_SERVICE: nested service attributes. */
    public static final int CMD_ATTR_SERVICE = 1;
    /** IPVS_CMD_ATTR_DEST: nested destination attributes. */
    public static final int CMD_ATTR_DEST = 2;
    /** IPVS_CMD_ATTR_DAEMON: nested sync daemon attributes. */
    public static final int CMD_ATTR_DAEMON = 3;
    /** IPVS_CMD_ATTR_TIMEOUT_TCP: u32 seconds. */
    public static final int CMD_ATTR_TIMEOUT_TCP = 4;
    /** IPVS_CMD_ATTR_TIMEOUT_TCP_FIN: u32 seconds. */
    public static final int CMD_ATTR_TIMEOUT_TCP_FIN = 5;
    /** IPVS_CMD_ATTR_TIMEOUT_UDP: u32 seconds. */
    public static final int CMD_ATTR_TIMEOUT_UDP = 6;

    // Service attributes (IPVS_SVC_ATTR_*).
    /** IPVS_SVC_ATTR_AF: u16 address family. */
    public static final int SVC_ATTR_AF = 1;
    /** IPVS_SVC_ATTR_PROTOCOL: u16 IP protocol number. */
    public static final int SVC_ATTR_PROTOCOL = 2;
    /** IPVS_SVC_ATTR_ADDR: 16-byte union nf_inet_addr. */
    public static final int SVC_ATTR_ADDR = 3;
    /** IPVS_SVC_ATTR_PORT: Big-endian u16. */
    public static final int SVC_ATTR_PORT = 4;
    /** IPVS_SVC_ATTR_FWMARK: u32 firewall mark. */
    public static final int SVC_ATTR_FWMARK = 5;
    /** IPVS_SVC_ATTR_SCHED_NAME: NUL-terminated scheduler name. */
    public static final int SVC_ATTR_SCHED_NAME = 6;
    /** IPVS_SVC_ATTR_FLAGS: struct ip_vs_flags: u32 flags, u32 mask. */
    public static final int SVC_ATTR_FLAGS = 7;
    /** IPVS_SVC_ATTR_TIMEOUT: u32 persistence timeout in seconds. */
    public static final int SVC_ATTR_TIMEOUT = 8;
    /** IPVS_SVC_ATTR_NETMASK: IPv4: the mask's 4 network-order bytes; IPv6: the prefix length as a host u32. */
    public static final int SVC_ATTR_NETMASK = 9;
    /** IPVS_SVC_ATTR_STATS: nested 32-bit counters. */
    public static final int SVC_ATTR_STATS = 10;
    /** IPVS_SVC_ATTR_PE_NAME: NUL-terminated persistence engine name. */
    public static final int SVC_ATTR_PE_NAME = 11;
    /** IPVS_SVC_ATTR_STATS64: nested 64-bit counters. */
    public static final int SVC_ATTR_STATS64 = 12;

    // Destination attributes (IPVS_DEST_ATTR_*).
    /** IPVS_DEST_ATTR_ADDR: 16-byte union nf_inet_addr. */
    public static final int DEST_ATTR_ADDR = 1;
    /** IPVS_DEST_ATTR_PORT: Big-endian u16. */
    public static final int DEST_ATTR_PORT = 2;
    /** IPVS_DEST_ATTR_FWD_METHOD: u32 forwarding method. */
    public static final int DEST_ATTR_FWD_METHOD = 3;
    /** IPVS_DEST_ATTR_WEIGHT: u32 weight. */
    public static final int DEST_ATTR_WEIGHT = 4;
    /** IPVS_DEST_ATTR_U_THRESH: u32 upper connection threshold. */
    public static final int DEST_ATTR_U_THRESH = 5;
    /** IPVS_DEST_ATTR_L_THRESH: u32 lower connection threshold. */
    public static final int DEST_ATTR_L_THRESH = 6;
    /** IPVS_DEST_ATTR_ACTIVE_CONNS: u32 active connections. */
    public static final int DEST_ATTR_ACTIVE_CONNS = 7;
    /** IPVS_DEST_ATTR_INACT_CONNS: u32 inactive connections. */
    public static final int DEST_ATTR_INACT_CONNS = 8;
    /** IPVS_DEST_ATTR_PERSIST_CONNS: u32 persistent connections. */
    public static final int DEST_ATTR_PERSIST_CONNS = 9;
    /** IPVS_DEST_ATTR_STATS: nested 32-bit counters. */
    public static final int DEST_ATTR_STATS = 10;
    /** IPVS_DEST_ATTR_ADDR_FAMILY: u16 address family. */
    public static final int DEST_ATTR_ADDR_FAMILY = 11;
    /** IPVS_DEST_ATTR_STATS64: nested 64-bit counters. */
    public static final int DEST_ATTR_STATS64 = 12;
    /** IPVS_DEST_ATTR_TUN_TYPE: u8 tunnel type. */
    public static final int DEST_ATTR_TUN_TYPE = 13;
    /** IPVS_DEST_ATTR_TUN_PORT: Big-endian u16. */
    public static final int DEST_ATTR_TUN_PORT = 14;
    /** IPVS_DEST_ATTR_TUN_FLAGS: u16 tunnel flags. */
    public static final int DEST_ATTR_TUN_FLAGS = 15;

    // Daemon attributes (IPVS_DAEMON_ATTR_*).
    /** IPVS_DAEMON_ATTR_STATE: u32 MASTER or BACKUP. */
    public static final int DAEMON_ATTR_STATE = 1;
    /** IPVS_DAEMON_ATTR_MCAST_IFN: NUL-terminated interface name. */
    public static final int DAEMON_ATTR_MCAST_IFN = 2;
    /** IPVS_DAEMON_ATTR_SYNC_ID: u32 sync id. */
    public static final int DAEMON_ATTR_SYNC_ID = 3;
    /** IPVS_DAEMON_ATTR_SYNC_MAXLEN: u16 maximum sync message length. */
    public static final int DAEMON_ATTR_SYNC_MAXLEN = 4;
    /** IPVS_DAEMON_ATTR_MCAST_GROUP: 4 bytes, network order. */
    public static final int DAEMON_ATTR_MCAST_GROUP = 5;
    /** IPVS_DAEMON_ATTR_MCAST_GROUP6: 16-byte IPv6 multicast group. */
    public static final int DAEMON_ATTR_MCAST_GROUP6 = 6;
    /** IPVS_DAEMON_ATTR_MCAST_PORT: Host-order u16. */
    public static final int DAEMON_ATTR_MCAST_PORT = 7;
    /** IPVS_DAEMON_ATTR_MCAST_TTL: u8 multicast TTL. */
    public static final int DAEMON_ATTR_MCAST_TTL = 8;

    // Statistics attributes (IPVS_STATS_ATTR_*).
    /** IPVS_STATS_ATTR_CONNS: connections scheduled. */
    public static final int STATS_ATTR_CONNS = 1;
    /** IPVS_STATS_ATTR_INPKTS: incoming packets. */
    public static final int STATS_ATTR_INPKTS = 2;
    /** IPVS_STATS_ATTR_OUTPKTS: outgoing packets. */
    public static final int STATS_ATTR_OUTPKTS = 3;
    /** IPVS_STATS_ATTR_INBYTES: incoming bytes. */
    public static final int STATS_ATTR_INBYTES = 4;
    /** IPVS_STATS_ATTR_OUTBYTES: outgoing bytes. */
    public static final int STATS_ATTR_OUTBYTES = 5;
    /** IPVS_STATS_ATTR_CPS: connections per second. */
    public static final int STATS_ATTR_CPS = 6;
    /** IPVS_STATS_ATTR_INPPS: incoming packets per second. */
    public static final int STATS_ATTR_INPPS = 7;
    /** IPVS_STATS_ATTR_OUTPPS: outgoing packets per second. */
    public static final int STATS_ATTR_OUTPPS = 8;
    /** IPVS_STATS_ATTR_INBPS: incoming bytes per second. */
    public static final int STATS_ATTR_INBPS = 9;
    /** IPVS_STATS_ATTR_OUTBPS: outgoing bytes per second. */
    public static final int STATS_ATTR_OUTBPS = 10;
    /** IPVS_STATS_ATTR_PAD: alignment padding of the 64-bit counters. */
    public static final int STATS_ATTR_PAD = 11;

    // Info attributes (IPVS_INFO_ATTR_*).
    /** IPVS_INFO_ATTR_VERSION: u32 version, e.g. 0x010201 for 1.2.1. */
    public static final int INFO_ATTR_VERSION = 1;
    /** IPVS_INFO_ATTR_CONN_TAB_SIZE: u32 connection table buckets. */
    public static final int INFO_ATTR_CONN_TAB_SIZE = 2;

    /** Scheduler and persistence-engine names are at most IP_VS_SCHEDNAME_MAXLEN - 1 = 15 bytes. */
    public static final int MAX_NAME_LENGTH = 15;
    /** Interface names are at most IP_VS_IFNAME_MAXLEN - 1 = 15 bytes. */
    public static final int MAX_IFNAME_LENGTH = 15;
}
