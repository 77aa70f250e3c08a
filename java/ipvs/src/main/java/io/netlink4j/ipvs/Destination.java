// SPDX-FileCopyrightText: 2026 The netlink4j Authors
// SPDX-License-Identifier: Apache-2.0
package io.netlink4j.ipvs;

import java.net.InetAddress;
import java.util.Objects;

/**
 * A real server behind an IPVS service. Immutable; build with {@link #builder()}, change with
 * {@link #toBuilder()}. {@link Builder#build()} validates against what the kernel accepts. The
 * connection counters and stats are filled in by the kernel and ignored when sending.
 *
 * <pre>{@code
 * Destination real = Destination.builder()
 *         .address(InetAddress.getByName("10.1.1.2")).port(8080)
 *         .weight(10).forwardingMethod(ForwardingMethod.MASQUERADE)
 *         .build();
 * }</pre>
 */
public final class Destination {
    /** Tunnel flag bits (IP_VS_TUNNEL_ENCAP_FLAG_*): no checksum is 0. */
    public static final int TUNNEL_FLAG_NOCSUM = 0;
    public static final int TUNNEL_FLAG_CSUM = 1;
    public static final int TUNNEL_FLAG_REMCSUM = 2;

    /** ipvsadm's default weight. */
    public static final int DEFAULT_WEIGHT = 1;

    private final AddressFamily addressFamily;
    private final InetAddress address;
    private final int port;
    private final int weight;
    private final ForwardingMethod forwardingMethod;
    private final long upperThreshold;
    private final long lowerThreshold;
    private final long activeConnections;
    private final long inactiveConnections;
    private final long persistentConnections;
    private final TunnelType tunnelType;
    private final int tunnelPort;
    private final int tunnelFlags;
    private final Stats stats;
    final byte[] wireAddress;

    private Destination(Builder b) {
        this.addressFamily = b.addressFamily;
        this.address = b.address;
        this.port = b.port;
        this.weight = b.weight;
        this.forwardingMethod = b.forwardingMethod;
        this.upperThreshold = b.upperThreshold;
        this.lowerThreshold = b.lowerThreshold;
        this.activeConnections = b.activeConnections;
        this.inactiveConnections = b.inactiveConnections;
        this.persistentConnections = b.persistentConnections;
        this.tunnelType = b.tunnelType;
        this.tunnelPort = b.tunnelPort;
        this.tunnelFlags = b.tunnelFlags;
        this.stats = b.stats;
        this.wireAddress = Addresses.toWire(b.address);
    }

    public static Builder builder() {
        return new Builder();
    }

    public Builder toBuilder() {
        Builder b = new Builder();
        b.addressFamily = addressFamily;
        b.address = address;
        b.port = port;
        b.weight = weight;
        b.forwardingMethod = forwardingMethod;
        b.upperThreshold = upperThreshold;
        b.lowerThreshold = lowerThreshold;
        b.activeConnections = activeConnections;
        b.inactiveConnections = inactiveConnections;
        b.persistentConnections = persistentConnections;
        b.tunnelType = tunnelType;
        b.tunnelPort = tunnelPort;
        b.tunnelFlags = tunnelFlags;
        b.stats = stats;
        return b;
    }

    public AddressFamily addressFamily() {
        return addressFamily;
    }

    public InetAddress address() {
        return address;
    }

    public int port() {
        return port;
    }

    /** The weight, a non-negative int (0 takes the server out of rotation). */
    public int weight() {
        return weight;
    }

    public ForwardingMethod forwardingMethod() {
        return forwardingMethod;
    }

    /** Connection upper threshold, 0 = none (unsigned 32-bit). */
    public long upperThreshold() {
        return upperThreshold;
    }

    /** Connection lower threshold (unsigned 32-bit). */
    public long lowerThreshold() {
        return lowerThreshold;
    }

    public long activeConnections() {
        return activeConnections;
    }

    public long inactiveConnections() {
        return inactiveConnections;
    }

