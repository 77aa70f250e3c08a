// SPDX-FileCopyrightText: 2026 The netlink4j Authors
// SPDX-License-Identifier: Apache-2.0
package io.netlink4j.route;

import io.netlink4j.AddressFamily;
import io.netlink4j.internal.InetAddresses;

import java.net.Inet4Address;
import java.net.InetAddress;
import java.util.Objects;
import java.util.Optional;

/**
 * An address to add to, or delete from, an interface: the address and prefix length, and
 * optionally a point-to-point peer, an IPv4 broadcast address and label, a scope and flags.
 * Immutable; {@link Builder#build() building} validates every field and throws
 * {@link IllegalArgumentException} naming it.
 *
 * <pre>{@code
 * AddressSpec.of(InetAddress.getByName("10.1.1.1"), 24)
 * AddressSpec.builder(InetAddress.getByName("2001:db8::1"), 64).flags(AddressFlags.NODAD).build()
 * }</pre>
 */
public final class AddressSpec {
    /** The IFA_F_* flags a request may set; the kernel sets the others itself. */
    public static final int SETTABLE_FLAGS = AddressFlags.NODAD | AddressFlags.OPTIMISTIC | AddressFlags.HOMEADDRESS
            | AddressFlags.MANAGETEMPADDR | AddressFlags.NOPREFIXROUTE | AddressFlags.MCAUTOJOIN;

    private final InetAddress address;
    private final int prefixLength;
    private final InetAddress peer;
    private final InetAddress broadcast;
    private final String label;
    private final AddressScope scope;
    private final int flags;

    private AddressSpec(Builder b) {
        this.address = b.address;
        this.prefixLength = b.prefixLength;
        this.peer = b.peer;
        this.broadcast = b.broadcast;
        this.label = b.label;
        this.scope = b.scope;
        this.flags = b.flags;
    }

    /**
     * {@code address/prefixLength} with the kernel's defaults for everything else.
     *
     * @param address      the interface's own address, IPv4 or IPv6
     * @param prefixLength 0-32 for IPv4, 0-128 for IPv6
     * @return the specification
     * @throws IllegalArgumentException if the prefix length is out of range
     */
    public static AddressSpec of(InetAddress address, int prefixLength) {
        return builder(address, prefixLength).build();
    }

    /**
     * A builder for {@code address/prefixLength}, the two values every address needs; {@link Builder#build()}
     * checks the prefix length.
     *
     * @param address      the interface's own address, IPv4 or IPv6
     * @param prefixLength 0-32 for IPv4, 0-128 for IPv6
     * @return the builder
     */
    public static Builder builder(InetAddress address, int prefixLength) {
        return new Builder(address, prefixLength);
    }

    /** {@return a builder holding this specification's values} */
    public Builder toBuilder() {
        Builder b = new Builder(address, prefixLength);
        b.peer = peer;
        b.broadcast = broadcast;
        b.label = label;
        b.scope = scope;
        b.flags = flags;
        return b;
    }

    /** {@return the interface's own address} */
    public InetAddress address() {
        return address;
    }

    /** {@return the prefix length: 0-32 for IPv4, 0-128 for IPv6} */
    public int prefixLength() {
        return prefixLength;
    }

    /** {@return the address family: {@link AddressFamily#INET} or {@link AddressFamily#INET6}} */
    public AddressFamily addressFamily() {
        return AddressFamily.of(address);
    }

    /** {@return the point-to-point peer, if one is set} */
    public Optional<InetAddress> peer() {
        return Optional.ofNullable(peer);
    }

    /** {@return the IPv4 broadcast address, if one is set} */
    public Optional<InetAddress> broadcast() {
        return Optional.ofNullable(broadcast);
    }

    /** {@return the IPv4 label, if one is set (the kernel uses the interface name otherwise)} */
    public Optional<String> label() {
        return Optional.ofNullable(label);
    }

    /** {@return the IPv4 scope, if one is set ({@link AddressScope#UNIVERSE} otherwise)} */
    public Optional<AddressScope> scope() {
        return Optional.ofNullable(scope);
    }

    /** {@return the IFA_F_* flags to set, from {@link #SETTABLE_FLAGS} (0 for none)} */
    public int flags() {
        return flags;
    }

    /** "10.1.1.1/24" or "2001:db8::1/64 peer ...", for messages. */
    String describe() {
        return InetAddresses.toText(address) + "/" + prefixLength + (peer != null ? " peer " + InetAddresses.toText(peer) : "");
    }

    /**
     * Equal to a specification whose every accessor returns an equal value.
     *
     * @param o the object to compare with
     * @return equal to a specification whose every accessor returns an equal value
     */
    @Override
    public boolean equals(Object o) {
        return o instanceof AddressSpec s && s.address.equals(address) && s.prefixLength == prefixLength
                && Objects.equals(s.peer, peer) && Objects.equals(s.broadcast, broadcast) && Objects.equals(s.label, label)
                && Objects.equals(s.scope, scope) && s.flags == flags;
    }

