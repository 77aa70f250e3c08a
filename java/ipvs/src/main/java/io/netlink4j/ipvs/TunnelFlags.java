// SPDX-FileCopyrightText: 2026 The netlink4j Authors
// SPDX-License-Identifier: Apache-2.0
package io.netlink4j.ipvs;

/**
 * The flags of a tunnel destination ({@link Destination#tunnelFlags()}, IPVS_DEST_ATTR_TUN_FLAGS,
 * {@code IP_VS_TUNNEL_ENCAP_FLAG_*}). No flag (0) is the kernel's {@code NOCSUM}: no checksum.
 *
 * <p>Held in an {@code int} with the constants in this holder class, as {@link ServiceFlags} are
 * (see there why).
 */
public final class TunnelFlags {
    private TunnelFlags() {}

    /** IP_VS_TUNNEL_ENCAP_FLAG_CSUM (0x1): a UDP checksum (ipvsadm --tun-csum). */
    public static final int CSUM = 0x1;
    /** IP_VS_TUNNEL_ENCAP_FLAG_REMCSUM (0x2): remote checksum offload (ipvsadm --tun-remcsum). */
    public static final int REMCSUM = 0x2;
}
