// SPDX-FileCopyrightText: 2026 The netlink4j Authors
// SPDX-License-Identifier: Apache-2.0
package io.netlink4j.engine;

import io.netlink4j.Errno;
import io.netlink4j.NetlinkErrnoException;
import io.netlink4j.NetlinkOverrunException;
import io.netlink4j.NetlinkTimeoutException;
import io.netlink4j.codec.MessageReader;
import io.netlink4j.codec.Netlink;
import io.netlink4j.testing.NetlinkTestPeer;
import io.netty.buffer.Unpooled;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import static io.netlink4j.engine.ExchangeStateTest.PORT;
import static io.netlink4j.engine.ExchangeStateTest.ack;
import static io.netlink4j.engine.ExchangeStateTest.data;
import static io.netlink4j.engine.ExchangeStateTest.request;
import static io.netlink4j.engine.Verdict.COMPLETE;
import static io.netlink4j.engine.Verdict.DELIVER;
import static io.netlink4j.engine.Verdict.DISCARD;
import static io.netlink4j.engine.Verdict.SKIP;
import static io.netlink4j.testing.NetlinkTestPeer.datagram;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The protocol state of one datagram of a batch, fed bytes directly. */
class BatchStateTest {
    static final int FIRST = 1000;

    /** A window in which every request asks for an ACK. */
    static BatchState window(int count) {
        return new BatchState(FIRST, count, PORT, k -> "op " + k, true);
    }

    /** A window in which only the last request asks for an ACK. */
    static BatchState lastAcked(int count) {
        return new BatchState(FIRST, count, PORT, k -> "op " + k, false);
    }

    static List<Verdict> feed(BatchState state, byte[] datagram) {
        List<Verdict> out = new ArrayList<>();
        MessageReader r = MessageReader.of(Unpooled.wrappedBuffer(datagram), 0, datagram.length);
        while (r.next()) {
            out.add(state.onMessage(r));
        }
        return out;
    }

    static byte[] error(int seq, int errno) {
        return NetlinkTestPeer.error(request(seq), errno, "refused " + seq);
    }

    @Test
    void acksInAnyOrderEachCompleteTheirOwnRequest() {
        BatchState s = window(5);
        assertEquals(List.of(SKIP, SKIP, SKIP), feed(s, datagram(ack(FIRST + 3), ack(FIRST), error(FIRST + 4, Errno.EEXIST))));
        assertFalse(s.isComplete());
        assertEquals(List.of(SKIP, COMPLETE), feed(s, datagram(error(FIRST + 1, Errno.ENOENT), ack(FIRST + 2))));
        assertTrue(s.isComplete());
        assertNull(s.outcome(0));
        assertNull(s.outcome(2));
        assertNull(s.outcome(3));
        NetlinkErrnoException e1 = assertInstanceOf(NetlinkErrnoException.class, s.outcome(1));
        assertEquals(Errno.ENOENT, e1.errno());
        assertEquals("op 1", e1.operation());
        assertEquals("refused " + (FIRST + 1), e1.extendedAck().message());
        NetlinkErrnoException e4 = assertInstanceOf(NetlinkErrnoException.class, s.outcome(4));
        assertEquals(Errno.EEXIST, e4.errno());
        assertEquals("op 4", e4.operation());
    }

    @Test
    void aSecondAckForARequestIsDiscardedAndTheFirstCounts() {
        BatchState s = window(2);
        assertEquals(List.of(SKIP, DISCARD, DISCARD), feed(s, datagram(error(FIRST, Errno.EPERM), ack(FIRST), error(FIRST, Errno.EEXIST))));
        assertEquals(Errno.EPERM, assertInstanceOf(NetlinkErrnoException.class, s.outcome(0)).errno());
        assertTrue(s.isAcknowledged(0));
        assertFalse(s.isAcknowledged(1));
    }

    @Test
    void messagesOutsideTheWindowOrForAnotherPortAreDiscarded() {
        BatchState s = window(3);
        assertEquals(List.of(DISCARD, DISCARD, DISCARD, DISCARD),
                feed(s, datagram(ack(FIRST - 1), ack(FIRST + 3), data(FIRST - 1, PORT, 0), data(FIRST + 1, PORT + 1, 0))));
        assertFalse(s.isComplete());
    }

