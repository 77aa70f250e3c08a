// SPDX-FileCopyrightText: 2026 The netlink4j Authors
// SPDX-License-Identifier: Apache-2.0
package io.netlink4j.socket;

import io.netlink4j.NetlinkClosedException;
import io.netlink4j.internal.Errors;

import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;

/**
 * A file opened inside a network namespace: the kernel's per-namespace files under
 * {@code /proc/thread-self/net/} (for example IPVS's {@code ip_vs_conn}) and the {@code net.*}
 * sysctls under {@code /proc/sys/net/}. Both are bound to the namespace of the thread that opens
 * them, when it opens them; every later read and write of the descriptor stays in that namespace.
 * So the file is opened in one native call that enters the namespace, opens it and returns to the
 * thread's own namespace, as {@link NetlinkSocket#open(int, Path)} creates sockets: no JVM thread
 * is ever left in another namespace.
 *
 * <p>{@code /proc/self/net} follows the namespace of the process's main thread, not the calling
 * thread's: name per-namespace proc files by {@code /proc/thread-self/net/...}.
 *
 * <p>Reads and writes are one system call each ({@link #read}, {@link #write}), which is what
 * procfs and sysctl files expect: a sysctl value is written in one {@code write(2)}. Failed calls
 * throw {@link io.netlink4j.NetlinkErrnoException} with the errno. The methods are safe to call from
 * several threads (they are serialized); {@link #close()} is idempotent and later calls throw
 * {@link NetlinkClosedException}.
 */
public final class NetnsFile implements AutoCloseable {
    private static final int CHUNK = 64 * 1024;

    private final int fd;
    private final Path netns;
    private final Path file;
    private ByteBuffer buffer;
    private boolean closed;

    private NetnsFile(int fd, Path netns, Path file) {
        this.fd = fd;
        this.netns = netns;
        this.file = file;
    }

    /**
     * Opens {@code file} for reading in the calling thread's network namespace.
     *
     * @param file the file, for example {@code /proc/thread-self/net/ip_vs_conn}
     * @return the open file
     * @throws IllegalArgumentException           if the path is empty, longer than 4095 bytes or contains a NUL
     * @throws UnsatisfiedLinkError               if the native library cannot be loaded
     * @throws io.netlink4j.NetlinkErrnoException if open(2) fails (ENOENT: no such file in that namespace)
     */
    public static NetnsFile openForReading(Path file) {
        return doOpen(null, Objects.requireNonNull(file, "file"), false);
    }

    /**
     * Opens {@code file} for reading inside the network namespace at {@code netns} (for example
     * {@code /var/run/netns/NAME} or {@code /proc/PID/ns/net}). The calling thread's own namespace is
     * unchanged when this returns or throws.
     *
     * @param netns the namespace's path
     * @param file  the file, for example {@code /proc/sys/net/ipv4/vs/conntrack}
     * @return the open file
     * @throws IllegalArgumentException           if a path is empty, longer than 4095 bytes or contains a NUL
     * @throws UnsatisfiedLinkError               if the native library cannot be loaded
     * @throws io.netlink4j.NetlinkErrnoException if the namespace cannot be entered or open(2) fails
     */
    public static NetnsFile openForReading(Path netns, Path file) {
        return doOpen(Objects.requireNonNull(netns, "netns"), Objects.requireNonNull(file, "file"), false);
    }

    /**
     * Opens {@code file} for writing (without creating or truncating it) in the calling thread's
     * network namespace.
     *
     * @param file the file, for example {@code /proc/sys/net/ipv4/vs/conntrack}
     * @return the open file
     * @throws IllegalArgumentException           if the path is empty, longer than 4095 bytes or contains a NUL
     * @throws UnsatisfiedLinkError               if the native library cannot be loaded
     * @throws io.netlink4j.NetlinkErrnoException if open(2) fails
     */
    public static NetnsFile openForWriting(Path file) {
        return doOpen(null, Objects.requireNonNull(file, "file"), true);
    }

    /**
     * Opens {@code file} for writing (without creating or truncating it) inside the network
     * namespace at {@code netns}. The calling thread's own namespace is unchanged when this returns
     * or throws.
     *
     * @param netns the namespace's path
     * @param file  the file, for example {@code /proc/sys/net/ipv4/vs/conntrack}
     * @return the open file
     * @throws IllegalArgumentException           if a path is empty, longer than 4095 bytes or contains a NUL
     * @throws UnsatisfiedLinkError               if the native library cannot be loaded
     * @throws io.netlink4j.NetlinkErrnoException if the namespace cannot be entered or open(2) fails
     */
    public static NetnsFile openForWriting(Path netns, Path file) {
        return doOpen(Objects.requireNonNull(netns, "netns"), Objects.requireNonNull(file, "file"), true);
    }

