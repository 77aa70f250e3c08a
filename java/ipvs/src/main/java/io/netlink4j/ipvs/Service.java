// SPDX-FileCopyrightText: 2026 The netlink4j Authors
// SPDX-License-Identifier: Apache-2.0
package io.netlink4j.ipvs;

import io.netlink4j.AddressFamily;
import io.netlink4j.genl.GenlFamily;
import io.netlink4j.ipvs.internal.Addresses;
import io.netlink4j.ipvs.internal.IpvsAccess;

import java.net.InetAddress;
import java.util.Arrays;
import java.util.Comparator;
import java.util.Objects;
import java.util.Optional;

/**
 * An IPVS virtual service: either a protocol, address and port, or a firewall mark. Immutable;
 * build with {@link #builder()}, change with {@link #toBuilder()}. {@link Builder#build() Building}
 * validates every field against what the kernel accepts and throws
 * {@link IllegalArgumentException} naming the field, the value and the allowed range.
 *
 * <p>A service is identified by its address family and firewall mark, or by its family, protocol,
 * address and port ({@link #sameIdentity}); the rest are its settings ({@link #sameSettings}) and
 * the counters the kernel reports ({@link #stats()}). {@link #equals} compares all three.
 *
 * <pre>{@code
 * Service web = Service.builder()
 *         .protocol(Protocol.TCP).address(InetAddress.getByName("10.0.0.1")).port(80)
 *         .scheduler(Scheduler.RR)
 *         .build();
 * }</pre>
 */
public final class Service {
    /** IP_VS_SVC_F_HASHED: the kernel's own, dropped from what is reported and sent. */
    private static final int HASHED = 0x2;

    /** ipvsadm's default scheduler, and a builder's: {@link Scheduler#WLC}. */
    public static final Scheduler DEFAULT_SCHEDULER = Scheduler.WLC;

    /**
     * The longest persistence timeout, in seconds, that the kernel keeps as given: it stores the
     * timeout in jiffies in 32 bits, so at 1000 ticks per second anything above
     * {@code 4294967295 / 1000} wraps around. ipvsadm allows at most 31 days.
     */
    public static final long MAX_TIMEOUT = 0xFFFFFFFFL / 1000;

    /**
     * Orders services by identity, the way {@code ipvsadm -S -n} lists a table: address services
     * before firewall-mark services, which follow by mark (unsigned); then by address family (INET
     * before INET6), protocol number (TCP, UDP, SCTP), address (its bytes as an unsigned number)
     * and port. Settings and counters are not compared: two services with the same identity are
     * equal in this order ({@link #sameIdentity}), though not {@link #equals}. ipvsadm itself
     * subtracts 32-bit words, so it puts addresses more than 2^31 apart (200.0.0.1 and 10.0.0.1)
     * the other way round; this order does not.
     */
    public static final Comparator<Service> IDENTITY_ORDER = Service::compareIdentity;

    static {
        IpvsAccess.install(new IpvsAccess() {
            @Override
            public byte[] wireAddress(Service service) {
                return service.wireAddress;
            }

            @Override
            public byte[] wireAddress(Destination destination) {
                return destination.wireAddress;
            }

            @Override
            public Service decoded(Builder builder) {
                return builder.buildDecoded();
            }

            @Override
            public Destination decoded(Destination.Builder builder) {
                return builder.buildDecoded();
            }

            @Override
            public GenlFamily family(IpvsHandle handle) {
                return handle.family();
            }
        });
    }

    private final ServiceKey key;
    private final Scheduler scheduler;
    private final int flags;
    private final long timeout;
    private final Netmask netmask;
    /** Null for none. */
    private final PersistenceEngine persistenceEngine;
    private final Stats stats;
    /** The address as IPVS sends it (16 bytes), kept so encoding allocates nothing; null for a firewall mark. */
    final byte[] wireAddress;

