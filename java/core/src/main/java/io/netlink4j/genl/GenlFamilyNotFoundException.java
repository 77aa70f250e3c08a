// SPDX-FileCopyrightText: 2026 The netlink4j Authors
// SPDX-License-Identifier: Apache-2.0
package io.netlink4j.genl;

import io.netlink4j.NetlinkErrnoException;

/** The kernel has no generic netlink family of that name (ENOENT): not built, or its module is not loaded. */
public class GenlFamilyNotFoundException extends NetlinkErrnoException {
    private static final long serialVersionUID = 1L;
    private final String family;

    public GenlFamilyNotFoundException(String family, NetlinkErrnoException cause) {
        super("generic netlink family " + family + " not found (its kernel module is not loaded or not built)", cause);
        this.family = family;
    }

    /**
     * The family is missing, with {@code remedy} saying what provides it, e.g.
     * {@code "load the ip_vs kernel module (modprobe ip_vs)"}.
     */
    public GenlFamilyNotFoundException(String family, String remedy, NetlinkErrnoException cause) {
        super("generic netlink family " + family + " not found: " + remedy, cause);
        this.family = family;
    }

    public String family() {
        return family;
    }
}
