// SPDX-FileCopyrightText: 2026 The netlink4j Authors
// SPDX-License-Identifier: Apache-2.0
package io.netlink4j.route;

import java.util.Objects;

/**
 * Changes to an existing link, applied together by one RTM_SETLINK: state, MTU, name, hardware
 * address, namespace. The link is named by index or by name. Immutable; fields left unset are
 * not changed.
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
     * @throws IllegalArgumentException if the name is not a valid interface name
     */
    public static Builder builder(String name) {
        return new Builder(0, Names.checkInterfaceName("link name", name));
    }

    /**
     * Changes to the link with index {@code index}.
     *
     * @throws IllegalArgumentException if the index is not positive
     */
    public static Builder builder(int index) {
        if (index <= 0) {
            throw new IllegalArgumentException("link index: " + index + " (expected: > 0)");
        }
        return new Builder(index, null);
    }

    /** A builder holding this change's values, for the same link. */
    public Builder toBuilder() {
        Builder b = new Builder(index, target);
        b.up = up;
        b.multicast = multicast;
        b.mtu = mtu;
        b.name = name;
        b.address = address;
        b.namespace = namespace;
        return b;
    }

    /** The index of the link to change, or 0 when it is named by {@link #target()}. */
    public int index() {
        return index;
    }

    /** The name of the link to change, or null when it is named by {@link #index()}. */
    public String target() {
        return target;
    }

    /** True to bring the link up, false to take it down, null to leave it. */
    public Boolean up() {
        return up;
    }

    /** True to set IFF_MULTICAST, false to clear it, null to leave it. */
    public Boolean multicast() {
        return multicast;
    }

    /** The new MTU, or 0 to leave it. */
    public int mtu() {
        return mtu;
    }

    /** The new name, or null to leave it. */
    public String name() {
        return name;
    }

    /** The new hardware address, or null to leave it. */
    public HardwareAddress address() {
        return address;
    }

    /** The namespace to move the link to, or null to leave it. */
    public LinkNamespace namespace() {
        return namespace;
    }

    /** "link 'veth0'" or "link 7", for messages. */
    String describeTarget() {
        return target != null ? "link '" + target + "'" : "link " + index;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof LinkChange c && c.index == index && Objects.equals(c.target, target) && Objects.equals(c.up, up) && Objects.equals(c.multicast, multicast)
                && c.mtu == mtu && Objects.equals(c.name, name) && Objects.equals(c.address, address)
                && Objects.equals(c.namespace, namespace);
    }

    @Override
    public int hashCode() {
        return Objects.hash(index, target, up, multicast, mtu, name, address, namespace);
    }

    /** The link and the changes, e.g. {@code LinkChange[link 'veth0' up mtu 1400]}. */
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

        /** Brings the link up (true) or down (false). */
        public Builder up(boolean up) {
            this.up = up;
            return this;
        }

        /** Sets (true) or clears (false) the link's MULTICAST flag. */
        public Builder multicast(boolean multicast) {
            this.multicast = multicast;
            return this;
        }

        /** Sets the MTU (positive; the link's kind sets the limits). */
        public Builder mtu(int mtu) {
            this.mtu = mtu;
            this.mtuSet = true;
            return this;
        }

        /** Renames the link (1-15 bytes, no '/', ':' or whitespace). */
        public Builder name(String name) {
            this.name = Objects.requireNonNull(name, "name");
            return this;
        }

        /** Sets the hardware address. */
        public Builder address(HardwareAddress address) {
            this.address = Objects.requireNonNull(address, "address");
            return this;
        }

        /** Moves the link to another namespace. */
        public Builder namespace(LinkNamespace namespace) {
            this.namespace = Objects.requireNonNull(namespace, "namespace");
            return this;
        }

        /**
         * The change.
         *
         * @throws IllegalArgumentException if the MTU is not positive or the new name is not a valid interface name
         */
        public LinkChange build() {
            if (mtu < 0 || (mtu == 0 && mtuSet)) {
                throw new IllegalArgumentException("MTU: " + mtu + " (expected: > 0)");
            }
            if (name != null) {
                Names.checkInterfaceName("new link name", name);
            }
            return new LinkChange(this);
        }
    }
}
