// SPDX-FileCopyrightText: 2026 The netlink4j Authors
// SPDX-License-Identifier: Apache-2.0
package io.netlink4j.ipvs;

import java.net.InetAddress;
import java.util.Objects;

/**
 * An IPVS virtual service: either a protocol, address and port, or a firewall mark. Immutable;
 * build with {@link #builder()}, change with {@link #toBuilder()}. {@link Builder#build() Building}
 * validates every field against what the kernel accepts and throws
 * {@link IllegalArgumentException} naming the field and the allowed range.
 *
 * <pre>{@code
 * Service web = Service.builder()
 *         .protocol(Protocol.TCP).address(InetAddress.getByName("10.0.0.1")).port(80)
 *         .schedName(Schedulers.ROUND_ROBIN)
 *         .build();
 * }</pre>
 */
public final class Service {
    /** IP_VS_SVC_F_PERSISTENT. */
    public static final int FLAG_PERSISTENT = 0x1;
    /** IP_VS_SVC_F_HASHED: kernel-internal; never reported by this library. */
    public static final int FLAG_HASHED = 0x2;
    /** IP_VS_SVC_F_ONEPACKET: one-packet scheduling (UDP). */
    public static final int FLAG_ONEPACKET = 0x4;
    /** IP_VS_SVC_F_SCHED1 (e.g. sh-fallback, mh-fallback). */
    public static final int FLAG_SCHED1 = 0x8;
    /** IP_VS_SVC_F_SCHED2 (e.g. sh-port, mh-port). */
    public static final int FLAG_SCHED2 = 0x10;
    /** IP_VS_SVC_F_SCHED3. */
    public static final int FLAG_SCHED3 = 0x20;

    /** ipvsadm's default scheduler. */
    public static final String DEFAULT_SCHEDULER = Schedulers.WEIGHTED_LEAST_CONNECTION;

    /**
     * The longest persistence timeout, in seconds, that the kernel keeps as given: it stores the
     * timeout in jiffies in 32 bits, so at 1000 ticks per second anything above
     * {@code 4294967295 / 1000} wraps around. ipvsadm allows at most 31 days.
     */
    public static final long MAX_TIMEOUT = 0xFFFFFFFFL / 1000;

    private final AddressFamily addressFamily;
    private final Protocol protocol;
    private final InetAddress address;
    private final int port;
    private final long fwMark;
    private final String schedName;
    private final int flags;
    private final long timeout;
    private final int netmask;
    private final int ipv4Mask;
    private final String peName;
    private final Stats stats;
    /** The address as IPVS sends it (16 bytes), kept so encoding allocates nothing. */
    final byte[] wireAddress;

    private Service(Builder b) {
        this.addressFamily = b.addressFamily;
        this.protocol = b.protocol;
        this.address = b.address;
        this.port = b.port;
        this.fwMark = b.fwMark;
        this.schedName = b.schedName;
        this.flags = b.flags;
        this.timeout = b.timeout;
        if (b.addressFamily == AddressFamily.INET) {
            this.ipv4Mask = b.ipv4Mask != null ? b.ipv4Mask : maskOf(b.netmask < 0 ? 32 : b.netmask);
            this.netmask = prefixOf(ipv4Mask);
        } else {
            this.ipv4Mask = 0;
            this.netmask = b.netmask < 0 ? b.addressFamily.maxPrefixLength() : b.netmask;
        }
        this.peName = b.peName == null ? "" : b.peName;
        this.stats = b.stats == null ? Stats.ZERO : b.stats;
        this.wireAddress = b.address == null ? null : Addresses.toWire(b.address);
    }

    public static Builder builder() {
        return new Builder();
    }

    public Builder toBuilder() {
        Builder b = new Builder();
        b.addressFamily = addressFamily;
        b.protocol = protocol;
        b.address = address;
        b.port = port;
        b.fwMark = fwMark;
        b.schedName = schedName;
        b.flags = flags;
        b.timeout = timeout;
        b.netmask = netmask;
        b.ipv4Mask = addressFamily == AddressFamily.INET && netmask < 0 ? ipv4Mask : null;
        b.peName = peName;
        b.stats = stats;
        return b;
    }

    public AddressFamily addressFamily() {
        return addressFamily;
    }

    /** TCP, UDP or SCTP; null for a firewall-mark service. */
    public Protocol protocol() {
        return protocol;
    }

    /** The virtual address; null for a firewall-mark service. */
    public InetAddress address() {
        return address;
    }

    /** The virtual port (0 for a firewall-mark service, or a persistent any-port service). */
    public int port() {
        return port;
    }

    /** The firewall mark (an unsigned 32-bit value), or 0 for an address service. */
    public long fwMark() {
        return fwMark;
    }

    public boolean isFwMark() {
        return fwMark != 0;
    }

    public String schedName() {
        return schedName;
    }

    /** The FLAG_* bits (never FLAG_HASHED). */
    public int flags() {
        return flags;
    }

    public boolean isPersistent() {
        return (flags & FLAG_PERSISTENT) != 0;
    }

