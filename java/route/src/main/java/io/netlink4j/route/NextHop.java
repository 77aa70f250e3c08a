// SPDX-FileCopyrightText: 2026 The netlink4j Authors
// SPDX-License-Identifier: Apache-2.0
package io.netlink4j.route;

import io.netlink4j.internal.InetAddresses;

import java.net.InetAddress;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One next hop of a multipath route (a {@code struct rtnexthop} in RTA_MULTIPATH): a gateway, the
 * link it is reached on, its weight among the route's next hops, its flags, and the attributes not
 * modelled here kept raw. Immutable; made by the decoder, or with {@link #builder()} for a
 * {@link RouteSpec}.
 *
 * <pre>{@code
 * NextHop.builder().gateway(InetAddress.getByName("10.0.0.2")).linkIndex(veth0).weight(2).build()
 * }</pre>
 */
public final class NextHop {
    private final InetAddress gateway;
    private final int linkIndex;
    private final int weight;
    private final int flags;
    private final List<RawAttribute> otherAttributes;

    private NextHop(Builder b) {
        this.gateway = b.gateway;
        this.linkIndex = b.linkIndex;
        this.weight = b.weight;
        this.flags = b.flags;
        this.otherAttributes = b.otherAttributes;
    }

    /** {@return a builder with no gateway, no link, weight 1 and no flags} */
    public static Builder builder() {
        return new Builder();
    }

    /** {@return a builder holding this next hop's values} */
    public Builder toBuilder() {
        Builder b = new Builder();
        b.gateway = gateway;
        b.linkIndex = linkIndex;
        b.weight = weight;
        b.flags = flags;
        b.otherAttributes = otherAttributes;
        return b;
    }

    /**
     * {@return the gateway (RTA_GATEWAY, or RTA_VIA for a gateway of the other family), if there is one}
     */
    public Optional<InetAddress> gateway() {
        return Optional.ofNullable(gateway);
    }

    /** {@return the index of the link the next hop is reached on ({@code rtnh_ifindex}), or 0 for none} */
    public int linkIndex() {
        return linkIndex;
    }

    /** {@return the weight among the route's next hops, 1-256 ({@code rtnh_hops} + 1)} */
    public int weight() {
        return weight;
    }

    /** {@return the RTNH_F_* flags, named by {@link RouteFlags}} */
    public int flags() {
        return flags;
    }

    /** {@return the attributes of the next hop not modelled above, raw and in arrival order} */
    public List<RawAttribute> otherAttributes() {
        return otherAttributes;
    }

    /**
     * Equal to a next hop whose every accessor returns an equal value.
     *
     * @param o the object to compare with
     * @return whether {@code o} is an equal next hop
     */
    @Override
    public boolean equals(Object o) {
        return o instanceof NextHop n && Objects.equals(n.gateway, gateway) && n.linkIndex == linkIndex && n.weight == weight
                && n.flags == flags && n.otherAttributes.equals(otherAttributes);
    }

    /** {@return a hash of every accessor's value} */
    @Override
    public int hashCode() {
        return Objects.hash(gateway, linkIndex, weight, flags, otherAttributes);
    }

    /** {@return the next hop as {@code ip route} writes it, e.g. {@code NextHop[via 10.0.0.2 dev 3 weight 1]}} */
    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder("NextHop[");
        if (gateway != null) {
            sb.append("via ").append(InetAddresses.toText(gateway)).append(' ');
        }
        if (linkIndex != 0) {
            sb.append("dev ").append(linkIndex).append(' ');
        }
        sb.append("weight ").append(weight);
        if (flags != 0) {
            sb.append(' ').append(String.join(" ", RouteFlags.names(flags)));
        }
        return sb.append(']').toString();
    }

    /** Builds a {@link NextHop}; {@link #build()} validates. */
    public static final class Builder {
        private InetAddress gateway;
        private int linkIndex;
        private int weight = 1;
        private int flags;
        private List<RawAttribute> otherAttributes = List.of();

        private Builder() {}

        /**
         * Sets {@link NextHop#gateway()}.
         *
         * @param gateway the gateway, IPv4 or IPv6
         * @return this builder
         */
        public Builder gateway(InetAddress gateway) {
            this.gateway = Objects.requireNonNull(gateway, "gateway");
            return this;
        }

        /**
         * Sets {@link NextHop#linkIndex()}.
         *
         * @param linkIndex the link's index, or 0 for none
         * @return this builder
         */
        public Builder linkIndex(int linkIndex) {
            this.linkIndex = linkIndex;
            return this;
        }

        /**
         * Sets {@link NextHop#weight()}.
         *
         * @param weight 1-256
         * @return this builder
         */
        public Builder weight(int weight) {
            this.weight = weight;
            return this;
        }

        /**
         * Sets {@link NextHop#flags()}.
         *
         * @param flags RTNH_F_* flags; a request may set only {@link RouteFlags#ONLINK}
         * @return this builder
         */
        public Builder flags(int flags) {
            this.flags = flags;
            return this;
        }

        /**
         * Sets {@link NextHop#otherAttributes()} (copied).
         *
         * @param otherAttributes the other attributes
         * @return this builder
         */
        public Builder otherAttributes(List<RawAttribute> otherAttributes) {
            this.otherAttributes = List.copyOf(Objects.requireNonNull(otherAttributes, "otherAttributes"));
            return this;
        }

        /**
         * The next hop.
         *
         * @return a next hop with the values set
         * @throws IllegalArgumentException if the link index is negative, the weight outside
         *                                  1-256 or the flags outside 0-255
         */
        public NextHop build() {
            if (linkIndex < 0) {
                throw new IllegalArgumentException("linkIndex: " + linkIndex + " (expected: 0-2147483647)");
            }
            if (weight < 1 || weight > 256) {
                throw new IllegalArgumentException("weight: " + weight + " (expected: 1-256)");
            }
            if ((flags & ~0xFF) != 0) {
                throw new IllegalArgumentException("flags: 0x" + Integer.toHexString(flags) + " (expected: 0x0-0xff, RTNH_F_*)");
            }
            return new NextHop(this);
        }
    }
}
