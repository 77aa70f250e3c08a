// SPDX-FileCopyrightText: 2026 The netlink4j Authors
// SPDX-License-Identifier: Apache-2.0
package io.netlink4j.route;

import java.util.List;

/**
 * The flags of an interface address ({@link Address#flags()}): the kernel's IFA_F_* bits, from
 * {@code include/uapi/linux/if_addr.h} (the low eight in {@code ifa_flags}, all of them in
 * IFA_FLAGS), and their names.
 */
public final class AddressFlags {
    private AddressFlags() {}

    /** IFA_F_SECONDARY (also IFA_F_TEMPORARY): for IPv4 a secondary address, for IPv6 a temporary (privacy) address. */
    public static final int SECONDARY = 0x01;
    /** IFA_F_NODAD. */
    public static final int NODAD = 0x02;
    /** IFA_F_OPTIMISTIC. */
    public static final int OPTIMISTIC = 0x04;
    /** IFA_F_DADFAILED. */
    public static final int DADFAILED = 0x08;
    /** IFA_F_HOMEADDRESS. */
    public static final int HOMEADDRESS = 0x10;
    /** IFA_F_DEPRECATED. */
    public static final int DEPRECATED = 0x20;
    /** IFA_F_TENTATIVE. */
    public static final int TENTATIVE = 0x40;
    /** IFA_F_PERMANENT. */
    public static final int PERMANENT = 0x80;
    /** IFA_F_MANAGETEMPADDR. */
    public static final int MANAGETEMPADDR = 0x100;
    /** IFA_F_NOPREFIXROUTE. */
    public static final int NOPREFIXROUTE = 0x200;
    /** IFA_F_MCAUTOJOIN. */
    public static final int MCAUTOJOIN = 0x400;
    /** IFA_F_STABLE_PRIVACY. */
    public static final int STABLE_PRIVACY = 0x800;

    private static final String[] NAMES = {"SECONDARY", "NODAD", "OPTIMISTIC", "DADFAILED", "HOMEADDRESS", "DEPRECATED",
        "TENTATIVE", "PERMANENT", "MANAGETEMPADDR", "NOPREFIXROUTE", "MCAUTOJOIN", "STABLE_PRIVACY"};

    /**
     * The flags set in {@code flags} by the kernel's names without the {@code IFA_F_} prefix
     * ({@code PERMANENT}, {@code MANAGETEMPADDR}), lowest bit first; bits this class has no
     * constant for come last, together, as a hex number ({@code 0x1000}).
     *
     * @param flags the flags
     * @return the flags set in {@code flags} by the kernel's names without the {@code IFA_F_} prefix ({@code PERMANENT}, {@code MANAGETEMPADDR}), lowest bit first; bits this class has no constant for come last, together, as a hex number ({@code 0x1000})
     */
    public static List<String> names(int flags) {
        return FlagNames.names(flags, NAMES);
    }
}