    private Service(Builder b, AddressFamily family) {
        this.key = new ServiceKey(family, b.fwMark, b.protocol, b.address, b.port);
        this.scheduler = b.scheduler;
        this.flags = b.flags & ~HASHED;
        this.timeout = b.timeout;
        this.netmask = b.netmask != null ? b.netmask : Netmask.full(family);
        this.persistenceEngine = b.persistenceEngine;
        this.stats = b.stats;
        this.wireAddress = b.address == null ? null : Addresses.toWire(b.address);
    }

    /** A builder with the defaults: scheduler wlc, no flags, no timeout, the full netmask, no persistence engine. */
    public static Builder builder() {
        return new Builder();
    }

    /** A builder holding this service's identity, settings and counters. */
    public Builder toBuilder() {
        Builder b = new Builder();
        b.addressFamily = key.family();
        b.protocol = key.protocol();
        b.address = key.address();
        b.port = key.port();
        b.fwMark = key.fwMark();
        b.scheduler = scheduler;
        b.flags = flags;
        b.timeout = timeout;
        b.netmask = netmask;
        b.persistenceEngine = persistenceEngine;
        b.stats = stats;
        return b;
    }

    ServiceKey key() {
        return key;
    }

    /**
     * {@link #IDENTITY_ORDER}: the order of {@link ServiceKey}, with the addresses compared in their
     * wire form (the same order within one family, where both have the same length) so that
     * sorting a dump copies no address.
     */
    private static int compareIdentity(Service a, Service b) {
        ServiceKey x = a.key;
        ServiceKey y = b.key;
        int r = Long.compare(x.fwMark(), y.fwMark());
        if (r == 0) {
            r = Integer.compare(x.family().value(), y.family().value());
        }
        if (r == 0) {
            r = Integer.compare(x.protocol() == null ? 0 : x.protocol().value(), y.protocol() == null ? 0 : y.protocol().value());
        }
        if (r == 0) {
            r = Arrays.compareUnsigned(a.wireAddress, b.wireAddress);
        }
        return r != 0 ? r : Integer.compare(x.port(), y.port());
    }

    /** {@link AddressFamily#INET} or {@link AddressFamily#INET6}. */
    public AddressFamily addressFamily() {
        return key.family();
    }

    /** TCP, UDP or SCTP; null for a firewall-mark service. */
    public Protocol protocol() {
        return key.protocol();
    }

    /** The virtual address; null for a firewall-mark service. */
    public InetAddress address() {
        return key.address();
    }

    /** The virtual port (0 for a firewall-mark service, or a persistent any-port service). */
    public int port() {
        return key.port();
    }

    /** The firewall mark (an unsigned 32-bit value), or 0 for an address service. */
    public long fwMark() {
        return key.fwMark();
    }

    /** Whether this is a firewall-mark service. */
    public boolean isFwMark() {
        return key.fwMark() != 0;
    }

    /**
     * The scheduler; for a service the kernel reports without one bound, the kernel's {@code none}.
     * Its name, {@code scheduler().name()}, is what the Go library calls {@code SchedName}.
     */
    public Scheduler scheduler() {
        return scheduler;
    }

    /** The {@link ServiceFlags} bits (never the kernel's HASHED). */
    public int flags() {
        return flags;
    }

    /** Whether {@link ServiceFlags#PERSISTENT} is set. */
    public boolean isPersistent() {
        return (flags & ServiceFlags.PERSISTENT) != 0;
    }

    /** Whether {@link ServiceFlags#ONEPACKET} is set. */
    public boolean isOnePacket() {
        return (flags & ServiceFlags.ONEPACKET) != 0;
    }

    /** Persistence timeout in seconds: at most {@link #MAX_TIMEOUT} for a service built here. */
    public long timeout() {
        return timeout;
    }

    /** The persistence granularity, of this service's family: /32 or /128 (the default) keeps each client on its own. */
    public Netmask netmask() {
        return netmask;
    }

