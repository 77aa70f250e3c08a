// SPDX-FileCopyrightText: 2026 The netlink4j Authors
// SPDX-License-Identifier: Apache-2.0
package io.netlink4j.ipvs;

/**
 * Traffic counters of a service or destination. 64-bit: taken from the kernel's STATS64 when it
 * sends them, else from the older STATS (32-bit counters except bytes). Rates are per second, as
 * the kernel estimates them.
 */
public record Stats(long connections, long packetsIn, long packetsOut, long bytesIn, long bytesOut,
                    long cps, long ppsIn, long ppsOut, long bpsIn, long bpsOut) {

    /** All counters zero: what a value built by the caller carries. */
    public static final Stats ZERO = new Stats(0, 0, 0, 0, 0, 0, 0, 0, 0, 0);
}
