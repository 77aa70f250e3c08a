// SPDX-FileCopyrightText: 2026 The netlink4j Authors
// SPDX-License-Identifier: Apache-2.0
package io.netlink4j.route;

import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * What to create with RTM_NEWLINK: a link of some kind, with optional MTU, hardware address,
 * state and namespace, and for a veth its peer. Immutable; {@link Builder#build() building}
 * validates every field and throws {@link IllegalArgumentException} naming it.
 *
 * <pre>{@code
 * LinkSpec.dummy("dummy0")
 * LinkSpec.veth("veth0", "veth1")
 * LinkSpec.builder().name("h0").kind(LinkKind.VETH).peerName("c0").peerNamespace(LinkNamespace.ofPid(pid)).mtu(9000).build()
 * }</pre>
 */
public final class LinkSpec {
    private final String name;
    private final LinkKind kind;
    private final int mtu;
    private final HardwareAddress address;
    private final boolean up;
    private final LinkNamespace namespace;
    private final String peerName;
    private final LinkNamespace peerNamespace;

    private LinkSpec(Builder b) {
        this.name = b.name;
        this.kind = b.kind;
        this.mtu = b.mtu;
        this.address = b.address;
        this.up = b.up;
        this.namespace = b.namespace;
        this.peerName = b.peerName;
        this.peerNamespace = b.peerNamespace;
    }

    /**
     * An empty builder: set at least {@link Builder#name} and {@link Builder#kind}.
     *
     * @return the builder
     */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * A dummy link called {@code name}.
     *
     * @param name the link's name
     * @return the specification
     * @throws IllegalArgumentException if the name is not a valid interface name
     */
    public static LinkSpec dummy(String name) {
        return builder().name(name).kind(LinkKind.DUMMY).build();
    }

    /**
     * A veth pair: {@code name} here and {@code peerName} in the same namespace.
     *
     * @param name     the link's name
     * @param peerName the peer's name
     * @return the specification
     * @throws IllegalArgumentException if a name is not a valid interface name
     */
    public static LinkSpec veth(String name, String peerName) {
        return builder().name(name).kind(LinkKind.VETH).peerName(peerName).build();
    }

    /**
     * A builder holding this specification's values.
     *
     * @return the builder
     */
    public Builder toBuilder() {
        Builder b = new Builder();
        b.name = name;
        b.kind = kind;
        b.mtu = mtu;
        b.address = address;
        b.up = up;
        b.namespace = namespace;
        b.peerName = peerName;
        b.peerNamespace = peerNamespace;
        return b;
    }

    /** {@return the new link's name} */
    public String name() {
        return name;
    }

    /** {@return the new link's kind} */
    public LinkKind kind() {
        return kind;
    }

    /** {@return the MTU, if one is set (the kind's default otherwise)} */
    public OptionalInt mtu() {
        return mtu == 0 ? OptionalInt.empty() : OptionalInt.of(mtu);
    }

    /** {@return the hardware address, if one is set (the kernel chooses one otherwise)} */
    public Optional<HardwareAddress> address() {
        return Optional.ofNullable(address);
    }

    /** {@return whether the link is brought up as it is created} */
    public boolean isUp() {
        return up;
    }

    /** {@return the namespace to create the link in, if one is set (the handle's own otherwise)} */
    public Optional<LinkNamespace> namespace() {
        return Optional.ofNullable(namespace);
    }

    /** {@return the veth peer's name, if one is set (the kernel names it {@code vethN} otherwise)} */
    public Optional<String> peerName() {
        return Optional.ofNullable(peerName);
    }

    /** {@return the namespace of the veth peer, if one is set (the link's own otherwise)} */
    public Optional<LinkNamespace> peerNamespace() {
        return Optional.ofNullable(peerNamespace);
    }

    /** "link 'veth0' (peer 'veth1')", for messages. */
    String describe() {
        return "link '" + name + "'" + (peerName != null ? " (peer '" + peerName + "')" : "");
    }

    /**
     * Equal to a specification whose every accessor returns an equal value.
     *
     * @param o the object to compare with
     * @return equal to a specification whose every accessor returns an equal value
     */
    @Override
    public boolean equals(Object o) {
        return o instanceof LinkSpec s && s.name.equals(name) && s.kind.equals(kind) && s.mtu == mtu
                && Objects.equals(s.address, address) && s.up == up && Objects.equals(s.namespace, namespace)
                && Objects.equals(s.peerName, peerName) && Objects.equals(s.peerNamespace, peerNamespace);
    }

    /** {@return a hash of every accessor's value} */
    @Override
    public int hashCode() {
        return Objects.hash(name, kind, mtu, address, up, namespace, peerName, peerNamespace);
    }

    /** {@return the kind, name, peer and options, e.g. {@code LinkSpec[veth link 'veth0' (peer 'veth1') mtu 9000 up]}} */
    @Override
    public String toString() {
        return "LinkSpec[" + kind + " " + describe() + (mtu != 0 ? " mtu " + mtu : "") + (address != null ? " address " + address : "")
                + (up ? " up" : "") + (namespace != null ? " in " + namespace : "")
                + (peerNamespace != null ? " peer in " + peerNamespace : "") + "]";
    }

    /** Builds a {@link LinkSpec}; {@link #build()} validates. */
    public static final class Builder {
        private String name;
        private LinkKind kind;
        private int mtu;
        private boolean mtuSet;
        private HardwareAddress address;
        private boolean up;
        private LinkNamespace namespace;
        private String peerName;
        private LinkNamespace peerNamespace;

        private Builder() {}

        /**
         * Sets {@link LinkSpec#name()} (required): 1-15 bytes, no '/', ':' or whitespace.
         *
         * @param name the interface name
         * @return this builder
         */
        public Builder name(String name) {
            this.name = Objects.requireNonNull(name, "name");
            return this;
        }

        /**
         * Sets {@link LinkSpec#kind()} (required).
         *
         * @param kind the link kind
         * @return this builder
         */
        public Builder kind(LinkKind kind) {
            this.kind = Objects.requireNonNull(kind, "kind");
            return this;
        }

        /**
         * Sets {@link LinkSpec#mtu()}: positive, within the kind's limits.
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
         * Sets {@link LinkSpec#address()}.
         *
         * @param address the hardware address
         * @return this builder
         */
        public Builder address(HardwareAddress address) {
            this.address = Objects.requireNonNull(address, "address");
            return this;
        }

        /**
         * Sets {@link LinkSpec#isUp()}: whether to bring the link up as it is created (default: down).
         *
         * @param up true to bring it up
         * @return this builder
         */
        public Builder up(boolean up) {
            this.up = up;
            return this;
        }

        /**
         * Sets {@link LinkSpec#namespace()}.
         *
         * @param namespace the namespace to create the link in
         * @return this builder
         */
        public Builder namespace(LinkNamespace namespace) {
            this.namespace = Objects.requireNonNull(namespace, "namespace");
            return this;
        }

        /**
         * Sets {@link LinkSpec#peerName()} (veth only).
         *
         * @param peerName the veth peer's name
         * @return this builder
         */
        public Builder peerName(String peerName) {
            this.peerName = Objects.requireNonNull(peerName, "peerName");
            return this;
        }

        /**
         * Sets {@link LinkSpec#peerNamespace()} (veth only).
         *
         * @param peerNamespace the veth peer's namespace
         * @return this builder
         */
        public Builder peerNamespace(LinkNamespace peerNamespace) {
            this.peerNamespace = Objects.requireNonNull(peerNamespace, "peerNamespace");
            return this;
        }

        /**
         * The specification.
         *
         * @return the specification
         * @throws IllegalArgumentException if the name is missing or invalid, the kind is missing,
         *                                  the MTU is not positive, or peer settings are given for
         *                                  a kind other than veth
         */
        public LinkSpec build() {
            if (name == null) {
                throw new IllegalArgumentException("name: missing (expected: 1-" + RtnetlinkLayout.MAX_IFNAME_LENGTH + " bytes)");
            }
            Names.checkInterfaceName("name", name);
            if (kind == null) {
                throw new IllegalArgumentException("kind: missing (expected: e.g. " + LinkKind.DUMMY + " or " + LinkKind.VETH + ")");
            }
            if (mtu < 0 || (mtu == 0 && mtuSet)) {
                throw new IllegalArgumentException("mtu: " + mtu + " (expected: 1-2147483647)");
            }
            if ((peerName != null || peerNamespace != null) && !LinkKind.VETH.equals(kind)) {
                throw new IllegalArgumentException("peer of a " + kind + " link (expected: peers only for " + LinkKind.VETH + ")");
            }
            if (peerName != null) {
                Names.checkInterfaceName("peerName", peerName);
            }
            return new LinkSpec(this);
        }
    }
}
