// SPDX-FileCopyrightText: 2026 The netlink4j Authors
// SPDX-License-Identifier: Apache-2.0
package io.netlink4j.ipvs;

import java.time.Duration;
import java.util.Objects;

/**
 * How {@link IpvsHandle#drainDestination} ended.
 *
 * @param outcome             what happened to the destination
 * @param activeConnections   its active connections at the last look
 * @param inactiveConnections its inactive connections at the last look
 * @param elapsed             time from setting the weight to 0 to the end
 */
public record DrainResult(Outcome outcome, long activeConnections, long inactiveConnections, Duration elapsed) {

    /** What happened to the destination. */
    public enum Outcome {
        /** Its active connections fell to the threshold; it was deleted. */
        DRAINED,
        /** The timeout expired with more active connections than the threshold; deleted anyway ({@link DrainOptions#force()}). */
        FORCED,
        /** The timeout expired with more active connections than the threshold; left in place with weight 0. */
        TIMED_OUT,
        /** It disappeared while draining (deleted by someone else, or with its service). */
        GONE
    }

    /** Checks the components. */
    public DrainResult {
        Objects.requireNonNull(outcome, "outcome");
        Objects.requireNonNull(elapsed, "elapsed");
    }

    /** Whether the destination no longer exists: {@code DRAINED}, {@code FORCED} or {@code GONE}. */
    public boolean removed() {
        return outcome != Outcome.TIMED_OUT;
    }
}
