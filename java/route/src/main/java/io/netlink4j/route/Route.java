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
import java.util.OptionalInt;

/**
 * An IPv4 or IPv6 route as the kernel reports it (RTM_NEWROUTE): the fixed header, the attributes
 * this library models, and every other attribute kept raw. Immutable; made by the decoder, or with
 * {@link #builder()}. Two routes are equal when every accessor returns equal values.
 *
 * <p>A route with one next hop has its {@link #gateway()} and {@link #linkIndex()}; a multipath
 * route has its {@link #nextHops()} instead. Absent optional attributes read as
 * {@link Optional#empty()}.
 *
 * <p>A class with a builder rather than a record: the kernel keeps adding route attributes, and
 * this type grows with them without breaking its callers.
 */
public final class Route {
    private final Builder v;

    private Route(Builder b) {
        this.v = b.copy();
        if (v.destination == null) {
            v.destination = RouteValues.anyAddress(v.addressFamily);
        }
    }

    /** {@return a builder for an IPv4 unicast route to {@code 0.0.0.0/0} in the main table, scope {@link AddressScope#UNIVERSE}, and nothing else} */
    public static Builder builder() {
        return new Builder();
    }

    /** {@return a builder holding this route's values} */
    public Builder toBuilder() {
        return v.copy();
    }

    /** {@return the address family ({@code rtm_family}): {@link AddressFamily#INET} or {@link AddressFamily#INET6}} */
    public AddressFamily addressFamily() {
        return v.addressFamily;
    }

    /** {@return the table the route is in (RTA_TABLE, else {@code rtm_table}): the bits of the kernel's u32, named by {@link RouteTables}} */
    public int table() {
        return v.table;
    }

    /** {@return the type ({@code rtm_type})} */
    public RouteType type() {
        return v.type;
    }

    /** {@return who installed the route ({@code rtm_protocol})} */
    public RouteProtocol protocol() {
        return v.protocol;
    }

    /** {@return the scope ({@code rtm_scope}): how far away the destination is} */
    public AddressScope scope() {
        return v.scope;
    }

    /** {@return the RTNH_F_* and RTM_F_* flags ({@code rtm_flags}), named by {@link RouteFlags}} */
    public int flags() {
        return v.flags;
    }

    /** {@return the IPv4 type of service the route matches ({@code rtm_tos}), 0 for any; 0 for IPv6} */
    public int tos() {
        return v.tos;
    }

    /** {@return the destination prefix's address (RTA_DST); the unspecified address ({@code 0.0.0.0} or {@code ::}) of a default route} */
    public InetAddress destination() {
        return v.destination;
    }

    /** {@return the destination prefix's length ({@code rtm_dst_len}): 0 for a default route, 32 (IPv4) or 128 (IPv6) for a host} */
    public int destinationPrefixLength() {
        return v.destinationPrefixLength;
    }

    /** {@return the source prefix's address of an IPv6 source-specific route (RTA_SRC), if there is one} */
    public Optional<InetAddress> source() {
        return Optional.ofNullable(v.source);
    }

    /** {@return the source prefix's length ({@code rtm_src_len}), 0 without one} */
    public int sourcePrefixLength() {
        return v.sourcePrefixLength;
    }

    /** {@return the gateway of a route with one next hop (RTA_GATEWAY, or RTA_VIA for a gateway of the other family), if there is one} */
    public Optional<InetAddress> gateway() {
        return Optional.ofNullable(v.gateway);
    }

    /** {@return the index of the link of a route with one next hop (RTA_OIF), or 0 for none} */
    public int linkIndex() {
        return v.linkIndex;
    }

    /** {@return the preferred source address (RTA_PREFSRC), if there is one} */
    public Optional<InetAddress> preferredSource() {
        return Optional.ofNullable(v.preferredSource);
    }

    /** {@return the priority, {@code ip route}'s metric (RTA_PRIORITY), or 0 when the kernel sent none: the bits of the kernel's u32; lower is preferred} */
    public int priority() {
        return v.priority;
    }