    /** {@return a hash of every accessor's value} */
    @Override
    public int hashCode() {
        return Objects.hash(address, prefixLength, peer, broadcast, label, scope, flags);
    }

    /** {@return the specification as {@code ip addr add} would take it, e.g. {@code AddressSpec[10.0.0.1/24 brd 10.0.0.255 label eth0:1]}} */
    @Override
    public String toString() {
        return "AddressSpec[" + describe() + (broadcast != null ? " brd " + InetAddresses.toText(broadcast) : "")
                + (label != null ? " label " + label : "") + (scope != null ? " scope " + scope : "")
                + (flags != 0 ? " " + String.join(" ", AddressFlags.names(flags)) : "") + "]";
    }

    /** Builds an {@link AddressSpec}; {@link #build()} validates. */
    public static final class Builder {
        private final InetAddress address;
        private final int prefixLength;
        private InetAddress peer;
        private InetAddress broadcast;
        private String label;
        private AddressScope scope;
        private int flags;

        private Builder(InetAddress address, int prefixLength) {
            this.address = Objects.requireNonNull(address, "address");
            this.prefixLength = prefixLength;
        }

        /**
         * Sets {@link AddressSpec#peer()}: the other end of a point-to-point address (same family).
         *
         * @param peer the peer's address
         * @return this builder
         */
        public Builder peer(InetAddress peer) {
            this.peer = Objects.requireNonNull(peer, "peer");
            return this;
        }

        /**
         * Sets {@link AddressSpec#broadcast()}: the IPv4 broadcast address.
         *
         * @param broadcast the broadcast address
         * @return this builder
         */
        public Builder broadcast(InetAddress broadcast) {
            this.broadcast = Objects.requireNonNull(broadcast, "broadcast");
            return this;
        }

        /**
         * Sets {@link AddressSpec#label()}: the IPv4 label (1-15 bytes; by convention the interface
         * name, optionally with ":suffix").
         *
         * @param label the label
         * @return this builder
         */
        public Builder label(String label) {
            this.label = Objects.requireNonNull(label, "label");
            return this;
        }

        /**
         * Sets {@link AddressSpec#scope()}: the IPv4 scope (IPv6 scopes follow from the address).
         *
         * @param scope the scope
         * @return this builder
         */
        public Builder scope(AddressScope scope) {
            this.scope = Objects.requireNonNull(scope, "scope");
            return this;
        }

        /**
         * Sets {@link AddressSpec#flags()}: IFA_F_* flags, from {@link #SETTABLE_FLAGS}.
         *
         * @param flags the flags
         * @return this builder
         */
        public Builder flags(int flags) {
            this.flags = flags;
            return this;
        }

        /**
         * The specification.
         *
         * @return the specification
         * @throws IllegalArgumentException for a prefix length outside 0-32 (IPv4) or 0-128 (IPv6),
         *                                  a peer of the other family, a broadcast address or
         *                                  label on an IPv6 address, an invalid label, or flags
         *                                  outside {@link #SETTABLE_FLAGS}
         */
        public AddressSpec build() {
            boolean v4 = address instanceof Inet4Address;
            int max = v4 ? 32 : 128;
            if (prefixLength < 0 || prefixLength > max) {
                throw new IllegalArgumentException("prefixLength: " + prefixLength + " (expected: 0-" + max + " for "
                        + InetAddresses.toText(address) + ")");
            }
            if (peer != null && (peer instanceof Inet4Address) != v4) {
                throw new IllegalArgumentException("peer " + InetAddresses.toText(peer) + " of " + InetAddresses.toText(address)
                        + " (expected: the same address family)");
            }
            if (!v4 && (broadcast != null || label != null || scope != null)) {
                throw new IllegalArgumentException((broadcast != null ? "broadcast address" : label != null ? "label" : "scope")
                        + " for IPv6 address " + InetAddresses.toText(address)
                        + " (expected: IPv4 only; the kernel derives an IPv6 address's scope from the address)");
            }
            if (broadcast != null && !(broadcast instanceof Inet4Address)) {
                throw new IllegalArgumentException("broadcast address " + InetAddresses.toText(broadcast) + " (expected: IPv4)");
            }
            if (label != null) {
                Names.checkLabel(label);
            }
            if ((flags & ~SETTABLE_FLAGS) != 0) {
                throw new IllegalArgumentException("flags: 0x" + Integer.toHexString(flags) + " (expected: a combination of 0x"
                        + Integer.toHexString(SETTABLE_FLAGS) + ": " + String.join(", ", AddressFlags.names(SETTABLE_FLAGS)) + ")");
            }
            return new AddressSpec(this);
        }
    }
}
