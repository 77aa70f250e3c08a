// SPDX-FileCopyrightText: 2026 The netlink4j Authors
// SPDX-License-Identifier: Apache-2.0
package io.netlink4j.engine;

import io.netlink4j.Errno;
import io.netlink4j.NetlinkClosedException;
import io.netlink4j.NetlinkDumpInterruptedException;
import io.netlink4j.NetlinkErrnoException;
import io.netlink4j.NetlinkOverrunException;
import io.netlink4j.NetlinkTimeoutException;
import io.netlink4j.codec.Netlink;
import io.netlink4j.testing.NetlinkTestPeer;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

import static io.netlink4j.engine.NetlinkConnectionTest.TYPE;
import static io.netlink4j.engine.NetlinkConnectionTest.connect;
import static io.netlink4j.engine.NetlinkConnectionTest.replyU32;
import static io.netlink4j.engine.NetlinkConnectionTest.overrun;
import static io.netlink4j.engine.NetlinkConnectionTest.smallBufferConnection;
import static io.netlink4j.engine.NetlinkConnectionTest.twentyMessageDump;
import static io.netlink4j.engine.NetlinkConnectionTest.u32;
import static io.netlink4j.testing.NetlinkTestPeer.ack;
import static io.netlink4j.testing.NetlinkTestPeer.datagram;
import static io.netlink4j.testing.NetlinkTestPeer.done;
import static io.netlink4j.testing.NetlinkTestPeer.message;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@link NetlinkDump} and the guarded reply handlers against a scripted peer on a real netlink
 * socket: a dump read as it is iterated, closed early, failing at its end, a decoder or handler
 * that throws, and the connection kept in sync after each.
 */
@Tag("kernel")
class NetlinkDumpTest {
    /** A dump of {@code datagrams} datagrams of two values each (0, 1, 2, ...), then NLMSG_DONE with {@code errno}. */
    static List<byte[]> dumpOf(NetlinkTestPeer.ReceivedRequest req, int datagrams, int errno, int intrAt) {
        List<byte[]> out = new ArrayList<>();
        for (int d = 0; d < datagrams; d++) {
            int f = Netlink.NLM_F_MULTI | (d == intrAt ? Netlink.NLM_F_DUMP_INTR : 0);
            out.add(datagram(message(TYPE, f, req.seq(), req.senderPortId(), u32(2 * d)),
                    message(TYPE, f, req.seq(), req.senderPortId(), u32(2 * d + 1))));
        }
        out.add(done(req, errno));
        return out;
    }

    /** Answers dumps with {@link #dumpOf} and plain requests with an ACK. */
    static NetlinkTestPeer peer(int datagrams, int errno, int intrAt) {
        return NetlinkTestPeer.start(req -> (req.flags() & Netlink.NLM_F_DUMP) == Netlink.NLM_F_DUMP
                ? dumpOf(req, datagrams, errno, intrAt) : List.of(ack(req, 0)));
    }

    static NetlinkDump<Integer> open(NetlinkConnection conn) {
        return conn.openDump("numbers", TYPE, 0, RequestBody.EMPTY, NetlinkConnectionTest::replyU32);
    }

    @Test
    void valuesComeInOrderAcrossDatagramsAndExhaustionReleasesTheConnection() {
        try (NetlinkTestPeer peer = peer(5, 0, -1); NetlinkConnection conn = connect(peer, Duration.ofSeconds(3))) {
            List<Integer> got = new ArrayList<>();
            NetlinkDump<Integer> dump = open(conn);
            while (dump.hasNext()) {
                got.add(dump.next());
            }
            assertEquals(List.of(0, 1, 2, 3, 4, 5, 6, 7, 8, 9), got);
            assertThrows(NoSuchElementException.class, dump::next);
            conn.execute("after", TYPE, 0, RequestBody.EMPTY);
            dump.close();
            assertEquals(0, conn.discardedMessages());
            assertEquals(Netlink.NLM_F_DUMP, peer.received().get(0).flags() & Netlink.NLM_F_DUMP);
        }
    }

    @Test
    void closingEarlyDrainsTheRestSoTheNextRequestIsInSync() {
        try (NetlinkTestPeer peer = peer(50, 0, -1); NetlinkConnection conn = connect(peer, Duration.ofSeconds(3))) {
            try (NetlinkDump<Integer> dump = open(conn)) {
                assertEquals(0, dump.next());
                assertEquals(1, dump.next());
                assertEquals(2, dump.next());
            }
            List<Integer> next = conn.dump("again", TYPE, 0, RequestBody.EMPTY, NetlinkConnectionTest::replyU32);
            assertEquals(100, next.size());
            assertEquals(0, conn.discardedMessages(), "nothing of the first dump was left for the second");
        }
    }