    public long persistentConnections() {
        return persistentConnections;
    }

    /** The encapsulation, meaningful for {@link ForwardingMethod#TUNNEL}. */
    public TunnelType tunnelType() {
        return tunnelType;
    }

    /** The tunnel's destination port (GUE), 0 when unused. */
    public int tunnelPort() {
        return tunnelPort;
    }

    /** TUNNEL_FLAG_* bits. */
    public int tunnelFlags() {
        return tunnelFlags;
    }

    public Stats stats() {
        return stats;
    }

    /** This destination's configuration only: counters and stats zeroed. */
    public Destination withoutStats() {
        return toBuilder().stats(Stats.ZERO).activeConnections(0).inactiveConnections(0).persistentConnections(0).build();
    }

    /** {@code 10.1.1.2:8080} or {@code [2001:db8::2]:8080}. */
    public String describe() {
        return Addresses.format(address, port);
    }

    /** Whether {@code o} names the same destination: the same address and port. */
    public boolean sameIdentity(Destination o) {
        return addressFamily == o.addressFamily && port == o.port && address.equals(o.address);
    }

    /**
     * Whether {@code o} is the same destination with the same settings (weight, method,
     * thresholds, tunnel); the connection counts and counters are not compared.
     */
    public boolean sameSettings(Destination o) {
        return sameIdentity(o) && weight == o.weight && forwardingMethod == o.forwardingMethod
                && upperThreshold == o.upperThreshold && lowerThreshold == o.lowerThreshold
                && tunnelType == o.tunnelType && tunnelPort == o.tunnelPort && tunnelFlags == o.tunnelFlags;
    }

    @Override
    public boolean equals(Object o) {
        if (this == o) {
            return true;
        }
        if (!(o instanceof Destination d)) {
            return false;
        }
        return port == d.port && weight == d.weight && upperThreshold == d.upperThreshold && lowerThreshold == d.lowerThreshold
                && activeConnections == d.activeConnections && inactiveConnections == d.inactiveConnections
                && persistentConnections == d.persistentConnections && tunnelPort == d.tunnelPort && tunnelFlags == d.tunnelFlags
                && addressFamily == d.addressFamily && address.equals(d.address) && forwardingMethod == d.forwardingMethod
                && tunnelType == d.tunnelType && stats.equals(d.stats);
    }

