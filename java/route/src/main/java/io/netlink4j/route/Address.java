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
 * other end of a point-to-point address. Addresses of other families (MPLS, MCTP, ...) have an
 * empty {@link #address()}; their IFA_LOCAL and IFA_ADDRESS stay in {@link #otherAttributes()}.
 * Absent optional attributes read as {@link Optional#empty()}.
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
        this.v = b.copy();
    }

    /** {@return a builder with address family {@link AddressFamily#INET}, scope {@link AddressScope#UNIVERSE}, and nothing else} */
    public static Builder builder() {
        return new Builder();
    }

    /** {@return a builder holding this address's values} */
    public Builder toBuilder() {
        return v.copy();
    }

    /** {@return the address family ({@code ifa_family})} */
    public AddressFamily addressFamily() {
        return v.family;
    }

    /** {@return the prefix length ({@code ifa_prefixlen}): 0-32 for IPv4, 0-128 for IPv6} */
    public int prefixLength() {
        return v.prefixLength;
    }

    /** {@return the IFA_F_* flags, named by {@link AddressFlags}: IFA_FLAGS when present, else {@code ifa_flags}} */
    public int flags() {
        return v.flags;
    }

    /** {@return the scope ({@code ifa_scope})} */
    public AddressScope scope() {
        return v.scope;
    }

    /** {@return the index of the link the address is on ({@code ifa_index})} */
    public int linkIndex() {
        return v.index;
    }

    /** {@return the interface's own address: IFA_LOCAL, or IFA_ADDRESS without it; empty for families other than IPv4 and IPv6} */
    public Optional<InetAddress> address() {
        return Optional.ofNullable(v.address);
    }

    /** {@return the far end of a point-to-point address (IFA_ADDRESS when it differs from IFA_LOCAL), if there is one} */
    public Optional<InetAddress> peer() {
        return Optional.ofNullable(v.peer);
    }

    /** {@return the IPv4 broadcast address (IFA_BROADCAST), if there is one} */
    public Optional<InetAddress> broadcast() {
        return Optional.ofNullable(v.broadcast);
    }

    /** {@return the IPv4 label (IFA_LABEL), if there is one} */
    public Optional<String> label() {
        return Optional.ofNullable(v.label);
    }

    /** {@return the lifetimes and time stamps (IFA_CACHEINFO), if the kernel sent them} */
    public Optional<CacheInfo> cacheInfo() {
        return Optional.ofNullable(v.cacheInfo);
    }

    /** {@return the metric of the prefix route (IFA_RT_PRIORITY), or 0: the bits of the kernel's u32} */
    public int routePriority() {
        return v.routePriority;
    }

    /** {@return who added the address (IFA_PROTO); {@link AddressProtocol#UNSPEC} when absent} */
    public AddressProtocol protocol() {
        return v.protocol;
    }

    /** {@return the attributes not modelled above, raw and in arrival order} */
    public List<RawAttribute> otherAttributes() {
        return v.otherAttributes;
    }

    /**
     * The first of {@link #otherAttributes()} of type {@code type}, if there is one.
     *
     * @param type the attribute's type, e.g. {@link Rtnetlink#IFA_MULTICAST}
     * @return the attribute, or {@link Optional#empty()}
     */
    public Optional<RawAttribute> attribute(int type) {
        return RawAttribute.first(v.otherAttributes, type);
    }

    /**
     * Equal to an address whose every accessor returns an equal value.
     *
     * @param o the object to compare with
     * @return equal to an address whose every accessor returns an equal value
     */
    @Override
    public boolean equals(Object o) {
        return o instanceof Address a && v.components().equals(a.v.components());
    }

    /** {@return a hash of every accessor's value} */
    @Override
    public int hashCode() {
        return v.components().hashCode();
    }

    /**
     * Address family, address, prefix length, peer, link index, scope and label, e.g.
     * {@code Address[INET 10.0.0.1/24 dev 3 scope UNIVERSE eth0]}.
     *
     * @return address family, address, prefix length, peer, link index, scope and label
     */
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
        private AddressProtocol protocol = AddressProtocol.UNSPEC;
        private List<RawAttribute> otherAttributes = List.of();

        private Builder() {}

        private Builder copy() {
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

        private List<Object> components() {
            return Arrays.asList(family, prefixLength, flags, scope, index, address, peer, broadcast, label, cacheInfo,
                    routePriority, protocol, otherAttributes);
        }

        /**
         * Sets {@link Address#addressFamily()}.
         *
         * @param addressFamily the address family
         * @return this builder
         */
        public Builder addressFamily(AddressFamily addressFamily) {
            this.family = Objects.requireNonNull(addressFamily, "addressFamily");
            return this;
        }

        /**
         * Sets {@link Address#prefixLength()}.
         *
         * @param prefixLength the prefix length
         * @return this builder
         */
        public Builder prefixLength(int prefixLength) {
            this.prefixLength = prefixLength;
            return this;
        }

        /**
         * Sets {@link Address#flags()}.
         *
         * @param flags the flags
         * @return this builder
         */
        public Builder flags(int flags) {
            this.flags = flags;
            return this;
        }

        /**
         * Sets {@link Address#scope()}.
         *
         * @param scope the scope
         * @return this builder
         */
        public Builder scope(AddressScope scope) {
            this.scope = Objects.requireNonNull(scope, "scope");
            return this;
        }

        /**
         * Sets {@link Address#linkIndex()}.
         *
         * @param linkIndex the link index
         * @return this builder
         */
        public Builder linkIndex(int linkIndex) {
            this.index = linkIndex;
            return this;
        }

        /**
         * Sets {@link Address#address()} (not null).
         *
         * @param address the address
         * @return this builder
         */
        public Builder address(InetAddress address) {
            this.address = Objects.requireNonNull(address, "address");
            return this;
        }

        /**
         * Sets {@link Address#peer()} (not null).
         *
         * @param peer the peer
         * @return this builder
         */
        public Builder peer(InetAddress peer) {
            this.peer = Objects.requireNonNull(peer, "peer");
            return this;
        }

        /**
         * Sets {@link Address#broadcast()} (not null).
         *
         * @param broadcast the broadcast
         * @return this builder
         */
        public Builder broadcast(InetAddress broadcast) {
            this.broadcast = Objects.requireNonNull(broadcast, "broadcast");
            return this;
        }

        /**
         * Sets {@link Address#label()} (not null).
         *
         * @param label the label
         * @return this builder
         */
        public Builder label(String label) {
            this.label = Objects.requireNonNull(label, "label");
            return this;
        }

        /**
         * Sets {@link Address#cacheInfo()} (not null).
         *
         * @param cacheInfo the cache info
         * @return this builder
         */
        public Builder cacheInfo(CacheInfo cacheInfo) {
            this.cacheInfo = Objects.requireNonNull(cacheInfo, "cacheInfo");
            return this;
        }

        /**
         * Sets {@link Address#routePriority()}.
         *
         * @param routePriority the route priority
         * @return this builder
         */
        public Builder routePriority(int routePriority) {
            this.routePriority = routePriority;
            return this;
        }

        /**
         * Sets {@link Address#protocol()}.
         *
         * @param protocol the protocol
         * @return this builder
         */
        public Builder protocol(AddressProtocol protocol) {
            this.protocol = Objects.requireNonNull(protocol, "protocol");
            return this;
        }

        /**
         * Sets {@link Address#otherAttributes()} (copied).
         *
         * @param otherAttributes the other attributes
         * @return this builder
         */
        public Builder otherAttributes(List<RawAttribute> otherAttributes) {
            this.otherAttributes = List.copyOf(Objects.requireNonNull(otherAttributes, "otherAttributes"));
            return this;
        }

        /**
         * The address.
         *
         * @return an address with the values set
         * @throws IllegalArgumentException if the link index is negative, the prefix length is
         *                                  outside 0-32 (IPv4), 0-128 (IPv6) or 0-255 (other
         *                                  families), or an IP address is not of the address family
         */
        public Address build() {
            if (index < 0) {
                throw new IllegalArgumentException("linkIndex: " + index + " (expected: 0-2147483647)");
            }
            int max = family.isIp() ? family.maxPrefixLength() : 255;
            if (prefixLength < 0 || prefixLength > max) {
                throw new IllegalArgumentException("prefixLength: " + prefixLength + " (expected: 0-" + max + " for " + family + ")");
            }
            checkFamily("address", address);
            checkFamily("peer", peer);
            checkFamily("broadcast", broadcast);
            return new Address(this);
        }

        private void checkFamily(String field, InetAddress a) {
            if (a != null && !AddressFamily.of(a).equals(family)) {
                throw new IllegalArgumentException(field + ": " + InetAddresses.toText(a) + " (expected: an " + family + " address)");
            }
        }
    }
}
