// SPDX-FileCopyrightText: 2026 The netlink4j Authors
// SPDX-License-Identifier: Apache-2.0
package io.netlink4j.ipvs;

/**
 * What the kernel says about IPVS itself (IPVS_CMD_GET_INFO).
 *
 * @param version             the IPVS version, one byte each for major, minor and patch: 0x010201 for 1.2.1
 * @param connectionTableSize the connection hash table's number of buckets (unsigned 32-bit)
 */
public record Info(int version, long connectionTableSize) {

    /**
     * Checks the table size.
     *
     * @throws IllegalArgumentException if {@code connectionTableSize} is outside 0-4294967295
     */
    public Info {
        Checks.u32("connectionTableSize", connectionTableSize);
    }

    /** The version as {@code major.minor.patch}. */
    public String versionString() {
        return ((version >> 16) & 0xFF) + "." + ((version >> 8) & 0xFF) + "." + (version & 0xFF);
    }
}
