// SPDX-FileCopyrightText: 2026 The netlink4j Authors
// SPDX-License-Identifier: Apache-2.0
package io.netlink4j.engine;

import io.netlink4j.Errno;
import io.netlink4j.NetlinkClosedException;
import io.netlink4j.NetlinkDecodeException;
import io.netlink4j.NetlinkDumpInterruptedException;
import io.netlink4j.NetlinkErrnoException;
import io.netlink4j.NetlinkException;
import io.netlink4j.NetlinkTimeoutException;
import io.netlink4j.NetlinkTruncatedException;
import io.netlink4j.internal.HostOrder;
import io.netlink4j.codec.Netlink;
import io.netlink4j.testing.NetlinkTestPeer;
import io.netlink4j.testing.NetlinkTestPeer.ReceivedRequest;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import static io.netlink4j.testing.NetlinkTestPeer.ack;
import static io.netlink4j.testing.NetlinkTestPeer.datagram;
import static io.netlink4j.testing.NetlinkTestPeer.done;
import static io.netlink4j.testing.NetlinkTestPeer.message;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The request engine against a scripted peer on a real netlink socket: sequence and port checks,
 * ACK matching, dumps, errors, timeouts, concurrency, batches and close.
 */
@Tag("kernel")
class NetlinkConnectionTest {
    static final int TYPE = 0x20;

    static byte[] u32(int v) {
        return ByteBuffer.allocate(4).order(ByteOrder.nativeOrder()).putInt(v).array();
    }

    static int firstU32(ReceivedRequest req) {
        return NetlinkTestPeer.u32(req.message(), Netlink.HEADER_SIZE);
    }

    /** Reads the u32 payload of a reply message. */
    static int replyU32(io.netlink4j.codec.MessageReader m) {
        return HostOrder.getI32(m.buffer(), m.payloadOffset());
    }

    static NetlinkConnection connect(NetlinkTestPeer peer, Duration receiveTimeout) {
        return NetlinkConnection.open(NetlinkTestPeer.PROTOCOL, peer.clientOptions().receiveTimeout(receiveTimeout).build());
    }

    @Test
    void replyThenAckInSeparateDatagramsLeavesNothingQueued() {
        try (NetlinkTestPeer peer = NetlinkTestPeer.start(req -> List.of(
                message(TYPE, 0, req.seq(), req.senderPortId(), u32(firstU32(req) * 2)), ack(req, 0)));
             NetlinkConnection conn = connect(peer, Duration.ofSeconds(3))) {
            for (int i = 1; i <= 50; i++) {
                int v = i;
                List<Integer> got = new ArrayList<>();
                conn.execute("double", TYPE, 0, w -> w.rawU32(v), m -> got.add(replyU32(m)));
                assertEquals(List.of(2 * v), got);
            }
            assertEquals(0, conn.discardedMessages());
            assertTrue((peer.received().get(0).flags() & Netlink.NLM_F_ACK) != 0, "requests ask for an ACK");
        }
    }

    @Test
    void wrongSequenceAndPortIdAreDiscarded() {
        try (NetlinkTestPeer peer = NetlinkTestPeer.start(req -> List.of(datagram(
                message(TYPE, 0, req.seq() + 7, req.senderPortId(), u32(666)),
                message(TYPE, 0, req.seq(), req.senderPortId() + 1, u32(777)),
                message(TYPE, 0, req.seq(), req.senderPortId(), u32(1)),
                ack(req, 0))));
             NetlinkConnection conn = connect(peer, Duration.ofSeconds(3))) {
            List<Integer> got = new ArrayList<>();
            conn.execute("op", TYPE, 0, RequestBody.EMPTY, m -> got.add(replyU32(m)));
            assertEquals(List.of(1), got);
            assertEquals(2, conn.discardedMessages());
        }
    }

