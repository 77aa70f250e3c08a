// SPDX-FileCopyrightText: 2026 The netlink4j Authors
// SPDX-License-Identifier: Apache-2.0
package io.netlink4j.route;

import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A network interface as the kernel reports it (RTM_NEWLINK): the fixed header, the attributes
 * this library models, and every other attribute kept raw ({@link #otherAttributes()}). Immutable;
 * made by the decoder, or with {@link #builder()} (for tests and tools that format links).
 * Absent optional attributes read as null, 0 or -1 as each accessor says. Two links are equal
 * when every accessor returns equal values.
 *
 * <p>A class with a builder rather than a record: the kernel keeps adding link attributes, and
 * this type grows with them without breaking its callers.
 */
public final class Link {
    private final Builder v;

    private Link(Builder b) {
        Objects.requireNonNull(b.name, "name");
        Objects.requireNonNull(b.type, "type");
        Objects.requireNonNull(b.operState, "operState");
        this.v = b.copy();
    }

    /** A builder with no name (required), type {@link LinkType#ETHER}, state {@link OperState#UNKNOWN}, and nothing else. */
    public static Builder builder() {
        return new Builder();
    }

    /** A builder holding this link's values. */
    public Builder toBuilder() {
        return v.copy();
    }

    /** The interface index ({@code ifi_index}). */
    public int index() {
        return v.index;
    }

    /** IFLA_IFNAME. */
    public String name() {
        return v.name;
    }

    /** The hardware type ({@code ifi_type}). */
    public LinkType type() {
        return v.type;
    }

    /** The device flags ({@code ifi_flags}, {@link LinkFlags}). */
    public int flags() {
        return v.flags;
    }

    /** The flags by name, in iproute2's order ({@link LinkFlags#names(int)}). */
    public List<String> flagNames() {
        return LinkFlags.names(v.flags);
    }

    /** Administratively up (IFF_UP). */
    public boolean isUp() {
        return (v.flags & LinkFlags.UP) != 0;
    }

    /** The carrier is present (IFF_LOWER_UP). */
    public boolean isLowerUp() {
        return (v.flags & LinkFlags.LOWER_UP) != 0;
    }

    /** IFLA_MTU. */
    public int mtu() {
        return v.mtu;
    }

    /** IFLA_OPERSTATE ({@link OperState#UNKNOWN} when absent). */
    public OperState operState() {
        return v.operState;
    }

    /** IFLA_LINKMODE: 0 default, 1 dormant, 2 testing. */
    public int linkMode() {
        return v.linkMode;
    }

    /** IFLA_ADDRESS, or null. */
    public HardwareAddress address() {
        return v.address;
    }

    /** IFLA_BROADCAST (the peer's address on a point-to-point link), or null. */
    public HardwareAddress broadcast() {
        return v.broadcast;
    }

    /** IFLA_PERM_ADDRESS (the factory address of a physical device), or null. */
    public HardwareAddress permanentAddress() {
        return v.permanentAddress;
    }

    /** IFLA_TXQLEN. */
    public int txQueueLength() {
        return v.txQueueLength;
    }

    /** IFLA_QDISC, or null. */
    public String qdisc() {
        return v.qdisc;
    }

    /** IFLA_GROUP (0 is iproute2's "default"). */
    public int group() {
        return v.group;
    }

    /**
     * IFLA_LINK: the index of the link this one is bound to (a veth's peer, a VLAN's parent), or 0.
     * When {@link #linkNetnsId()} is set, the index is in that other namespace.
     */
    public int parentIndex() {
        return v.parentIndex;
    }

    /** IFLA_MASTER: the index of the bridge or bond this link is enslaved to, or 0. */
    public int masterIndex() {
        return v.masterIndex;
    }

    /** IFLA_LINK_NETNSID: the namespace id (as seen from this namespace) of the parent link, or -1. */
    public int linkNetnsId() {
        return v.linkNetnsId;
    }

    /** IFLA_LINKINFO, or null for links without a kind (loopback, physical devices). */
    public LinkInfo info() {
        return v.info;
    }

    /** The link's kind ({@code veth}, {@code dummy}, ...), or null. */
    public LinkKind kind() {
        return v.info == null ? null : v.info.kind();
    }

    /** IFLA_IFALIAS, or null. */
    public String alias() {
        return v.alias;
    }

    /** The IFLA_ALT_IFNAME entries of IFLA_PROP_LIST. */
    public List<String> alternativeNames() {
        return v.alternativeNames;
    }

    /** IFLA_MIN_MTU, or 0. */
    public int minMtu() {
        return v.minMtu;
    }

    /** IFLA_MAX_MTU, or 0. */
    public int maxMtu() {
        return v.maxMtu;
    }

    /**
     * The attributes not modelled above, raw and in arrival order: statistics, IFLA_AF_SPEC,
     * queue counts, offload limits, and anything a newer kernel adds.
     */
    public List<RawAttribute> otherAttributes() {
        return v.otherAttributes;
    }

    /** The first of {@link #otherAttributes()} of type {@code type} (e.g. {@link Rtnetlink#IFLA_PROMISCUITY}). */
    public Optional<RawAttribute> attribute(int type) {
        return RawAttribute.first(v.otherAttributes, type);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Link l && v.components().equals(l.v.components());
    }

    @Override
    public int hashCode() {
        return v.components().hashCode();
    }

    /** The index, name, kind, flags, MTU, state, type and address, e.g. {@code Link[3: veth0 (veth) [UP] mtu 1500 state UP ETHER 02:...]}. */
    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder("Link[").append(v.index).append(": ").append(v.name);
        if (kind() != null) {
            sb.append(" (").append(kind()).append(')');
        }
        sb.append(' ').append(flagNames()).append(" mtu ").append(v.mtu).append(" state ").append(v.operState);
        if (v.address != null) {
            sb.append(' ').append(v.type).append(' ').append(v.address);
        }
        return sb.append(']').toString();
    }

    /** Builds a {@link Link}; each setter sets the value of the accessor of its name. */
    public static final class Builder {
        private int index;
        private String name;
        private LinkType type = LinkType.ETHER;
        private int flags;
        private int mtu;
        private OperState operState = OperState.UNKNOWN;
        private int linkMode;
        private HardwareAddress address;
        private HardwareAddress broadcast;
        private HardwareAddress permanentAddress;
        private int txQueueLength;
        private String qdisc;
        private int group;
        private int parentIndex;
        private int masterIndex;
        private int linkNetnsId = -1;
        private LinkInfo info;
        private String alias;
        private List<String> alternativeNames = List.of();
        private int minMtu;
        private int maxMtu;
        private List<RawAttribute> otherAttributes = List.of();

        private Builder() {}

        private Builder copy() {
            return new Builder().index(index).name(name).type(type).flags(flags).mtu(mtu).operState(operState)
                    .linkMode(linkMode).address(address).broadcast(broadcast).permanentAddress(permanentAddress)
                    .txQueueLength(txQueueLength).qdisc(qdisc).group(group).parentIndex(parentIndex).masterIndex(masterIndex)
                    .linkNetnsId(linkNetnsId).info(info).alias(alias).alternativeNames(alternativeNames).minMtu(minMtu)
                    .maxMtu(maxMtu).otherAttributes(otherAttributes);
        }

        private List<Object> components() {
            return Arrays.asList(index, name, type, flags, mtu, operState, linkMode, address, broadcast, permanentAddress,
                    txQueueLength, qdisc, group, parentIndex, masterIndex, linkNetnsId, info, alias, alternativeNames, minMtu,
                    maxMtu, otherAttributes);
        }

        /** Sets {@link Link#index()}. */
        public Builder index(int index) {
            this.index = index;
            return this;
        }

        /** Sets {@link Link#name()} (required). */
        public Builder name(String name) {
            this.name = name;
            return this;
        }

        /** Sets {@link Link#type()}. */
        public Builder type(LinkType type) {
            this.type = type;
            return this;
        }

        /** Sets {@link Link#flags()}. */
        public Builder flags(int flags) {
            this.flags = flags;
            return this;
        }

        /** Sets {@link Link#mtu()}. */
        public Builder mtu(int mtu) {
            this.mtu = mtu;
            return this;
        }

        /** Sets {@link Link#operState()}. */
        public Builder operState(OperState operState) {
            this.operState = operState;
            return this;
        }

        /** Sets {@link Link#linkMode()}. */
        public Builder linkMode(int linkMode) {
            this.linkMode = linkMode;
            return this;
        }

        /** Sets {@link Link#address()} (null for none). */
        public Builder address(HardwareAddress address) {
            this.address = address;
            return this;
        }

        /** Sets {@link Link#broadcast()} (null for none). */
        public Builder broadcast(HardwareAddress broadcast) {
            this.broadcast = broadcast;
            return this;
        }

        /** Sets {@link Link#permanentAddress()} (null for none). */
        public Builder permanentAddress(HardwareAddress permanentAddress) {
            this.permanentAddress = permanentAddress;
            return this;
        }

        /** Sets {@link Link#txQueueLength()}. */
        public Builder txQueueLength(int txQueueLength) {
            this.txQueueLength = txQueueLength;
            return this;
        }

        /** Sets {@link Link#qdisc()} (null for none). */
        public Builder qdisc(String qdisc) {
            this.qdisc = qdisc;
            return this;
        }

        /** Sets {@link Link#group()}. */
        public Builder group(int group) {
            this.group = group;
            return this;
        }

        /** Sets {@link Link#parentIndex()}. */
        public Builder parentIndex(int parentIndex) {
            this.parentIndex = parentIndex;
            return this;
        }

        /** Sets {@link Link#masterIndex()}. */
        public Builder masterIndex(int masterIndex) {
            this.masterIndex = masterIndex;
            return this;
        }

        /** Sets {@link Link#linkNetnsId()}. */
        public Builder linkNetnsId(int linkNetnsId) {
            this.linkNetnsId = linkNetnsId;
            return this;
        }

        /** Sets {@link Link#info()} (null for none). */
        public Builder info(LinkInfo info) {
            this.info = info;
            return this;
        }

        /** Sets {@link Link#alias()} (null for none). */
        public Builder alias(String alias) {
            this.alias = alias;
            return this;
        }

        /** Sets {@link Link#alternativeNames()} (copied). */
        public Builder alternativeNames(List<String> alternativeNames) {
            this.alternativeNames = List.copyOf(Objects.requireNonNull(alternativeNames, "alternativeNames"));
            return this;
        }

        /** Sets {@link Link#minMtu()}. */
        public Builder minMtu(int minMtu) {
            this.minMtu = minMtu;
            return this;
        }

        /** Sets {@link Link#maxMtu()}. */
        public Builder maxMtu(int maxMtu) {
            this.maxMtu = maxMtu;
            return this;
        }

        /** Sets {@link Link#otherAttributes()} (copied). */
        public Builder otherAttributes(List<RawAttribute> otherAttributes) {
            this.otherAttributes = List.copyOf(Objects.requireNonNull(otherAttributes, "otherAttributes"));
            return this;
        }

        /**
         * The link.
         *
         * @throws NullPointerException if the name, type or operational state is missing
         */
        public Link build() {
            return new Link(this);
        }
    }
}
