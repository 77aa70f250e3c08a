// SPDX-FileCopyrightText: 2026 The netlink4j Authors
// SPDX-License-Identifier: Apache-2.0
package io.netlink4j.route;

import io.netlink4j.internal.InetAddresses;

import java.net.InetAddress;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * An address of an interface as the kernel reports it (RTM_NEWADDR): the fixed header, the
 * attributes this library models, and every other attribute kept raw. Immutable; made by the
 * decoder, or with {@link #builder()}.
 *
 * <p>For IPv4 and IPv6, {@link #address()} is the interface's own address and {@link #peer()} the
 * other end of a point-to-point address. Addresses of other families (MPLS, MCTP, ...) have a null
 * {@link #address()}; their IFA_LOCAL and IFA_ADDRESS stay in {@link #otherAttributes()}.
 */
public final class Address {
    /** The lifetime the kernel reports for an address that never expires. */
    public static final long FOREVER = 0xFFFFFFFFL;

    /**
     * IFA_CACHEINFO: lifetimes in seconds ({@link #FOREVER} for none) and the creation and last
     * update times in hundredths of a second since boot.
     */
    public record CacheInfo(long preferredLifetime, long validLifetime, long created, long updated) { }

    private final AddressFamily family;
    private final int prefixLength;
    private final int flags;
    private final AddressScope scope;
    private final int index;
    private final InetAddress address;
    private final InetAddress peer;
    private final InetAddress broadcast;
    private final String label;
    private final CacheInfo cacheInfo;
    private final int routePriority;
    private final int protocol;
    private final List<RawAttribute> otherAttributes;

    private Address(Builder b) {
        this.family = Objects.requireNonNull(b.family, "family");
        this.prefixLength = b.prefixLength;
        this.flags = b.flags;
        this.scope = Objects.requireNonNull(b.scope, "scope");
        this.index = b.index;
        this.address = b.address;
        this.peer = b.peer;
        this.broadcast = b.broadcast;
        this.label = b.label;
        this.cacheInfo = b.cacheInfo;
        this.routePriority = b.routePriority;
        this.protocol = b.protocol;
        this.otherAttributes = List.copyOf(b.otherAttributes);
    }

    public static Builder builder() {
        return new Builder();
    }

    public Builder toBuilder() {
        Builder b = new Builder();
        b.family = family;
        b.prefixLength = prefixLength;
        b.flags = flags;
        b.scope = scope;
        b.index = index;
        b.address = address;
        b.peer = peer;
        b.broadcast = broadcast;
        b.label = label;
        b.cacheInfo = cacheInfo;
        b.routePriority = routePriority;
        b.protocol = protocol;
        b.otherAttributes = otherAttributes;
        return b;
    }

    /** {@code ifa_family}. */
    public AddressFamily family() {
        return family;
    }

    /** {@code ifa_prefixlen}. */
    public int prefixLength() {
        return prefixLength;
    }

    /** The IFA_F_* flags ({@link AddressFlags}): IFA_FLAGS when present, else {@code ifa_flags}. */
    public int flags() {
        return flags;
    }

    /** The flags as iproute2 names them. */
    public List<String> flagNames() {
        return AddressFlags.names(flags, family);
    }

    /** {@code ifa_scope}. */
    public AddressScope scope() {
        return scope;
    }

    /** The index of the interface the address is on ({@code ifa_index}). */
    public int index() {
        return index;
    }

    /** The interface's own address: IFA_LOCAL, or IFA_ADDRESS without it; null for non-IP families. */
    public InetAddress address() {
        return address;
    }

    /** The far end of a point-to-point address (IFA_ADDRESS when it differs from IFA_LOCAL), or null. */
    public InetAddress peer() {
        return peer;
    }

    /** IFA_BROADCAST (IPv4), or null. */
    public InetAddress broadcast() {
        return broadcast;
    }

    /** IFA_LABEL (IPv4), or null. */
    public String label() {
        return label;
    }

    /** IFA_CACHEINFO, or null. */
    public CacheInfo cacheInfo() {
        return cacheInfo;
    }

    /** IFA_RT_PRIORITY: the metric of the prefix route, or 0. */
    public int routePriority() {
        return routePriority;
    }

    /** IFA_PROTO: who added the address (IFAPROT_*), or 0. */
    public int protocol() {
        return protocol;
    }

    /** The attributes not modelled above, raw and in arrival order. */
    public List<RawAttribute> otherAttributes() {
        return otherAttributes;
    }

    /** The first of {@link #otherAttributes()} of type {@code type}. */
    public Optional<RawAttribute> attribute(int type) {
        for (RawAttribute a : otherAttributes) {
            if (a.type() == type) {
                return Optional.of(a);
            }
        }
        return Optional.empty();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Address a && a.family.equals(family) && a.prefixLength == prefixLength && a.flags == flags
                && a.scope.equals(scope) && a.index == index && Objects.equals(a.address, address)
                && Objects.equals(a.peer, peer) && Objects.equals(a.broadcast, broadcast) && Objects.equals(a.label, label)
                && Objects.equals(a.cacheInfo, cacheInfo) && a.routePriority == routePriority && a.protocol == protocol
                && a.otherAttributes.equals(otherAttributes);
    }

    @Override
    public int hashCode() {
        return Objects.hash(family, prefixLength, flags, scope, index, address, peer, otherAttributes);
    }

    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder("Address[").append(family).append(' ');
        sb.append(address == null ? "?" : InetAddresses.toText(address)).append('/').append(prefixLength);
        if (peer != null) {
            sb.append(" peer ").append(InetAddresses.toText(peer));
        }
        sb.append(" dev ").append(index).append(" scope ").append(scope);
        if (label != null) {
            sb.append(' ').append(label);
        }
        return sb.append(']').toString();
    }

    /** Builds an {@link Address}; family and scope default to INET and UNIVERSE. */
    public static final class Builder {
        private AddressFamily family = AddressFamily.INET;
        private int prefixLength;
        private int flags;
        private AddressScope scope = AddressScope.UNIVERSE;
        private int index;
        private InetAddress address;
        private InetAddress peer;
        private InetAddress broadcast;
        private String label;
        private CacheInfo cacheInfo;
        private int routePriority;
        private int protocol;
        private List<RawAttribute> otherAttributes = List.of();

        private Builder() {}

        public Builder family(AddressFamily family) {
            this.family = family;
            return this;
        }

        public Builder prefixLength(int prefixLength) {
            this.prefixLength = prefixLength;
            return this;
        }

        public Builder flags(int flags) {
            this.flags = flags;
            return this;
        }

        public Builder scope(AddressScope scope) {
            this.scope = scope;
            return this;
        }

        public Builder index(int index) {
            this.index = index;
            return this;
        }

        public Builder address(InetAddress address) {
            this.address = address;
            return this;
        }

        public Builder peer(InetAddress peer) {
            this.peer = peer;
            return this;
        }

        public Builder broadcast(InetAddress broadcast) {
            this.broadcast = broadcast;
            return this;
        }

        public Builder label(String label) {
            this.label = label;
            return this;
        }

        public Builder cacheInfo(CacheInfo cacheInfo) {
            this.cacheInfo = cacheInfo;
            return this;
        }

        public Builder routePriority(int routePriority) {
            this.routePriority = routePriority;
            return this;
        }

        public Builder protocol(int protocol) {
            this.protocol = protocol;
            return this;
        }

        public Builder otherAttributes(List<RawAttribute> otherAttributes) {
            this.otherAttributes = Objects.requireNonNull(otherAttributes, "otherAttributes");
            return this;
        }

        /**
         * @throws NullPointerException if the family or scope is missing
         */
        public Address build() {
            return new Address(this);
        }
    }
}
