// SPDX-FileCopyrightText: 2026 The netlink4j Authors
// SPDX-License-Identifier: Apache-2.0
package io.netlink4j.ipvs;

/**
 * What the kernel says about IPVS itself.
 *
 * @param version             e.g. 0x010201 for 1.2.1
 * @param connectionTableSize the connection hash table's number of buckets
 */
public record Info(int version, long connectionTableSize) {
    /** The version as {@code major.minor.patch}. */
    public String versionString() {
        return ((version >> 16) & 0xFF) + "." + ((version >> 8) & 0xFF) + "." + (version & 0xFF);
    }
}
