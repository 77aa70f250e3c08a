// SPDX-FileCopyrightText: 2026 The netlink4j Authors
// SPDX-License-Identifier: Apache-2.0
package io.netlink4j.ipvs;

/**
 * The transport protocol of an address service (IPVS_SVC_ATTR_PROTOCOL, an {@code IPPROTO_*}
 * number).
 *
 * <p>Closed: the kernel creates address services for TCP, UDP and SCTP only and refuses any other
 * protocol, so a service it reports carries one of these. A reply with another number is a
 * {@link io.netlink4j.NetlinkDecodeException}.
 */
public enum Protocol {
    /** IPPROTO_TCP (6); ipvsadm {@code -t}. */
    TCP(6),
    /** IPPROTO_UDP (17); ipvsadm {@code -u}. */
    UDP(17),
    /** IPPROTO_SCTP (132); ipvsadm {@code --sctp-service}. */
    SCTP(132);

    private final int value;

    Protocol(int value) {
        this.value = value;
    }

    /** The IPPROTO_* number. */
    public int value() {
        return value;
    }

    /**
     * The protocol of IPPROTO_* number {@code value}.
     *
     * @throws IllegalArgumentException for a protocol IPVS does not balance
     */
    public static Protocol of(int value) {
        for (Protocol p : values()) {
            if (p.value == value) {
                return p;
            }
        }
        throw new IllegalArgumentException("protocol: " + value + " (expected: 6 TCP, 17 UDP or 132 SCTP)");
    }
}