    private static NetnsFile doOpen(Path netns, Path file, boolean write) {
        byte[] filePath = pathBytes("file", file);
        byte[] netnsPath = netns == null ? null : pathBytes("netns", netns);
        NativeLibrary.ensureAvailable();
        int fd = Native.open(netnsPath, filePath, write);
        if (fd < 0) {
            throw Errors.newException("open(" + file + ", " + (write ? "O_WRONLY" : "O_RDONLY") + ")"
                    + (netns == null ? "" : " in network namespace " + netns), fd, null);
        }
        return new NetnsFile(fd, netns, file);
    }

    private static byte[] pathBytes(String what, Path path) {
        byte[] bytes = path.toString().getBytes(StandardCharsets.UTF_8);
        if (bytes.length == 0 || bytes.length >= 4096) {
            throw new IllegalArgumentException(what + " path length: " + bytes.length + " (expected: 1-4095 bytes)");
        }
        for (byte b : bytes) {
            if (b == 0) {
                throw new IllegalArgumentException(what + " path contains a NUL byte: " + path);
            }
        }
        return bytes;
    }

    /**
     * The namespace the file was opened in.
     *
     * @return the namespace's path, or empty for the opening thread's namespace
     */
    public Optional<Path> netns() {
        return Optional.ofNullable(netns);
    }

    /**
     * The file's path as given when it was opened.
     *
     * @return the path
     */
    public Path file() {
        return file;
    }

    /**
     * One read(2) into {@code dst[offset, offset+length)}.
     *
     * @param dst    the destination
     * @param offset where in {@code dst} to start
     * @param length the most bytes to read
     * @return the number of bytes read, or -1 at the end of the file
     * @throws IndexOutOfBoundsException          if the range is outside {@code dst}
     * @throws NetlinkClosedException             if the file is closed
     * @throws io.netlink4j.NetlinkErrnoException if read(2) fails
     */
    public synchronized int read(byte[] dst, int offset, int length) {
        Objects.checkFromIndexSize(offset, length, dst.length);
        ByteBuffer buf = buffer();
        if (length == 0) {
            return 0;
        }
        int n = Errors.check(operation("read"), Native.read(fd, buf, 0, Math.min(length, buf.capacity())));
        if (n == 0) {
            return -1;
        }
        buf.get(0, dst, offset, n);
        return n;
    }

    /**
     * Reads from the current position to the end of the file.
     *
     * @return the bytes read
     * @throws NetlinkClosedException             if the file is closed
     * @throws io.netlink4j.NetlinkErrnoException if read(2) fails
     */
    public synchronized byte[] readAllBytes() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] chunk = new byte[CHUNK];
        for (int n; (n = read(chunk, 0, chunk.length)) > 0; ) {
            out.write(chunk, 0, n);
        }
        return out.toByteArray();
    }

    /**
     * Writes {@code src} with one write(2) (as sysctl files require; at most 64 KiB).
     *
     * @param src the bytes
     * @return the number of bytes the kernel took
     * @throws IllegalArgumentException           if {@code src} is longer than 65536 bytes
     * @throws NetlinkClosedException             if the file is closed
     * @throws io.netlink4j.NetlinkErrnoException if write(2) fails (EINVAL: a sysctl refused the value)
     */
    public synchronized int write(byte[] src) {
        Objects.requireNonNull(src, "src");
        if (src.length > CHUNK) {
            throw new IllegalArgumentException("write length: " + src.length + " (expected: 0-" + CHUNK + ")");
        }
        ByteBuffer buf = buffer();
        buf.put(0, src);
        return Errors.check(operation("write"), Native.write(fd, buf, 0, src.length));
    }

    /**
     * An input stream over this file: its reads are {@link #read}s, its close closes this file.
     *
     * @return the stream
     */
    public InputStream inputStream() {
        return new InputStream() {
            @Override
            public int read() {
                byte[] one = new byte[1];
                return NetnsFile.this.read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
            }

            @Override
            public int read(byte[] b, int off, int len) {
                return NetnsFile.this.read(b, off, len);
            }

            @Override
            public void close() {
                NetnsFile.this.close();
            }
        };
    }

    private ByteBuffer buffer() {
        if (closed) {
            throw new NetlinkClosedException("file " + file);
        }
        if (buffer == null) {
            buffer = ByteBuffer.allocateDirect(CHUNK);
        }
        return buffer;
    }

    private String operation(String call) {
        return call + "(" + file + ")" + (netns == null ? "" : " in network namespace " + netns);
    }

    /** Closes the descriptor; idempotent. */
    @Override
    public synchronized void close() {
        if (!closed) {
            closed = true;
            buffer = null;
            Native.close(fd);
        }
    }

    @Override
    public String toString() {
        return "NetnsFile[" + file + (netns == null ? "" : " in " + netns) + (closed ? ", closed" : "") + "]";
    }
}