    /** The persistence engine, or empty for none (the Go library's {@code PEName}, "" for none). */
    public Optional<PersistenceEngine> persistenceEngine() {
        return Optional.ofNullable(persistenceEngine);
    }

    /** Counters as last read from the kernel; {@link Stats#ZERO} for values built here. */
    public Stats stats() {
        return stats;
    }

    /** This service with zero counters: for comparing configuration. */
    public Service withoutStats() {
        // Not build(): a service read from the kernel may hold values this library would not send
        // (a timeout above MAX_TIMEOUT set by another tool on a kernel with fewer ticks per second).
        return stats.equals(Stats.ZERO) ? this : toBuilder().stats(Stats.ZERO).buildDecoded();
    }

    /** A short name for messages: {@code TCP 10.0.0.1:80}, {@code UDP [2001:db8::1]:53}, {@code FWM 7 (IPv4)}. */
    public String describe() {
        if (isFwMark()) {
            return "FWM " + key.fwMark() + (key.family().equals(AddressFamily.INET6) ? " (IPv6)" : " (IPv4)");
        }
        return key.protocol() + " " + Addresses.format(key.address(), key.port());
    }

    /** Whether {@code o} names the same service: the same family and firewall mark, or family, protocol, address and port. */
    public boolean sameIdentity(Service o) {
        return key.equals(o.key);
    }

    /** Whether {@code o} is the same service with the same settings; the counters are not compared. */
    public boolean sameSettings(Service o) {
        return key.equals(o.key) && flags == o.flags && timeout == o.timeout && netmask.equals(o.netmask)
                && scheduler.equals(o.scheduler) && Objects.equals(persistenceEngine, o.persistenceEngine);
    }

    /** Equal when identity, settings and counters are. */
    @Override
    public boolean equals(Object o) {
        return this == o || o instanceof Service s && sameSettings(s) && stats.equals(s.stats);
    }

    @Override
    public int hashCode() {
        return Objects.hash(key, scheduler, flags, timeout, netmask, persistenceEngine, stats);
    }

    /** {@code Service[TCP 10.0.0.1:80, sched=wlc, flags=0x0, timeout=0, netmask=255.255.255.255]}, counters when not zero. */
    @Override
    public String toString() {
        return "Service[" + describe() + ", sched=" + scheduler + ", flags=0x" + Integer.toHexString(flags)
                + ", timeout=" + timeout + ", netmask=" + netmask + (persistenceEngine == null ? "" : ", pe=" + persistenceEngine)
                + (stats.equals(Stats.ZERO) ? "" : ", " + stats) + "]";
    }

    /**
     * Builds a {@link Service}. Defaults: scheduler wlc, no flags, no timeout, the full netmask of
     * the service's family, no persistence engine, zero counters. Setters refuse null; not thread safe.
     */
    public static final class Builder {
        private AddressFamily addressFamily;
        private Protocol protocol;
        private InetAddress address;
        private int port;
        private long fwMark;
        private Scheduler scheduler = DEFAULT_SCHEDULER;
        private int flags;
        private long timeout;
        private Netmask netmask;
        private PersistenceEngine persistenceEngine;
        private Stats stats = Stats.ZERO;

        private Builder() {}

        /** INET or INET6: needed only for a firewall-mark service; otherwise it follows from the address. */
        public Builder addressFamily(AddressFamily addressFamily) {
            this.addressFamily = Objects.requireNonNull(addressFamily, "addressFamily");
            return this;
        }

        /** The protocol of an address service. */
        public Builder protocol(Protocol protocol) {
            this.protocol = Objects.requireNonNull(protocol, "protocol");
            return this;
        }

        /** The virtual address of an address service. */
        public Builder address(InetAddress address) {
            this.address = Objects.requireNonNull(address, "address");
            return this;
        }

        /** The virtual port of an address service, 0-65535. */
        public Builder port(int port) {
            this.port = port;
            return this;
        }

