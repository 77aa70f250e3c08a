// SPDX-FileCopyrightText: 2026 The netlink4j Authors
// SPDX-License-Identifier: Apache-2.0
package io.netlink4j.ipvs;

import java.time.Duration;
import java.util.Objects;

/**
 * IPVS connection timeouts (ipvsadm --set). When setting, a zero duration leaves that timeout
 * unchanged. The kernel keeps whole seconds, so fractions of a second are refused.
 */
public record Config(Duration timeoutTcp, Duration timeoutTcpFin, Duration timeoutUdp) {
    /** The largest timeout the kernel's u32 seconds field holds. */
    public static final long MAX_SECONDS = 0xFFFFFFFFL;

    public Config {
        timeoutTcp = check("timeoutTcp", timeoutTcp);
        timeoutTcpFin = check("timeoutTcpFin", timeoutTcpFin);
        timeoutUdp = check("timeoutUdp", timeoutUdp);
    }

    private static Duration check(String name, Duration d) {
        Objects.requireNonNull(d, name);
        if (d.isNegative() || d.getSeconds() > MAX_SECONDS || d.getNano() != 0) {
            throw new IllegalArgumentException(name + ": " + d + " (expected: whole seconds from 0 to " + MAX_SECONDS
                    + ", 0 = unchanged)");
        }
        return d;
    }

    public static Builder builder() {
        return new Builder();
    }

    public Builder toBuilder() {
        return new Builder().timeoutTcp(timeoutTcp).timeoutTcpFin(timeoutTcpFin).timeoutUdp(timeoutUdp);
    }

    public static final class Builder {
        private Duration tcp = Duration.ZERO;
        private Duration tcpFin = Duration.ZERO;
        private Duration udp = Duration.ZERO;

        private Builder() {}

        public Builder timeoutTcp(Duration d) {
            this.tcp = d;
            return this;
        }

        public Builder timeoutTcpFin(Duration d) {
            this.tcpFin = d;
            return this;
        }

        public Builder timeoutUdp(Duration d) {
            this.udp = d;
            return this;
        }

        public Config build() {
            return new Config(tcp, tcpFin, udp);
        }
    }
}