    @Test
    void datagramsFromAnotherSenderAreIgnored() throws Exception {
        CountDownLatch spoofed = new CountDownLatch(1);
        try (NetlinkTestPeer intruder = NetlinkTestPeer.start(req -> List.of());
             NetlinkTestPeer peer = NetlinkTestPeer.start(req -> {
                 try {
                     spoofed.await(5, TimeUnit.SECONDS);
                 } catch (InterruptedException e) {
                     Thread.currentThread().interrupt();
                 }
                 return List.of(message(TYPE, 0, req.seq(), req.senderPortId(), u32(5)), ack(req, 0));
             });
             NetlinkConnection conn = connect(peer, Duration.ofSeconds(3))) {
            Thread t = new Thread(() -> {
                // Forge the reply the client waits for (seq 1), from the wrong sender.
                intruder.send(conn.portId(), datagram(message(TYPE, 0, 1, conn.portId(), u32(999)),
                        message(Netlink.NLMSG_ERROR, Netlink.NLM_F_CAPPED, 1, conn.portId(), new byte[20])));
                spoofed.countDown();
            });
            List<Integer> got = new ArrayList<>();
            t.start();
            conn.execute("op", TYPE, 0, RequestBody.EMPTY, m -> got.add(replyU32(m)));
            t.join();
            assertEquals(List.of(5), got);
            assertTrue(conn.discardedMessages() >= 1);
        }
    }

    @Test
    void errorCarriesErrnoAndExtendedAckText() {
        try (NetlinkTestPeer peer = NetlinkTestPeer.start(req -> List.of(NetlinkTestPeer.error(req, Errno.EEXIST, "object exists")));
             NetlinkConnection conn = connect(peer, Duration.ofSeconds(3))) {
            NetlinkErrnoException e = assertThrows(NetlinkErrnoException.class,
                    () -> conn.execute("create thing", TYPE, 0, RequestBody.EMPTY, ReplyHandler.IGNORE));
            assertEquals(Errno.EEXIST, e.errno());
            assertEquals("EEXIST", e.errnoName());
            assertEquals("File exists", e.errnoDescription());
            assertEquals("object exists", e.extendedAck().message());
            assertEquals("create thing", e.operation());
            assertEquals(0, e.repliesDelivered(), "the request itself was refused");
            assertTrue(e.getMessage().contains("object exists") && e.getMessage().contains("EEXIST"), e.getMessage());
        }
    }

    @Test
    void receiveTimeoutIsTypedAndTheConnectionKeepsWorking() {
        AtomicInteger calls = new AtomicInteger();
        try (NetlinkTestPeer peer = NetlinkTestPeer.start(req -> calls.incrementAndGet() == 1 ? List.of() : List.of(ack(req, 0)));
             NetlinkConnection conn = connect(peer, Duration.ofMillis(300))) {
            long t0 = System.nanoTime();
            NetlinkTimeoutException e = assertThrows(NetlinkTimeoutException.class,
                    () -> conn.execute("silent", TYPE, 0, RequestBody.EMPTY, ReplyHandler.IGNORE));
            long elapsedMs = (System.nanoTime() - t0) / 1_000_000;
            assertTrue(elapsedMs >= 290 && elapsedMs < 5000, "timed out after " + elapsedMs + " ms");
            assertEquals("silent", e.operation());
            assertFalse(NetlinkErrnoException.class.isInstance(e), "a timeout is not an errno failure");
            conn.execute("next", TYPE, 0, RequestBody.EMPTY, ReplyHandler.IGNORE);
        }
    }

