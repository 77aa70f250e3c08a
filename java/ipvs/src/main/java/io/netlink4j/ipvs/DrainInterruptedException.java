// SPDX-FileCopyrightText: 2026 The netlink4j Authors
// SPDX-License-Identifier: Apache-2.0
package io.netlink4j.ipvs;

import io.netlink4j.NetlinkException;

/**
 * The thread draining a destination ({@link IpvsHandle#drainDestination}) was interrupted. The
 * destination is left as it was at that moment: in place, with weight 0. The thread's interrupt
 * status is set again.
 */
public class DrainInterruptedException extends NetlinkException {
    private static final long serialVersionUID = 1L;

    private final transient DrainProgress last;

    /**
     * @param message what was being drained
     * @param last    the last look before the interruption, or null if none was taken
     * @param cause   the interruption
     */
    public DrainInterruptedException(String message, DrainProgress last, InterruptedException cause) {
        super(message, cause);
        this.last = last;
    }

    /** The last look at the destination before the interruption, or null if none was taken. */
    public DrainProgress lastProgress() {
        return last;
    }
}
