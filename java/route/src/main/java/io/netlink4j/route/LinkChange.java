// SPDX-FileCopyrightText: 2026 The netlink4j Authors
// SPDX-License-Identifier: Apache-2.0
package io.netlink4j.route;

import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * Changes to an existing link, applied together by one RTM_SETLINK: state, MTU, name, hardware
 * address, namespace. The link is named by index or by name. Immutable; fields left unset are
 * not changed, and read as empty.
 *
 * <pre>{@code
 * LinkChange.builder("veth0").up(true).mtu(1400).build()
 * LinkChange.builder(7).name("uplink").build()
 * }</pre>
 */
public final class LinkChange {
    private final int index;
    private final String target;
    private final Boolean up;
    private final Boolean multicast;
    private final int mtu;
    private final String name;
    private final HardwareAddress address;
    private final LinkNamespace namespace;

    private LinkChange(Builder b) {
        this.index = b.index;
        this.target = b.target;
        this.up = b.up;
        this.multicast = b.multicast;
        this.mtu = b.mtu;
        this.name = b.name;
        this.address = b.address;
        this.namespace = b.namespace;
    }

    /**
     * Changes to the link called {@code name}.
     *
     * @param name the link's name
     * @return the builder
     * @throws IllegalArgumentException if the name is not a valid interface name
     */
    public static Builder builder(String name) {
        return new Builder(0, Names.checkInterfaceName("name", name));
    }

    /**
     * Changes to the link with index {@code linkIndex}.
     *
     * @param linkIndex the link's index
     * @return the builder
     * @throws IllegalArgumentException if the index is not positive
     */
    public static Builder builder(int linkIndex) {
        if (linkIndex <= 0) {
            throw new IllegalArgumentException("linkIndex: " + linkIndex + " (expected: 1-2147483647)");
        }
        return new Builder(linkIndex, null);
    }

    /**
     * A builder holding this change's values, for the same link.
     *
     * @return the builder
     */
    public Builder toBuilder() {
        Builder b = new Builder(index, target);
        b.up = up;
        b.multicast = multicast;
        b.mtu = mtu;
        b.mtuSet = mtu != 0;
        b.name = name;
        b.address = address;
        b.namespace = namespace;
        return b;
    }

    /** {@return the index of the link to change, or 0 when it is named by {@link #target()}} */
    public int linkIndex() {
        return index;
    }

    /** {@return the name of the link to change; empty when it is named by {@link #linkIndex()}} */
    public Optional<String> target() {
        return Optional.ofNullable(target);
    }

    /** {@return true to bring the link up, false to take it down; empty to leave it} */
    public Optional<Boolean> up() {
        return Optional.ofNullable(up);
    }

    /** {@return true to set IFF_MULTICAST, false to clear it; empty to leave it} */
    public Optional<Boolean> multicast() {
        return Optional.ofNullable(multicast);
    }

    /** {@return the new MTU; empty to leave it} */
    public OptionalInt mtu() {
        return mtu == 0 ? OptionalInt.empty() : OptionalInt.of(mtu);
    }

    /** {@return the new name; empty to leave it} */
    public Optional<String> name() {
        return Optional.ofNullable(name);
    }

    /** {@return the new hardware address; empty to leave it} */
    public Optional<HardwareAddress> address() {
        return Optional.ofNullable(address);
    }

    /** {@return the namespace to move the link to; empty to leave it} */
    public Optional<LinkNamespace> namespace() {
        return Optional.ofNullable(namespace);
    }

    /** "link 'veth0'" or "link 7", for messages. */
    String describeTarget() {
        return target != null ? "link '" + target + "'" : "link " + index;
    }

    /**
     * Equal to a change whose every accessor returns an equal value.
     *
     * @param o the object to compare with
     * @return equal to a change whose every accessor returns an equal value
     */
    @Override
    public boolean equals(Object o) {
        return o instanceof LinkChange c && c.index == index && Objects.equals(c.target, target) && Objects.equals(c.up, up)
                && Objects.equals(c.multicast, multicast) && c.mtu == mtu && Objects.equals(c.name, name)
                && Objects.equals(c.address, address) && Objects.equals(c.namespace, namespace);
    }

    /** {@return a hash of every accessor's value} */
    @Override
    public int hashCode() {
        return Objects.hash(index, target, up, multicast, mtu, name, address, namespace);
    }

    /** {@return the link and the changes, e.g. {@code LinkChange[link 'veth0' up mtu 1400]}} */
    @Override
    public String toString() {
        return "LinkChange[" + describeTarget() + (up != null ? (up ? " up" : " down") : "")
                + (multicast != null ? (multicast ? " multicast on" : " multicast off") : "") + (mtu != 0 ? " mtu " + mtu : "")
                + (name != null ? " name '" + name + "'" : "") + (address != null ? " address " + address : "")
                + (namespace != null ? " to " + namespace : "") + "]";
    }

    /** Builds a {@link LinkChange}; {@link #build()} validates. */
    public static final class Builder {
        private final int index;
        private final String target;
        private Boolean up;
        private Boolean multicast;
        private int mtu;
        private boolean mtuSet;
        private String name;
        private HardwareAddress address;
        private LinkNamespace namespace;

        private Builder(int index, String target) {
            this.index = index;
            this.target = target;
        }

        /**
         * Sets {@link LinkChange#up()}: brings the link up (true) or down (false).
         *
         * @param up true for up
         * @return this builder
         */
        public Builder up(boolean up) {
            this.up = up;
            return this;
        }

        /**
         * Sets {@link LinkChange#multicast()}: sets (true) or clears (false) the link's MULTICAST flag.
         *
         * @param multicast true to set the flag
         * @return this builder
         */
        public Builder multicast(boolean multicast) {
            this.multicast = multicast;
            return this;
        }

        /**
         * Sets {@link LinkChange#mtu()} (positive; the link's kind sets the limits).
         *
         * @param mtu the MTU in bytes
         * @return this builder
         */
        public Builder mtu(int mtu) {
            this.mtu = mtu;
            this.mtuSet = true;
            return this;
        }

        /**
         * Sets {@link LinkChange#name()}: renames the link (1-15 bytes, no '/', ':' or whitespace).
         *
         * @param name the new name
         * @return this builder
         */
        public Builder name(String name) {
            this.name = Objects.requireNonNull(name, "name");
            return this;
        }

        /**
         * Sets {@link LinkChange#address()}.
         *
         * @param address the new hardware address
         * @return this builder
         */
        public Builder address(HardwareAddress address) {
            this.address = Objects.requireNonNull(address, "address");
            return this;
        }

        /**
         * Sets {@link LinkChange#namespace()}: moves the link to another namespace.
         *
         * @param namespace the namespace
         * @return this builder
         */
        public Builder namespace(LinkNamespace namespace) {
            this.namespace = Objects.requireNonNull(namespace, "namespace");
            return this;
        }

        /**
         * The change.
         *
         * @return the change
         * @throws IllegalArgumentException if the MTU is not positive or the new name is not a valid interface name
         */
        public LinkChange build() {
            if (mtu < 0 || (mtu == 0 && mtuSet)) {
                throw new IllegalArgumentException("mtu: " + mtu + " (expected: 1-2147483647)");
            }
            if (name != null) {
                Names.checkInterfaceName("name", name);
            }
            return new LinkChange(this);
        }
    }
}
