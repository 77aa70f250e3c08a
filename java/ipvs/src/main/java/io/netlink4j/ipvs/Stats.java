// SPDX-FileCopyrightText: 2026 The netlink4j Authors
// SPDX-License-Identifier: Apache-2.0
package io.netlink4j.ipvs;

/**
 * Traffic counters of a service or destination, as the kernel reports them: taken from its
 * STATS64 when it sends them, else from the older STATS (32-bit counters except the bytes). Every
 * counter is an unsigned 64-bit number held in a {@code long} (read one above 2^63 with
 * {@link Long#toUnsignedString(long)}). Rates are per second, as the kernel estimates them.
 *
 * @param connections total connections scheduled
 * @param packetsIn   packets from clients
 * @param packetsOut  packets to clients
 * @param bytesIn     bytes from clients
 * @param bytesOut    bytes to clients
 * @param cps         connections per second
 * @param ppsIn       packets per second from clients
 * @param ppsOut      packets per second to clients
 * @param bpsIn       bytes per second from clients
 * @param bpsOut      bytes per second to clients
 */
public record Stats(long connections, long packetsIn, long packetsOut, long bytesIn, long bytesOut,
                    long cps, long ppsIn, long ppsOut, long bpsIn, long bpsOut) {

    /** All counters zero: what a value built by the caller carries. */
    public static final Stats ZERO = new Stats(0, 0, 0, 0, 0, 0, 0, 0, 0, 0);
}