    @Test
    void theStreamFormClosesTheDump() {
        try (NetlinkTestPeer peer = peer(10, 0, -1); NetlinkConnection conn = connect(peer, Duration.ofSeconds(3))) {
            try (Stream<Integer> s = open(conn).stream()) {
                assertEquals(List.of(0, 1, 2, 3), s.limit(4).toList());
            }
            conn.execute("after", TYPE, 0, RequestBody.EMPTY);
            assertEquals(0, conn.discardedMessages());
        }
    }

    @Test
    void anErrnoInDoneIsThrownAtTheEndAfterTheValues() {
        try (NetlinkTestPeer peer = peer(2, Errno.EBUSY, -1); NetlinkConnection conn = connect(peer, Duration.ofSeconds(3))) {
            List<Integer> got = new ArrayList<>();
            try (NetlinkDump<Integer> dump = open(conn)) {
                NetlinkErrnoException e = assertThrows(NetlinkErrnoException.class, () -> {
                    while (dump.hasNext()) {
                        got.add(dump.next());
                    }
                });
                assertEquals(Errno.EBUSY, e.errno());
                assertEquals("numbers", e.operation());
                assertFalse(dump.hasNext(), "reported once; the dump is over");
            }
            assertEquals(List.of(0, 1, 2, 3), got);
            conn.execute("after", TYPE, 0, RequestBody.EMPTY);
        }
    }

    @Test
    void dumpInterruptedIsThrownAtTheEnd() {
        try (NetlinkTestPeer peer = peer(3, 0, 1); NetlinkConnection conn = connect(peer, Duration.ofSeconds(3))) {
            List<Integer> got = new ArrayList<>();
            try (NetlinkDump<Integer> dump = open(conn)) {
                assertThrows(NetlinkDumpInterruptedException.class, () -> dump.forEachRemaining(got::add));
            }
            assertEquals(List.of(0, 1, 2, 3, 4, 5), got, "every value before the report");
            assertEquals(0, conn.discardedMessages());
        }
    }

    @Test
    void anOverrunIsThrownAtTheEndAndTheConnectionRecovers() {
        try (NetlinkTestPeer events = NetlinkTestPeer.start(req -> List.of());
             NetlinkTestPeer peer = twentyMessageDump();
             NetlinkConnection conn = smallBufferConnection(peer)) {
            overrun(events);
            try (NetlinkDump<Integer> dump = open(conn)) {
                assertThrows(NetlinkOverrunException.class, () -> dump.forEachRemaining(v -> { }));
            }
            conn.socket().leaveGroup(1);
            conn.dumpEach("after", TYPE, 0, RequestBody.EMPTY, ReplyHandler.IGNORE);
        }
    }

    @Test
    void aDecoderThatThrowsEndsTheDumpAndTheRestIsDrained() {
        try (NetlinkTestPeer peer = peer(10, 0, -1); NetlinkConnection conn = connect(peer, Duration.ofSeconds(3))) {
            IllegalStateException boom = new IllegalStateException("boom");
            List<Integer> got = new ArrayList<>();
            try (NetlinkDump<Integer> dump = conn.openDump("numbers", TYPE, 0, RequestBody.EMPTY, m -> {
                int v = replyU32(m);
                if (v == 5) {
                    throw boom;
                }
                return v;
            })) {
                IllegalStateException e = assertThrows(IllegalStateException.class, () -> dump.forEachRemaining(got::add));
                assertSame(boom, e);
                assertFalse(dump.hasNext());
            }
            assertEquals(List.of(0, 1, 2, 3), got, "the values of the datagrams before the failing one");
            conn.execute("after", TYPE, 0, RequestBody.EMPTY);
            assertEquals(0, conn.discardedMessages());
        }
    }

    @Test
    void aTimeoutEndsTheDumpAndALateRestIsDiscarded() {
        AtomicInteger calls = new AtomicInteger();
        try (NetlinkTestPeer peer = NetlinkTestPeer.start(req -> calls.incrementAndGet() == 1
                ? List.of(message(TYPE, Netlink.NLM_F_MULTI, req.seq(), req.senderPortId(), u32(7))) // no DONE
                : List.of(ack(req, 0)));
             NetlinkConnection conn = connect(peer, Duration.ofMillis(300))) {
            try (NetlinkDump<Integer> dump = open(conn)) {
                assertEquals(7, dump.next());
                NetlinkTimeoutException e = assertThrows(NetlinkTimeoutException.class, dump::hasNext);
                assertEquals("numbers", e.operation());
                assertFalse(dump.hasNext());
            }
            conn.execute("after", TYPE, 0, RequestBody.EMPTY);
        }
    }

