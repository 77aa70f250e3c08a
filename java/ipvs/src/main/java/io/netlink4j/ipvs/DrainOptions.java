// SPDX-FileCopyrightText: 2026 The netlink4j Authors
// SPDX-License-Identifier: Apache-2.0
package io.netlink4j.ipvs;

import java.time.Duration;
import java.util.Objects;

/**
 * How {@link IpvsHandle#drainDestination} drains a real server: how long it waits at most
 * ({@link #timeout()}), how often it looks ({@link #interval()}), how many active connections may
 * remain when it deletes the destination ({@link #threshold()}), and whether it deletes it anyway
 * when the time is up ({@link #force()}).
 *
 * <pre>{@code
 * DrainOptions options = DrainOptions.builder().timeout(Duration.ofMinutes(5)).interval(Duration.ofSeconds(2)).build();
 * }</pre>
 */
public final class DrainOptions {
    /** The longest timeout accepted: one week. */
    public static final Duration MAX_TIMEOUT = Duration.ofDays(7);
    /** The shortest poll interval accepted: 10 ms. */
    public static final Duration MIN_INTERVAL = Duration.ofMillis(10);
    /** The longest poll interval accepted: one hour. */
    public static final Duration MAX_INTERVAL = Duration.ofHours(1);
    /** The defaults: timeout 300 s, interval 1 s, threshold 0, no force. */
    public static final DrainOptions DEFAULTS = builder().build();

    private final Duration timeout;
    private final Duration interval;
    private final long threshold;
    private final boolean force;

    private DrainOptions(Builder b) {
        this.timeout = b.timeout;
        this.interval = b.interval;
        this.threshold = b.threshold;
        this.force = b.force;
    }

    /** A builder with the defaults (see {@link #DEFAULTS}). */
    public static Builder builder() {
        return new Builder();
    }

    /** A builder holding these options. */
    public Builder toBuilder() {
        return new Builder().timeout(timeout).interval(interval).threshold(threshold).force(force);
    }

    /** How long to wait at most for the active connections to fall to the threshold (0: look once). */
    public Duration timeout() {
        return timeout;
    }

    /** The time between two looks at the destination's connections. */
    public Duration interval() {
        return interval;
    }

    /** The destination is deleted once it has at most this many active connections (default 0). */
    public long threshold() {
        return threshold;
    }

    /** Whether to delete the destination when the timeout expires with connections left. */
    public boolean force() {
        return force;
    }

    @Override
    public boolean equals(Object o) {
        return this == o || o instanceof DrainOptions d && timeout.equals(d.timeout) && interval.equals(d.interval)
                && threshold == d.threshold && force == d.force;
    }

    @Override
    public int hashCode() {
        return Objects.hash(timeout, interval, threshold, force);
    }

    @Override
    public String toString() {
        return "DrainOptions[timeout=" + timeout + ", interval=" + interval + ", threshold=" + threshold + ", force=" + force + "]";
    }

    /** Builds {@link DrainOptions}; each setter checks its value's range. */
    public static final class Builder {
        private Duration timeout = Duration.ofSeconds(300);
        private Duration interval = Duration.ofSeconds(1);
        private long threshold;
        private boolean force;

        private Builder() {
        }

        /**
         * How long to wait at most.
         *
         * @throws IllegalArgumentException outside 0 s to {@link #MAX_TIMEOUT}
         */
        public Builder timeout(Duration timeout) {
            Objects.requireNonNull(timeout, "timeout");
            if (timeout.isNegative() || timeout.compareTo(MAX_TIMEOUT) > 0) {
                throw new IllegalArgumentException("timeout: " + timeout + " (expected: PT0S-" + MAX_TIMEOUT + ")");
            }
            this.timeout = timeout;
            return this;
        }

        /**
         * The time between two looks.
         *
         * @throws IllegalArgumentException outside {@link #MIN_INTERVAL} to {@link #MAX_INTERVAL}
         */
        public Builder interval(Duration interval) {
            Objects.requireNonNull(interval, "interval");
            if (interval.compareTo(MIN_INTERVAL) < 0 || interval.compareTo(MAX_INTERVAL) > 0) {
                throw new IllegalArgumentException("interval: " + interval + " (expected: " + MIN_INTERVAL + "-" + MAX_INTERVAL + ")");
            }
            this.interval = interval;
            return this;
        }

        /**
         * The number of active connections at or below which the destination is deleted.
         *
         * @throws IllegalArgumentException if negative
         */
        public Builder threshold(long threshold) {
            if (threshold < 0) {
                throw new IllegalArgumentException("threshold: " + threshold + " (expected: 0-" + Long.MAX_VALUE + ")");
            }
            this.threshold = threshold;
            return this;
        }

        /** Whether to delete the destination when the timeout expires with connections left (default false). */
        public Builder force(boolean force) {
            this.force = force;
            return this;
        }

        /** The options. */
        public DrainOptions build() {
            return new DrainOptions(this);
        }
    }
}