    @Test
    void repliesInsideTheWindowAreDeliveredUntilTheHandlerFails() {
        BatchState s = window(2);
        assertEquals(List.of(DELIVER, SKIP), feed(s, datagram(data(FIRST, PORT, 0), ack(FIRST))));
        assertEquals(List.of(SKIP), feed(s, data(FIRST, PORT, 0)), "a reply after its request's ACK");
        RuntimeException boom = new IllegalStateException("boom");
        s.handlerFailed(boom);
        assertEquals(List.of(SKIP, COMPLETE), feed(s, datagram(data(FIRST + 1, PORT, 0), ack(FIRST + 1))));
        assertSame(boom, s.handlerFailure());
    }

    @Test
    void missingAcksHaveAnUnknownOutcomeAfterTheTimeout() {
        BatchState s = window(4);
        feed(s, datagram(ack(FIRST), error(FIRST + 2, Errno.EEXIST)));
        s.timedOut(Duration.ofMillis(300));
        assertTrue(s.isComplete());
        assertNull(s.outcome(0));
        assertInstanceOf(NetlinkErrnoException.class, s.outcome(2));
        NetlinkTimeoutException t1 = assertInstanceOf(NetlinkTimeoutException.class, s.outcome(1));
        assertEquals("op 1", t1.operation());
        assertTrue(t1.getMessage().contains("outcome unknown"), t1.getMessage());
        assertInstanceOf(NetlinkTimeoutException.class, s.outcome(3));
        assertEquals(List.of(DISCARD), feed(s, ack(FIRST + 1)), "a late ACK does not change a reported outcome");
    }

    @Test
    void acksLostToAnOverrunAreUnknownAsOverruns() {
        BatchState s = window(3);
        feed(s, ack(FIRST + 1));
        s.overrun();
        assertTrue(s.receiveNonBlocking());
        s.timedOut(Duration.ofSeconds(3));
        assertEquals("op 0", assertInstanceOf(NetlinkOverrunException.class, s.outcome(0)).operation());
        assertNull(s.outcome(1));
        assertInstanceOf(NetlinkOverrunException.class, s.outcome(2));
    }