    @Test
    void theDumpIsConfinedToItsThreadAndHoldsTheConnection() throws Exception {
        try (NetlinkTestPeer peer = peer(3, 0, -1); NetlinkConnection conn = connect(peer, Duration.ofSeconds(3))) {
            try (NetlinkDump<Integer> dump = open(conn)) {
                assertEquals(0, dump.next());
                IllegalStateException nested = assertThrows(IllegalStateException.class,
                        () -> conn.execute("nested", TYPE, 0, RequestBody.EMPTY));
                assertTrue(nested.getMessage().contains("NetlinkDump"), nested.getMessage());
                ExecutionException other = assertThrows(ExecutionException.class,
                        () -> CompletableFuture.supplyAsync(dump::hasNext).get(10, TimeUnit.SECONDS));
                assertInstanceOf(IllegalStateException.class, other.getCause());
                assertEquals(1, dump.next());
            }
            conn.execute("after", TYPE, 0, RequestBody.EMPTY);
            assertEquals(0, conn.discardedMessages());
        }
    }

    @Test
    void closingTheConnectionEndsAnOpenDumpAndReleasesItsBuffersWhenTheDumpCloses() {
        try (NetlinkTestPeer peer = peer(3, 0, -1)) {
            NetlinkConnection conn = connect(peer, Duration.ofSeconds(3));
            NetlinkDump<Integer> dump = open(conn);
            assertEquals(0, dump.next());
            assertEquals(1, dump.next());
            conn.close();
            assertThrows(NetlinkClosedException.class, dump::hasNext);
            dump.close();
            assertThrows(NetlinkClosedException.class, () -> open(conn));
        }
    }

    @Test
    void aDecoderThatThrowsOnARequestIsRethrownAfterTheAck() {
        try (NetlinkTestPeer peer = NetlinkTestPeer.start(req -> List.of(
                message(TYPE, 0, req.seq(), req.senderPortId(), u32(1)), ack(req, 0)));
             NetlinkConnection conn = connect(peer, Duration.ofSeconds(3))) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                    () -> conn.request("get", TYPE, 0, RequestBody.EMPTY, m -> {
                        throw new IllegalArgumentException("bad reply");
                    }));
            assertEquals("bad reply", e.getMessage());
            assertEquals(1, conn.request("get", TYPE, 0, RequestBody.EMPTY, NetlinkConnectionTest::replyU32));
            assertEquals(0, conn.discardedMessages(), "the first request's ACK was read before the exception");
        }
    }

    @Test
    void aHandlerThatUsesItsOwnConnectionIsRefusedAndTheExchangeCompletes() {
        try (NetlinkTestPeer peer = NetlinkTestPeer.start(req -> List.of(
                message(TYPE, 0, req.seq(), req.senderPortId(), u32(1)), ack(req, 0)));
             NetlinkConnection conn = connect(peer, Duration.ofSeconds(3))) {
            assertThrows(IllegalStateException.class, () -> conn.execute("outer", TYPE, 0, RequestBody.EMPTY,
                    m -> conn.execute("inner", TYPE, 0, RequestBody.EMPTY)));
            assertEquals(1, peer.received().size(), "the inner request was never sent");
            conn.execute("after", TYPE, 0, RequestBody.EMPTY);
            assertEquals(0, conn.discardedMessages());
        }
    }

    @Test
    void aBatchHandlerThatThrowsIsRethrownAfterTheAcksOfItsDatagram() {
        try (NetlinkTestPeer peer = NetlinkTestPeer.start(req -> req.payload().length == 0 ? List.of(ack(req, 0)) : List.of(
                message(TYPE, 0, req.seq(), req.senderPortId(), u32(NetlinkConnectionTest.firstU32(req))), ack(req, 0)));
             NetlinkConnection conn = connect(peer, Duration.ofSeconds(3))) {
            List<Request> requests = new ArrayList<>();
            for (int i = 0; i < 6; i++) {
                int v = i;
                requests.add(new Request("op " + v, TYPE, 0, w -> w.rawU32(v)));
            }
            List<Integer> seen = new ArrayList<>();
            IllegalStateException e = assertThrows(IllegalStateException.class, () -> conn.batch(requests, m -> {
                seen.add(replyU32(m));
                if (replyU32(m) == 2) {
                    throw new IllegalStateException("handler failed");
                }
            }));
            assertEquals("handler failed", e.getMessage());
            assertEquals(List.of(0, 1, 2), seen, "no callback after the failure");
            conn.execute("after", TYPE, 0, RequestBody.EMPTY);
            assertEquals(0, conn.discardedMessages(), "every ACK of the batch was read");
            assertEquals(List.of(), peer.errors());
        }
    }
}