    /** {@return the next hops of a multipath route (RTA_MULTIPATH), in the kernel's order; empty for a route with one next hop} */
    public List<NextHop> nextHops() {
        return v.nextHops;
    }

    /** {@return the path MTU of the route (RTAX_MTU in RTA_METRICS), if it has one} */
    public OptionalInt mtu() {
        return v.mtu == null ? OptionalInt.empty() : OptionalInt.of(v.mtu);
    }

    /** {@return the router preference of an IPv6 route (RTA_PREF), if the kernel sent one} */
    public Optional<RoutePreference> preference() {
        return Optional.ofNullable(v.preference);
    }

    /** {@return the metrics (RTAX_* in RTA_METRICS) other than the MTU, raw and in arrival order} */
    public List<RawAttribute> otherMetrics() {
        return v.otherMetrics;
    }

    /** {@return the attributes not modelled above, raw and in arrival order} */
    public List<RawAttribute> otherAttributes() {
        return v.otherAttributes;
    }

    /**
     * The first of {@link #otherAttributes()} of type {@code type}, if there is one.
     *
     * @param type the attribute's type, e.g. {@link Rtnetlink#RTA_EXPIRES}
     * @return the attribute, or {@link Optional#empty()}
     */
    public Optional<RawAttribute> attribute(int type) {
        return RawAttribute.first(v.otherAttributes, type);
    }

    /**
     * Equal to a route whose every accessor returns an equal value.
     *
     * @param o the object to compare with
     * @return whether {@code o} is an equal route
     */
    @Override
    public boolean equals(Object o) {
        return o instanceof Route r && v.components().equals(r.v.components());
    }

    /** {@return a hash of every accessor's value} */
    @Override
    public int hashCode() {
        return v.components().hashCode();
    }

