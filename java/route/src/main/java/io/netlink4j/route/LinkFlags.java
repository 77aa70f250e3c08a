// SPDX-FileCopyrightText: 2026 The netlink4j Authors
// SPDX-License-Identifier: Apache-2.0
package io.netlink4j.route;

import java.util.List;

/**
 * The device flags of a link ({@code ifi_flags}, {@link Link#flags()}): the kernel's IFF_* bits,
 * from {@code include/uapi/linux/if.h}, and their names.
 */
public final class LinkFlags {
    private LinkFlags() {}

    /** IFF_UP. */
    public static final int UP = 0x1;
    /** IFF_BROADCAST. */
    public static final int BROADCAST = 0x2;
    /** IFF_DEBUG. */
    public static final int DEBUG = 0x4;
    /** IFF_LOOPBACK. */
    public static final int LOOPBACK = 0x8;
    /** IFF_POINTOPOINT. */
    public static final int POINTOPOINT = 0x10;
    /** IFF_NOTRAILERS. */
    public static final int NOTRAILERS = 0x20;
    /** IFF_RUNNING. */
    public static final int RUNNING = 0x40;
    /** IFF_NOARP. */
    public static final int NOARP = 0x80;
    /** IFF_PROMISC. */
    public static final int PROMISC = 0x100;
    /** IFF_ALLMULTI. */
    public static final int ALLMULTI = 0x200;
    /** IFF_MASTER. */
    public static final int MASTER = 0x400;
    /** IFF_SLAVE. */
    public static final int SLAVE = 0x800;
    /** IFF_MULTICAST. */
    public static final int MULTICAST = 0x1000;
    /** IFF_PORTSEL. */
    public static final int PORTSEL = 0x2000;
    /** IFF_AUTOMEDIA. */
    public static final int AUTOMEDIA = 0x4000;
    /** IFF_DYNAMIC. */
    public static final int DYNAMIC = 0x8000;
    /** IFF_LOWER_UP. */
    public static final int LOWER_UP = 0x10000;
    /** IFF_DORMANT. */
    public static final int DORMANT = 0x20000;
    /** IFF_ECHO. */
    public static final int ECHO = 0x40000;

    private static final String[] NAMES = {"UP", "BROADCAST", "DEBUG", "LOOPBACK", "POINTOPOINT", "NOTRAILERS", "RUNNING",
        "NOARP", "PROMISC", "ALLMULTI", "MASTER", "SLAVE", "MULTICAST", "PORTSEL", "AUTOMEDIA", "DYNAMIC", "LOWER_UP", "DORMANT",
        "ECHO"};

    /**
     * The flags set in {@code flags} by the kernel's names without the {@code IFF_} prefix
     * ({@code UP}, {@code LOWER_UP}), lowest bit first; bits this class has no constant for come
     * last, together, as a hex number ({@code 0x80000}).
     *
     * @param flags the flags
     * @return the flags set in {@code flags} by the kernel's names without the {@code IFF_} prefix ({@code UP}, {@code LOWER_UP}), lowest bit first; bits this class has no constant for come last, together, as a hex number ({@code 0x80000})
     */
    public static List<String> names(int flags) {
        return FlagNames.names(flags, NAMES);
    }
}
