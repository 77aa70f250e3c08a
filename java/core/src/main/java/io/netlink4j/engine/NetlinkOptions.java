// SPDX-FileCopyrightText: 2026 The netlink4j Authors
// SPDX-License-Identifier: Apache-2.0
package io.netlink4j.engine;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * Settings of a {@link NetlinkConnection} (and of a {@link NetlinkSubscription}). Immutable, with
 * value equality; build with {@link #builder()}.
 *
 * <p>Defaults: send timeout 30 s, receive timeout 3 s, extended ACKs and capped ACKs on, strict
 * checking off, the kernel's default socket receive buffer, a 64 KiB read buffer (larger than the
 * kernel's 32 KiB dump datagrams), the caller's network namespace, the kernel as peer, and up to
 * 3 attempts of a list-returning dump.
 */
public final class NetlinkOptions {
    /** The default send timeout: 30 seconds. */
    public static final Duration DEFAULT_SEND_TIMEOUT = Duration.ofSeconds(30);
    /** The default receive timeout: 3 seconds. */
    public static final Duration DEFAULT_RECEIVE_TIMEOUT = Duration.ofSeconds(3);
    /** The default read buffer size: 64 KiB. */
    public static final int DEFAULT_READ_BUFFER_SIZE = 64 * 1024;
    /** The smallest read buffer size: 4 KiB. */
    public static final int MIN_READ_BUFFER_SIZE = 4096;
    /** The largest read buffer size: 64 MiB. */
    public static final int MAX_READ_BUFFER_SIZE = 64 * 1024 * 1024;
    /** The default number of attempts of a list-returning dump: 3. */
    public static final int DEFAULT_DUMP_ATTEMPTS = 3;
    /** The largest number of attempts of a list-returning dump: 100. */
    public static final int MAX_DUMP_ATTEMPTS = 100;

    private final Path netns;
    private final Duration sendTimeout;
    private final Duration receiveTimeout;
    private final int socketReceiveBufferSize;
    private final int readBufferSize;
    private final boolean extendedAck;
    private final boolean strictCheck;
    private final int peerPortId;
    private final int dumpAttempts;
    private final boolean ackEveryBatchRequest;

    private NetlinkOptions(Builder b) {
        this.netns = b.netns;
        this.sendTimeout = b.sendTimeout;
        this.receiveTimeout = b.receiveTimeout;
        this.socketReceiveBufferSize = b.socketReceiveBufferSize;
        this.readBufferSize = b.readBufferSize;
        this.extendedAck = b.extendedAck;
        this.strictCheck = b.strictCheck;
        this.peerPortId = b.peerPortId;
        this.dumpAttempts = b.dumpAttempts;
        this.ackEveryBatchRequest = b.ackEveryBatchRequest;
    }

    /**
     * The default settings.
     *
     * @return options with every default
     */
    public static NetlinkOptions defaults() {
        return builder().build();
    }

    /**
     * A builder starting from the defaults.
     *
     * @return a new builder
     */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * A builder starting from these settings.
     *
     * @return a new builder with this object's settings
     */
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
        b.dumpAttempts = dumpAttempts;
        b.ackEveryBatchRequest = ackEveryBatchRequest;
        return b;
    }

    /**
     * The network namespace to open the socket in.
     *
     * @return the namespace's path, or empty for the caller's namespace
     */
    public Optional<Path> netns() {
        return Optional.ofNullable(netns);
    }

    /**
     * How long a send may block (SO_SNDTIMEO).
     *
     * @return the send timeout; zero means no timeout
     */
    public Duration sendTimeout() {
        return sendTimeout;
    }

    /**
     * How long to wait for each reply datagram.
     *
     * @return the receive timeout; zero means no timeout
     */
    public Duration receiveTimeout() {
        return receiveTimeout;
    }

    /**
     * SO_RCVBUF (SO_RCVBUFFORCE where permitted) to request.
     *
     * @return the size in bytes, or 0 to keep the kernel's default
     */
    public int socketReceiveBufferSize() {
        return socketReceiveBufferSize;
    }

    /**
     * Size of the user-space buffer one datagram is read into.
     *
     * @return the size in bytes
     */
    public int readBufferSize() {
        return readBufferSize;
    }

    /**
     * Whether extended ACKs (NETLINK_EXT_ACK) are requested: the kernel's error messages and the
     * offsets of offending attributes.
     *
     * @return true if on
     */
    public boolean extendedAck() {
        return extendedAck;
    }

    /**
     * Whether strict checking of dump requests (NETLINK_GET_STRICT_CHK, NETLINK_ROUTE only) is on.
     *
     * @return true if on
     */
    public boolean strictCheck() {
        return strictCheck;
    }

    /**
     * The port id requests go to and replies must come from.
     *
     * @return the peer's port id; 0 is the kernel
     */
    public int peerPortId() {
        return peerPortId;
    }

    /**
     * How many times in all a list-returning dump ({@link NetlinkConnection#dump}) is made when
     * the kernel reports an interruption (NLM_F_DUMP_INTR) or messages are lost to a
     * receive-buffer overrun, before the last attempt's exception is thrown.
     *
     * @return the number of attempts, 1-{@value #MAX_DUMP_ATTEMPTS}; 1 means no restart
     */
    public int dumpAttempts() {
        return dumpAttempts;
    }

    /**
     * Whether {@link NetlinkConnection#batch} asks for an ACK on every request instead of only on
     * the last request of each datagram. Off by default: the kernel answers every failing request
     * of a datagram with its error anyway and handles the requests in order, so the last request's
     * ACK stands for the success of every earlier one that got no error, and a batch costs one ACK
     * per datagram instead of one per request. On is for peers that do not work that way (a
     * user-space service that answers only what asks for an ACK, or out of order); the outcomes
     * reported are the same.
     *
     * @return true if every request of a batch carries NLM_F_ACK
     */
    public boolean ackEveryBatchRequest() {
        return ackEveryBatchRequest;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof NetlinkOptions n && Objects.equals(netns, n.netns) && sendTimeout.equals(n.sendTimeout)
                && receiveTimeout.equals(n.receiveTimeout) && socketReceiveBufferSize == n.socketReceiveBufferSize
                && readBufferSize == n.readBufferSize && extendedAck == n.extendedAck && strictCheck == n.strictCheck
                && peerPortId == n.peerPortId && dumpAttempts == n.dumpAttempts
                && ackEveryBatchRequest == n.ackEveryBatchRequest;
    }

    @Override
    public int hashCode() {
        return Objects.hash(netns, sendTimeout, receiveTimeout, socketReceiveBufferSize, readBufferSize, extendedAck,
                strictCheck, peerPortId, dumpAttempts, ackEveryBatchRequest);
    }

    @Override
    public String toString() {
        return "NetlinkOptions[netns=" + (netns == null ? "caller's" : netns) + ", sendTimeout=" + sendTimeout
                + ", receiveTimeout=" + receiveTimeout + ", socketReceiveBufferSize=" + socketReceiveBufferSize
                + ", readBufferSize=" + readBufferSize + ", extendedAck=" + extendedAck + ", strictCheck=" + strictCheck
                + ", peerPortId=" + Integer.toUnsignedString(peerPortId) + ", dumpAttempts=" + dumpAttempts
                + ", ackEveryBatchRequest=" + ackEveryBatchRequest + "]";
    }

    /** Builds {@link NetlinkOptions}; every setter validates its argument. Not thread safe. */
    public static final class Builder {
        private Path netns;
        private Duration sendTimeout = DEFAULT_SEND_TIMEOUT;
        private Duration receiveTimeout = DEFAULT_RECEIVE_TIMEOUT;
        private int socketReceiveBufferSize;
        private int readBufferSize = DEFAULT_READ_BUFFER_SIZE;
        private boolean extendedAck = true;
        private boolean strictCheck;
        private int peerPortId;
        private int dumpAttempts = DEFAULT_DUMP_ATTEMPTS;
        private boolean ackEveryBatchRequest;

        private Builder() {}

        /**
         * Opens the socket in the network namespace at {@code netns}, e.g.
         * {@code /var/run/netns/NAME} or {@code /proc/PID/ns/net}.
         *
         * @param netns the namespace's path
         * @return this builder
         * @throws NullPointerException if {@code netns} is null (use {@link #callerNetns()})
         */
        public Builder netns(Path netns) {
            this.netns = Objects.requireNonNull(netns, "netns");
            return this;
        }

        /**
         * Opens the socket in the caller's network namespace (the default).
         *
         * @return this builder
         */
        public Builder callerNetns() {
            this.netns = null;
            return this;
        }

        /**
         * Sets {@link NetlinkOptions#sendTimeout()}.
         *
         * @param timeout 0 to 365 days; zero means no timeout
         * @return this builder
         * @throws IllegalArgumentException if {@code timeout} is negative or longer than 365 days
         */
        public Builder sendTimeout(Duration timeout) {
            this.sendTimeout = checkTimeout("send timeout", timeout);
            return this;
        }

        /**
         * Sets {@link NetlinkOptions#receiveTimeout()}: how long to wait for each reply datagram.
         *
         * @param timeout 0 to 365 days; zero waits forever
         * @return this builder
         * @throws IllegalArgumentException if {@code timeout} is negative or longer than 365 days
         */
        public Builder receiveTimeout(Duration timeout) {
            this.receiveTimeout = checkTimeout("receive timeout", timeout);
            return this;
        }

        /**
         * Sets {@link NetlinkOptions#socketReceiveBufferSize()}.
         *
         * @param bytes the size to request; 0 keeps the kernel's default
         * @return this builder
         * @throws IllegalArgumentException if {@code bytes} is negative
         */
        public Builder socketReceiveBufferSize(int bytes) {
            if (bytes < 0) {
                throw new IllegalArgumentException("socket receive buffer size: " + bytes + " (expected: >= 0, 0 = kernel default)");
            }
            this.socketReceiveBufferSize = bytes;
            return this;
        }

        /**
         * Sets {@link NetlinkOptions#readBufferSize()}.
         *
         * @param bytes {@value NetlinkOptions#MIN_READ_BUFFER_SIZE}-{@value NetlinkOptions#MAX_READ_BUFFER_SIZE}
         * @return this builder
         * @throws IllegalArgumentException if {@code bytes} is outside that range
         */
        public Builder readBufferSize(int bytes) {
            if (bytes < MIN_READ_BUFFER_SIZE || bytes > MAX_READ_BUFFER_SIZE) {
                throw new IllegalArgumentException("read buffer size: " + bytes + " (expected: " + MIN_READ_BUFFER_SIZE
                        + "-" + MAX_READ_BUFFER_SIZE + ")");
            }
            this.readBufferSize = bytes;
            return this;
        }

        /**
         * Sets {@link NetlinkOptions#extendedAck()}.
         *
         * @param on whether to request extended ACKs
         * @return this builder
         */
        public Builder extendedAck(boolean on) {
            this.extendedAck = on;
            return this;
        }

        /**
         * Sets {@link NetlinkOptions#strictCheck()} (NETLINK_GET_STRICT_CHK, NETLINK_ROUTE only).
         *
         * @param on whether the kernel checks dump requests strictly
         * @return this builder
         */
        public Builder strictCheck(boolean on) {
            this.strictCheck = on;
            return this;
        }

        /**
         * Talk to a user-space peer instead of the kernel (test peers, user-space netlink services).
         *
         * @param portId the peer's port id; 0 is the kernel
         * @return this builder
         */
        public Builder peerPortId(int portId) {
            this.peerPortId = portId;
            return this;
        }

        /**
         * Sets {@link NetlinkOptions#dumpAttempts()}.
         *
         * @param attempts 1-{@value NetlinkOptions#MAX_DUMP_ATTEMPTS}; 1 never restarts a dump
         * @return this builder
         * @throws IllegalArgumentException if {@code attempts} is outside that range
         */
        public Builder dumpAttempts(int attempts) {
            if (attempts < 1 || attempts > MAX_DUMP_ATTEMPTS) {
                throw new IllegalArgumentException("dump attempts: " + attempts + " (expected: 1-" + MAX_DUMP_ATTEMPTS
                        + ", 1 = never restart a dump)");
            }
            this.dumpAttempts = attempts;
            return this;
        }

        /**
         * Sets {@link NetlinkOptions#ackEveryBatchRequest()}.
         *
         * @param on true to ask for an ACK on every request of a batch, false (the default) for
         *           one ACK per datagram
         * @return this builder
         */
        public Builder ackEveryBatchRequest(boolean on) {
            this.ackEveryBatchRequest = on;
            return this;
        }

        /**
         * The options.
         *
         * @return the options set on this builder
         */
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
