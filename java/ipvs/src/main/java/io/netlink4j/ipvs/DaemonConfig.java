// SPDX-FileCopyrightText: 2026 The netlink4j Authors
// SPDX-License-Identifier: Apache-2.0
package io.netlink4j.ipvs;

import java.net.Inet4Address;
import java.net.InetAddress;
import java.util.Objects;

/**
 * A connection-synchronisation daemon (ipvsadm --start-daemon).
 *
 * @param state              MASTER or BACKUP
 * @param multicastInterface the interface the sync traffic uses (at most 15 characters)
 * @param syncId             the sync id (0-255 in practice; a u32 on the wire)
 * @param syncMaxLength      maximum sync message length, 0 = kernel default
 * @param multicastGroup     the multicast group, or null for the kernel default (224.0.0.81)
 * @param multicastPort      UDP port, 0 = kernel default (8848)
 * @param multicastTtl       TTL, 0 = kernel default (1)
 */
public record DaemonConfig(State state, String multicastInterface, long syncId, int syncMaxLength,
                           InetAddress multicastGroup, int multicastPort, int multicastTtl) {

    /** The role of a sync daemon (IP_VS_STATE_MASTER / IP_VS_STATE_BACKUP). */
    public enum State {
        MASTER(1),
        BACKUP(2);

        private final int value;

        State(int value) {
            this.value = value;
        }

        public int value() {
            return value;
        }

        public static State fromValue(int value) {
            return switch (value) {
                case 1 -> MASTER;
                case 2 -> BACKUP;
                default -> null;
            };
        }
    }

    public DaemonConfig {
        Objects.requireNonNull(state, "state");
        Objects.requireNonNull(multicastInterface, "multicastInterface");
        Service.checkName("multicastInterface", multicastInterface, 1, Ipvs.MAX_IFNAME_LENGTH);
        if (syncId < 0 || syncId > 0xFFFFFFFFL) {
            throw new IllegalArgumentException("syncId: " + syncId + " (expected: 0-4294967295)");
        }
        if (syncMaxLength < 0 || syncMaxLength > 0xFFFF) {
            throw new IllegalArgumentException("syncMaxLength: " + syncMaxLength + " (expected: 0-65535)");
        }
        if (multicastPort < 0 || multicastPort > 0xFFFF) {
            throw new IllegalArgumentException("multicastPort: " + multicastPort + " (expected: 0-65535)");
        }
        if (multicastTtl < 0 || multicastTtl > 255) {
            throw new IllegalArgumentException("multicastTtl: " + multicastTtl + " (expected: 0-255)");
        }
        if (multicastGroup != null && !multicastGroup.isMulticastAddress()) {
            throw new IllegalArgumentException("multicastGroup: " + multicastGroup.getHostAddress() + " is not a multicast address");
        }
    }

    public boolean isIpv4Group() {
        return multicastGroup instanceof Inet4Address;
    }

    public static Builder builder() {
        return new Builder();
    }

    public Builder toBuilder() {
        return new Builder().state(state).multicastInterface(multicastInterface).syncId(syncId).syncMaxLength(syncMaxLength)
                .multicastGroup(multicastGroup).multicastPort(multicastPort).multicastTtl(multicastTtl);
    }

    public static final class Builder {
        private State state = State.MASTER;
        private String multicastInterface;
        private long syncId;
        private int syncMaxLength;
        private InetAddress multicastGroup;
        private int multicastPort;
        private int multicastTtl;

        private Builder() {}

        public Builder state(State v) {
            this.state = v;
            return this;
        }

        public Builder multicastInterface(String v) {
            this.multicastInterface = v;
            return this;
        }

        public Builder syncId(long v) {
            this.syncId = v;
            return this;
        }

        public Builder syncMaxLength(int v) {
            this.syncMaxLength = v;
            return this;
        }

        public Builder multicastGroup(InetAddress v) {
            this.multicastGroup = v;
            return this;
        }

        public Builder multicastPort(int v) {
            this.multicastPort = v;
            return this;
        }

        public Builder multicastTtl(int v) {
            this.multicastTtl = v;
            return this;
        }

        public DaemonConfig build() {
            return new DaemonConfig(state, multicastInterface, syncId, syncMaxLength, multicastGroup, multicastPort, multicastTtl);
        }
    }
}
