// SPDX-FileCopyrightText: 2026 The netlink4j Authors
// SPDX-License-Identifier: Apache-2.0
package io.netlink4j.ipvs;

/** The transport protocol of a (non-fwmark) service. */
public enum Protocol {
    TCP(6),
    UDP(17),
    SCTP(132);

    private final int value;

    Protocol(int value) {
        this.value = value;
    }

    /** The IPPROTO_* number. */
    public int value() {
        return value;
    }

    /** The protocol for an IPPROTO_* number, or null if IPVS does not balance it. */
    public static Protocol fromValue(int value) {
        return switch (value) {
            case 6 -> TCP;
            case 17 -> UDP;
            case 132 -> SCTP;
            default -> null;
        };
    }
}