    @Override
    public int hashCode() {
        return Objects.hash(addressFamily, address, port, weight, forwardingMethod, upperThreshold, lowerThreshold,
                activeConnections, inactiveConnections, persistentConnections, tunnelType, tunnelPort, tunnelFlags, stats);
    }

    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder("Destination[").append(describe()).append(", ").append(forwardingMethod)
                .append(", weight=").append(weight);
        if (upperThreshold != 0 || lowerThreshold != 0) {
            sb.append(", thresholds=").append(lowerThreshold).append('-').append(upperThreshold);
        }
        if (forwardingMethod == ForwardingMethod.TUNNEL) {
            sb.append(", tunnel=").append(tunnelType);
            if (tunnelPort != 0) {
                sb.append(':').append(tunnelPort);
            }
            sb.append(", tunnelFlags=").append(tunnelFlags);
        }
        if (activeConnections != 0 || inactiveConnections != 0 || persistentConnections != 0) {
            sb.append(", conns=").append(activeConnections).append('/').append(inactiveConnections).append('/').append(persistentConnections);
        }
        return sb.append(']').toString();
    }

    /** Builds a {@link Destination}. Defaults: weight 1, masquerade, no thresholds, IPIP without flags. */
    public static final class Builder {
        private AddressFamily addressFamily;
        private InetAddress address;
        private int port;
        private int weight = DEFAULT_WEIGHT;
        private ForwardingMethod forwardingMethod = ForwardingMethod.MASQUERADE;
        private long upperThreshold;
        private long lowerThreshold;
        private long activeConnections;
        private long inactiveConnections;
        private long persistentConnections;
        private TunnelType tunnelType = TunnelType.IPIP;
        private int tunnelPort;
        private int tunnelFlags;
        private Stats stats = Stats.ZERO;

        private Builder() {}

        /** Follows from the address when not set. */
        public Builder addressFamily(AddressFamily v) {
            this.addressFamily = v;
            return this;
        }

        public Builder address(InetAddress v) {
            this.address = v;
            return this;
        }

        public Builder port(int v) {
            this.port = v;
            return this;
        }

        public Builder weight(int v) {
            this.weight = v;
            return this;
        }

        public Builder forwardingMethod(ForwardingMethod v) {
            this.forwardingMethod = v;
            return this;
        }

        public Builder upperThreshold(long v) {
            this.upperThreshold = v;
            return this;
        }

        public Builder lowerThreshold(long v) {
            this.lowerThreshold = v;
            return this;
        }

        public Builder activeConnections(long v) {
            this.activeConnections = v;
            return this;
        }

        public Builder inactiveConnections(long v) {
            this.inactiveConnections = v;
            return this;
        }

        public Builder persistentConnections(long v) {
            this.persistentConnections = v;
            return this;
        }

        public Builder tunnelType(TunnelType v) {
            this.tunnelType = v;
            return this;
        }

        public Builder tunnelPort(int v) {
            this.tunnelPort = v;
            return this;
        }

        public Builder tunnelFlags(int v) {
            this.tunnelFlags = v;
            return this;
        }

        public Builder stats(Stats v) {
            this.stats = v;
            return this;
        }

        /**
         * Validates and builds.
         *
         * @throws IllegalArgumentException naming the field and the allowed range
         */
        public Destination build() {
            if (address == null) {
                throw new IllegalArgumentException("address: required");
            }
            AddressFamily actual = AddressFamily.of(address);
            if (addressFamily == null) {
                addressFamily = actual;
            } else if (addressFamily != actual) {
                throw new IllegalArgumentException("address " + address.getHostAddress() + " is " + actual
                        + " but addressFamily is " + addressFamily + " (expected: the same family)");
            }
            Service.checkPort("port", port);
            if (weight < 0) {
                throw new IllegalArgumentException("weight: " + weight + " (expected: 0-" + Integer.MAX_VALUE + ")");
            }
            Objects.requireNonNull(forwardingMethod, "forwardingMethod");
            Objects.requireNonNull(tunnelType, "tunnelType");
            Objects.requireNonNull(stats, "stats");
            checkU32("upperThreshold", upperThreshold);
            checkU32("lowerThreshold", lowerThreshold);
            if (lowerThreshold > upperThreshold) {
                throw new IllegalArgumentException("lowerThreshold " + lowerThreshold + " exceeds upperThreshold " + upperThreshold
                        + " (expected: lowerThreshold <= upperThreshold)");
            }
            checkU32("activeConnections", activeConnections);
            checkU32("inactiveConnections", inactiveConnections);
            checkU32("persistentConnections", persistentConnections);
            Service.checkPort("tunnelPort", tunnelPort);
            if (tunnelFlags < 0 || tunnelFlags > 0xFFFF) {
                throw new IllegalArgumentException("tunnelFlags: " + tunnelFlags + " (expected: 0-65535)");
            }
            if (forwardingMethod == ForwardingMethod.TUNNEL && tunnelType == TunnelType.GUE && tunnelPort == 0) {
                throw new IllegalArgumentException("tunnelPort: 0 for a GUE tunnel (expected: 1-65535)");
            }
            return new Destination(this);
        }

        /** Builds from decoded kernel data, whose structure the codec has already checked. */
        Destination buildDecoded() {
            return new Destination(this);
        }

        private static void checkU32(String field, long v) {
            if (v < 0 || v > 0xFFFFFFFFL) {
                throw new IllegalArgumentException(field + ": " + v + " (expected: 0-4294967295)");
            }
        }
    }
}
