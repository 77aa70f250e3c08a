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
 * Absent optional attributes read as {@link Optional#empty()}, or as 0 or -1 where each accessor
 * says so (the kernel's own "none"). Two links are equal when every accessor returns equal values.
 *
 * <p>A class with a builder rather than a record: the kernel keeps adding link attributes, and
 * this type grows with them without breaking its callers.
 */
public final class Link {
    private final Builder v;

    private Link(Builder b) {
        this.v = b.copy();
    }

    /** {@return a builder with no name (required), type {@link LinkType#ETHER}, state {@link OperState#UNKNOWN}, and nothing else} */
    public static Builder builder() {
        return new Builder();
    }

    /** {@return a builder holding this link's values} */
    public Builder toBuilder() {
        return v.copy();
    }

    /** {@return the interface index ({@code ifi_index}), positive for every link the kernel reports} */
    public int index() {
        return v.index;
    }

    /** {@return the interface name (IFLA_IFNAME)} */
    public String name() {
        return v.name;
    }

    /** {@return the hardware type ({@code ifi_type})} */
    public LinkType type() {
        return v.type;
    }

    /** {@return the device flags ({@code ifi_flags}): IFF_* bits, named by {@link LinkFlags}} */
    public int flags() {
        return v.flags;
    }

    /** {@return whether administratively up (IFF_UP)} */
    public boolean isUp() {
        return (v.flags & LinkFlags.UP) != 0;
    }

    /** {@return whether the carrier is present (IFF_LOWER_UP)} */
    public boolean isLowerUp() {
        return (v.flags & LinkFlags.LOWER_UP) != 0;
    }

    /** {@return the MTU in bytes (IFLA_MTU), or 0 when the kernel did not report it} */
    public int mtu() {
        return v.mtu;
    }

    /** {@return IFLA_OPERSTATE ({@link OperState#UNKNOWN} when absent)} */
    public OperState operState() {
        return v.operState;
    }

    /**
     * The link mode (IFLA_LINKMODE); {@link LinkMode#DEFAULT} when absent, and for a number the
     * kernel does not know (which then stays in {@link #otherAttributes()}).
     *
     * @return the link mode (IFLA_LINKMODE); {@link LinkMode#DEFAULT} when absent, and for a number the kernel does not know (which then stays in {@link #otherAttributes()})
     */
    public LinkMode linkMode() {
        return v.linkMode;
    }

    /** {@return the link-layer address (IFLA_ADDRESS), if the link has one} */
    public Optional<HardwareAddress> address() {
        return Optional.ofNullable(v.address);
    }

    /** {@return the link-layer broadcast address (IFLA_BROADCAST; the peer's address on a point-to-point link), if any} */
    public Optional<HardwareAddress> broadcast() {
        return Optional.ofNullable(v.broadcast);
    }

    /** {@return the factory address of a physical device (IFLA_PERM_ADDRESS), if the driver reports one} */
    public Optional<HardwareAddress> permanentAddress() {
        return Optional.ofNullable(v.permanentAddress);
    }

    /**
     * The transmit queue length in packets (IFLA_TXQLEN), 0 when absent: the bits of the kernel's
     * u32 ({@link Integer#toUnsignedLong(int)} for values above 2<sup>31</sup>-1).
     *
     * @return the transmit queue length in packets (IFLA_TXQLEN), 0 when absent: the bits of the kernel's u32 ({@link Integer#toUnsignedLong(int)} for values above 2<sup>31</sup>-1)
     */
    public int txQueueLength() {
        return v.txQueueLength;
    }

    /** {@return the name of the root queueing discipline (IFLA_QDISC), if the link has one} */
    public Optional<String> qdisc() {
        return Optional.ofNullable(v.qdisc);
    }

    /** {@return the link's group (IFLA_GROUP; 0 is the default group): the bits of the kernel's u32} */
    public int group() {
        return v.group;
    }

    /**
     * IFLA_LINK: the index of the link this one is bound to (a veth's peer, a VLAN's parent), or 0.
     * When {@link #linkNetnsId()} is set, the index is in that other namespace.
     *
     * @return IFLA_LINK: the index of the link this one is bound to (a veth's peer, a VLAN's parent), or 0
     */
    public int parentIndex() {
        return v.parentIndex;
    }

    /** {@return IFLA_MASTER: the index of the bridge or bond this link is enslaved to, or 0} */
    public int masterIndex() {
        return v.masterIndex;
    }

    /** {@return IFLA_LINK_NETNSID: the namespace id (as seen from this namespace) of the parent link, or -1} */
    public int linkNetnsId() {
        return v.linkNetnsId;
    }

    /** {@return the driver-specific part (IFLA_LINKINFO); empty for links without a kind (loopback, physical devices)} */
    public Optional<LinkInfo> info() {
        return Optional.ofNullable(v.info);
    }

    /** {@return the link's kind ({@code veth}, {@code dummy}, ...): {@link LinkInfo#kind()}, if there is one} */
    public Optional<LinkKind> kind() {
        return v.info == null ? Optional.empty() : Optional.ofNullable(v.info.kind());
    }

    /** {@return the link's alias, a free-form description (IFLA_IFALIAS), if one was set} */
    public Optional<String> alias() {
        return Optional.ofNullable(v.alias);
    }

    /** {@return the alternative names (the IFLA_ALT_IFNAME entries of IFLA_PROP_LIST), in the kernel's order; empty if none} */
    public List<String> alternativeNames() {
        return v.alternativeNames;
    }

    /** {@return the smallest MTU the link accepts (IFLA_MIN_MTU), or 0 when not reported} */
    public int minMtu() {
        return v.minMtu;
    }

    /** {@return the largest MTU the link accepts (IFLA_MAX_MTU), or 0 when not reported or unlimited} */
    public int maxMtu() {
        return v.maxMtu;
    }

    /**
     * The attributes not modelled above, raw and in arrival order: statistics, IFLA_AF_SPEC,
     * queue counts, offload limits, and anything a newer kernel adds.
     *
     * @return the attributes not modelled above, raw and in arrival order: statistics, IFLA_AF_SPEC, queue counts, offload limits, and anything a newer kernel adds
     */
    public List<RawAttribute> otherAttributes() {
        return v.otherAttributes;
    }

    /**
     * The first of {@link #otherAttributes()} of type {@code type}, if there is one.
     *
     * @param type the attribute's type, e.g. {@link Rtnetlink#IFLA_PROMISCUITY}
     * @return the attribute, or {@link Optional#empty()}
     */
    public Optional<RawAttribute> attribute(int type) {
        return RawAttribute.first(v.otherAttributes, type);
    }

    /**
     * Equal to a link whose every accessor returns an equal value.
     *
     * @param o the object to compare with
     * @return equal to a link whose every accessor returns an equal value
     */
    @Override
    public boolean equals(Object o) {
        return o instanceof Link l && v.components().equals(l.v.components());
    }

    /** {@return a hash of every accessor's value} */
    @Override
    public int hashCode() {
        return v.components().hashCode();
    }

    /**
     * The index, name, kind, flags, MTU, state, type and address, e.g.
     * {@code Link[3: veth0 (veth) [UP, BROADCAST, MULTICAST] mtu 1500 state UP ETHER 02:...]}.
     *
     * @return the index, name, kind, flags, MTU, state, type and address
     */
    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder("Link[").append(v.index).append(": ").append(v.name);
        kind().ifPresent(k -> sb.append(" (").append(k).append(')'));
        sb.append(' ').append(LinkFlags.names(v.flags)).append(" mtu ").append(v.mtu).append(" state ").append(v.operState);
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
        private LinkMode linkMode = LinkMode.DEFAULT;
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

        private List<Object> components() {
            return Arrays.asList(index, name, type, flags, mtu, operState, linkMode, address, broadcast, permanentAddress,
                    txQueueLength, qdisc, group, parentIndex, masterIndex, linkNetnsId, info, alias, alternativeNames, minMtu,
                    maxMtu, otherAttributes);
        }

        /**
         * Sets {@link Link#index()}.
         *
         * @param index the index
         * @return this builder
         */
        public Builder index(int index) {
            this.index = index;
            return this;
        }

        /**
         * Sets {@link Link#name()} (required).
         *
         * @param name the name
         * @return this builder
         */
        public Builder name(String name) {
            this.name = Objects.requireNonNull(name, "name");
            return this;
        }

        /**
         * Sets {@link Link#type()}.
         *
         * @param type the type
         * @return this builder
         */
        public Builder type(LinkType type) {
            this.type = Objects.requireNonNull(type, "type");
            return this;
        }

        /**
         * Sets {@link Link#flags()}.
         *
         * @param flags the flags
         * @return this builder
         */
        public Builder flags(int flags) {
            this.flags = flags;
            return this;
        }

        /**
         * Sets {@link Link#mtu()}.
         *
         * @param mtu the mtu
         * @return this builder
         */
        public Builder mtu(int mtu) {
            this.mtu = mtu;
            return this;
        }

        /**
         * Sets {@link Link#operState()}.
         *
         * @param operState the oper state
         * @return this builder
         */
        public Builder operState(OperState operState) {
            this.operState = Objects.requireNonNull(operState, "operState");
            return this;
        }

        /**
         * Sets {@link Link#linkMode()}.
         *
         * @param linkMode the link mode
         * @return this builder
         */
        public Builder linkMode(LinkMode linkMode) {
            this.linkMode = Objects.requireNonNull(linkMode, "linkMode");
            return this;
        }

        /**
         * Sets {@link Link#address()} (not null).
         *
         * @param address the address
         * @return this builder
         */
        public Builder address(HardwareAddress address) {
            this.address = Objects.requireNonNull(address, "address");
            return this;
        }

        /**
         * Sets {@link Link#broadcast()} (not null).
         *
         * @param broadcast the broadcast
         * @return this builder
         */
        public Builder broadcast(HardwareAddress broadcast) {
            this.broadcast = Objects.requireNonNull(broadcast, "broadcast");
            return this;
        }

        /**
         * Sets {@link Link#permanentAddress()} (not null).
         *
         * @param permanentAddress the permanent address
         * @return this builder
         */
        public Builder permanentAddress(HardwareAddress permanentAddress) {
            this.permanentAddress = Objects.requireNonNull(permanentAddress, "permanentAddress");
            return this;
        }

        /**
         * Sets {@link Link#txQueueLength()}.
         *
         * @param txQueueLength the tx queue length
         * @return this builder
         */
        public Builder txQueueLength(int txQueueLength) {
            this.txQueueLength = txQueueLength;
            return this;
        }

        /**
         * Sets {@link Link#qdisc()} (not null).
         *
         * @param qdisc the qdisc
         * @return this builder
         */
        public Builder qdisc(String qdisc) {
            this.qdisc = Objects.requireNonNull(qdisc, "qdisc");
            return this;
        }

        /**
         * Sets {@link Link#group()}.
         *
         * @param group the group
         * @return this builder
         */
        public Builder group(int group) {
            this.group = group;
            return this;
        }

        /**
         * Sets {@link Link#parentIndex()}.
         *
         * @param parentIndex the parent index
         * @return this builder
         */
        public Builder parentIndex(int parentIndex) {
            this.parentIndex = parentIndex;
            return this;
        }

        /**
         * Sets {@link Link#masterIndex()}.
         *
         * @param masterIndex the master index
         * @return this builder
         */
        public Builder masterIndex(int masterIndex) {
            this.masterIndex = masterIndex;
            return this;
        }

        /**
         * Sets {@link Link#linkNetnsId()}.
         *
         * @param linkNetnsId the link netns id
         * @return this builder
         */
        public Builder linkNetnsId(int linkNetnsId) {
            this.linkNetnsId = linkNetnsId;
            return this;
        }

        /**
         * Sets {@link Link#info()} (not null).
         *
         * @param info the info
         * @return this builder
         */
        public Builder info(LinkInfo info) {
            this.info = Objects.requireNonNull(info, "info");
            return this;
        }

        /**
         * Sets {@link Link#alias()} (not null).
         *
         * @param alias the alias
         * @return this builder
         */
        public Builder alias(String alias) {
            this.alias = Objects.requireNonNull(alias, "alias");
            return this;
        }

        /**
         * Sets {@link Link#alternativeNames()} (copied).
         *
         * @param alternativeNames the alternative names
         * @return this builder
         */
        public Builder alternativeNames(List<String> alternativeNames) {
            this.alternativeNames = List.copyOf(Objects.requireNonNull(alternativeNames, "alternativeNames"));
            return this;
        }

        /**
         * Sets {@link Link#minMtu()}.
         *
         * @param minMtu the min mtu
         * @return this builder
         */
        public Builder minMtu(int minMtu) {
            this.minMtu = minMtu;
            return this;
        }

        /**
         * Sets {@link Link#maxMtu()}.
         *
         * @param maxMtu the max mtu
         * @return this builder
         */
        public Builder maxMtu(int maxMtu) {
            this.maxMtu = maxMtu;
            return this;
        }

        /**
         * Sets {@link Link#otherAttributes()} (copied).
         *
         * @param otherAttributes the other attributes
         * @return this builder
         */
        public Builder otherAttributes(List<RawAttribute> otherAttributes) {
            this.otherAttributes = List.copyOf(Objects.requireNonNull(otherAttributes, "otherAttributes"));
            return this;
        }

        /**
         * The link.
         *
         * @return a link with the values set
         * @throws IllegalArgumentException if the name is missing or empty, or the index, MTU, parent index or master index is
         *                                  negative, or the link namespace id is below -1
         */
        public Link build() {
            if (name == null || name.isEmpty()) {
                throw new IllegalArgumentException("name: " + (name == null ? "missing" : "empty") + " (expected: the interface name)");
            }
            checkNotNegative("index", index);
            checkNotNegative("mtu", mtu);
            checkNotNegative("parentIndex", parentIndex);
            checkNotNegative("masterIndex", masterIndex);
            if (linkNetnsId < -1) {
                throw new IllegalArgumentException("linkNetnsId: " + linkNetnsId + " (expected: -1-2147483647)");
            }
            return new Link(this);
        }

        private static void checkNotNegative(String field, int value) {
            if (value < 0) {
                throw new IllegalArgumentException(field + ": " + value + " (expected: 0-2147483647)");
            }
        }
    }
}
