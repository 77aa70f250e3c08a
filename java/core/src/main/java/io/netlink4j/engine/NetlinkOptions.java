// SPDX-FileCopyrightText: 2026 The netlink4j Authors
// SPDX-License-Identifier: Apache-2.0
package io.netlink4j.engine;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;

/**
 * Settings of a {@link NetlinkConnection}. Immutable; build with {@link #builder()}.
 *
 * <p>Defaults: send timeout 30 s, receive timeout 3 s, extended ACKs and capped ACKs on, strict
 * checking off, the kernel's default socket receive buffer, a 64 KiB read buffer (larger than the
 * kernel's 32 KiB dump datagrams), the caller's network namespace, the kernel as peer.
 */
public final class NetlinkOptions {
    public static final Duration DEFAULT_SEND_TIMEOUT = Duration.ofSeconds(30);
    public static final Duration DEFAULT_RECEIVE_TIMEOUT = Duration.ofSeconds(3);
    public static final int DEFAULT_READ_BUFFER_SIZE = 64 * 1024;
    public static final int MIN_READ_BUFFER_SIZE = 4096;
    public static final int MAX_READ_BUFFER_SIZE = 64 * 1024 * 1024;

    private final Path netns;
    private final Duration sendTimeout;
    private final Duration receiveTimeout;
    private final int socketReceiveBufferSize;
    private final int readBufferSize;
    private final boolean extendedAck;
    private final boolean strictCheck;
    private final int peerPortId;

    private NetlinkOptions(Builder b) {
        this.netns = b.netns;
        this.sendTimeout = b.sendTimeout;
        this.receiveTimeout = b.receiveTimeout;
        this.socketReceiveBufferSize = b.socketReceiveBufferSize;
        this.readBufferSize = b.readBufferSize;
        this.extendedAck = b.extendedAck;
        this.strictCheck = b.strictCheck;
        this.peerPortId = b.peerPortId;
    }

    public static NetlinkOptions defaults() {
        return builder().build();
    }

    public static Builder builder() {
        return new Builder();
    }

    public Builder toBuilder() {
        Builder b = new Builder();
        b.netns = netns;
        b.sendTimeout = sendTimeout;
        b.receiveTimeout = receiveTimeout;
        b.socketReceiveBufferSize = socketReceiveBufferSize;
        b.readBufferSize = readBufferSize;
        b.extendedAck = extendedAck;
        b.strictCheck = strictCheck;
        b.peerPortId = peerPortId;
        return b;
    }

    /** The network namespace to open the socket in, or null for the caller's. */
    public Path netns() {
        return netns;
    }

    public Duration sendTimeout() {
        return sendTimeout;
    }

    public Duration receiveTimeout() {
        return receiveTimeout;
    }

    /** SO_RCVBUF(FORCE) to request, or 0 to keep the kernel's default. */
    public int socketReceiveBufferSize() {
        return socketReceiveBufferSize;
    }

    /** Size of the user-space buffer one datagram is read into. */
    public int readBufferSize() {
        return readBufferSize;
    }

    public boolean extendedAck() {
        return extendedAck;
    }

    public boolean strictCheck() {
        return strictCheck;
    }

    /** Port id requests go to and replies must come from; 0 is the kernel. */
    public int peerPortId() {
        return peerPortId;
    }

    @Override
    public String toString() {
        return "NetlinkOptions[netns=" + netns + ", sendTimeout=" + sendTimeout + ", receiveTimeout=" + receiveTimeout
                + ", socketReceiveBufferSize=" + socketReceiveBufferSize + ", readBufferSize=" + readBufferSize
                + ", extendedAck=" + extendedAck + ", strictCheck=" + strictCheck + ", peerPortId=" + peerPortId + "]";
    }

    public static final class Builder {
        private Path netns;
        private Duration sendTimeout = DEFAULT_SEND_TIMEOUT;
        private Duration receiveTimeout = DEFAULT_RECEIVE_TIMEOUT;
        private int socketReceiveBufferSize;
        private int readBufferSize = DEFAULT_READ_BUFFER_SIZE;
        private boolean extendedAck = true;
        private boolean strictCheck;
        private int peerPortId;

        private Builder() {}

        public Builder netns(Path netns) {
            this.netns = netns;
            return this;
        }

        public Builder sendTimeout(Duration timeout) {
            this.sendTimeout = checkTimeout("send timeout", timeout);
            return this;
        }

        /** How long to wait for each reply datagram; zero waits forever. */
        public Builder receiveTimeout(Duration timeout) {
            this.receiveTimeout = checkTimeout("receive timeout", timeout);
            return this;
        }

        public Builder socketReceiveBufferSize(int bytes) {
            if (bytes < 0) {
                throw new IllegalArgumentException("socket receive buffer size: " + bytes + " (expected: >= 0, 0 = kernel default)");
            }
            this.socketReceiveBufferSize = bytes;
            return this;
        }

        public Builder readBufferSize(int bytes) {
            if (bytes < MIN_READ_BUFFER_SIZE || bytes > MAX_READ_BUFFER_SIZE) {
                throw new IllegalArgumentException("read buffer size: " + bytes + " (expected: " + MIN_READ_BUFFER_SIZE
                        + "-" + MAX_READ_BUFFER_SIZE + ")");
            }
            this.readBufferSize = bytes;
            return this;
        }

        public Builder extendedAck(boolean on) {
            this.extendedAck = on;
            return this;
        }

        /** NETLINK_GET_STRICT_CHK (NETLINK_ROUTE only). */
        public Builder strictCheck(boolean on) {
            this.strictCheck = on;
            return this;
        }

        /** Talk to a user-space peer instead of the kernel (test peers, user-space netlink services). */
        public Builder peerPortId(int portId) {
            this.peerPortId = portId;
            return this;
        }

        public NetlinkOptions build() {
            return new NetlinkOptions(this);
        }

        private static Duration checkTimeout(String what, Duration timeout) {
            Objects.requireNonNull(timeout, what);
            if (timeout.isNegative() || timeout.compareTo(Duration.ofDays(365)) > 0) {
                throw new IllegalArgumentException(what + ": " + timeout + " (expected: 0 to 365 days, 0 = no timeout)");
            }
            return timeout;
        }
    }
}
