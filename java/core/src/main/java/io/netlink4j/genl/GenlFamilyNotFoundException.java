// SPDX-FileCopyrightText: 2026 The netlink4j Authors
// SPDX-License-Identifier: Apache-2.0
package io.netlink4j.genl;

import io.netlink4j.NetlinkErrnoException;

/** The kernel has no generic netlink family of that name (ENOENT): not built, or its module is not loaded. */
public class GenlFamilyNotFoundException extends NetlinkErrnoException {
    private static final long serialVersionUID = 1L;
    /** The family's name. */
    private final String family;

    /**
     * The family is missing: the kernel answered {@code cause} (ENOENT) to the request for it.
     *
     * @param family the family's name
     * @param cause  the kernel's refusal
     */
    public GenlFamilyNotFoundException(String family, NetlinkErrnoException cause) {
        super("generic netlink family " + family + " not found (its kernel module is not loaded or not built)", cause);
        this.family = family;
    }

    /**
     * The family is missing, with {@code remedy} saying what provides it, e.g.
     * {@code "load the ip_vs kernel module (modprobe ip_vs)"}.
     *
     * @param family the family's name
     * @param remedy what provides the family
     * @param cause  the kernel's refusal
     */
    public GenlFamilyNotFoundException(String family, String remedy, NetlinkErrnoException cause) {
        super("generic netlink family " + family + " not found: " + remedy, cause);
        this.family = family;
    }

    /**
     * The family that was not found.
     *
     * @return its name, e.g. {@code "IPVS"}
     */
    public String family() {
        return family;
    }
}
