// SPDX-FileCopyrightText: 2026 The netlink4j Authors
// SPDX-License-Identifier: Apache-2.0
package io.netlink4j.engine;

import io.netlink4j.Errno;
import io.netlink4j.NetlinkDumpInterruptedException;
import io.netlink4j.NetlinkErrnoException;
import io.netlink4j.NetlinkOverrunException;
import io.netlink4j.codec.Netlink;
import io.netlink4j.testing.NetlinkTestPeer;
import io.netlink4j.testing.NetlinkTestPeer.ReceivedRequest;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntPredicate;

import static io.netlink4j.engine.NetlinkConnectionTest.replyU32;
import static io.netlink4j.engine.NetlinkConnectionTest.overrun;
import static io.netlink4j.engine.NetlinkConnectionTest.smallBufferConnection;
import static io.netlink4j.engine.NetlinkConnectionTest.twentyMessageDump;
import static io.netlink4j.engine.NetlinkConnectionTest.u32;
import static io.netlink4j.testing.NetlinkTestPeer.done;
import static io.netlink4j.testing.NetlinkTestPeer.message;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The one dump-restart loop: {@link NetlinkConnection#dump} makes an interrupted or overrun dump
 * again, up to {@link NetlinkOptions#dumpAttempts()} times, against a scripted peer on a real
 * netlink socket; {@code dumpEach} never does.
 */
@Tag("kernel")
class DumpRestartTest {
    static final int TYPE = NetlinkConnectionTest.TYPE;

    /** A peer whose n-th dump (from 1) answers the values n*10, n*10+1, interrupted when {@code interrupted} says so. */
    static NetlinkTestPeer peer(AtomicInteger dumps, IntPredicate interrupted) {
        return NetlinkTestPeer.start(req -> {
            int n = dumps.incrementAndGet();
            int intr = interrupted.test(n) ? Netlink.NLM_F_DUMP_INTR : 0;
            return List.of(NetlinkTestPeer.datagram(
                    message(TYPE, Netlink.NLM_F_MULTI, req.seq(), req.senderPortId(), u32(n * 10)),
                    message(TYPE, Netlink.NLM_F_MULTI | intr, req.seq(), req.senderPortId(), u32(n * 10 + 1))),
                    done(req, 0));
        });
    }

    static NetlinkConnection connect(NetlinkTestPeer peer, int attempts) {
        // Long enough for the peer's thread to answer on a machine under heavy load: no test here waits it out.
        return NetlinkConnection.open(NetlinkTestPeer.PROTOCOL,
                peer.clientOptions().receiveTimeout(Duration.ofSeconds(10)).dumpAttempts(attempts).build());
    }

    @Test
    void anInterruptedDumpIsMadeAgainAndOnlyTheCompleteAttemptIsReturned() {
        AtomicInteger dumps = new AtomicInteger();
        try (NetlinkTestPeer peer = peer(dumps, n -> n < 3);
             NetlinkConnection conn = connect(peer, NetlinkOptions.DEFAULT_DUMP_ATTEMPTS)) {
            List<Integer> got = conn.dump("d", TYPE, 0, RequestBody.EMPTY, NetlinkConnectionTest::replyU32);
            assertEquals(List.of(30, 31), got);
            assertEquals(3, peer.received().size());
            for (ReceivedRequest req : peer.received()) {
                assertEquals(Netlink.NLM_F_DUMP, req.flags() & Netlink.NLM_F_DUMP);
            }
            assertEquals(0, conn.discardedMessages());
        }
    }

    @Test
    void aDumpInterruptedInEveryAttemptThrowsAfterTheConfiguredAttempts() {
        AtomicInteger dumps = new AtomicInteger();
        try (NetlinkTestPeer peer = peer(dumps, n -> true);
             NetlinkConnection conn = connect(peer, NetlinkOptions.DEFAULT_DUMP_ATTEMPTS)) {
            NetlinkDumpInterruptedException e = assertThrows(NetlinkDumpInterruptedException.class,
                    () -> conn.dump("always", TYPE, 0, RequestBody.EMPTY, NetlinkConnectionTest::replyU32));
            assertEquals(3, peer.received().size(), "three attempts in all by default");
            assertEquals("always", e.operation());
            assertEquals(2, e.getSuppressed().length, "the earlier attempts' exceptions");
            assertInstanceOf(NetlinkDumpInterruptedException.class, e.getSuppressed()[0]);
            // The connection is in sync: the next exchange works (and is interrupted again).
            assertThrows(NetlinkDumpInterruptedException.class,
                    () -> conn.dumpEach("next", TYPE, 0, RequestBody.EMPTY, ReplyHandler.IGNORE));
            assertEquals(4, dumps.get());
            assertEquals(0, conn.discardedMessages());
        }
    }

    @Test
    void oneAttemptMeansNoRestart() {
        AtomicInteger dumps = new AtomicInteger();
        try (NetlinkTestPeer peer = peer(dumps, n -> n == 1);
             NetlinkConnection conn = connect(peer, 1)) {
            assertThrows(NetlinkDumpInterruptedException.class,
                    () -> conn.dump("once", TYPE, 0, RequestBody.EMPTY, NetlinkConnectionTest::replyU32));
            assertEquals(1, peer.received().size());
            assertEquals(List.of(20, 21), conn.dump("again", TYPE, 0, RequestBody.EMPTY, NetlinkConnectionTest::replyU32));
        }
    }

    @Test
    void dumpEachIsNeverRestarted() {
        AtomicInteger dumps = new AtomicInteger();
        try (NetlinkTestPeer peer = peer(dumps, n -> n <= 2);
             NetlinkConnection conn = connect(peer, NetlinkOptions.DEFAULT_DUMP_ATTEMPTS)) {
            List<Integer> got = new ArrayList<>();
            assertThrows(NetlinkDumpInterruptedException.class,
                    () -> conn.dumpEach("each", TYPE, 0, RequestBody.EMPTY, m -> got.add(replyU32(m))));
            assertEquals(List.of(10, 11), got, "handed out once, drained, then thrown");
            assertEquals(1, peer.received().size());
            try (NetlinkDump<Integer> dump = conn.openDump("open", TYPE, 0, RequestBody.EMPTY, NetlinkConnectionTest::replyU32)) {
                assertEquals(20, dump.next());
                assertEquals(21, dump.next());
                assertThrows(NetlinkDumpInterruptedException.class, dump::hasNext);
            }
            assertEquals(2, peer.received().size(), "the open dump was made once, and threw at its end");
            assertEquals(List.of(30, 31), conn.dump("list", TYPE, 0, RequestBody.EMPTY, NetlinkConnectionTest::replyU32));
        }
    }

    @Test
    void anErrnoEndingTheDumpIsNotRestarted() {
        try (NetlinkTestPeer peer = NetlinkTestPeer.start(req -> List.of(
                message(TYPE, Netlink.NLM_F_MULTI, req.seq(), req.senderPortId(), u32(1)), done(req, Errno.EBUSY)));
             NetlinkConnection conn = connect(peer, NetlinkOptions.DEFAULT_DUMP_ATTEMPTS)) {
            NetlinkErrnoException e = assertThrows(NetlinkErrnoException.class,
                    () -> conn.dump("busy", TYPE, 0, RequestBody.EMPTY, NetlinkConnectionTest::replyU32));
            assertEquals(Errno.EBUSY, e.errno());
            assertEquals(1, peer.received().size());
        }
    }

    @Test
    void aDumpThatLostMessagesToAnOverrunIsMadeAgain() {
        try (NetlinkTestPeer events = NetlinkTestPeer.start(req -> List.of());
             NetlinkTestPeer peer = twentyMessageDump();
             NetlinkConnection conn = smallBufferConnection(peer)) {
            // The first attempt reports the overrun; the second reads the whole dump.
            overrun(events);
            List<Integer> got = conn.dump("flooded dump", TYPE, 0, RequestBody.EMPTY, NetlinkConnectionTest::replyU32);
            assertEquals(2, peer.received().size(), "made again after the overrun");
            List<Integer> expected = new ArrayList<>();
            for (int i = 0; i < 20; i++) {
                expected.add(i);
            }
            assertEquals(expected, got);
        }
    }

    @Test
    void dumpAttemptsAreValidated() {
        for (int bad : new int[] {0, -1, 101}) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                    () -> NetlinkOptions.builder().dumpAttempts(bad));
            assertTrue(e.getMessage().startsWith("dump attempts: " + bad + " (expected: 1-100"), e.getMessage());
        }
        assertEquals(3, NetlinkOptions.defaults().dumpAttempts());
        assertEquals(100, NetlinkOptions.builder().dumpAttempts(100).build().dumpAttempts());
    }
}