    public boolean isOnePacket() {
        return (flags & FLAG_ONEPACKET) != 0;
    }

    /** Persistence timeout in seconds: at most {@link #MAX_TIMEOUT} for a service built here. */
    public long timeout() {
        return timeout;
    }

    /**
     * The persistence granularity as a prefix length: 0-32 for IPv4, 1-128 for IPv6; -1 for an IPv4
     * mask that is not a prefix (such as {@code ipvsadm -M 255.0.255.0}), which {@link #ipv4Mask()} holds.
     */
    public int netmask() {
        return netmask;
    }

    /**
     * The IPv4 persistence mask as a 32-bit value, most significant byte first ({@code 0xFFFFFF00}
     * for /24); 0 for an IPv6 service.
     */
    public int ipv4Mask() {
        return ipv4Mask;
    }

    /** The persistence engine (e.g. "sip"), or "" for none. */
    public String peName() {
        return peName;
    }

    /** Counters as last read from the kernel; {@link Stats#ZERO} for values built here. */
    public Stats stats() {
        return stats;
    }

    /** This service with zero counters: for comparing configuration. */
    public Service withoutStats() {
        // Not build(): a service read from the kernel may hold values this library would not send
        // (a timeout above MAX_TIMEOUT set by another tool on a kernel with fewer ticks per second).
        return stats == Stats.ZERO ? this : toBuilder().stats(Stats.ZERO).buildDecoded();
    }

    /** A short name for messages: {@code TCP 10.0.0.1:80}, {@code UDP [2001:db8::1]:53}, {@code FWM 7 (IPv4)}. */
    public String describe() {
        if (isFwMark()) {
            return "FWM " + fwMark + (addressFamily == AddressFamily.INET6 ? " (IPv6)" : " (IPv4)");
        }
        return protocol + " " + Addresses.format(address, port);
    }

    /** Whether {@code o} names the same service: the same firewall mark, or protocol, address and port. */
    public boolean sameIdentity(Service o) {
        return addressFamily == o.addressFamily && fwMark == o.fwMark && protocol == o.protocol && port == o.port
                && Objects.equals(address, o.address);
    }

    /** Whether {@code o} is the same service with the same settings; the counters are not compared. */
    public boolean sameSettings(Service o) {
        return sameIdentity(o) && flags == o.flags && timeout == o.timeout && netmask == o.netmask && ipv4Mask == o.ipv4Mask
                && schedName.equals(o.schedName) && peName.equals(o.peName);
    }

    @Override
    public boolean equals(Object o) {
        if (this == o) {
            return true;
        }
        if (!(o instanceof Service s)) {
            return false;
        }
        return port == s.port && fwMark == s.fwMark && flags == s.flags && timeout == s.timeout && netmask == s.netmask
                && ipv4Mask == s.ipv4Mask && addressFamily == s.addressFamily && protocol == s.protocol && Objects.equals(address, s.address)
                && schedName.equals(s.schedName) && peName.equals(s.peName) && stats.equals(s.stats);
    }

    @Override
    public int hashCode() {
        return Objects.hash(addressFamily, protocol, address, port, fwMark, schedName, flags, timeout, netmask, ipv4Mask, peName, stats);
    }

    @Override
    public String toString() {
        return "Service[" + describe() + ", sched=" + schedName + ", flags=0x" + Integer.toHexString(flags)
                + ", timeout=" + timeout + ", netmask=" + maskText() + (peName.isEmpty() ? "" : ", pe=" + peName)
                + (stats.equals(Stats.ZERO) ? "" : ", " + stats) + "]";
    }

    private String maskText() {
        if (netmask >= 0) {
            return "/" + netmask;
        }
        return (ipv4Mask >>> 24) + "." + (ipv4Mask >>> 16 & 0xFF) + "." + (ipv4Mask >>> 8 & 0xFF) + "." + (ipv4Mask & 0xFF);
    }

    /** The IPv4 mask of a prefix length. */
    static int maskOf(int prefix) {
        return prefix == 0 ? 0 : 0xFFFFFFFF << (32 - prefix);
    }

    /** The prefix length of an IPv4 mask, or -1 if its ones are not contiguous from the top. */
    static int prefixOf(int mask) {
        int prefix = Integer.bitCount(mask);
        return mask == maskOf(prefix) ? prefix : -1;
    }

    /** Builds a {@link Service}. Defaults: scheduler wlc, no flags, no timeout, full netmask, no PE. */
    public static final class Builder {
        private AddressFamily addressFamily;
        private Protocol protocol;
        private InetAddress address;
        private int port;
        private long fwMark;
        private String schedName = DEFAULT_SCHEDULER;
        private int flags;
        private long timeout;
        private int netmask = -1;
        private Integer ipv4Mask;
        private String peName = "";
        private Stats stats = Stats.ZERO;

        private Builder() {}

        /** Needed only for a firewall-mark service; otherwise it follows from the address. */
        public Builder addressFamily(AddressFamily v) {
            this.addressFamily = v;
            return this;
        }