    /**
     * The route much as {@code ip route} writes it, with the kernel's names, e.g.
     * {@code Route[INET 10.1.0.0/16 via 10.0.0.2 dev 3 table 254 proto BOOT scope UNIVERSE metric 5]}.
     *
     * @return the route's main values
     */
    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder("Route[").append(v.addressFamily).append(' ');
        if (!RouteType.UNICAST.equals(v.type)) {
            sb.append(v.type).append(' ');
        }
        sb.append(InetAddresses.toText(v.destination)).append('/').append(v.destinationPrefixLength);
        if (v.source != null) {
            sb.append(" from ").append(InetAddresses.toText(v.source)).append('/').append(v.sourcePrefixLength);
        }
        if (v.gateway != null) {
            sb.append(" via ").append(InetAddresses.toText(v.gateway));
        }
        if (v.linkIndex != 0) {
            sb.append(" dev ").append(v.linkIndex);
        }
        sb.append(" table ").append(Integer.toUnsignedString(v.table)).append(" proto ").append(v.protocol)
                .append(" scope ").append(v.scope);
        if (v.preferredSource != null) {
            sb.append(" src ").append(InetAddresses.toText(v.preferredSource));
        }
        if (v.priority != 0) {
            sb.append(" metric ").append(Integer.toUnsignedString(v.priority));
        }
        for (NextHop hop : v.nextHops) {
            sb.append(' ').append(hop);
        }
        return sb.append(']').toString();
    }

    /** Builds a {@link Route}; each setter sets the value of the accessor of its name. */
    public static final class Builder {
        private AddressFamily addressFamily = AddressFamily.INET;
        private int table = RouteTables.MAIN;
        private RouteType type = RouteType.UNICAST;
        private RouteProtocol protocol = RouteProtocol.UNSPEC;
        private AddressScope scope = AddressScope.UNIVERSE;
        private int flags;
        private int tos;
        private InetAddress destination;
        private int destinationPrefixLength;
        private InetAddress source;
        private int sourcePrefixLength;
        private InetAddress gateway;
        private int linkIndex;
        private InetAddress preferredSource;
        private int priority;
        private List<NextHop> nextHops = List.of();
        private Integer mtu;
        private RoutePreference preference;
        private List<RawAttribute> otherMetrics = List.of();
        private List<RawAttribute> otherAttributes = List.of();

        private Builder() {}

        private Builder copy() {
            Builder b = new Builder();
            b.addressFamily = addressFamily;
            b.table = table;
            b.type = type;
            b.protocol = protocol;
            b.scope = scope;
            b.flags = flags;
            b.tos = tos;
            b.destination = destination;
            b.destinationPrefixLength = destinationPrefixLength;
            b.source = source;
            b.sourcePrefixLength = sourcePrefixLength;
            b.gateway = gateway;
            b.linkIndex = linkIndex;
            b.preferredSource = preferredSource;
            b.priority = priority;
            b.nextHops = nextHops;
            b.mtu = mtu;
            b.preference = preference;
            b.otherMetrics = otherMetrics;
            b.otherAttributes = otherAttributes;
            return b;
        }

        private List<Object> components() {
            return Arrays.asList(addressFamily, table, type, protocol, scope, flags, tos, destination, destinationPrefixLength, source, sourcePrefixLength, gateway, linkIndex, preferredSource, priority, nextHops, mtu, preference, otherMetrics, otherAttributes);
        }

        /**
         * Sets {@link Route#addressFamily()}.
         *
         * @param addressFamily the value
         * @return this builder
         */
        public Builder addressFamily(AddressFamily addressFamily) {
            this.addressFamily = Objects.requireNonNull(addressFamily, "addressFamily");
            return this;
        }

        /**
         * Sets {@link Route#table()}.
         *
         * @param table the value
         * @return this builder
         */
        public Builder table(int table) {
            this.table = table;
            return this;
        }

        /**
         * Sets {@link Route#type()}.
         *
         * @param type the value
         * @return this builder
         */
        public Builder type(RouteType type) {
            this.type = Objects.requireNonNull(type, "type");
            return this;
        }

        /**
         * Sets {@link Route#protocol()}.
         *
         * @param protocol the value
         * @return this builder
         */
        public Builder protocol(RouteProtocol protocol) {
            this.protocol = Objects.requireNonNull(protocol, "protocol");
            return this;
        }

        /**
         * Sets {@link Route#scope()}.
         *
         * @param scope the value
         * @return this builder
         */
        public Builder scope(AddressScope scope) {
            this.scope = Objects.requireNonNull(scope, "scope");
            return this;
        }

        /**
         * Sets {@link Route#flags()}.
         *
         * @param flags the value
         * @return this builder
         */
        public Builder flags(int flags) {
            this.flags = flags;
            return this;
        }

        /**
         * Sets {@link Route#tos()}.
         *
         * @param tos the value
         * @return this builder
         */
        public Builder tos(int tos) {
            this.tos = tos;
            return this;
        }

        /**
         * Sets {@link Route#destination()}.
         *
         * @param destination the value
         * @return this builder
         */
        public Builder destination(InetAddress destination) {
            this.destination = Objects.requireNonNull(destination, "destination");
            return this;
        }

        /**
         * Sets {@link Route#destinationPrefixLength()}.
         *
         * @param destinationPrefixLength the value
         * @return this builder
         */
        public Builder destinationPrefixLength(int destinationPrefixLength) {
            this.destinationPrefixLength = destinationPrefixLength;
            return this;
        }

        /**
         * Sets {@link Route#source()}.
         *
         * @param source the value
         * @return this builder
         */
        public Builder source(InetAddress source) {
            this.source = Objects.requireNonNull(source, "source");
            return this;
        }

        /**
         * Sets {@link Route#sourcePrefixLength()}.
         *
         * @param sourcePrefixLength the value
         * @return this builder
         */
        public Builder sourcePrefixLength(int sourcePrefixLength) {
            this.sourcePrefixLength = sourcePrefixLength;
            return this;
        }

        /**
         * Sets {@link Route#gateway()}.
         *
         * @param gateway the value
         * @return this builder
         */
        public Builder gateway(InetAddress gateway) {
            this.gateway = Objects.requireNonNull(gateway, "gateway");
            return this;
        }

        /**
         * Sets {@link Route#linkIndex()}.
         *
         * @param linkIndex the value
         * @return this builder
         */
        public Builder linkIndex(int linkIndex) {
            this.linkIndex = linkIndex;
            return this;
        }

        /**
         * Sets {@link Route#preferredSource()}.
         *
         * @param preferredSource the value
         * @return this builder
         */
        public Builder preferredSource(InetAddress preferredSource) {
            this.preferredSource = Objects.requireNonNull(preferredSource, "preferredSource");
            return this;
        }

        /**
         * Sets {@link Route#priority()}.
         *
         * @param priority the value
         * @return this builder
         */
        public Builder priority(int priority) {
            this.priority = priority;
            return this;
        }

        /**
         * Sets {@link Route#nextHops()} (copied).
         *
         * @param nextHops the value
         * @return this builder
         */
        public Builder nextHops(List<NextHop> nextHops) {
            this.nextHops = List.copyOf(Objects.requireNonNull(nextHops, "nextHops"));
            return this;
        }

        /**
         * Sets {@link Route#mtu()}.
         *
         * @param mtu the value
         * @return this builder
         */
        public Builder mtu(int mtu) {
            this.mtu = mtu;
            return this;
        }

        /**
         * Sets {@link Route#preference()}.
         *
         * @param preference the value
         * @return this builder
         */
        public Builder preference(RoutePreference preference) {
            this.preference = Objects.requireNonNull(preference, "preference");
            return this;
        }

        /**
         * Sets {@link Route#otherMetrics()} (copied).
         *
         * @param otherMetrics the value
         * @return this builder
         */
        public Builder otherMetrics(List<RawAttribute> otherMetrics) {
            this.otherMetrics = List.copyOf(Objects.requireNonNull(otherMetrics, "otherMetrics"));
            return this;
        }

        /**
         * Sets {@link Route#otherAttributes()} (copied).
         *
         * @param otherAttributes the value
         * @return this builder
         */
        public Builder otherAttributes(List<RawAttribute> otherAttributes) {
            this.otherAttributes = List.copyOf(Objects.requireNonNull(otherAttributes, "otherAttributes"));
            return this;
        }

        /**
         * The route.
         *
         * @return a route with the values set
         * @throws IllegalArgumentException if the address family is not IPv4 or IPv6, a prefix
         *                                  length is outside 0-32 (IPv4) or 0-128 (IPv6), an
         *                                  address other than the gateway is not of the address
         *                                  family, the link index is negative, the type of
         *                                  service is outside 0-255 or the MTU negative
         */
        public Route build() {
            if (!addressFamily.isIp()) {
                throw new IllegalArgumentException("addressFamily: " + addressFamily + " (expected: INET or INET6)");
            }
            int max = addressFamily.maxPrefixLength();
            if (destinationPrefixLength < 0 || destinationPrefixLength > max) {
                throw new IllegalArgumentException("destinationPrefixLength: " + destinationPrefixLength + " (expected: 0-" + max
                        + " for " + addressFamily + ")");
            }
            if (sourcePrefixLength < 0 || sourcePrefixLength > max) {
                throw new IllegalArgumentException("sourcePrefixLength: " + sourcePrefixLength + " (expected: 0-" + max + " for "
                        + addressFamily + ")");
            }
            if (linkIndex < 0) {
                throw new IllegalArgumentException("linkIndex: " + linkIndex + " (expected: 0-2147483647)");
            }
            if (tos < 0 || tos > 255) {
                throw new IllegalArgumentException("tos: " + tos + " (expected: 0-255)");
            }
            if (mtu != null && mtu < 0) {
                throw new IllegalArgumentException("mtu: " + mtu + " (expected: 0-2147483647)");
            }
            RouteValues.checkFamily("destination", destination, addressFamily);
            RouteValues.checkFamily("source", source, addressFamily);
            RouteValues.checkFamily("preferredSource", preferredSource, addressFamily);
            return new Route(this);
        }
    }
}
