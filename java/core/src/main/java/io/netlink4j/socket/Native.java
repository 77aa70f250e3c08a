// SPDX-FileCopyrightText: 2026 The netlink4j Authors
// SPDX-License-Identifier: Apache-2.0
package io.netlink4j.socket;

import java.nio.ByteBuffer;

/**
 * The JNI entry points of the shim in {@code native/}. Every method is a thin wrapper around one
 * system call (or, for {@link #socket} and {@link #open}, the fixed sequence
 * open/setns/socket-or-open/setns that creates a socket or opens a file inside another network
 * namespace). Every method returns a non-negative result or
 * {@code -errno}; {@code EINTR} is retried in C. No method constructs Java objects or calls back
 * into Java.
 *
 * <p>Callers must have validated every argument: {@link NetlinkSocket} and {@link NetnsFile} are the only users and check
 * buffers, offsets and lengths before each call. The C side re-checks buffer bounds against the
 * direct buffer's capacity as a second line of defence and returns {@code -EINVAL} on violation.
 */
final class Native {
    private Native() {}

    /**
     * Creates an {@code AF_NETLINK}, {@code SOCK_RAW | SOCK_CLOEXEC} socket of the given protocol.
     * With a non-null {@code netnsPath} the socket is created inside that network namespace: the
     * calling thread switches to it, creates the socket and switches back before returning, also
     * when any step fails.
     *
     * @return the file descriptor, or {@code -errno}
     */
    static native int socket(int protocol, byte[] netnsPath);

    /** bind(2) to the given port id (0 lets the kernel choose) and multicast group bitmask. */
    static native int bind(int fd, int portId, int groups);

    /** getsockname(2): writes nl_pid then nl_groups (host order) into {@code out[0..7]}. */
    static native int getsockname(int fd, ByteBuffer out, int outOffset);

    /** sendto(2) to the netlink peer {@code destPortId} (0 = the kernel) and groups. */
    static native int sendto(int fd, ByteBuffer buf, int offset, int length, int flags, int destPortId, int destGroups);

    /**
     * recvfrom(2) into {@code buf[offset, offset+length)}. Writes the sender's nl_pid and nl_groups
     * into {@code addrOut[addrOffset..addrOffset+7]}. With MSG_TRUNC the real datagram length is
     * returned even when it exceeds {@code length}.
     */
    static native int recvfrom(int fd, ByteBuffer buf, int offset, int length, int flags, ByteBuffer addrOut, int addrOffset);

    /** setsockopt(2) with an int value. */
    static native int setsockoptInt(int fd, int level, int optname, int value);

    /** getsockopt(2) of an int value; the value must be non-negative to be told apart from -errno. */
    static native int getsockoptInt(int fd, int level, int optname);

    /** setsockopt(2) with a struct timeval given in microseconds (SO_SNDTIMEO, SO_RCVTIMEO). */
    static native int setsockoptTimeval(int fd, int optname, long micros);

    /** getsockopt(2) of a struct timeval, returned in microseconds, or -errno. */
    static native long getsockoptTimeval(int fd, int optname);

    /**
     * open(2) of {@code filePath} read-only ({@code write} false) or write-only, with O_CLOEXEC.
     * With a non-null {@code netnsPath} the file is opened inside that network namespace, as
     * {@link #socket} creates sockets; with null, in the calling thread's own namespace.
     *
     * @return the file descriptor, or {@code -errno}
     */
    static native int open(byte[] netnsPath, byte[] filePath, boolean write);

    /** read(2) into {@code buf[offset, offset+length)}: the byte count (0 at end of file), or -errno. */
    static native int read(int fd, ByteBuffer buf, int offset, int length);

    /** write(2) of {@code buf[offset, offset+length)}: the byte count, or -errno. */
    static native int write(int fd, ByteBuffer buf, int offset, int length);

    /** close(2). Not retried on EINTR (Linux releases the descriptor regardless). */
    static native int close(int fd);
}
