// SPDX-FileCopyrightText: 2026 The netlink4j Authors
// SPDX-License-Identifier: Apache-2.0
package io.netlink4j.route;

import io.netlink4j.AddressFamily;
import io.netlink4j.internal.InetAddresses;

import java.net.InetAddress;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * A route to create, replace or delete ({@link RouteHandle#newRoute}, {@link RouteHandle#updateRoute},
 * {@link RouteHandle#delRoute(RouteSpec)}): the destination prefix, and what {@code ip route add}
 * takes with it: a gateway and link or several next hops, the table, type, protocol, scope,
 * preferred source, priority (metric), type of service, MTU and, for IPv6, a source prefix and a
 * router preference. Immutable; {@link Builder#build() building} validates every field and throws
 * {@link IllegalArgumentException} naming it.
 *
 * <pre>{@code
 * RouteSpec.builder(InetAddress.getByName("10.1.0.0"), 16).gateway(InetAddress.getByName("10.0.0.2")).build()
 * RouteSpec.builder(InetAddress.getByName("2001:db8:5::"), 64).linkIndex(veth0).priority(10).build()
 * RouteSpec.builder(InetAddress.getByName("0.0.0.0"), 0).table(100)
 *         .nextHops(List.of(NextHop.builder().gateway(gw1).build(), NextHop.builder().gateway(gw2).weight(2).build())).build()
 * }</pre>
 *
 * <p>Values left unset take the defaults of {@code ip route}: the main table, type
 * {@link RouteType#UNICAST}; when creating, protocol {@link RouteProtocol#BOOT} and the scope
 * {@code ip route add} chooses ({@link AddressScope#HOST} for local routes, {@link AddressScope#LINK}
 * for a unicast route without a gateway and for broadcast, anycast and multicast routes,
 * {@link AddressScope#UNIVERSE} otherwise); when deleting, an unset protocol or scope, a priority of
 * 0 and an absent gateway or link match any, and so does the type {@link RouteType#UNSPEC}.
 */
public final class RouteSpec {
    /** The RTNH_F_* flags a request may set: {@link RouteFlags#ONLINK}. */
    public static final int SETTABLE_FLAGS = RouteFlags.ONLINK;

    private final InetAddress destination;
    private final int prefixLength;
    private final int table;
    private final RouteType type;
    private final RouteProtocol protocol;
    private final AddressScope scope;
    private final InetAddress gateway;
    private final int linkIndex;
    private final List<NextHop> nextHops;
    private final InetAddress preferredSource;
    private final int priority;
    private final int tos;
    private final int flags;
    private final Integer mtu;
    private final InetAddress source;
    private final int sourcePrefixLength;
    private final RoutePreference preference;

    private RouteSpec(Builder b) {
        this.destination = b.destination;
        this.prefixLength = b.prefixLength;
        this.table = b.table;
        this.type = b.type;
        this.protocol = b.protocol;
        this.scope = b.scope;
        this.gateway = b.gateway;
        this.linkIndex = b.linkIndex;
        this.nextHops = b.nextHops;
        this.preferredSource = b.preferredSource;
        this.priority = b.priority;
        this.tos = b.tos;
        this.flags = b.flags;
        this.mtu = b.mtu;
        this.source = b.source;
        this.sourcePrefixLength = b.sourcePrefixLength;
        this.preference = b.preference;
    }

    /**
     * A builder for the route to {@code destination/prefixLength}; {@code 0.0.0.0/0} or {@code ::/0}
     * is the default route.
     *
     * @param destination  the destination prefix's address, IPv4 or IPv6, with no bit set after the prefix
     * @param prefixLength the prefix length: 0-32 for IPv4, 0-128 for IPv6
     * @return the builder
     */
    public static Builder builder(InetAddress destination, int prefixLength) {
        return new Builder(destination, prefixLength);
    }

    /**
     * The specification of {@code route} as listed, to delete it or to make it again elsewhere:
     * its destination, table, type, protocol, scope, next hops, preferred source, priority, type of
     * service, MTU, source prefix and preference (flags other than {@link #SETTABLE_FLAGS} and
     * other attributes are left out).
     *
     * @param route the route, as {@link RouteHandle#getRoutes} lists it
     * @return the specification
     * @throws IllegalArgumentException if the route's table is 0
     */
    public static RouteSpec of(Route route) {
        Objects.requireNonNull(route, "route");
        Builder b = builder(route.destination(), route.destinationPrefixLength()).table(route.table()).type(route.type())
                .protocol(route.protocol()).scope(route.scope()).linkIndex(route.linkIndex()).priority(route.priority())
                .tos(route.tos()).flags(route.flags() & SETTABLE_FLAGS).nextHops(route.nextHops().stream()
                        .map(h -> h.toBuilder().flags(h.flags() & SETTABLE_FLAGS).otherAttributes(List.of()).build()).toList());
        route.gateway().ifPresent(b::gateway);
        route.preferredSource().ifPresent(b::preferredSource);
        route.mtu().ifPresent(b::mtu);
        route.source().ifPresent(s -> b.source(s, route.sourcePrefixLength()));
        route.preference().ifPresent(b::preference);
        return b.build();
    }

    /** {@return a builder holding this specification's values} */
    public Builder toBuilder() {
        Builder b = new Builder(destination, prefixLength);
        b.table = table;
        b.type = type;
        b.protocol = protocol;
        b.scope = scope;
        b.gateway = gateway;
        b.linkIndex = linkIndex;
        b.nextHops = nextHops;
        b.preferredSource = preferredSource;
        b.priority = priority;
        b.tos = tos;
        b.flags = flags;
        b.mtu = mtu;
        b.source = source;
        b.sourcePrefixLength = sourcePrefixLength;
        b.preference = preference;
        return b;
    }

    /** {@return the address family, from the destination} */
    public AddressFamily addressFamily() {
        return AddressFamily.of(destination);
    }

    /** {@return the destination prefix's address} */
    public InetAddress destination() {
        return destination;
    }

    /** {@return the destination prefix's length} */
    public int prefixLength() {
        return prefixLength;
    }

    /** {@return the table, the bits of the kernel's u32 ({@link RouteTables#MAIN} unless set)} */
    public int table() {
        return table;
    }

    /** {@return the type ({@link RouteType#UNICAST} unless set)} */
    public RouteType type() {
        return type;
    }

    /** {@return the protocol, if one is set} */
    public Optional<RouteProtocol> protocol() {
        return Optional.ofNullable(protocol);
    }

    /** {@return the scope, if one is set} */
    public Optional<AddressScope> scope() {
        return Optional.ofNullable(scope);
    }

    /** {@return the gateway of a route with one next hop, if one is set} */
    public Optional<InetAddress> gateway() {
        return Optional.ofNullable(gateway);
    }

    /** {@return the index of the link of a route with one next hop, or 0 for none} */
    public int linkIndex() {
        return linkIndex;
    }

    /** {@return the next hops of a multipath route; empty for a route with one next hop} */
    public List<NextHop> nextHops() {
        return nextHops;
    }

    /** {@return the preferred source address, if one is set} */
    public Optional<InetAddress> preferredSource() {
        return Optional.ofNullable(preferredSource);
    }

    /** {@return the priority ({@code ip route}'s metric), the bits of the kernel's u32; 0 for the kernel's default} */
    public int priority() {
        return priority;
    }

    /** {@return the IPv4 type of service, 0 for any} */
    public int tos() {
        return tos;
    }

    /** {@return the RTNH_F_* flags to set, from {@link #SETTABLE_FLAGS} (0 for none)} */
    public int flags() {
        return flags;
    }

    /** {@return the path MTU, if one is set} */
    public OptionalInt mtu() {
        return mtu == null ? OptionalInt.empty() : OptionalInt.of(mtu);
    }

    /** {@return the source prefix's address of an IPv6 source-specific route, if one is set} */
    public Optional<InetAddress> source() {
        return Optional.ofNullable(source);
    }

    /** {@return the source prefix's length, 0 without one} */
    public int sourcePrefixLength() {
        return sourcePrefixLength;
    }

    /** {@return the IPv6 router preference, if one is set} */
    public Optional<RoutePreference> preference() {
        return Optional.ofNullable(preference);
    }

    /** The scope a create request carries: the one set, or the one {@code ip route add} chooses. */
    AddressScope scopeToCreate() {
        if (scope != null) {
            return scope;
        }
        if (RouteType.LOCAL.equals(type) || RouteType.NAT.equals(type)) {
            return AddressScope.HOST;
        }
        if (RouteType.BROADCAST.equals(type) || RouteType.MULTICAST.equals(type) || RouteType.ANYCAST.equals(type)) {
            return AddressScope.LINK;
        }
        if (RouteType.UNICAST.equals(type) && gateway == null && nextHops.isEmpty() && AddressFamily.INET.equals(addressFamily())) {
            return AddressScope.LINK;
        }
        return AddressScope.UNIVERSE;
    }

    /** "10.1.0.0/16 table 100", for messages. */
    String describe() {
        StringBuilder sb = new StringBuilder();
        if (!RouteType.UNICAST.equals(type) && !RouteType.UNSPEC.equals(type)) {
            sb.append(type).append(' ');
        }
        sb.append(InetAddresses.toText(destination)).append('/').append(prefixLength);
        if (source != null) {
            sb.append(" from ").append(InetAddresses.toText(source)).append('/').append(sourcePrefixLength);
        }
        if (tos != 0) {
            sb.append(" tos ").append(tos);
        }
        if (table != RouteTables.MAIN) {
            sb.append(" table ").append(Integer.toUnsignedString(table));
        }
        if (priority != 0) {
            sb.append(" metric ").append(Integer.toUnsignedString(priority));
        }
        return sb.toString();
    }

    /**
     * Equal to a specification whose every accessor returns an equal value.
     *
     * @param o the object to compare with
     * @return whether {@code o} is an equal specification
     */
    @Override
    public boolean equals(Object o) {
        return o instanceof RouteSpec s && s.destination.equals(destination) && s.prefixLength == prefixLength && s.table == table
                && s.type.equals(type) && Objects.equals(s.protocol, protocol) && Objects.equals(s.scope, scope)
                && Objects.equals(s.gateway, gateway) && s.linkIndex == linkIndex && s.nextHops.equals(nextHops)
                && Objects.equals(s.preferredSource, preferredSource) && s.priority == priority && s.tos == tos && s.flags == flags
                && Objects.equals(s.mtu, mtu) && Objects.equals(s.source, source) && s.sourcePrefixLength == sourcePrefixLength
                && Objects.equals(s.preference, preference);
    }

    /** {@return a hash of every accessor's value} */
    @Override
    public int hashCode() {
        return Objects.hash(destination, prefixLength, table, type, protocol, scope, gateway, linkIndex, nextHops, preferredSource,
                priority, tos, flags, mtu, source, sourcePrefixLength, preference);
    }

    /** {@return the specification, e.g. {@code RouteSpec[10.1.0.0/16 via 10.0.0.2 dev 3]}} */
    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder("RouteSpec[").append(describe());
        if (gateway != null) {
            sb.append(" via ").append(InetAddresses.toText(gateway));
        }
        if (linkIndex != 0) {
            sb.append(" dev ").append(linkIndex);
        }
        for (NextHop hop : nextHops) {
            sb.append(' ').append(hop);
        }
        if (protocol != null) {
            sb.append(" proto ").append(protocol);
        }
        if (scope != null) {
            sb.append(" scope ").append(scope);
        }
        if (preferredSource != null) {
            sb.append(" src ").append(InetAddresses.toText(preferredSource));
        }
        if (mtu != null) {
            sb.append(" mtu ").append(mtu);
        }
        if (preference != null) {
            sb.append(" pref ").append(preference);
        }
        if (flags != 0) {
            sb.append(' ').append(String.join(" ", RouteFlags.names(flags)));
        }
        return sb.append(']').toString();
    }

    /** Builds a {@link RouteSpec}; {@link #build()} validates. */
    public static final class Builder {
        private final InetAddress destination;
        private final int prefixLength;
        private int table = RouteTables.MAIN;
        private RouteType type = RouteType.UNICAST;
        private RouteProtocol protocol;
        private AddressScope scope;
        private InetAddress gateway;
        private int linkIndex;
        private List<NextHop> nextHops = List.of();
        private InetAddress preferredSource;
        private int priority;
        private int tos;
        private int flags;
        private Integer mtu;
        private InetAddress source;
        private int sourcePrefixLength;
        private RoutePreference preference;

        private Builder(InetAddress destination, int prefixLength) {
            this.destination = Objects.requireNonNull(destination, "destination");
            this.prefixLength = prefixLength;
        }

        /**
         * Sets {@link RouteSpec#table()}.
         *
         * @param table the table's number, not 0 ({@link RouteTables} names some)
         * @return this builder
         */
        public Builder table(int table) {
            this.table = table;
            return this;
        }

        /**
         * Sets {@link RouteSpec#type()}.
         *
         * @param type the type
         * @return this builder
         */
        public Builder type(RouteType type) {
            this.type = Objects.requireNonNull(type, "type");
            return this;
        }

        /**
         * Sets {@link RouteSpec#protocol()}.
         *
         * @param protocol who installs the route
         * @return this builder
         */
        public Builder protocol(RouteProtocol protocol) {
            this.protocol = Objects.requireNonNull(protocol, "protocol");
            return this;
        }

        /**
         * Sets {@link RouteSpec#scope()}.
         *
         * @param scope the scope
         * @return this builder
         */
        public Builder scope(AddressScope scope) {
            this.scope = Objects.requireNonNull(scope, "scope");
            return this;
        }

        /**
         * Sets {@link RouteSpec#gateway()}: of the destination's family, or an IPv6 gateway of an
         * IPv4 route (sent as RTA_VIA).
         *
         * @param gateway the gateway
         * @return this builder
         */
        public Builder gateway(InetAddress gateway) {
            this.gateway = Objects.requireNonNull(gateway, "gateway");
            return this;
        }

        /**
         * Sets {@link RouteSpec#linkIndex()}.
         *
         * @param linkIndex the link's index, or 0 for none
         * @return this builder
         */
        public Builder linkIndex(int linkIndex) {
            this.linkIndex = linkIndex;
            return this;
        }

        /**
         * Sets {@link RouteSpec#nextHops()} (copied): a multipath route, without a
         * {@link #gateway(InetAddress)} or {@link #linkIndex(int)} of its own.
         *
         * @param nextHops the next hops
         * @return this builder
         */
        public Builder nextHops(List<NextHop> nextHops) {
            this.nextHops = List.copyOf(Objects.requireNonNull(nextHops, "nextHops"));
            return this;
        }

        /**
         * Sets {@link RouteSpec#preferredSource()}.
         *
         * @param preferredSource a local address of the destination's family
         * @return this builder
         */
        public Builder preferredSource(InetAddress preferredSource) {
            this.preferredSource = Objects.requireNonNull(preferredSource, "preferredSource");
            return this;
        }

        /**
         * Sets {@link RouteSpec#priority()}.
         *
         * @param priority the priority, the bits of the kernel's u32; 0 for the kernel's default
         * @return this builder
         */
        public Builder priority(int priority) {
            this.priority = priority;
            return this;
        }

        /**
         * Sets {@link RouteSpec#tos()}.
         *
         * @param tos 0-255 (IPv4 only)
         * @return this builder
         */
        public Builder tos(int tos) {
            this.tos = tos;
            return this;
        }

        /**
         * Sets {@link RouteSpec#flags()}.
         *
         * @param flags from {@link #SETTABLE_FLAGS}
         * @return this builder
         */
        public Builder flags(int flags) {
            this.flags = flags;
            return this;
        }

        /**
         * Sets {@link RouteSpec#mtu()}.
         *
         * @param mtu the path MTU
         * @return this builder
         */
        public Builder mtu(int mtu) {
            this.mtu = mtu;
            return this;
        }

        /**
         * Sets {@link RouteSpec#source()} and {@link RouteSpec#sourcePrefixLength()} (IPv6 only).
         *
         * @param source       the source prefix's address
         * @param prefixLength its length, 0-128
         * @return this builder
         */
        public Builder source(InetAddress source, int prefixLength) {
            this.source = Objects.requireNonNull(source, "source");
            this.sourcePrefixLength = prefixLength;
            return this;
        }

        /**
         * Sets {@link RouteSpec#preference()} (IPv6 only).
         *
         * @param preference the router preference
         * @return this builder
         */
        public Builder preference(RoutePreference preference) {
            this.preference = Objects.requireNonNull(preference, "preference");
            return this;
        }

        /**
         * The specification.
         *
         * @return the specification
         * @throws IllegalArgumentException for a prefix length outside 0-32 (IPv4) or 0-128 (IPv6),
         *                                  a destination or source with bits set after its prefix,
         *                                  table 0, a preferred source of the other family, a
         *                                  gateway or link together with next hops, a next hop's
         *                                  gateway of the wrong family, a negative link index, a
         *                                  type of service outside 0-255 or on IPv6, a source
         *                                  prefix or preference on IPv4, a negative MTU, or flags
         *                                  outside {@link #SETTABLE_FLAGS}
         */
        public RouteSpec build() {
            AddressFamily family = AddressFamily.of(destination);
            int max = family.maxPrefixLength();
            checkPrefix("destination", destination, prefixLength, max);
            if (table == 0) {
                throw new IllegalArgumentException("table: 0 (expected: 1-4294967295, as the bits of an int; "
                        + RouteTables.MAIN + " is the main table)");
            }
            RouteValues.checkFamily("preferredSource", preferredSource, family);
            if (!nextHops.isEmpty() && (gateway != null || linkIndex != 0)) {
                throw new IllegalArgumentException("nextHops of " + InetAddresses.toText(destination) + "/" + prefixLength
                        + " (expected: either next hops, or a gateway and link index, not both)");
            }
            if (gateway != null) {
                checkGateway("gateway", gateway, family);
            }
            for (NextHop hop : nextHops) {
                hop.gateway().ifPresent(g -> checkGateway("next hop gateway", g, family));
                if ((hop.flags() & ~SETTABLE_FLAGS) != 0) {
                    throw new IllegalArgumentException("next hop flags: 0x" + Integer.toHexString(hop.flags()) + " (expected: 0 or 0x"
                            + Integer.toHexString(SETTABLE_FLAGS) + " (ONLINK))");
                }
            }
            if (linkIndex < 0) {
                throw new IllegalArgumentException("linkIndex: " + linkIndex + " (expected: 0-2147483647)");
            }
            if (tos < 0 || tos > 255 || (tos != 0 && family.equals(AddressFamily.INET6))) {
                throw new IllegalArgumentException("tos: " + tos + " (expected: 0-255 for INET, 0 for INET6)");
            }
            if (family.equals(AddressFamily.INET) && (source != null || preference != null)) {
                throw new IllegalArgumentException((source != null ? "source" : "preference") + " of IPv4 route "
                        + InetAddresses.toText(destination) + "/" + prefixLength + " (expected: IPv6 only)");
            }
            if (source != null) {
                RouteValues.checkFamily("source", source, family);
                checkPrefix("source", source, sourcePrefixLength, max);
            }
            if (mtu != null && mtu < 0) {
                throw new IllegalArgumentException("mtu: " + mtu + " (expected: 0-2147483647)");
            }
            if ((flags & ~SETTABLE_FLAGS) != 0) {
                throw new IllegalArgumentException("flags: 0x" + Integer.toHexString(flags) + " (expected: 0 or 0x"
                        + Integer.toHexString(SETTABLE_FLAGS) + " (ONLINK))");
            }
            return new RouteSpec(this);
        }

        private static void checkPrefix(String field, InetAddress address, int length, int max) {
            if (length < 0 || length > max) {
                throw new IllegalArgumentException(field + " prefix length: " + length + " (expected: 0-" + max + " for "
                        + InetAddresses.toText(address) + ")");
            }
            if (RouteValues.hasHostBits(address, length)) {
                throw new IllegalArgumentException(field + ": " + InetAddresses.toText(address) + "/" + length
                        + " (expected: no bit set after the prefix)");
            }
        }

        private static void checkGateway(String field, InetAddress gateway, AddressFamily family) {
            if (family.equals(AddressFamily.INET6) && !AddressFamily.of(gateway).equals(family)) {
                throw new IllegalArgumentException(field + ": " + InetAddresses.toText(gateway) + " (expected: an INET6 address)");
            }
        }
    }
}
