// SPDX-FileCopyrightText: 2026 The netlink4j Authors
// SPDX-License-Identifier: Apache-2.0
package io.netlink4j.socket;

import io.netlink4j.internal.Errors;
import io.netlink4j.NetlinkClosedException;
import io.netlink4j.NetlinkTruncatedException;
import io.netty.buffer.ByteBuf;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A raw netlink socket: the socket layer. Each method is one system call through the JNI shim,
 * with every argument checked here first; a failed call throws a
 * {@link io.netlink4j.NetlinkErrnoException} with its errno. No netlink framing happens at this layer.
 *
 * <p>Thread safety: calls may come from several threads. {@link #close()} is idempotent and never
 * releases the file descriptor while another thread is still inside a system call on it (so a
 * recycled descriptor number can never be hit); calls that start after close fail with
 * {@link NetlinkClosedException}.
 */
public final class NetlinkSocket implements AutoCloseable {
    /** SOL_SOCKET: the level of the socket options below, for {@link #getOption}. */
    public static final int SOL_SOCKET = 1;
    /** SO_SNDBUF: the send buffer size. */
    public static final int SO_SNDBUF = 7;
    /** SO_RCVBUF: the receive buffer size. */
    public static final int SO_RCVBUF = 8;
    /** SO_RCVTIMEO: the receive timeout. */
    public static final int SO_RCVTIMEO = 20;
    /** SO_SNDTIMEO: the send timeout. */
    public static final int SO_SNDTIMEO = 21;
    /** SO_SNDBUFFORCE: the send buffer size beyond the system limit (CAP_NET_ADMIN). */
    public static final int SO_SNDBUFFORCE = 32;
    /** SO_RCVBUFFORCE: the receive buffer size beyond the system limit (CAP_NET_ADMIN). */
    public static final int SO_RCVBUFFORCE = 33;
    /** SOL_NETLINK: the level of the netlink options below. */
    public static final int SOL_NETLINK = 270;
    /** NETLINK_ADD_MEMBERSHIP: joins a multicast group. */
    public static final int NETLINK_ADD_MEMBERSHIP = 1;
    /** NETLINK_DROP_MEMBERSHIP: leaves a multicast group. */
    public static final int NETLINK_DROP_MEMBERSHIP = 2;
    /** NETLINK_NO_ENOBUFS: do not report receive-buffer overruns. */
    public static final int NETLINK_NO_ENOBUFS = 5;
    /** NETLINK_CAP_ACK: error messages carry only the request's header, not its payload. */
    public static final int NETLINK_CAP_ACK = 10;
    /** NETLINK_EXT_ACK: error messages carry extended-ACK attributes. */
    public static final int NETLINK_EXT_ACK = 11;
    /** NETLINK_GET_STRICT_CHK: strict checking of dump requests. */
    public static final int NETLINK_GET_STRICT_CHK = 12;
    /** MSG_PEEK: a receive flag, look at the datagram without taking it. */
    public static final int MSG_PEEK = 0x2;
    /** MSG_TRUNC: a receive flag, return the datagram's real length. */
    public static final int MSG_TRUNC = 0x20;
    /** MSG_DONTWAIT: a receive flag, do not block. */
    public static final int MSG_DONTWAIT = 0x40;

    private static final int CLOSING = Integer.MIN_VALUE;

    private final int fd;
    private final int protocol;
    private final Path netns;
    /** Sign bit: closed. Low bits: number of system calls in progress. */
    private final AtomicInteger state = new AtomicInteger();

    private NetlinkSocket(int fd, int protocol, Path netns) {
        this.fd = fd;
        this.protocol = protocol;
        this.netns = netns;
    }

    /**
     * Whether netlink4j's native library (the JNI shim) is loaded, so that sockets can be opened.
     * It is loaded once, when this is first asked or the first socket is opened: from the file
     * named by the system property {@code netlink4j.native.path}, else from
     * {@code java.library.path}, else from the copy in the jar (see docs/native.md).
     *
     * @return true if the shim is loaded
     */
    public static boolean isAvailable() {
        return NativeLibrary.isAvailable();
    }

    /**
     * Why the native library could not be loaded: what was tried and what to do, with the failure
     * of each source attached as a suppressed exception.
     *
     * @return the cause, or empty when {@link #isAvailable()}
     */
    public static Optional<Throwable> unavailabilityCause() {
        return Optional.ofNullable(NativeLibrary.unavailabilityCause());
    }

    /**
     * Opens a socket of {@code protocol} (see {@link NetlinkProtocol}) in the caller's network namespace.
     *
     * @param protocol the netlink protocol, 0-31
     * @return the open socket
     * @throws IllegalArgumentException       if {@code protocol} is outside 0-31
     * @throws UnsatisfiedLinkError           if the native library cannot be loaded ({@link #unavailabilityCause()})
     * @throws io.netlink4j.NetlinkErrnoException if socket(2) fails
     */
    public static NetlinkSocket open(int protocol) {
        return doOpen(protocol, null);
    }

    /**
     * Opens a socket of {@code protocol} inside the network namespace named by {@code netns} (for
     * example {@code /var/run/netns/NAME} or {@code /proc/PID/ns/net}). The calling thread's own
     * namespace is unchanged when this returns or throws.
     *
     * @param protocol the netlink protocol, 0-31
     * @param netns    the namespace's path ({@link #open(int)} for the caller's namespace)
     * @return the open socket
     * @throws IllegalArgumentException       if {@code protocol} is outside 0-31, or the path is
     *                                        empty, longer than 4095 bytes or contains a NUL
     * @throws UnsatisfiedLinkError           if the native library cannot be loaded ({@link #unavailabilityCause()})
     * @throws io.netlink4j.NetlinkErrnoException if the namespace cannot be entered or socket(2) fails
     */
    public static NetlinkSocket open(int protocol, Path netns) {
        return doOpen(protocol, Objects.requireNonNull(netns, "netns"));
    }

    private static NetlinkSocket doOpen(int protocol, Path netns) {
        if (protocol < 0 || protocol > 31) {
            throw new IllegalArgumentException("protocol: " + protocol + " (expected: 0-31)");
        }
        NativeLibrary.ensureAvailable();
        byte[] path = null;
        if (netns != null) {
            path = netns.toString().getBytes(StandardCharsets.UTF_8);
            if (path.length == 0 || path.length >= 4096) {
                throw new IllegalArgumentException("netns path length: " + path.length + " (expected: 1-4095 bytes)");
            }
            for (byte b : path) {
                if (b == 0) {
                    throw new IllegalArgumentException("netns path contains a NUL byte: " + netns);
                }
            }
        }
        int fd = Native.socket(protocol, path);
        if (fd < 0) {
            String op = netns == null ? "socket(AF_NETLINK, " + protocol + ")"
                    : "socket(AF_NETLINK, " + protocol + ") in network namespace " + netns;
            throw Errors.newException(op, fd, null);
        }
        return new NetlinkSocket(fd, protocol, netns);
    }

    /**
     * The netlink protocol the socket was opened with.
     *
     * @return the protocol, e.g. {@link NetlinkProtocol#GENERIC}
     */
    public int protocol() {
        return protocol;
    }

    /**
     * The network namespace the socket was opened in.
     *
     * @return the namespace's path, or empty for the caller's namespace
     */
    public Optional<Path> netns() {
        return Optional.ofNullable(netns);
    }

    /**
     * Whether {@link #close()} was called.
     *
     * @return true once closed
     */
    public boolean isClosed() {
        return state.get() < 0;
    }

    private void acquire() {
        for (;;) {
            int s = state.get();
            if (s < 0) {
                throw new NetlinkClosedException("netlink socket");
            }
            if (state.compareAndSet(s, s + 1)) {
                return;
            }
        }
    }

    private void release() {
        if (state.decrementAndGet() == CLOSING) {
            Native.close(fd);
        }
    }

    /**
     * Binds to {@code portId} and the legacy multicast group bitmask.
     *
     * @param portId the port id, 0 for one the kernel assigns
     * @param groups the multicast groups 1-32 as a bitmask, 0 for none
     * @throws io.netlink4j.NetlinkErrnoException the system call failed
     * @throws NetlinkClosedException              the socket was closed
     */
    public void bind(int portId, int groups) {
        acquire();
        try {
            Errors.check("bind", Native.bind(fd, portId, groups));
        } finally {
            release();
        }
    }

    /**
     * The port id of this socket (getsockname).
     *
     * @return the port id, an unsigned 32-bit value in an int
     * @throws io.netlink4j.NetlinkErrnoException the system call failed
     * @throws NetlinkClosedException              the socket was closed
     */
    public int localPortId() {
        NetlinkAddress addr = new NetlinkAddress();
        acquire();
        try {
            Errors.check("getsockname", Native.getsockname(fd, addr.raw, 0));
        } finally {
            release();
        }
        return addr.portId();
    }

    /**
     * Sends the readable bytes of {@code buf} as one datagram to {@code destPortId} (0: the kernel).
     * The reader index is not moved.
     *
     * @param buf        the datagram; stays the caller's
     * @param destPortId the receiver's port id
     * @return the number of bytes sent
     * @throws io.netlink4j.NetlinkTimeoutException the send blocked past the send timeout
     * @throws io.netlink4j.NetlinkErrnoException the system call failed
     * @throws NetlinkClosedException              the socket was closed
     */
    public int send(ByteBuf buf, int destPortId) {
        return send(buf, destPortId, 0);
    }

    /**
     * Sends the readable bytes of {@code buf} to {@code destPortId} and the multicast groups in
     * the {@code destGroups} bitmask (groups 1-32; sending to groups needs privilege).
     *
     * @param buf        the datagram; stays the caller's
     * @param destPortId the receiver's port id
     * @param destGroups the multicast groups 1-32 as a bitmask
     * @return the number of bytes sent
     * @throws io.netlink4j.NetlinkTimeoutException the send blocked past the send timeout
     * @throws io.netlink4j.NetlinkErrnoException the system call failed
     * @throws NetlinkClosedException              the socket was closed
     */
    public int send(ByteBuf buf, int destPortId, int destGroups) {
        Objects.requireNonNull(buf, "buf");
        int length = buf.readableBytes();
        ByteBuffer nio = directView(buf, buf.readerIndex(), length, "send buffer");
        acquire();
        try {
            return Errors.check("sendto", Native.sendto(fd, nio, nio.position(), length, 0, destPortId, destGroups));
        } finally {
            release();
        }
    }

    /**
     * Receives one datagram into the writable bytes of {@code buf} and advances its writer index.
     * {@code MSG_TRUNC} is always passed, so a datagram larger than the writable space is detected
     * and reported as {@link NetlinkTruncatedException} (after consuming it, unless {@code MSG_PEEK}
     * is among {@code flags}, in which case the datagram stays queued and the real length is
     * returned without an exception and without moving the writer index past the buffer).
     *
     * @param buf   receives the datagram in its writable bytes; stays the caller's
     * @param flags extra recvfrom flags, e.g. {@link #MSG_PEEK} or {@link #MSG_DONTWAIT}
     * @param from  receives the sender's address; may be null
     * @return the real length of the datagram
     * @throws io.netlink4j.NetlinkTimeoutException  nothing arrived within the receive timeout (or
     *                                               nothing was queued, with MSG_DONTWAIT)
     * @throws io.netlink4j.NetlinkOverrunException  the receive buffer overflowed (ENOBUFS) and
     *                                               messages were lost
     * @throws io.netlink4j.NetlinkErrnoException    any other failure of recvfrom
     * @throws NetlinkClosedException                the socket was closed
     */
    public int receive(ByteBuf buf, int flags, NetlinkAddress from) {
        Objects.requireNonNull(buf, "buf");
        if ((flags & ~(MSG_PEEK | MSG_DONTWAIT | MSG_TRUNC)) != 0) {
            throw new IllegalArgumentException("flags: 0x" + Integer.toHexString(flags)
                    + " (expected: a combination of MSG_PEEK, MSG_DONTWAIT and MSG_TRUNC)");
        }
        int capacity = buf.writableBytes();
        ByteBuffer nio = directView(buf, buf.writerIndex(), capacity, "receive buffer");
        NetlinkAddress addr = from != null ? from : new NetlinkAddress();
        int n;
        acquire();
        try {
            n = Errors.checkReceive("recvfrom", Native.recvfrom(fd, nio, nio.position(), capacity, flags | MSG_TRUNC, addr.raw, 0));
        } finally {
            release();
        }
        if ((flags & MSG_PEEK) != 0) {
            buf.writerIndex(buf.writerIndex() + Math.min(n, capacity));
            return n;
        }
        if (n > capacity) {
            throw new NetlinkTruncatedException(n, capacity);
        }
        buf.writerIndex(buf.writerIndex() + n);
        return n;
    }

    private static ByteBuffer directView(ByteBuf buf, int index, int length, String what) {
        if (!buf.isDirect()) {
            throw new IllegalArgumentException(what + " must be a direct buffer");
        }
        if (index < 0 || length < 0 || index > buf.capacity() - length) {
            throw new IllegalArgumentException(what + ": range [" + index + ", " + index + "+" + length
                    + ") outside the buffer's capacity " + buf.capacity());
        }
        if (buf.nioBufferCount() != 1) {
            throw new IllegalArgumentException(what + " must be a single contiguous buffer");
        }
        return buf.internalNioBuffer(index, length);
    }

    /**
     * Sets an integer socket option (setsockopt).
     *
     * @param level  the option's level, {@link #SOL_SOCKET} or {@link #SOL_NETLINK}
     * @param option the option, e.g. {@link #SO_RCVBUF}
     * @param value  its value
     * @throws io.netlink4j.NetlinkErrnoException the system call failed
     * @throws NetlinkClosedException              the socket was closed
     */
    public void setOption(int level, int option, int value) {
        acquire();
        try {
            Errors.check("setsockopt(" + level + ", " + option + ")", Native.setsockoptInt(fd, level, option, value));
        } finally {
            release();
        }
    }

    /**
     * Reads an integer socket option (getsockopt).
     *
     * @param level  the option's level, {@link #SOL_SOCKET} or {@link #SOL_NETLINK}
     * @param option the option, e.g. {@link #SO_RCVBUF}
     * @return its value
     * @throws io.netlink4j.NetlinkErrnoException the system call failed
     * @throws NetlinkClosedException              the socket was closed
     */
    public int getOption(int level, int option) {
        acquire();
        try {
            return Errors.check("getsockopt(" + level + ", " + option + ")", Native.getsockoptInt(fd, level, option));
        } finally {
            release();
        }
    }

    /**
     * Sets or clears a boolean netlink option.
     *
     * @param option the option at {@link #SOL_NETLINK}, e.g. {@link #NETLINK_EXT_ACK}
     * @param on     whether to set it
     * @throws io.netlink4j.NetlinkErrnoException the system call failed
     * @throws NetlinkClosedException              the socket was closed
     */
    public void setNetlinkFlag(int option, boolean on) {
        setOption(SOL_NETLINK, option, on ? 1 : 0);
    }

    /**
     * Joins a multicast group (NETLINK_ADD_MEMBERSHIP; works for generic netlink group ids above 31).
     *
     * @param group the group, from 1
     * @throws io.netlink4j.NetlinkErrnoException the system call failed
     * @throws NetlinkClosedException              the socket was closed
     */
    public void joinGroup(int group) {
        if (group <= 0) {
            throw new IllegalArgumentException("multicast group: " + group + " (expected: > 0)");
        }
        setOption(SOL_NETLINK, NETLINK_ADD_MEMBERSHIP, group);
    }

    /**
     * Leaves a multicast group (NETLINK_DROP_MEMBERSHIP).
     *
     * @param group the group, from 1
     * @throws io.netlink4j.NetlinkErrnoException the system call failed
     * @throws NetlinkClosedException              the socket was closed
     */
    public void leaveGroup(int group) {
        if (group <= 0) {
            throw new IllegalArgumentException("multicast group: " + group + " (expected: > 0)");
        }
        setOption(SOL_NETLINK, NETLINK_DROP_MEMBERSHIP, group);
    }

    /**
     * Sets the receive buffer size. With {@code force}, SO_RCVBUFFORCE is tried first (needs
     * CAP_NET_ADMIN, may exceed net.core.rmem_max) and SO_RCVBUF used if it is refused.
     *
     * @param bytes the size to request
     * @param force whether to try SO_RCVBUFFORCE first
     * @return the size the kernel reports afterwards (it doubles the requested value)
     * @throws io.netlink4j.NetlinkErrnoException the system call failed
     * @throws NetlinkClosedException              the socket was closed
     */
    public int setReceiveBufferSize(int bytes, boolean force) {
        if (bytes <= 0) {
            throw new IllegalArgumentException("receive buffer size: " + bytes + " (expected: > 0)");
        }
        if (force) {
            acquire();
            int r;
            try {
                r = Native.setsockoptInt(fd, SOL_SOCKET, SO_RCVBUFFORCE, bytes);
            } finally {
                release();
            }
            if (r == 0) {
                return getOption(SOL_SOCKET, SO_RCVBUF);
            }
        }
        setOption(SOL_SOCKET, SO_RCVBUF, bytes);
        return getOption(SOL_SOCKET, SO_RCVBUF);
    }

    /**
     * Sets SO_RCVTIMEO.
     *
     * @param timeout how long a receive may block; zero means forever
     * @throws io.netlink4j.NetlinkErrnoException the system call failed
     * @throws NetlinkClosedException              the socket was closed
     */
    public void setReceiveTimeout(Duration timeout) {
        setTimeout(SO_RCVTIMEO, timeout);
    }

    /**
     * Sets SO_SNDTIMEO.
     *
     * @param timeout how long a send may block; zero means forever
     * @throws io.netlink4j.NetlinkErrnoException the system call failed
     * @throws NetlinkClosedException              the socket was closed
     */
    public void setSendTimeout(Duration timeout) {
        setTimeout(SO_SNDTIMEO, timeout);
    }

    /**
     * Reads SO_RCVTIMEO.
     *
     * @return how long a receive may block; zero means forever
     * @throws io.netlink4j.NetlinkErrnoException the system call failed
     * @throws NetlinkClosedException              the socket was closed
     */
    public Duration receiveTimeout() {
        return timeout(SO_RCVTIMEO);
    }

    /**
     * Reads SO_SNDTIMEO.
     *
     * @return how long a send may block; zero means forever
     * @throws io.netlink4j.NetlinkErrnoException the system call failed
     * @throws NetlinkClosedException              the socket was closed
     */
    public Duration sendTimeout() {
        return timeout(SO_SNDTIMEO);
    }

    private void setTimeout(int option, Duration timeout) {
        Objects.requireNonNull(timeout, "timeout");
        if (timeout.isNegative() || timeout.compareTo(Duration.ofDays(365)) > 0) {
            throw new IllegalArgumentException("timeout: " + timeout + " (expected: 0 to 365 days)");
        }
        long micros = timeout.toNanos() / 1000;
        if (micros == 0 && !timeout.isZero()) {
            micros = 1;
        }
        acquire();
        try {
            Errors.check("setsockopt(SOL_SOCKET, " + option + ")", Native.setsockoptTimeval(fd, option, micros));
        } finally {
            release();
        }
    }

    private Duration timeout(int option) {
        acquire();
        try {
            return Duration.ofNanos(Errors.check("getsockopt(SOL_SOCKET, " + option + ")", Native.getsockoptTimeval(fd, option)) * 1000);
        } finally {
            release();
        }
    }

    /**
     * Closes the socket. Idempotent. A system call in progress on another thread completes first;
     * the descriptor is released when the last one returns.
     */
    @Override
    public void close() {
        for (;;) {
            int s = state.get();
            if (s < 0) {
                return;
            }
            if (state.compareAndSet(s, s | CLOSING)) {
                if (s == 0) {
                    Native.close(fd);
                }
                return;
            }
        }
    }

    @Override
    public String toString() {
        return "NetlinkSocket[fd=" + fd + ", protocol=" + protocol + (netns != null ? ", netns=" + netns : "")
                + (isClosed() ? ", closed" : "") + "]";
    }
}
