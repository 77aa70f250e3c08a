// SPDX-FileCopyrightText: 2026 The netlink4j Authors
// SPDX-License-Identifier: Apache-2.0
package io.netlink4j.ipvs;

import java.time.Duration;
import java.util.Objects;

/**
 * One look at a destination being drained by {@link IpvsHandle#drainDestination}: its active
 * and inactive connections as the kernel counts them, and the time since the drain began.
 *
 * @param poll                number of the look, from 1
 * @param activeConnections   established connections (ipvsadm's ActiveConn)
 * @param inactiveConnections other connections, closing or waiting (ipvsadm's InActConn)
 * @param elapsed             time since the weight was set to 0
 */
public record DrainProgress(int poll, long activeConnections, long inactiveConnections, Duration elapsed) {
    /** Checks the components. */
    public DrainProgress {
        if (poll < 1) {
            throw new IllegalArgumentException("poll: " + poll + " (expected: 1-" + Integer.MAX_VALUE + ")");
        }
        if (activeConnections < 0) {
            throw new IllegalArgumentException("activeConnections: " + activeConnections + " (expected: 0-" + Long.MAX_VALUE + ")");
        }
        if (inactiveConnections < 0) {
            throw new IllegalArgumentException("inactiveConnections: " + inactiveConnections + " (expected: 0-" + Long.MAX_VALUE + ")");
        }
        Objects.requireNonNull(elapsed, "elapsed");
    }
}