        /** The firewall mark, 1-4294967295, of a firewall-mark service; 0 for an address service. */
        public Builder fwMark(long fwMark) {
            this.fwMark = fwMark;
            return this;
        }

        /** The scheduler ({@link Scheduler#of(String)} for one by name). */
        public Builder scheduler(Scheduler scheduler) {
            this.scheduler = Objects.requireNonNull(scheduler, "scheduler");
            return this;
        }

        /** The {@link ServiceFlags} bits; the kernel's HASHED (0x2) is dropped. */
        public Builder flags(int flags) {
            this.flags = flags;
            return this;
        }

        /** Persistence timeout in seconds, 0-{@link #MAX_TIMEOUT}; see also {@link #persistent(long)}. */
        public Builder timeout(long timeout) {
            this.timeout = timeout;
            return this;
        }

        /** Makes the service persistent with this timeout in seconds (ipvsadm -p). */
        public Builder persistent(long timeoutSeconds) {
            this.flags |= ServiceFlags.PERSISTENT;
            this.timeout = timeoutSeconds;
            return this;
        }

        /** The persistence granularity, of the service's family; an IPv6 prefix is 1-128. */
        public Builder netmask(Netmask netmask) {
            this.netmask = Objects.requireNonNull(netmask, "netmask");
            return this;
        }

        /** The persistence engine ({@link PersistenceEngine#SIP}). */
        public Builder persistenceEngine(PersistenceEngine persistenceEngine) {
            this.persistenceEngine = Objects.requireNonNull(persistenceEngine, "persistenceEngine");
            return this;
        }

        /** No persistence engine (the default). */
        public Builder noPersistenceEngine() {
            this.persistenceEngine = null;
            return this;
        }

        /** The counters (the kernel's; a service sent to the kernel carries none). */
        public Builder stats(Stats stats) {
            this.stats = Objects.requireNonNull(stats, "stats");
            return this;
        }

        /**
         * Validates and builds.
         *
         * @throws IllegalArgumentException naming the field, its value and the allowed range
         */
        public Service build() {
            Checks.u32("fwMark", fwMark);
            AddressFamily family;
            if (fwMark != 0) {
                if (protocol != null || address != null || port != 0) {
                    throw new IllegalArgumentException("fwMark " + fwMark
                            + " excludes protocol, address and port (expected: either fwMark, or protocol+address+port)");
                }
                if (addressFamily == null) {
                    throw new IllegalArgumentException("addressFamily: required for a firewall-mark service (expected: INET or INET6)");
                }
                family = Checks.ipFamily("addressFamily", addressFamily);
            } else {
                if (protocol == null) {
                    throw new IllegalArgumentException("protocol: required unless fwMark is set (expected: TCP, UDP or SCTP)");
                }
                if (address == null) {
                    throw new IllegalArgumentException("address: required unless fwMark is set");
                }
                family = Checks.familyOf(addressFamily, address);
            }
            Checks.u16("port", port);
            if (timeout < 0 || timeout > MAX_TIMEOUT) {
                throw new IllegalArgumentException("timeout: " + timeout + " (expected: 0-" + MAX_TIMEOUT
                        + " seconds, which the kernel keeps in 32 bits of jiffies)");
            }
            if (netmask != null && !netmask.addressFamily().equals(family)) {
                throw new IllegalArgumentException("netmask: " + netmask + " is " + netmask.addressFamily() + " but the service is "
                        + family + " (expected: a netmask of the service's family)");
            }
            if (netmask != null && family.equals(AddressFamily.INET6) && netmask.value() == 0) {
                throw new IllegalArgumentException("netmask: /0 (expected: a prefix length of 1-128 for INET6)");
            }
            return new Service(this, family);
        }

        /** Builds from decoded kernel data, whose structure and family the codec has already checked. */
        Service buildDecoded() {
            return new Service(this, addressFamily != null ? addressFamily : AddressFamily.of(address));
        }
    }
}
