// SPDX-FileCopyrightText: 2026 The netlink4j Authors
// SPDX-License-Identifier: Apache-2.0
package io.netlink4j.ipvs;

import io.netlink4j.AddressFamily;
import io.netlink4j.ipvs.internal.Addresses;

import java.net.InetAddress;
import java.util.Arrays;
import java.util.Comparator;
import java.util.Objects;

/**
 * A real server behind an IPVS service. Immutable; build with {@link #builder()}, change with
 * {@link #toBuilder()}. {@link Builder#build()} validates against what the kernel accepts and
 * throws {@link IllegalArgumentException} naming the field, the value and the allowed range.
 *
 * <p>A destination is identified within its service by address and port ({@link #sameIdentity});
 * weight, forwarding method, thresholds and tunnel are its settings ({@link #sameSettings}); the
 * connection counts and counters are filled in by the kernel and ignored when sending.
 * {@link #equals} compares all of them.
 *
 * <pre>{@code
 * Destination real = Destination.builder()
 *         .address(InetAddress.getByName("10.1.1.2")).port(8080)
 *         .weight(10).forwardingMethod(ForwardingMethod.MASQUERADE)
 *         .build();
 * }</pre>
 */
public final class Destination {
    /** ipvsadm's default weight. */
    public static final int DEFAULT_WEIGHT = 1;

    /**
     * Orders destinations by identity, the way {@code ipvsadm -S -n} lists a service's: by address
     * family (INET before INET6), address (its bytes as an unsigned number), then port. Settings and
     * counters are not compared: two destinations with the same identity are equal in this order
     * ({@link #sameIdentity}), though not {@link #equals}.
     */
    public static final Comparator<Destination> IDENTITY_ORDER = Destination::compareIdentity;

    private final DestinationKey key;
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
    /** The address as IPVS sends it (16 bytes), kept so encoding allocates nothing. */
    final byte[] wireAddress;