    @Test
    void lateReplyToATimedOutRequestIsNotMatchedToTheNextOne() {
        AtomicInteger calls = new AtomicInteger();
        try (NetlinkTestPeer peer = NetlinkTestPeer.start(req -> {
            if (calls.incrementAndGet() == 1) {
                try {
                    Thread.sleep(500);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                return List.of(message(TYPE, 0, req.seq(), req.senderPortId(), u32(1)), NetlinkTestPeer.error(req, Errno.EPERM, null));
            }
            return List.of(message(TYPE, 0, req.seq(), req.senderPortId(), u32(2)), ack(req, 0));
        });
             NetlinkConnection conn = connect(peer, Duration.ofMillis(200))) {
            assertThrows(NetlinkTimeoutException.class, () -> conn.execute("slow", TYPE, 0, RequestBody.EMPTY, ReplyHandler.IGNORE));
            sleep(700);
            List<Integer> got = new ArrayList<>();
            conn.execute("fast", TYPE, 0, RequestBody.EMPTY, m -> got.add(replyU32(m)));
            assertEquals(List.of(2), got, "only the second request's reply");
            assertEquals(2, conn.discardedMessages(), "the late reply and its error were discarded");
        }
    }

    @Test
    void dumpIsReassembledAcrossDatagramsToDone() {
        try (NetlinkTestPeer peer = NetlinkTestPeer.start(req -> {
            List<byte[]> out = new ArrayList<>();
            for (int d = 0; d < 5; d++) {
                out.add(datagram(message(TYPE, Netlink.NLM_F_MULTI, req.seq(), req.senderPortId(), u32(2 * d)),
                        message(TYPE, Netlink.NLM_F_MULTI, req.seq(), req.senderPortId(), u32(2 * d + 1))));
            }
            out.add(done(req, 0));
            return out;
        });
             NetlinkConnection conn = connect(peer, Duration.ofSeconds(3))) {
            List<Integer> got = new ArrayList<>();
            conn.dumpEach("dump", TYPE, 0, RequestBody.EMPTY, m -> got.add(replyU32(m)));
            assertEquals(List.of(0, 1, 2, 3, 4, 5, 6, 7, 8, 9), got);
            assertEquals(Netlink.NLM_F_DUMP, peer.received().get(0).flags() & Netlink.NLM_F_DUMP);
        }
    }

    @Test
    void dumpErrorInDoneAndDumpInterruptedAreSurfacedAfterDraining() {
        AtomicInteger calls = new AtomicInteger();
        try (NetlinkTestPeer peer = NetlinkTestPeer.start(req -> switch (calls.incrementAndGet()) {
            case 1 -> List.of(message(TYPE, Netlink.NLM_F_MULTI, req.seq(), req.senderPortId(), u32(1)), done(req, Errno.EBUSY));
            case 2 -> List.of(message(TYPE, Netlink.NLM_F_MULTI | Netlink.NLM_F_DUMP_INTR, req.seq(), req.senderPortId(), u32(1)),
                    message(TYPE, Netlink.NLM_F_MULTI, req.seq(), req.senderPortId(), u32(2)), done(req, 0));
            default -> List.of(done(req, 0));
        });
             NetlinkConnection conn = connect(peer, Duration.ofSeconds(3))) {
            NetlinkErrnoException busy = assertThrows(NetlinkErrnoException.class, () -> conn.dumpEach("d1", TYPE, 0, RequestBody.EMPTY, ReplyHandler.IGNORE));
            assertEquals(Errno.EBUSY, busy.errno());
            assertEquals(1, busy.repliesDelivered(), "one entry came before the errno in NLMSG_DONE");
            List<Integer> got = new ArrayList<>();
            assertThrows(NetlinkDumpInterruptedException.class, () -> conn.dumpEach("d2", TYPE, 0, RequestBody.EMPTY, m -> got.add(replyU32(m))));
            assertEquals(List.of(1, 2), got, "drained to DONE before reporting");
            conn.dumpEach("d3", TYPE, 0, RequestBody.EMPTY, ReplyHandler.IGNORE);
            assertEquals(0, conn.discardedMessages());
        }
    }

    @Test
    void malformedReplyGivesDecodeExceptionAndTheConnectionRecovers() {
        AtomicInteger calls = new AtomicInteger();
        try (NetlinkTestPeer peer = NetlinkTestPeer.start(req -> {
            if (calls.incrementAndGet() == 1) {
                byte[] bad = message(TYPE, 0, req.seq(), req.senderPortId(), u32(1));
                bad[0] = (byte) 200; // nlmsg_len beyond the datagram
                return List.of(bad, ack(req, 0));
            }
            return List.of(ack(req, 0));
        });
             NetlinkConnection conn = connect(peer, Duration.ofSeconds(3))) {
            assertThrows(NetlinkDecodeException.class, () -> conn.execute("bad", TYPE, 0, RequestBody.EMPTY, ReplyHandler.IGNORE));
            conn.execute("good", TYPE, 0, RequestBody.EMPTY, ReplyHandler.IGNORE);
            assertEquals(1, conn.discardedMessages(), "the stale ACK of the first request");
        }
    }

    @Test
    void handlerFailureIsRethrownAfterTheAck() {
        try (NetlinkTestPeer peer = NetlinkTestPeer.start(req -> List.of(
                message(TYPE, 0, req.seq(), req.senderPortId(), u32(1)), ack(req, 0)));
             NetlinkConnection conn = connect(peer, Duration.ofSeconds(3))) {
            IllegalStateException e = assertThrows(IllegalStateException.class,
                    () -> conn.execute("op", TYPE, 0, RequestBody.EMPTY, m -> {
                        throw new IllegalStateException("boom");
                    }));
            assertEquals("boom", e.getMessage());
            conn.execute("op", TYPE, 0, RequestBody.EMPTY, ReplyHandler.IGNORE);
            assertEquals(0, conn.discardedMessages());
        }
    }

    @Test
    void oversizedDatagramIsReportedAsTruncation() {
        try (NetlinkTestPeer peer = NetlinkTestPeer.start(req -> List.of(message(TYPE, 0, req.seq(), req.senderPortId(), new byte[70_000])));
             NetlinkConnection conn = connect(peer, Duration.ofSeconds(3))) {
            NetlinkTruncatedException e = assertThrows(NetlinkTruncatedException.class,
                    () -> conn.execute("big", TYPE, 0, RequestBody.EMPTY, ReplyHandler.IGNORE));
            assertEquals(70_016, e.datagramLength());
            assertEquals(NetlinkOptions.DEFAULT_READ_BUFFER_SIZE, e.bufferLength());
        }
    }

    @Test
    void concurrentCallersEachGetTheirOwnReplies() throws Exception {
        try (NetlinkTestPeer peer = NetlinkTestPeer.start(req -> List.of(
                message(TYPE, 0, req.seq(), req.senderPortId(), u32(firstU32(req))), ack(req, 0)));
             NetlinkConnection conn = connect(peer, Duration.ofSeconds(5))) {
            int threads = 8;
            int each = 300;
            ExecutorService pool = Executors.newFixedThreadPool(threads);
            try {
                List<Future<Integer>> futures = new ArrayList<>();
                for (int t = 0; t < threads; t++) {
                    int id = t;
                    futures.add(pool.submit(() -> {
                        int ok = 0;
                        for (int i = 0; i < each; i++) {
                            int token = id * 1_000_000 + i;
                            int[] got = {-1};
                            conn.execute("echo", TYPE, 0, w -> w.rawU32(token), m -> got[0] = replyU32(m));
                            if (got[0] == token) {
                                ok++;
                            }
                        }
                        return ok;
                    }));
                }
                for (Future<Integer> f : futures) {
                    assertEquals(each, f.get(60, TimeUnit.SECONDS));
                }
            } finally {
                pool.shutdownNow();
            }
            assertEquals(threads * each, peer.received().size());
            assertEquals(0, conn.discardedMessages());
        }
    }

    @Test
    void closeWakesBlockedThreadsPromptly() throws Exception {
        try (NetlinkTestPeer peer = NetlinkTestPeer.start(req -> List.of())) {
            NetlinkConnection conn = connect(peer, Duration.ofSeconds(30));
            int threads = 4;
            ExecutorService pool = Executors.newFixedThreadPool(threads);
            List<Throwable> outcomes = Collections.synchronizedList(new ArrayList<>());
            CountDownLatch finished = new CountDownLatch(threads);
            for (int t = 0; t < threads; t++) {
                pool.submit(() -> {
                    try {
                        conn.execute("never answered", TYPE, 0, RequestBody.EMPTY, ReplyHandler.IGNORE);
                        outcomes.add(null);
                    } catch (Throwable e) {
                        outcomes.add(e);
                    } finally {
                        finished.countDown();
                    }
                });
            }
            sleep(300);
            conn.close();
            assertTrue(finished.await(5, TimeUnit.SECONDS), "blocked threads (30 s receive timeout) returned within 5 s of close");
            pool.shutdownNow();
            assertEquals(threads, outcomes.size());
            for (Throwable e : outcomes) {
                assertInstanceOf(NetlinkClosedException.class, e);
            }
            conn.close();
            assertThrows(NetlinkClosedException.class, () -> conn.execute("after", TYPE, 0, RequestBody.EMPTY, ReplyHandler.IGNORE));
        }
    }

    /** Answers like the kernel's netlink_rcv_skb: an error for every third request, an ACK when asked for. */
    static List<byte[]> kernelLike(ReceivedRequest req) {
        int v = firstU32(req);
        if (v % 3 == 0) {
            return List.of(NetlinkTestPeer.error(req, Errno.EEXIST, "exists " + v));
        }
        return (req.flags() & Netlink.NLM_F_ACK) != 0 ? List.of(ack(req, 0)) : List.of();
    }

    @Test
    void batchMatchesEveryAnswerToItsRequestWithOneAckPerDatagram() {
        try (NetlinkTestPeer peer = NetlinkTestPeer.start(NetlinkConnectionTest::kernelLike);
             NetlinkConnection conn = connect(peer, Duration.ofSeconds(5))) {
            BatchResult result = assertBatchOfAThousand(conn, peer);
            // Only the last request of each datagram asks for an ACK.
            List<ReceivedRequest> received = peer.received();
            int acked = 0;
            for (int i = 0; i < received.size(); i++) {
                if ((received.get(i).flags() & Netlink.NLM_F_ACK) != 0) {
                    acked++;
                }
            }
            assertEquals(result.datagramsSent(), acked);
            assertTrue(result.datagramsSent() > 1, "several datagrams: " + result.datagramsSent());
            assertTrue((received.get(999).flags() & Netlink.NLM_F_ACK) != 0, "the batch's last request asks for an ACK");
            assertEquals(0, conn.discardedMessages());
        }
    }

    @Test
    void batchMatchesEveryAckToItsRequestWithAnAckPerRequest() {
        try (NetlinkTestPeer peer = NetlinkTestPeer.start(NetlinkConnectionTest::kernelLike);
             NetlinkConnection conn = NetlinkConnection.open(NetlinkTestPeer.PROTOCOL,
                     peer.clientOptions().receiveTimeout(Duration.ofSeconds(5)).ackEveryBatchRequest(true).build())) {
            assertBatchOfAThousand(conn, peer);
            for (ReceivedRequest r : peer.received()) {
                assertTrue((r.flags() & Netlink.NLM_F_ACK) != 0, "every request asks for an ACK");
            }
        }
    }

    @Test
    void withAnAckPerRequestAnswersMayComeInAnyOrder() {
        // Holds the answers of a datagram's requests and sends them in reverse when its last one arrives.
        List<ReceivedRequest> held = new ArrayList<>();
        try (NetlinkTestPeer peer = NetlinkTestPeer.start(req -> {
            synchronized (held) {
                held.add(req);
                if (firstU32(req) % 10 != 9) {
                    return List.of();
                }
                List<byte[]> out = new ArrayList<>();
                for (int i = held.size() - 1; i >= 0; i--) {
                    out.addAll(kernelLike(held.get(i)));
                }
                held.clear();
                return List.of(datagram(out.toArray(byte[][]::new)));
            }
        });
             NetlinkConnection conn = NetlinkConnection.open(NetlinkTestPeer.PROTOCOL, peer.clientOptions()
                     .receiveTimeout(Duration.ofSeconds(5)).ackEveryBatchRequest(true).build())) {
            for (int round = 0; round < 3; round++) {
                List<Request> requests = new ArrayList<>();
                for (int i = 0; i < 10; i++) {
                    int v = i;
                    requests.add(new Request("op " + v, TYPE, 0, w -> w.rawU32(v)));
                }
                BatchResult result = conn.batch(requests, ReplyHandler.IGNORE);
                assertEquals(List.of(0, 3, 6, 9), result.failures().stream().map(BatchResult.Failure::index).toList());
                assertEquals("exists 6", ((NetlinkErrnoException) result.failure(6).orElseThrow().exception()).extendedAck().message());
            }
        }
    }

    private static BatchResult assertBatchOfAThousand(NetlinkConnection conn, NetlinkTestPeer peer) {
        List<Request> requests = new ArrayList<>();
        for (int i = 0; i < 1000; i++) {
            int v = i;
            requests.add(new Request("op " + v, TYPE, 0, w -> w.rawU32(v)));
        }
        BatchResult result = conn.batch(requests, ReplyHandler.IGNORE);
        assertEquals(1000, result.size());
        for (int i = 0; i < 1000; i++) {
            if (i % 3 == 0) {
                BatchResult.Failure f = result.failure(i).orElseThrow();
                assertEquals(i, f.index());
                assertSame(requests.get(i), f.request());
                assertFalse(result.succeeded(i));
                NetlinkErrnoException e = assertInstanceOf(NetlinkErrnoException.class, f.exception());
                assertEquals(Errno.EEXIST, e.errno());
                assertEquals("exists " + i, e.extendedAck().message());
                assertEquals("op " + i, e.operation());
            } else {
                assertTrue(result.failure(i).isEmpty(), "request " + i);
                assertTrue(result.succeeded(i));
            }
        }
        assertEquals(334, result.failures().size());
        assertFalse(result.allSucceeded());
        for (int k = 0; k < result.failures().size(); k++) {
            assertEquals(3 * k, result.failures().get(k).index(), "failures in request order, only the failed ones");
        }
        assertTrue(result.datagramsSent() < 1000 / 10, "sent " + result.datagramsSent() + " datagrams");
        assertEquals(1000, peer.received().size());
        return result;
    }

    @Test
    void batchWithoutTheLastAckReportsEveryRequestWithoutAnErrorAsUnknown() {
        // The datagram's last request is never answered: the kernel's silence says nothing about the others.
        try (NetlinkTestPeer peer = NetlinkTestPeer.start(req -> {
            int v = firstU32(req);
            if (v == 5) {
                return List.of();
            }
            return v == 2 ? List.of(NetlinkTestPeer.error(req, Errno.EEXIST, "exists")) : kernelLike(req);
        });
             NetlinkConnection conn = connect(peer, Duration.ofSeconds(2))) {
            List<Request> requests = new ArrayList<>();
            for (int i = 0; i < 6; i++) {
                int v = i;
                requests.add(new Request("op " + v, TYPE, 0, w -> w.rawU32(v)));
            }
            BatchResult result = conn.batch(requests, ReplyHandler.IGNORE);
            assertEquals(1, result.datagramsSent());
            for (int i = 0; i < 6; i++) {
                NetlinkException e = result.failure(i).orElseThrow().exception();
                if (i == 0 || i == 2 || i == 3) {
                    assertInstanceOf(NetlinkErrnoException.class, e, "request " + i);
                } else {
                    assertInstanceOf(NetlinkTimeoutException.class, e, "request " + i);
                }
            }
            // The connection goes on: the next batch is answered.
            BatchResult next = conn.batch(List.of(new Request("op 7", TYPE, 0, w -> w.rawU32(7))), ReplyHandler.IGNORE);
            assertTrue(next.allSucceeded());
        }
    }

    @Test
    void batchWithUnansweredRequestsReportsThemAsUnknown() {
        // The unanswered request waits out the timeout; the others must be answered within it, also under load.
        try (NetlinkTestPeer peer = NetlinkTestPeer.start(req -> firstU32(req) == 3 ? List.of() : List.of(ack(req, 0)));
             NetlinkConnection conn = NetlinkConnection.open(NetlinkTestPeer.PROTOCOL,
                     peer.clientOptions().receiveTimeout(Duration.ofSeconds(2)).ackEveryBatchRequest(true).build())) {
            List<Request> requests = new ArrayList<>();
            for (int i = 0; i < 6; i++) {
                int v = i;
                requests.add(new Request("op " + v, TYPE, 0, w -> w.rawU32(v)));
            }
            BatchResult result = conn.batch(requests, ReplyHandler.IGNORE);
            for (int i = 0; i < 6; i++) {
                if (i == 3) {
                    assertInstanceOf(NetlinkTimeoutException.class, result.failure(i).orElseThrow().exception());
                } else {
                    assertTrue(result.failure(i).isEmpty());
                }
            }
        }
    }

    @Test
    void messagesLostToAnOverrunFailTheDumpInsteadOfReturningPartOfIt() {
        try (NetlinkTestPeer peer = NetlinkTestPeer.start(req -> List.of())) {
            try (NetlinkTestPeer flooding = twentyMessageDump();
                 NetlinkConnection conn = smallBufferConnection(flooding)) {
                overrun(peer);
                List<Integer> got = new ArrayList<>();
                assertThrows(io.netlink4j.NetlinkOverrunException.class,
                        () -> conn.dumpEach("flooded dump", TYPE, 0, RequestBody.EMPTY, m -> got.add(replyU32(m))));
                assertEquals(200, peer.datagramsSent());
                assertTrue(conn.discardedMessages() > 0, "some events got through and were discarded");
                conn.socket().leaveGroup(1);
                conn.dumpEach("after", TYPE, 0, RequestBody.EMPTY, ReplyHandler.IGNORE);
            }
        }
    }

    @Test
    void invalidOptionsAreRejectedWithTheAllowedRange() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> NetlinkOptions.builder().readBufferSize(100));
        assertTrue(e.getMessage().contains("4096"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> NetlinkOptions.builder().receiveTimeout(Duration.ofSeconds(-1)));
        assertTrue(e.getMessage().contains("0 to 365 days"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> new Request("x", 3, 0, RequestBody.EMPTY));
    }

    @Test
    void requestTooLargeForTheSocketFailsWithEmsgsize() {
        try (NetlinkTestPeer peer = NetlinkTestPeer.start(req -> List.of(ack(req, 0)));
             NetlinkConnection conn = connect(peer, Duration.ofSeconds(1))) {
            byte[] huge = new byte[4 << 20];
            NetlinkException e = assertThrows(NetlinkException.class,
                    () -> conn.execute("huge", TYPE, 0, w -> w.rawBytes(huge), ReplyHandler.IGNORE));
            assertTrue(e.getMessage().contains("EMSGSIZE") || e.getMessage().contains("ENOBUFS"), e.getMessage());
            conn.execute("small", TYPE, 0, RequestBody.EMPTY, ReplyHandler.IGNORE);
        }
    }

    static void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** A peer that answers every request with a dump of 20 u32 messages (0-19) and NLMSG_DONE. */
    static NetlinkTestPeer twentyMessageDump() {
        return NetlinkTestPeer.start(req -> {
            List<byte[]> out = new ArrayList<>();
            for (int i = 0; i < 20; i++) {
                out.add(message(TYPE, Netlink.NLM_F_MULTI, req.seq(), req.senderPortId(), u32(i)));
            }
            out.add(done(req, 0));
            return out;
        });
    }

    /** A connection to {@code peer} with a 4 KiB receive buffer, a member of multicast group 1. */
    static NetlinkConnection smallBufferConnection(NetlinkTestPeer peer) {
        NetlinkConnection conn = NetlinkConnection.open(NetlinkTestPeer.PROTOCOL,
                peer.clientOptions().socketReceiveBufferSize(4096).receiveTimeout(Duration.ofSeconds(3)).build());
        conn.socket().joinGroup(1);
        return conn;
    }

    /**
     * Floods multicast group 1 from {@code events} while nobody reads: most events are dropped and
     * the sockets of {@link #smallBufferConnection} record ENOBUFS.
     */
    static void overrun(NetlinkTestPeer events) {
        for (int i = 0; i < 200; i++) {
            events.multicast(1, message(TYPE, 0, 0, 0, new byte[2000]));
        }
    }
}
