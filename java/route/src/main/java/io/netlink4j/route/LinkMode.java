// SPDX-FileCopyrightText: 2026 The netlink4j Authors
// SPDX-License-Identifier: Apache-2.0
package io.netlink4j.route;

/**
 * The link mode of a link (IFLA_LINKMODE, the kernel's IF_LINK_MODE_* numbers): how the kernel
 * derives its operational state ({@link OperState}) from the driver's reports.
 *
 * <p>Closed: the kernel acts on these three values and treats any other as {@link #DEFAULT}. The
 * decoder does the same, and keeps such a number raw in {@link Link#otherAttributes()}
 * ({@code link.attribute(Rtnetlink.IFLA_LINKMODE)}).
 */
public enum LinkMode {
    /** IF_LINK_MODE_DEFAULT (0): the state follows the carrier. */
    DEFAULT(0),
    /** IF_LINK_MODE_DORMANT (1): the link stays DORMANT until user space (a supplicant) sets it up. */
    DORMANT(1),
    /** IF_LINK_MODE_TESTING (2): the link stays TESTING until user space says otherwise. */
    TESTING(2);

    private final int value;

    LinkMode(int value) {
        this.value = value;
    }

    /** {@return the IF_LINK_MODE_* number} */
    public int value() {
        return value;
    }

    /**
     * The mode with IF_LINK_MODE_* number {@code value}.
     *
     * @param value the kernel's number
     * @return the mode
     * @throws IllegalArgumentException for any number but 0, 1 and 2
     */
    public static LinkMode of(int value) {
        for (LinkMode m : values()) {
            if (m.value == value) {
                return m;
            }
        }
        throw new IllegalArgumentException("link mode: " + value + " (expected: 0 (DEFAULT), 1 (DORMANT) or 2 (TESTING))");
    }
}
