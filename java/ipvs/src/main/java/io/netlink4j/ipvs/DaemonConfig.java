// SPDX-FileCopyrightText: 2026 The netlink4j Authors
// SPDX-License-Identifier: Apache-2.0
package io.netlink4j.ipvs;

import io.netlink4j.ipvs.internal.Ipvs;

import java.net.Inet4Address;
import java.net.InetAddress;
import java.util.Objects;

/**
 * A connection-synchronisation daemon (ipvsadm --start-daemon; IPVS_CMD_NEW_DAEMON / GET_DAEMON).
 *
 * @param state              MASTER or BACKUP
 * @param multicastInterface the interface the sync traffic uses (1-15 bytes)
 * @param syncId             the sync id (0-255 in practice; a u32 on the wire)
 * @param syncMaxLength      maximum sync message length, 0-65535, 0 = kernel default
 * @param multicastGroup     the multicast group, or null for the kernel default (224.0.0.81)
 * @param multicastPort      UDP port, 0-65535, 0 = kernel default (8848)
 * @param multicastTtl       TTL, 0-255, 0 = kernel default (1)
 */
public record DaemonConfig(State state, String multicastInterface, long syncId, int syncMaxLength,
                           InetAddress multicastGroup, int multicastPort, int multicastTtl) {

    /**
     * The role of a sync daemon (IPVS_DAEMON_ATTR_STATE). Closed: the kernel runs a master and a
     * backup daemon and reports no other state.
     */
    public enum State {
        /** IP_VS_STATE_MASTER (1): sends the connections of this host. */
        MASTER(1),
        /** IP_VS_STATE_BACKUP (2): receives a master's connections. */
        BACKUP(2);

        private final int value;

        State(int value) {
            this.value = value;
        }

        /** The kernel's number for the state. */
        public int value() {
            return value;
        }

        /**
         * The state of number {@code value}.
         *
         * @throws IllegalArgumentException for a number other than 1 or 2
         */
        public static State of(int value) {
            return switch (value) {
                case 1 -> MASTER;
                case 2 -> BACKUP;
                default -> throw new IllegalArgumentException("daemon state: " + value + " (expected: 1 MASTER or 2 BACKUP)");
            };
        }
    }

    /**
     * Checks every field.
     *
     * @throws IllegalArgumentException naming the field, its value and the allowed range
     */
    public DaemonConfig {
        Objects.requireNonNull(state, "state");
        Objects.requireNonNull(multicastInterface, "multicastInterface");
        Checks.name("multicastInterface", multicastInterface, 1, Ipvs.MAX_IFNAME_LENGTH);
        Checks.u32("syncId", syncId);
        Checks.u16("syncMaxLength", syncMaxLength);
        Checks.u16("multicastPort", multicastPort);
        Checks.range("multicastTtl", multicastTtl, 0, 255);
        if (multicastGroup != null && !multicastGroup.isMulticastAddress()) {
            throw new IllegalArgumentException("multicastGroup: " + multicastGroup.getHostAddress()
                    + " (expected: a multicast address, 224.0.0.0/4 or ff00::/8)");
        }
    }

    /** Whether the multicast group is an IPv4 one (false for none). */
    public boolean isIpv4Group() {
        return multicastGroup instanceof Inet4Address;
    }

    /** A builder for a MASTER daemon with the kernel's defaults; the interface must be set. */
    public static Builder builder() {
        return new Builder();
    }

    /** A builder holding this daemon's fields. */
    public Builder toBuilder() {
        Builder b = new Builder().state(state).multicastInterface(multicastInterface).syncId(syncId).syncMaxLength(syncMaxLength)
                .multicastPort(multicastPort).multicastTtl(multicastTtl);
        b.multicastGroup = multicastGroup;
        return b;
    }

    /** Builds a {@link DaemonConfig}. Defaults: MASTER, sync id 0, the kernel's defaults for the rest. */
    public static final class Builder {
        private State state = State.MASTER;
        private String multicastInterface;
        private long syncId;
        private int syncMaxLength;
        private InetAddress multicastGroup;
        private int multicastPort;
        private int multicastTtl;

        private Builder() {}

        /** MASTER or BACKUP. */
        public Builder state(State state) {
            this.state = Objects.requireNonNull(state, "state");
            return this;
        }

        /** The interface for the sync traffic (required), 1-15 bytes. */
        public Builder multicastInterface(String multicastInterface) {
            this.multicastInterface = Objects.requireNonNull(multicastInterface, "multicastInterface");
            return this;
        }

        /** The sync id, 0-4294967295 (ipvsadm allows 0-255). */
        public Builder syncId(long syncId) {
            this.syncId = syncId;
            return this;
        }

        /** Maximum sync message length, 0-65535 (0 = kernel default). */
        public Builder syncMaxLength(int syncMaxLength) {
            this.syncMaxLength = syncMaxLength;
            return this;
        }

        /** The multicast group (IPv4 or IPv6); not set = the kernel default. */
        public Builder multicastGroup(InetAddress multicastGroup) {
            this.multicastGroup = Objects.requireNonNull(multicastGroup, "multicastGroup");
            return this;
        }

        /** UDP port, 0-65535 (0 = kernel default). */
        public Builder multicastPort(int multicastPort) {
            this.multicastPort = multicastPort;
            return this;
        }

        /** TTL, 0-255 (0 = kernel default). */
        public Builder multicastTtl(int multicastTtl) {
            this.multicastTtl = multicastTtl;
            return this;
        }

        /**
         * Validates and builds.
         *
         * @throws IllegalArgumentException naming the field, its value and the allowed range; also
         *                                  when no interface was set
         */
        public DaemonConfig build() {
            if (multicastInterface == null) {
                throw new IllegalArgumentException("multicastInterface: required (expected: 1-" + Ipvs.MAX_IFNAME_LENGTH + " bytes)");
            }
            return new DaemonConfig(state, multicastInterface, syncId, syncMaxLength, multicastGroup, multicastPort, multicastTtl);
        }
    }
}