    private Destination(Builder b, AddressFamily family) {
        this.key = new DestinationKey(family, b.address, b.port);
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

    /** A builder with the defaults: weight 1, masquerade, no thresholds, IPIP without flags. */
    public static Builder builder() {
        return new Builder();
    }

    /** A builder holding this destination's identity, settings and counters. */
    public Builder toBuilder() {
        Builder b = new Builder();
        b.addressFamily = key.family();
        b.address = key.address();
        b.port = key.port();
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

    DestinationKey key() {
        return key;
    }

    /**
     * {@link #IDENTITY_ORDER}: the order of {@link DestinationKey}, with the addresses compared in
     * their wire form (the same order within one family) so that sorting a dump copies no address.
     */
    private static int compareIdentity(Destination a, Destination b) {
        int r = Integer.compare(a.key.family().value(), b.key.family().value());
        if (r == 0) {
            r = Arrays.compareUnsigned(a.wireAddress, b.wireAddress);
        }
        return r != 0 ? r : Integer.compare(a.key.port(), b.key.port());
    }

    /** {@link AddressFamily#INET} or {@link AddressFamily#INET6}. */
    public AddressFamily addressFamily() {
        return key.family();
    }

    /** The real server's address. */
    public InetAddress address() {
        return key.address();
    }

    /** The real server's port. */
    public int port() {
        return key.port();
    }

    /** The weight, a non-negative int (0 takes the server out of rotation). */
    public int weight() {
        return weight;
    }

    /** How packets reach the server. */
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

    /** Active connections, as the kernel last reported them (unsigned 32-bit). */
    public long activeConnections() {
        return activeConnections;
    }

    /** Inactive connections, as the kernel last reported them (unsigned 32-bit). */
    public long inactiveConnections() {
        return inactiveConnections;
    }

    /** Persistent connection templates, as the kernel last reported them (unsigned 32-bit). */
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

    /** The {@link TunnelFlags} bits; 0 for none (no checksum). */
    public int tunnelFlags() {
        return tunnelFlags;
    }

    /** Counters as last read from the kernel; {@link Stats#ZERO} for values built here. */
    public Stats stats() {
        return stats;
    }

    /** This destination's configuration only: connection counts and counters zeroed. */
    public Destination withoutStats() {
        return toBuilder().stats(Stats.ZERO).activeConnections(0).inactiveConnections(0).persistentConnections(0).buildDecoded();
    }

    /** {@code 10.1.1.2:8080} or {@code [2001:db8::2]:8080}. */
    public String describe() {
        return Addresses.format(key.address(), key.port());
    }

    /** Whether {@code o} names the same destination: the same address and port. */
    public boolean sameIdentity(Destination o) {
        return key.equals(o.key);
    }

    /**
     * Whether {@code o} is the same destination with the same settings (weight, method,
     * thresholds, tunnel); the connection counts and counters are not compared.
     */
    public boolean sameSettings(Destination o) {
        return key.equals(o.key) && weight == o.weight && forwardingMethod.equals(o.forwardingMethod)
                && upperThreshold == o.upperThreshold && lowerThreshold == o.lowerThreshold
                && tunnelType.equals(o.tunnelType) && tunnelPort == o.tunnelPort && tunnelFlags == o.tunnelFlags;
    }

    /** Equal when identity, settings, connection counts and counters are. */
    @Override
    public boolean equals(Object o) {
        return this == o || o instanceof Destination d && sameSettings(d) && activeConnections == d.activeConnections
                && inactiveConnections == d.inactiveConnections && persistentConnections == d.persistentConnections
                && stats.equals(d.stats);
    }

    @Override
    public int hashCode() {
        return Objects.hash(key, weight, forwardingMethod, upperThreshold, lowerThreshold, activeConnections,
                inactiveConnections, persistentConnections, tunnelType, tunnelPort, tunnelFlags, stats);
    }

    /** {@code Destination[10.1.1.2:8080, MASQUERADE, weight=1]}, with thresholds, tunnel and connections when set. */
    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder("Destination[").append(describe()).append(", ").append(forwardingMethod)
                .append(", weight=").append(weight);
        if (upperThreshold != 0 || lowerThreshold != 0) {
            sb.append(", thresholds=").append(lowerThreshold).append('-').append(upperThreshold);
        }
        if (forwardingMethod.equals(ForwardingMethod.TUNNEL)) {
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

    /**
     * Builds a {@link Destination}. Defaults: weight 1, masquerade, no thresholds, IPIP without
     * flags, zero counters. Setters refuse null; not thread safe.
     */
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

        /** INET or INET6; follows from the address when not set. */
        public Builder addressFamily(AddressFamily addressFamily) {
            this.addressFamily = Objects.requireNonNull(addressFamily, "addressFamily");
            return this;
        }

        /** The real server's address (required). */
        public Builder address(InetAddress address) {
            this.address = Objects.requireNonNull(address, "address");
            return this;
        }

        /** The real server's port, 0-65535. */
        public Builder port(int port) {
            this.port = port;
            return this;
        }

        /** The weight, 0-2147483647. */
        public Builder weight(int weight) {
            this.weight = weight;
            return this;
        }

        /** How packets reach the server. */
        public Builder forwardingMethod(ForwardingMethod forwardingMethod) {
            this.forwardingMethod = Objects.requireNonNull(forwardingMethod, "forwardingMethod");
            return this;
        }

        /** Connection upper threshold, 0-4294967295 (0 = none). */
        public Builder upperThreshold(long upperThreshold) {
            this.upperThreshold = upperThreshold;
            return this;
        }

        /** Connection lower threshold, 0-4294967295, at most the upper one. */
        public Builder lowerThreshold(long lowerThreshold) {
            this.lowerThreshold = lowerThreshold;
            return this;
        }

        /** Active connections (the kernel's count; never sent), 0-4294967295. */
        public Builder activeConnections(long activeConnections) {
            this.activeConnections = activeConnections;
            return this;
        }

        /** Inactive connections (the kernel's count; never sent), 0-4294967295. */
        public Builder inactiveConnections(long inactiveConnections) {
            this.inactiveConnections = inactiveConnections;
            return this;
        }

        /** Persistent connection templates (the kernel's count; never sent), 0-4294967295. */
        public Builder persistentConnections(long persistentConnections) {
            this.persistentConnections = persistentConnections;
            return this;
        }

        /** The encapsulation of a TUNNEL destination. */
        public Builder tunnelType(TunnelType tunnelType) {
            this.tunnelType = Objects.requireNonNull(tunnelType, "tunnelType");
            return this;
        }

        /** The tunnel's destination port, 0-65535 (1-65535 for GUE). */
        public Builder tunnelPort(int tunnelPort) {
            this.tunnelPort = tunnelPort;
            return this;
        }

        /** The {@link TunnelFlags} bits, 0-65535. */
        public Builder tunnelFlags(int tunnelFlags) {
            this.tunnelFlags = tunnelFlags;
            return this;
        }

        /** The counters (the kernel's; never sent). */
        public Builder stats(Stats stats) {
            this.stats = Objects.requireNonNull(stats, "stats");
            return this;
        }

        /**
         * Validates and builds.
         *
         * @throws IllegalArgumentException naming the field, its value and the allowed range
         */
        public Destination build() {
            if (address == null) {
                throw new IllegalArgumentException("address: required");
            }
            AddressFamily family = Checks.familyOf(addressFamily, address);
            Checks.u16("port", port);
            Checks.range("weight", weight, 0, Integer.MAX_VALUE);
            Checks.u32("upperThreshold", upperThreshold);
            Checks.u32("lowerThreshold", lowerThreshold);
            if (lowerThreshold > upperThreshold) {
                throw new IllegalArgumentException("lowerThreshold " + lowerThreshold + " exceeds upperThreshold " + upperThreshold
                        + " (expected: lowerThreshold <= upperThreshold)");
            }
            Checks.u32("activeConnections", activeConnections);
            Checks.u32("inactiveConnections", inactiveConnections);
            Checks.u32("persistentConnections", persistentConnections);
            Checks.u16("tunnelPort", tunnelPort);
            Checks.u16("tunnelFlags", tunnelFlags);
            if (forwardingMethod.equals(ForwardingMethod.TUNNEL) && tunnelType.equals(TunnelType.GUE) && tunnelPort == 0) {
                throw new IllegalArgumentException("tunnelPort: 0 for a GUE tunnel (expected: 1-65535)");
            }
            return new Destination(this, family);
        }

        /** Builds from decoded kernel data, whose structure and family the codec has already checked. */
        Destination buildDecoded() {
            return new Destination(this, addressFamily != null ? addressFamily : AddressFamily.of(address));
        }
    }
}
