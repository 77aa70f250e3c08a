// SPDX-FileCopyrightText: 2026 The netlink4j Authors
// SPDX-License-Identifier: Apache-2.0
package io.netlink4j.route;

import io.netlink4j.AddressFamily;

import java.util.ArrayList;
import java.util.List;

/** The flags of an interface address (IFA_F_*, from {@code ifa_flags} and IFA_FLAGS) and their iproute2 names. */
public final class AddressFlags {
    private AddressFlags() {}

    /** IPv4: a secondary address; IPv6: a temporary (privacy) address. */
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

    private static final int[] ORDER = {SECONDARY, NODAD, OPTIMISTIC, DADFAILED, HOMEADDRESS, DEPRECATED, TENTATIVE,
        PERMANENT, MANAGETEMPADDR, NOPREFIXROUTE, MCAUTOJOIN, STABLE_PRIVACY};
    private static final String[] NAMES = {"secondary", "nodad", "optimistic", "dadfailed", "home", "deprecated",
        "tentative", "dynamic", "mngtmpaddr", "noprefixroute", "autojoin", "stable-privacy"};

    /**
     * The flags as iproute2 names them, in its order ({@code ip -j addr} makes each name a key with
     * value true): SECONDARY is {@code temporary} for IPv6, PERMANENT shows as {@code dynamic}
     * when absent, and unknown bits come last as {@code flags NN} (hex).
     */
    public static List<String> names(int flags, AddressFamily family) {
        List<String> out = new ArrayList<>();
        int rest = flags;
        for (int i = 0; i < ORDER.length; i++) {
            int bit = ORDER[i];
            if (bit == PERMANENT) {
                if ((rest & bit) == 0) {
                    out.add(NAMES[i]);
                }
            } else if ((rest & bit) != 0) {
                out.add(bit == SECONDARY && AddressFamily.INET6.equals(family) ? "temporary" : NAMES[i]);
            }
            rest &= ~bit;
        }
        if (rest != 0) {
            out.add(String.format("flags %02x", rest));
        }
        return out;
    }
}
