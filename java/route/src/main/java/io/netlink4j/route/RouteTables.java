// SPDX-FileCopyrightText: 2026 The netlink4j Authors
// SPDX-License-Identifier: Apache-2.0
package io.netlink4j.route;

/**
 * The numbers of the routing tables the kernel names ({@link Route#table()}, the kernel's
 * RT_TABLE_*): any other number 1-4294967295 is a table an administrator made (a Java {@code int}
 * holds the bits of the kernel's u32).
 */
public final class RouteTables {
    private RouteTables() {}

    /** RT_TABLE_UNSPEC (0): no table; in a listing, every table. */
    public static final int UNSPEC = 0;
    /** RT_TABLE_COMPAT (252). */
    public static final int COMPAT = 252;
    /** RT_TABLE_DEFAULT (253): consulted after {@link #MAIN} by the default rules. */
    public static final int DEFAULT = 253;
    /** RT_TABLE_MAIN (254): the table {@code ip route} shows and changes by default. */
    public static final int MAIN = 254;
    /** RT_TABLE_LOCAL (255): the kernel's routes of local and broadcast addresses. */
    public static final int LOCAL = 255;
}
