// SPDX-FileCopyrightText: 2026 The netlink4j Authors
// SPDX-License-Identifier: Apache-2.0
package io.netlink4j.ipvs;

import java.time.Duration;
import java.util.Objects;

/**
 * IPVS connection timeouts (ipvsadm --set; IPVS_CMD_GET_CONFIG / SET_CONFIG). When setting, a zero
 * duration leaves that timeout unchanged. The kernel keeps whole seconds in 32 bits, so fractions
 * of a second and longer durations are refused.
 *
 * @param timeoutTcp    established TCP connections
 * @param timeoutTcpFin TCP connections after a FIN
 * @param timeoutUdp    UDP
 */
public record Config(Duration timeoutTcp, Duration timeoutTcpFin, Duration timeoutUdp) {
    /** The largest timeout, in seconds, that the kernel's u32 seconds field holds. */
    public static final long MAX_SECONDS = 0xFFFFFFFFL;

    /**
     * Checks the timeouts.
     *
     * @throws IllegalArgumentException for a negative timeout, a fraction of a second, or more than {@link #MAX_SECONDS}
     */
    public Config {
        check("timeoutTcp", timeoutTcp);
        check("timeoutTcpFin", timeoutTcpFin);
        check("timeoutUdp", timeoutUdp);
    }

    private static void check(String name, Duration d) {
        Objects.requireNonNull(d, name);
        if (d.isNegative() || d.getSeconds() > MAX_SECONDS || d.getNano() != 0) {
            throw new IllegalArgumentException(name + ": " + d + " (expected: whole seconds from 0 to " + MAX_SECONDS
                    + ", 0 = unchanged)");
        }
    }

    /** A builder with every timeout zero (unchanged). */
    public static Builder builder() {
        return new Builder();
    }

    /** A builder holding these timeouts. */
    public Builder toBuilder() {
        return new Builder().timeoutTcp(timeoutTcp).timeoutTcpFin(timeoutTcpFin).timeoutUdp(timeoutUdp);
    }

    /** Builds a {@link Config}; a timeout not set stays zero (unchanged). */
    public static final class Builder {
        private Duration tcp = Duration.ZERO;
        private Duration tcpFin = Duration.ZERO;
        private Duration udp = Duration.ZERO;

        private Builder() {}

        /** The timeout of established TCP connections. */
        public Builder timeoutTcp(Duration timeoutTcp) {
            this.tcp = Objects.requireNonNull(timeoutTcp, "timeoutTcp");
            return this;
        }

        /** The timeout of TCP connections after a FIN. */
        public Builder timeoutTcpFin(Duration timeoutTcpFin) {
            this.tcpFin = Objects.requireNonNull(timeoutTcpFin, "timeoutTcpFin");
            return this;
        }

        /** The UDP timeout. */
        public Builder timeoutUdp(Duration timeoutUdp) {
            this.udp = Objects.requireNonNull(timeoutUdp, "timeoutUdp");
            return this;
        }

        /**
         * Validates and builds.
         *
         * @throws IllegalArgumentException as {@link Config#Config the constructor} does
         */
        public Config build() {
            return new Config(tcp, tcpFin, udp);
        }
    }
}
