// SPDX-FileCopyrightText: 2026 The netlink4j Authors
// SPDX-License-Identifier: Apache-2.0
package io.netlink4j.route;

import java.util.List;

/**
 * The flags of a route and of its next hops ({@code rtm_flags}, {@code rtnh_flags},
 * {@link Route#flags()}, {@link NextHop#flags()}): the kernel's RTNH_F_* bits (low byte) and
 * RTM_F_* bits, from {@code include/uapi/linux/rtnetlink.h}, and their names.
 */
public final class RouteFlags {
    private RouteFlags() {}

    /** RTNH_F_DEAD: the next hop is dead (its link is down). */
    public static final int DEAD = 0x1;
    /** RTNH_F_PERVASIVE: do recursive gateway lookup. */
    public static final int PERVASIVE = 0x2;
    /** RTNH_F_ONLINK: the gateway is on the link even if no prefix says so (settable). */
    public static final int ONLINK = 0x4;
    /** RTNH_F_OFFLOAD: the next hop is offloaded to hardware. */
    public static final int OFFLOAD = 0x8;
    /** RTNH_F_LINKDOWN: the carrier of the next hop's link is down. */
    public static final int LINKDOWN = 0x10;
    /** RTNH_F_UNRESOLVED: the next hop's gateway is not resolved. */
    public static final int UNRESOLVED = 0x20;
    /** RTNH_F_TRAP: the next hop traps packets to the host in hardware. */
    public static final int TRAP = 0x40;
    /** RTM_F_NOTIFY: notify the user of route changes. */
    public static final int NOTIFY = 0x100;
    /** RTM_F_CLONED: a cached clone of a route (an exception), not a route of the table. */
    public static final int CLONED = 0x200;
    /** RTM_F_EQUALIZE: multipath equalizer (not implemented). */
    public static final int EQUALIZE = 0x400;
    /** RTM_F_PREFIX: a prefix route (of an address or router advertisement). */
    public static final int PREFIX = 0x800;
    /** RTM_F_LOOKUP_TABLE: a lookup reports the table it matched in. */
    public static final int LOOKUP_TABLE = 0x1000;
    /** RTM_F_FIB_MATCH: a lookup reports the matching route, not the resolved destination. */
    public static final int FIB_MATCH = 0x2000;

    private static final String[] NAMES = {"DEAD", "PERVASIVE", "ONLINK", "OFFLOAD", "LINKDOWN", "UNRESOLVED", "TRAP", null,
        "NOTIFY", "CLONED", "EQUALIZE", "PREFIX", "LOOKUP_TABLE", "FIB_MATCH"};

    /**
     * The flags set in {@code flags} by the kernel's names without their {@code RTNH_F_} or
     * {@code RTM_F_} prefix ({@code ONLINK}, {@code LINKDOWN}), lowest bit first; bits this class
     * has no constant for come last, together, as a hex number.
     *
     * @param flags the flags
     * @return the names of the set flags, lowest bit first, unknown bits last as a hex number
     */
    public static List<String> names(int flags) {
        return FlagNames.names(flags, NAMES);
    }
}
