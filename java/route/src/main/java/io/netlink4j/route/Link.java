// SPDX-FileCopyrightText: 2026 The netlink4j Authors
// SPDX-License-Identifier: Apache-2.0
package io.netlink4j.route;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A network interface as the kernel reports it (RTM_NEWLINK): the fixed header, the attributes
 * this library models, and every other attribute kept raw ({@link #otherAttributes()}). Immutable;
 * made by the decoder, or with {@link #builder()} (for tests and tools that format links).
 * Absent optional attributes read as null, 0 or -1 as each accessor says.
 */
public final class Link {
    private final int index;
    private final String name;
    private final LinkType type;
    private final int flags;
    private final int mtu;
    private final OperState operState;
    private final int linkMode;
    private final HardwareAddress address;
    private final HardwareAddress broadcast;
    private final HardwareAddress permanentAddress;
    private final int txQueueLength;
    private final String qdisc;
    private final int group;
    private final int parentIndex;
    private final int masterIndex;
    private final int linkNetnsId;
    private final LinkInfo info;
    private final String alias;
    private final List<String> alternativeNames;
    private final int minMtu;
    private final int maxMtu;
    private final List<RawAttribute> otherAttributes;

    private Link(Builder b) {
        this.index = b.index;
        this.name = Objects.requireNonNull(b.name, "name");
        this.type = Objects.requireNonNull(b.type, "type");
        this.flags = b.flags;
        this.mtu = b.mtu;
        this.operState = Objects.requireNonNull(b.operState, "operState");
        this.linkMode = b.linkMode;
        this.address = b.address;
        this.broadcast = b.broadcast;
        this.permanentAddress = b.permanentAddress;
        this.txQueueLength = b.txQueueLength;
        this.qdisc = b.qdisc;
        this.group = b.group;
        this.parentIndex = b.parentIndex;
        this.masterIndex = b.masterIndex;
        this.linkNetnsId = b.linkNetnsId;
        this.info = b.info;
        this.alias = b.alias;
        this.alternativeNames = List.copyOf(b.alternativeNames);
        this.minMtu = b.minMtu;
        this.maxMtu = b.maxMtu;
        this.otherAttributes = List.copyOf(b.otherAttributes);
    }

    public static Builder builder() {
        return new Builder();
    }

    public Builder toBuilder() {
        Builder b = new Builder();
        b.index = index;
        b.name = name;
        b.type = type;
        b.flags = flags;
        b.mtu = mtu;
        b.operState = operState;
        b.linkMode = linkMode;
        b.address = address;
        b.broadcast = broadcast;
        b.permanentAddress = permanentAddress;
        b.txQueueLength = txQueueLength;
        b.qdisc = qdisc;
        b.group = group;
        b.parentIndex = parentIndex;
        b.masterIndex = masterIndex;
        b.linkNetnsId = linkNetnsId;
        b.info = info;
        b.alias = alias;
        b.alternativeNames = alternativeNames;
        b.minMtu = minMtu;
        b.maxMtu = maxMtu;
        b.otherAttributes = otherAttributes;
        return b;
    }

    /** The interface index ({@code ifi_index}). */
    public int index() {
        return index;
    }

    /** IFLA_IFNAME. */
    public String name() {
        return name;
    }

    /** The hardware type ({@code ifi_type}). */
    public LinkType type() {
        return type;
    }

    /** The device flags ({@code ifi_flags}, {@link LinkFlags}). */
    public int flags() {
        return flags;
    }

    /** The flags as iproute2 lists them. */
    public List<String> flagNames() {
        return LinkFlags.names(flags);
    }

    /** Administratively up (IFF_UP). */
    public boolean isUp() {
        return (flags & LinkFlags.UP) != 0;
    }

    /** The carrier is present (IFF_LOWER_UP). */
    public boolean isLowerUp() {
        return (flags & LinkFlags.LOWER_UP) != 0;
    }

    /** IFLA_MTU. */
    public int mtu() {
        return mtu;
    }

    /** IFLA_OPERSTATE ({@link OperState#UNKNOWN} when absent). */
    public OperState operState() {
        return operState;
    }

    /** IFLA_LINKMODE: 0 default, 1 dormant, 2 testing. */
    public int linkMode() {
        return linkMode;
    }

    /** IFLA_ADDRESS, or null. */
    public HardwareAddress address() {
        return address;
    }

    /** IFLA_BROADCAST, or null. */
    public HardwareAddress broadcast() {
        return broadcast;
    }

    /** IFLA_PERM_ADDRESS (the factory address of a physical device), or null. */
    public HardwareAddress permanentAddress() {
        return permanentAddress;
    }

    /** IFLA_TXQLEN. */
    public int txQueueLength() {
        return txQueueLength;
    }

    /** IFLA_QDISC, or null. */
    public String qdisc() {
        return qdisc;
    }

    /** IFLA_GROUP (0 is iproute2's "default"). */
    public int group() {
        return group;
    }

    /**
     * IFLA_LINK: the index of the link this one is bound to (a veth's peer, a VLAN's parent), or 0.
     * When {@link #linkNetnsId()} is set, the index is in that other namespace.
     */
    public int parentIndex() {
        return parentIndex;
    }

    /** IFLA_MASTER: the index of the bridge or bond this link is enslaved to, or 0. */
    public int masterIndex() {
        return masterIndex;
    }

    /** IFLA_LINK_NETNSID: the namespace id (as seen from this namespace) of the parent link, or -1. */
    public int linkNetnsId() {
        return linkNetnsId;
    }

    /** IFLA_LINKINFO, or null for links without a kind (loopback, physical devices). */
    public LinkInfo info() {
        return info;
    }

    /** The link's kind ({@code veth}, {@code dummy}, ...), or null. */
    public LinkKind kind() {
        return info == null ? null : info.kind();
    }

    /** IFLA_IFALIAS, or null. */
    public String alias() {
        return alias;
    }

    /** The IFLA_ALT_IFNAME entries of IFLA_PROP_LIST. */
    public List<String> alternativeNames() {
        return alternativeNames;
    }

    /** IFLA_MIN_MTU, or 0. */
    public int minMtu() {
        return minMtu;
    }

    /** IFLA_MAX_MTU, or 0. */
    public int maxMtu() {
        return maxMtu;
    }

    /**
     * The attributes not modelled above, raw and in arrival order: statistics, IFLA_AF_SPEC,
     * queue counts, offload limits, and anything a newer kernel adds.
     */
    public List<RawAttribute> otherAttributes() {
        return otherAttributes;
    }

    /** The first of {@link #otherAttributes()} of type {@code type} (e.g. {@link Rtnetlink#IFLA_PROMISCUITY}). */
    public Optional<RawAttribute> attribute(int type) {
        for (RawAttribute a : otherAttributes) {
            if (a.type() == type) {
                return Optional.of(a);
            }
        }
        return Optional.empty();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Link l && l.index == index && l.name.equals(name) && l.type.equals(type) && l.flags == flags
                && l.mtu == mtu && l.operState.equals(operState) && l.linkMode == linkMode
                && Objects.equals(l.address, address) && Objects.equals(l.broadcast, broadcast)
                && Objects.equals(l.permanentAddress, permanentAddress) && l.txQueueLength == txQueueLength
                && Objects.equals(l.qdisc, qdisc) && l.group == group && l.parentIndex == parentIndex
                && l.masterIndex == masterIndex && l.linkNetnsId == linkNetnsId && Objects.equals(l.info, info)
                && Objects.equals(l.alias, alias) && l.alternativeNames.equals(alternativeNames) && l.minMtu == minMtu
                && l.maxMtu == maxMtu && l.otherAttributes.equals(otherAttributes);
    }

    @Override
    public int hashCode() {
        return Objects.hash(index, name, type, flags, mtu, operState, address, info, otherAttributes);
    }

    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder("Link[").append(index).append(": ").append(name);
        if (kind() != null) {
            sb.append(" (").append(kind()).append(')');
        }
        sb.append(' ').append(flagNames()).append(" mtu ").append(mtu).append(" state ").append(operState);
        if (address != null) {
            sb.append(" link/").append(type).append(' ').append(address);
        }
        return sb.append(']').toString();
    }

    /** Builds a {@link Link}; name defaults to none (required), type to ETHER, operState to UNKNOWN. */
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

        public Builder index(int index) {
            this.index = index;
            return this;
        }

        public Builder name(String name) {
            this.name = name;
            return this;
        }

        public Builder type(LinkType type) {
            this.type = type;
            return this;
        }

        public Builder flags(int flags) {
            this.flags = flags;
            return this;
        }

        public Builder mtu(int mtu) {
            this.mtu = mtu;
            return this;
        }

        public Builder operState(OperState operState) {
            this.operState = operState;
            return this;
        }

        public Builder linkMode(int linkMode) {
            this.linkMode = linkMode;
            return this;
        }

        public Builder address(HardwareAddress address) {
            this.address = address;
            return this;
        }

        public Builder broadcast(HardwareAddress broadcast) {
            this.broadcast = broadcast;
            return this;
        }

        public Builder permanentAddress(HardwareAddress permanentAddress) {
            this.permanentAddress = permanentAddress;
            return this;
        }

        public Builder txQueueLength(int txQueueLength) {
            this.txQueueLength = txQueueLength;
            return this;
        }

        public Builder qdisc(String qdisc) {
            this.qdisc = qdisc;
            return this;
        }

        public Builder group(int group) {
            this.group = group;
            return this;
        }

        public Builder parentIndex(int parentIndex) {
            this.parentIndex = parentIndex;
            return this;
        }

        public Builder masterIndex(int masterIndex) {
            this.masterIndex = masterIndex;
            return this;
        }

        public Builder linkNetnsId(int linkNetnsId) {
            this.linkNetnsId = linkNetnsId;
            return this;
        }

        public Builder info(LinkInfo info) {
            this.info = info;
            return this;
        }

        public Builder alias(String alias) {
            this.alias = alias;
            return this;
        }

        public Builder alternativeNames(List<String> alternativeNames) {
            this.alternativeNames = Objects.requireNonNull(alternativeNames, "alternativeNames");
            return this;
        }

        public Builder minMtu(int minMtu) {
            this.minMtu = minMtu;
            return this;
        }

        public Builder maxMtu(int maxMtu) {
            this.maxMtu = maxMtu;
            return this;
        }

        public Builder otherAttributes(List<RawAttribute> otherAttributes) {
            this.otherAttributes = Objects.requireNonNull(otherAttributes, "otherAttributes");
            return this;
        }

        /**
         * @throws NullPointerException if the name, type or operational state is missing
         */
        public Link build() {
            return new Link(this);
        }
    }
}