    @Test
    void anEmptyWindowIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> new BatchState(FIRST, 0, PORT, k -> "op", false));
    }

    @Test
    void sequenceNumbersWrapAroundInsideTheWindow() {
        BatchState s = new BatchState(Integer.MAX_VALUE, 2, PORT, k -> "op " + k, true);
        assertEquals(List.of(SKIP, COMPLETE), feed(s, datagram(ack(Integer.MIN_VALUE), ack(Integer.MAX_VALUE))));
        assertNull(s.outcome(1));
    }

    @Test
    void theLastRequestsAckCompletesTheWindowAndEveryEarlierRequestWithoutAnErrorSucceeded() {
        BatchState s = lastAcked(5);
        assertEquals(List.of(SKIP, SKIP), feed(s, datagram(error(FIRST + 1, Errno.EEXIST), error(FIRST + 3, Errno.ENOENT))));
        assertFalse(s.isComplete());
        assertFalse(s.isAcknowledged(0));
        assertEquals(List.of(COMPLETE), feed(s, ack(FIRST + 4)));
        assertTrue(s.isComplete());
        for (int k : new int[] {0, 2, 4}) {
            assertNull(s.outcome(k), "request " + k);
            assertTrue(s.isAcknowledged(k));
        }
        NetlinkErrnoException e1 = assertInstanceOf(NetlinkErrnoException.class, s.outcome(1));
        assertEquals(Errno.EEXIST, e1.errno());
        assertEquals("op 1", e1.operation());
        assertEquals("refused " + (FIRST + 1), e1.extendedAck().message());
        assertEquals(Errno.ENOENT, assertInstanceOf(NetlinkErrnoException.class, s.outcome(3)).errno());
        assertEquals(List.of(DISCARD), feed(s, error(FIRST + 2, Errno.EPERM)), "an error after the last request's ACK");
        assertNull(s.outcome(2));
    }

    @Test
    void anErrorForTheLastRequestAlsoCompletesTheWindow() {
        BatchState s = lastAcked(3);
        assertEquals(List.of(SKIP, COMPLETE), feed(s, datagram(error(FIRST, Errno.EPERM), error(FIRST + 2, Errno.EEXIST))));
        assertEquals(Errno.EPERM, assertInstanceOf(NetlinkErrnoException.class, s.outcome(0)).errno());
        assertNull(s.outcome(1));
        assertEquals(Errno.EEXIST, assertInstanceOf(NetlinkErrnoException.class, s.outcome(2)).errno());
    }

    @Test
    void errorsForEarlierRequestsInAnyOrderBeforeTheLastAck() {
        BatchState s = lastAcked(4);
        assertEquals(List.of(SKIP, SKIP, DISCARD, COMPLETE),
                feed(s, datagram(error(FIRST + 2, Errno.EEXIST), error(FIRST, Errno.ENOENT), error(FIRST, Errno.EPERM), ack(FIRST + 3))));
        assertEquals(Errno.ENOENT, assertInstanceOf(NetlinkErrnoException.class, s.outcome(0)).errno());
        assertNull(s.outcome(1));
        assertEquals(Errno.EEXIST, assertInstanceOf(NetlinkErrnoException.class, s.outcome(2)).errno());
    }

    @Test
    void withoutTheLastAckEveryRequestWithoutAnErrorIsUnknown() {
        BatchState s = lastAcked(4);
        feed(s, error(FIRST + 1, Errno.EEXIST));
        s.timedOut(Duration.ofMillis(300));
        assertTrue(s.isComplete());
        assertInstanceOf(NetlinkErrnoException.class, s.outcome(1));
        for (int k : new int[] {0, 2, 3}) {
            NetlinkTimeoutException t = assertInstanceOf(NetlinkTimeoutException.class, s.outcome(k));
            assertEquals("op " + k, t.operation());
            assertTrue(t.getMessage().contains("outcome unknown"), t.getMessage());
        }
        assertEquals(List.of(DISCARD), feed(s, ack(FIRST + 3)), "a late ACK does not change a reported outcome");
    }

    @Test
    void afterAnOverrunTheLastAckNoLongerStandsForTheEarlierRequests() {
        BatchState s = lastAcked(4);
        feed(s, error(FIRST + 1, Errno.EEXIST));
        s.overrun();
        assertTrue(s.receiveNonBlocking());
        assertEquals(List.of(COMPLETE), feed(s, ack(FIRST + 3)));
        assertEquals("op 0", assertInstanceOf(NetlinkOverrunException.class, s.outcome(0)).operation());
        assertEquals(Errno.EEXIST, assertInstanceOf(NetlinkErrnoException.class, s.outcome(1)).errno());
        assertInstanceOf(NetlinkOverrunException.class, s.outcome(2));
        assertNull(s.outcome(3), "the last request has its own ACK");
    }

    @Test
    void afterAnOverrunWithoutTheLastAckEveryRequestWithoutAnAnswerIsUnknownAsAnOverrun() {
        BatchState s = lastAcked(3);
        feed(s, error(FIRST, Errno.EEXIST));
        s.overrun();
        s.timedOut(Duration.ofSeconds(3));
        assertInstanceOf(NetlinkErrnoException.class, s.outcome(0));
        assertInstanceOf(NetlinkOverrunException.class, s.outcome(1));
        assertInstanceOf(NetlinkOverrunException.class, s.outcome(2));
    }

    @Test
    void repliesOfEarlierRequestsAreDeliveredUntilTheLastAck() {
        BatchState s = lastAcked(3);
        assertEquals(List.of(DELIVER, DELIVER, SKIP, DELIVER, COMPLETE),
                feed(s, datagram(data(FIRST, PORT, 0), data(FIRST + 1, PORT, 0), error(FIRST + 1, Errno.EEXIST),
                        data(FIRST + 2, PORT, 0), ack(FIRST + 2))));
        assertEquals(List.of(SKIP), feed(s, data(FIRST, PORT, 0)), "a reply after its request's outcome is not delivered");
    }

    @Test
    void aSingleRequestWindowIsItsOwnLastRequest() {
        BatchState s = lastAcked(1);
        assertEquals(List.of(COMPLETE), feed(s, error(FIRST, Errno.EEXIST)));
        assertEquals(Errno.EEXIST, assertInstanceOf(NetlinkErrnoException.class, s.outcome(0)).errno());
    }
}
