// SPDX-FileCopyrightText: 2026 The netlink4j Authors
// SPDX-License-Identifier: Apache-2.0
package io.netlink4j.route;

import io.netlink4j.AddressFamily;
import io.netlink4j.internal.InetAddresses;

import java.net.InetAddress;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * An address of an interface as the kernel reports it (RTM_NEWADDR): the fixed header, the
 * attributes this library models, and every other attribute kept raw. Immutable; made by the
 * decoder, or with {@link #builder()}. Two addresses are equal when every accessor returns equal
 * values.
 *
 * <p>For IPv4 and IPv6, {@link #address()} is the interface's own address and {@link #peer()} the
 * other end of a point-to-point address. Addresses of other families (MPLS, MCTP, ...) have a null
 * {@link #address()}; their IFA_LOCAL and IFA_ADDRESS stay in {@link #otherAttributes()}.
 *
 * <p>A class with a builder rather than a record: the kernel keeps adding address attributes, and
 * this type grows with them without breaking its callers.
 */
public final class Address {
    /** The lifetime the kernel reports for an address that never expires. */
    public static final long FOREVER = 0xFFFFFFFFL;

    /**
     * IFA_CACHEINFO: lifetimes in seconds ({@link #FOREVER} for none) and the creation and last
     * update times in hundredths of a second since boot.
     *
     * @param preferredLifetime seconds until the address is deprecated
     * @param validLifetime     seconds until the address is removed
     * @param created           when the address was added
     * @param updated           when the address was last changed
     */
    public record CacheInfo(long preferredLifetime, long validLifetime, long created, long updated) { }

    private final Builder v;

    private Address(Builder b) {
        Objects.requireNonNull(b.family, "family");
        Objects.requireNonNull(b.scope, "scope");
        this.v = b.copy();
    }

    /** A builder with family {@link AddressFamily#INET}, scope {@link AddressScope#UNIVERSE}, and nothing else. */
    public static Builder builder() {
        return new Builder();
    }

    /** A builder holding this address's values. */
    public Builder toBuilder() {
        return v.copy();
    }

    /** {@code ifa_family}. */
    public AddressFamily family() {
        return v.family;
    }

    /** {@code ifa_prefixlen}. */
    public int prefixLength() {
        return v.prefixLength;
    }

    /** The IFA_F_* flags ({@link AddressFlags}): IFA_FLAGS when present, else {@code ifa_flags}. */
    public int flags() {
        return v.flags;
    }

    /** The flags by name, in iproute2's order ({@link AddressFlags#names(int, AddressFamily)}). */
    public List<String> flagNames() {
        return AddressFlags.names(v.flags, v.family);
    }

    /** {@code ifa_scope}. */
    public AddressScope scope() {
        return v.scope;
    }

    /** The index of the interface the address is on ({@code ifa_index}). */
    public int index() {
        return v.index;
    }

    /** The interface's own address: IFA_LOCAL, or IFA_ADDRESS without it; null for non-IP families. */
    public InetAddress address() {
        return v.address;
    }

    /** The far end of a point-to-point address (IFA_ADDRESS when it differs from IFA_LOCAL), or null. */
    public InetAddress peer() {
        return v.peer;
    }

    /** IFA_BROADCAST (IPv4), or null. */
    public InetAddress broadcast() {
        return v.broadcast;
    }

    /** IFA_LABEL (IPv4), or null. */
    public String label() {
        return v.label;
    }

    /** IFA_CACHEINFO, or null. */
    public CacheInfo cacheInfo() {
        return v.cacheInfo;
    }

    /** IFA_RT_PRIORITY: the metric of the prefix route, or 0. */
    public int routePriority() {
        return v.routePriority;
    }

    /** IFA_PROTO: who added the address (IFAPROT_*), or 0. */
    public int protocol() {
        return v.protocol;
    }

    /** The attributes not modelled above, raw and in arrival order. */
    public List<RawAttribute> otherAttributes() {
        return v.otherAttributes;
    }

    /** The first of {@link #otherAttributes()} of type {@code type}. */
    public Optional<RawAttribute> attribute(int type) {
        return RawAttribute.first(v.otherAttributes, type);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Address a && v.components().equals(a.v.components());
    }

    @Override
    public int hashCode() {
        return v.components().hashCode();
    }

    /** Family, address, prefix length, peer, link index, scope and label, e.g. {@code Address[INET 10.0.0.1/24 dev 3 scope UNIVERSE eth0]}. */
    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder("Address[").append(v.family).append(' ');
        sb.append(v.address == null ? "?" : InetAddresses.toText(v.address)).append('/').append(v.prefixLength);
        if (v.peer != null) {
            sb.append(" peer ").append(InetAddresses.toText(v.peer));
        }
        sb.append(" dev ").append(v.index).append(" scope ").append(v.scope);
        if (v.label != null) {
            sb.append(' ').append(v.label);
        }
        return sb.append(']').toString();
    }

    /** Builds an {@link Address}; each setter sets the value of the accessor of its name. */
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

        private Builder copy() {
            return new Builder().family(family).prefixLength(prefixLength).flags(flags).scope(scope).index(index)
                    .address(address).peer(peer).broadcast(broadcast).label(label).cacheInfo(cacheInfo)
                    .routePriority(routePriority).protocol(protocol).otherAttributes(otherAttributes);
        }

        private List<Object> components() {
            return Arrays.asList(family, prefixLength, flags, scope, index, address, peer, broadcast, label, cacheInfo,
                    routePriority, protocol, otherAttributes);
        }

        /** Sets {@link Address#family()}. */
        public Builder family(AddressFamily family) {
            this.family = family;
            return this;
        }

        /** Sets {@link Address#prefixLength()}. */
        public Builder prefixLength(int prefixLength) {
            this.prefixLength = prefixLength;
            return this;
        }

        /** Sets {@link Address#flags()}. */
        public Builder flags(int flags) {
            this.flags = flags;
            return this;
        }

        /** Sets {@link Address#scope()}. */
        public Builder scope(AddressScope scope) {
            this.scope = scope;
            return this;
        }

        /** Sets {@link Address#index()}. */
        public Builder index(int index) {
            this.index = index;
            return this;
        }

        /** Sets {@link Address#address()} (null for none). */
        public Builder address(InetAddress address) {
            this.address = address;
            return this;
        }

        /** Sets {@link Address#peer()} (null for none). */
        public Builder peer(InetAddress peer) {
            this.peer = peer;
            return this;
        }

        /** Sets {@link Address#broadcast()} (null for none). */
        public Builder broadcast(InetAddress broadcast) {
            this.broadcast = broadcast;
            return this;
        }

        /** Sets {@link Address#label()} (null for none). */
        public Builder label(String label) {
            this.label = label;
            return this;
        }

        /** Sets {@link Address#cacheInfo()} (null for none). */
        public Builder cacheInfo(CacheInfo cacheInfo) {
            this.cacheInfo = cacheInfo;
            return this;
        }

        /** Sets {@link Address#routePriority()}. */
        public Builder routePriority(int routePriority) {
            this.routePriority = routePriority;
            return this;
        }

        /** Sets {@link Address#protocol()}. */
        public Builder protocol(int protocol) {
            this.protocol = protocol;
            return this;
        }

        /** Sets {@link Address#otherAttributes()} (copied). */
        public Builder otherAttributes(List<RawAttribute> otherAttributes) {
            this.otherAttributes = List.copyOf(Objects.requireNonNull(otherAttributes, "otherAttributes"));
            return this;
        }

        /**
         * The address.
         *
         * @throws NullPointerException if the family or scope is missing
         */
        public Address build() {
            return new Address(this);
        }
    }
}