        public Builder protocol(Protocol v) {
            this.protocol = v;
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

        public Builder fwMark(long v) {
            this.fwMark = v;
            return this;
        }

        public Builder schedName(String v) {
            this.schedName = v;
            return this;
        }

        public Builder flags(int v) {
            this.flags = v;
            return this;
        }

        /** Persistence timeout in seconds; see also {@link #persistent(long)}. */
        public Builder timeout(long v) {
            this.timeout = v;
            return this;
        }

        /** Makes the service persistent with this timeout in seconds (ipvsadm -p). */
        public Builder persistent(long timeoutSeconds) {
            this.flags |= FLAG_PERSISTENT;
            this.timeout = timeoutSeconds;
            return this;
        }

        /** Persistence granularity as a prefix length: 0-32 for IPv4, 1-128 for IPv6. Replaces an {@link #ipv4Mask}. */
        public Builder netmask(int prefixLength) {
            this.netmask = prefixLength;
            this.ipv4Mask = null;
            return this;
        }

        /**
         * Persistence granularity of an IPv4 service as any 32-bit mask, most significant byte first,
         * including masks that are not prefixes (the kernel ANDs the client address with it).
         * Replaces a {@link #netmask(int)}.
         */
        public Builder ipv4Mask(int mask) {
            this.ipv4Mask = mask;
            this.netmask = -1;
            return this;
        }

        public Builder peName(String v) {
            this.peName = v;
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
        public Service build() {
            if (fwMark < 0 || fwMark > 0xFFFFFFFFL) {
                throw new IllegalArgumentException("fwMark: " + fwMark + " (expected: 0-4294967295)");
            }
            if (fwMark != 0) {
                if (protocol != null || address != null || port != 0) {
                    throw new IllegalArgumentException("fwMark " + fwMark
                            + " excludes protocol, address and port (expected: either fwMark, or protocol+address+port)");
                }
                if (addressFamily == null) {
                    throw new IllegalArgumentException("addressFamily: required for a firewall-mark service (expected: INET or INET6)");
                }
            } else {
                if (protocol == null) {
                    throw new IllegalArgumentException("protocol: required unless fwMark is set (expected: TCP, UDP or SCTP)");
                }
                if (address == null) {
                    throw new IllegalArgumentException("address: required unless fwMark is set");
                }
                AddressFamily actual = AddressFamily.of(address);
                if (addressFamily == null) {
                    addressFamily = actual;
                } else if (addressFamily != actual) {
                    throw new IllegalArgumentException("address " + address.getHostAddress() + " is " + actual
                            + " but addressFamily is " + addressFamily + " (expected: the same family)");
                }
            }
            checkPort("port", port);
            checkName("schedName", schedName, 1);
            checkName("peName", peName == null ? "" : peName, 0);
            if (timeout < 0 || timeout > MAX_TIMEOUT) {
                throw new IllegalArgumentException("timeout: " + timeout + " (expected: 0-" + MAX_TIMEOUT
                        + " seconds, which the kernel keeps in 32 bits of jiffies)");
            }
            if (ipv4Mask != null && addressFamily != AddressFamily.INET) {
                throw new IllegalArgumentException("ipv4Mask: set on an " + addressFamily
                        + " service (expected: an INET service, or netmask(1-128) for INET6)");
            }
            if (netmask != -1) {
                int min = addressFamily == AddressFamily.INET ? 0 : 1;
                if (netmask < min || netmask > addressFamily.maxPrefixLength()) {
                    throw new IllegalArgumentException("netmask: /" + netmask + " (expected: " + min + "-"
                            + addressFamily.maxPrefixLength() + " for " + addressFamily + ")");
                }
            }
            Objects.requireNonNull(stats, "stats");
            flags &= ~FLAG_HASHED;
            return new Service(this);
        }

        /** Builds from decoded kernel data, whose structure the codec has already checked. */
        Service buildDecoded() {
            flags &= ~FLAG_HASHED;
            return new Service(this);
        }
    }

    static void checkPort(String field, int port) {
        if (port < 0 || port > 0xFFFF) {
            throw new IllegalArgumentException(field + ": " + port + " (expected: 0-65535)");
        }
    }

    static void checkName(String field, String name, int min) {
        checkName(field, name, min, Ipvs.MAX_NAME_LENGTH);
    }

    /** A name the kernel takes as a NUL-terminated string of at most {@code max} bytes. */
    static void checkName(String field, String name, int min, int max) {
        if (name == null) {
            throw new IllegalArgumentException(field + ": null (expected: " + min + "-" + max + " bytes of UTF-8)");
        }
        int bytes = name.getBytes(java.nio.charset.StandardCharsets.UTF_8).length;
        // An unpaired surrogate has no UTF-8 form: it would be sent as '?'.
        boolean wellFormed = java.nio.charset.StandardCharsets.UTF_8.newEncoder().canEncode(name);
        if (bytes < min || bytes > max || name.indexOf('\0') >= 0 || !wellFormed) {
            throw new IllegalArgumentException(field + " '" + name + "': " + bytes + " bytes (expected: " + min + "-"
                    + max + " bytes of UTF-8, no NUL)");
        }
    }
}
