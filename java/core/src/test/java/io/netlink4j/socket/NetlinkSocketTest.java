// SPDX-FileCopyrightText: 2026 The netlink4j Authors
// SPDX-License-Identifier: Apache-2.0
package io.netlink4j.socket;

import io.netlink4j.Errno;
import io.netlink4j.NetlinkClosedException;
import io.netlink4j.NetlinkErrnoException;
import io.netlink4j.NetlinkTimeoutException;
import io.netlink4j.NetlinkTruncatedException;
import io.netlink4j.testsupport.Descriptors;
import io.netlink4j.testsupport.Netns;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.PooledByteBufAllocator;
import io.netty.buffer.Unpooled;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/** The socket layer against the real kernel: argument checks, close, descriptors, namespaces. */
@Tag("kernel")
class NetlinkSocketTest {

    static String threadNetns() throws IOException {
        return Files.readSymbolicLink(Path.of("/proc/thread-self/ns/net")).toString();
    }

    @Test
    void invalidBuffersAndRangesAreRejectedInJavaBeforeTheNativeCall() {
        try (NetlinkSocket s = NetlinkSocket.open(NetlinkProtocol.GENERIC)) {
            ByteBuf heap = Unpooled.buffer(64).writeZero(16);
            try {
                IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> s.send(heap, 0));
                assertTrue(e.getMessage().contains("direct"), e.getMessage());
                assertThrows(IllegalArgumentException.class, () -> s.receive(heap, 0, null));
            } finally {
                heap.release();
            }
            ByteBuf direct = PooledByteBufAllocator.DEFAULT.directBuffer(64);
            try {
                assertThrows(IllegalArgumentException.class, () -> s.receive(direct, 0x1000, null), "unknown flag");
                assertThrows(IllegalArgumentException.class, () -> s.setReceiveTimeout(Duration.ofSeconds(-1)));
                assertThrows(IllegalArgumentException.class, () -> s.setReceiveBufferSize(0, false));
                assertThrows(IllegalArgumentException.class, () -> s.joinGroup(0));
            } finally {
                direct.release();
            }
            assertThrows(IllegalArgumentException.class, () -> NetlinkSocket.open(32));
            assertThrows(IllegalArgumentException.class, () -> NetlinkSocket.open(NetlinkProtocol.GENERIC, Path.of("/a\0b")));
        }
    }

    @Test
    void nativeBoundsChecksBackUpTheJavaOnes() {
        // Direct calls with bad ranges (bypassing NetlinkSocket) get -EINVAL from C, never a crash.
        try (NetlinkSocket s = NetlinkSocket.open(NetlinkProtocol.GENERIC)) {
            java.nio.ByteBuffer small = java.nio.ByteBuffer.allocateDirect(16);
            java.nio.ByteBuffer heap = java.nio.ByteBuffer.allocate(16);
            int fd = -1;
            assertEquals(-Errno.EINVAL, Native.sendto(fd, small, 8, 16, 0, 0, 0));
            assertEquals(-Errno.EINVAL, Native.sendto(fd, small, -1, 4, 0, 0, 0));
            assertEquals(-Errno.EINVAL, Native.sendto(fd, heap, 0, 4, 0, 0, 0));
            assertEquals(-Errno.EINVAL, Native.sendto(fd, null, 0, 4, 0, 0, 0));
            assertEquals(-Errno.EINVAL, Native.recvfrom(fd, small, 0, 17, 0, small, 0));
            assertEquals(-Errno.EINVAL, Native.recvfrom(fd, small, 0, 8, 0, small, 12));
            assertEquals(-Errno.EINVAL, Native.getsockname(fd, small, 9));
            assertEquals(-Errno.EBADF, Native.close(-1));
        }
    }

    @Test
    void useAfterCloseIsAClearErrorAndCloseIsIdempotent() {
        NetlinkSocket s = NetlinkSocket.open(NetlinkProtocol.GENERIC);
        s.close();
        s.close();
        assertTrue(s.isClosed());
        NetlinkClosedException e = assertThrows(NetlinkClosedException.class, s::localPortId);
        assertTrue(e.getMessage().contains("closed"));
    }

    @Test
    void portIdComesFromGetsockname() {
        try (NetlinkSocket a = NetlinkSocket.open(NetlinkProtocol.GENERIC); NetlinkSocket b = NetlinkSocket.open(NetlinkProtocol.GENERIC)) {
            a.bind(0, 0);
            b.bind(0, 0);
            assertTrue(a.localPortId() != 0 && b.localPortId() != 0);
            assertTrue(a.localPortId() != b.localPortId(), "each socket has its own port id");
        }
    }

    @Test
    void receiveWithNothingToReceiveTimesOut() {
        try (NetlinkSocket s = NetlinkSocket.open(NetlinkProtocol.GENERIC)) {
            s.bind(0, 0);
            s.setReceiveTimeout(Duration.ofMillis(200));
            assertEquals(Duration.ofMillis(200), s.receiveTimeout());
            ByteBuf buf = PooledByteBufAllocator.DEFAULT.directBuffer(4096);
            try {
                long t0 = System.nanoTime();
                assertThrows(NetlinkTimeoutException.class, () -> s.receive(buf, 0, null));
                long ms = (System.nanoTime() - t0) / 1_000_000;
                assertTrue(ms >= 190 && ms < 5000, "timed out after " + ms + " ms");
            } finally {
                buf.release();
            }
        }
    }

    @Test
    void truncationIsNeverSilentAndPeekReportsTheRealSize() {
        try (NetlinkSocket rx = NetlinkSocket.open(NetlinkProtocol.USERSOCK); NetlinkSocket tx = NetlinkSocket.open(NetlinkProtocol.USERSOCK)) {
            rx.bind(0, 0);
            tx.bind(0, 0);
            rx.setReceiveTimeout(Duration.ofSeconds(2));
            ByteBuf out = PooledByteBufAllocator.DEFAULT.directBuffer(1000).writeZero(1000);
            ByteBuf in = PooledByteBufAllocator.DEFAULT.directBuffer(100, 100);
            try {
                tx.send(out, rx.localPortId());
                assertEquals(1000, rx.receive(in, NetlinkSocket.MSG_PEEK, null), "peek tells the real length");
                in.clear();
                NetlinkTruncatedException e = assertThrows(NetlinkTruncatedException.class, () -> rx.receive(in, 0, null));
                assertEquals(1000, e.datagramLength());
                assertEquals(100, e.bufferLength());
            } finally {
                out.release();
                in.release();
            }
        }
    }

    @Test
    void hundredThousandOpenCloseCyclesLeakNoDescriptor() throws IOException {
        int before = Descriptors.ofShimKinds();
        for (int i = 0; i < 100_000; i++) {
            NetlinkSocket s = NetlinkSocket.open(NetlinkProtocol.GENERIC);
            s.close();
        }
        assertEquals(before, Descriptors.ofShimKinds());
    }

    @Test
    void tenThousandNamespaceOpensLeaveTheThreadWhereItWas() throws IOException {
        assumeTrue(Netns.available(), "needs root and iproute2 to create a network namespace");
        String home = threadNetns();
        try (Netns ns = Netns.create("nl4j-sock")) {
            int fdsBefore = Descriptors.ofShimKinds();
            String nsLink;
            try (NetlinkSocket probe = NetlinkSocket.open(NetlinkProtocol.ROUTE, ns.path())) {
                nsLink = Files.readSymbolicLink(Path.of("/proc/self/fd/" + fdOf(probe))).toString();
            }
            for (int i = 0; i < 10_000; i++) {
                if (i % 2 == 0) {
                    NetlinkSocket.open(NetlinkProtocol.GENERIC, ns.path()).close();
                } else {
                    Path bad = i % 4 == 1 ? Path.of("/var/run/netns/nl4j-missing") : Path.of("/proc/self/status");
                    NetlinkErrnoException e = assertThrows(NetlinkErrnoException.class, () -> NetlinkSocket.open(NetlinkProtocol.GENERIC, bad));
                    assertEquals(i % 4 == 1 ? Errno.ENOENT : Errno.EINVAL, e.errno());
                }
                if (i % 1000 == 0) {
                    assertEquals(home, threadNetns(), "after " + i + " opens");
                }
            }
            assertTrue(nsLink.startsWith("socket:"), nsLink);
            assertEquals(fdsBefore, Descriptors.ofShimKinds());
        }
        assertEquals(home, threadNetns());
    }

    private static int fdOf(NetlinkSocket s) {
        String text = s.toString();
        return Integer.parseInt(text.substring(text.indexOf("fd=") + 3, text.indexOf(',')));
    }
}
