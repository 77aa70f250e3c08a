// SPDX-FileCopyrightText: 2026 The netlink4j Authors
// SPDX-License-Identifier: Apache-2.0
package io.netlink4j.route;

import java.util.Objects;

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

    /** An empty builder: set at least {@link Builder#name} and {@link Builder#kind}. */
    public static Builder builder() {
        return new Builder();
    }

    /** A dummy link called {@code name}. */
    public static LinkSpec dummy(String name) {
        return builder().name(name).kind(LinkKind.DUMMY).build();
    }

    /** A veth pair: {@code name} here and {@code peerName} in the same namespace. */
    public static LinkSpec veth(String name, String peerName) {
        return builder().name(name).kind(LinkKind.VETH).peerName(peerName).build();
    }

    /** A builder holding this specification's values. */
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

    /** The new link's name. */
    public String name() {
        return name;
    }

    /** The new link's kind. */
    public LinkKind kind() {
        return kind;
    }

    /** The MTU, or 0 for the kind's default. */
    public int mtu() {
        return mtu;
    }

    /** The hardware address, or null for a kernel-chosen one. */
    public HardwareAddress address() {
        return address;
    }

    /** Whether the link is brought up as it is created. */
    public boolean up() {
        return up;
    }

    /** The namespace to create the link in, or null for the handle's own. */
    public LinkNamespace namespace() {
        return namespace;
    }

    /** The veth peer's name, or null (the kernel names it {@code vethN}). */
    public String peerName() {
        return peerName;
    }

    /** The namespace of the veth peer, or null for the link's own. */
    public LinkNamespace peerNamespace() {
        return peerNamespace;
    }

    /** "link 'veth0' (peer 'veth1')", for messages. */
    String describe() {
        return "link '" + name + "'" + (peerName != null ? " (peer '" + peerName + "')" : "");
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof LinkSpec s && s.name.equals(name) && s.kind.equals(kind) && s.mtu == mtu
                && Objects.equals(s.address, address) && s.up == up && Objects.equals(s.namespace, namespace)
                && Objects.equals(s.peerName, peerName) && Objects.equals(s.peerNamespace, peerNamespace);
    }

    @Override
    public int hashCode() {
        return Objects.hash(name, kind, mtu, address, up, namespace, peerName, peerNamespace);
    }

    /** The kind, name, peer and options, e.g. {@code LinkSpec[veth link 'veth0' (peer 'veth1') mtu 9000 up]}. */
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
        private HardwareAddress address;
        private boolean up;
        private LinkNamespace namespace;
        private String peerName;
        private LinkNamespace peerNamespace;

        private Builder() {}

        /** The interface name (required): 1-15 bytes, no '/', ':' or whitespace. */
        public Builder name(String name) {
            this.name = name;
            return this;
        }

        /** The link kind (required). */
        public Builder kind(LinkKind kind) {
            this.kind = kind;
            return this;
        }

        /** The MTU (within the kind's limits), or 0 for the default. */
        public Builder mtu(int mtu) {
            this.mtu = mtu;
            return this;
        }

        /** The hardware address (null for one the kernel chooses). */
        public Builder address(HardwareAddress address) {
            this.address = address;
            return this;
        }

        /** Whether to bring the link up as it is created (default: down). */
        public Builder up(boolean up) {
            this.up = up;
            return this;
        }

        /** The namespace to create the link in (null for the handle's own). */
        public Builder namespace(LinkNamespace namespace) {
            this.namespace = namespace;
            return this;
        }

        /** The veth peer's name (veth only). */
        public Builder peerName(String peerName) {
            this.peerName = peerName;
            return this;
        }

        /** The veth peer's namespace (veth only). */
        public Builder peerNamespace(LinkNamespace peerNamespace) {
            this.peerNamespace = peerNamespace;
            return this;
        }

        /**
         * The specification.
         *
         * @throws IllegalArgumentException if the name is missing or invalid, the kind is missing,
         *                                  the MTU is negative, or peer settings are given for a
         *                                  kind other than veth
         */
        public LinkSpec build() {
            if (name == null) {
                throw new IllegalArgumentException("link name: missing (expected: 1-" + Rtnetlink.MAX_IFNAME_LENGTH + " bytes)");
            }
            Names.checkInterfaceName("link name", name);
            if (kind == null) {
                throw new IllegalArgumentException("link kind: missing (expected: e.g. " + LinkKind.DUMMY + " or " + LinkKind.VETH + ")");
            }
            if (mtu < 0) {
                throw new IllegalArgumentException("MTU: " + mtu + " (expected: > 0, or 0 for the default)");
            }
            if ((peerName != null || peerNamespace != null) && !LinkKind.VETH.equals(kind)) {
                throw new IllegalArgumentException("peer of a " + kind + " link (expected: peers only for " + LinkKind.VETH + ")");
            }
            if (peerName != null) {
                Names.checkInterfaceName("peer name", peerName);
            }
            return new LinkSpec(this);
        }
    }
}
