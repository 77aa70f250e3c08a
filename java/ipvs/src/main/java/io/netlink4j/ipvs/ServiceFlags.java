// SPDX-FileCopyrightText: 2026 The netlink4j Authors
// SPDX-License-Identifier: Apache-2.0
package io.netlink4j.ipvs;

/**
 * The flags of a service ({@link Service#flags()}, IPVS_SVC_ATTR_FLAGS, {@code IP_VS_SVC_F_*}).
 *
 * <p>Flags are bit sets of the kernel's numbers, held in an {@code int} with their constants in a
 * holder class, as {@code io.netlink4j.route.LinkFlags} and {@code AddressFlags} hold the
 * rtnetlink ones: an {@code int} keeps any bit a newer kernel sets, and combines with {@code |}.
 * The kernel's {@code IP_VS_SVC_F_HASHED} (0x2) says only that the kernel has the service in its
 * hash table; it is never reported in {@link Service#flags()} and never sent.
 */
public final class ServiceFlags {
    private ServiceFlags() {}

    /** IP_VS_SVC_F_PERSISTENT (0x1): a client keeps its destination for {@link Service#timeout()} seconds (ipvsadm -p). */
    public static final int PERSISTENT = 0x1;
    /** IP_VS_SVC_F_ONEPACKET (0x4): one-packet scheduling (UDP; ipvsadm -o). */
    public static final int ONEPACKET = 0x4;
    /** IP_VS_SVC_F_SCHED1 (0x8): the scheduler's first flag (sh-fallback, mh-fallback). */
    public static final int SCHED1 = 0x8;
    /** IP_VS_SVC_F_SCHED2 (0x10): the scheduler's second flag (sh-port, mh-port). */
    public static final int SCHED2 = 0x10;
    /** IP_VS_SVC_F_SCHED3 (0x20): the scheduler's third flag. */
    public static final int SCHED3 = 0x20;
}
