// SPDX-FileCopyrightText: 2026 The netlink4j Authors
// SPDX-License-Identifier: Apache-2.0
package io.netlink4j.engine;

import io.netlink4j.Errno;
import io.netlink4j.NetlinkDumpInterruptedException;
import io.netlink4j.NetlinkErrnoException;
import io.netlink4j.NetlinkOverrunException;
import io.netlink4j.NetlinkTimeoutException;
import io.netlink4j.codec.MessageReader;
import io.netlink4j.codec.Netlink;
import io.netlink4j.internal.ControlMessages;
import io.netlink4j.testing.NetlinkTestPeer;
import io.netlink4j.testing.NetlinkTestPeer.ReceivedRequest;
import io.netlink4j.testsupport.NetlinkBytes;
import io.netty.buffer.Unpooled;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import static io.netlink4j.engine.Verdict.COMPLETE;
import static io.netlink4j.engine.Verdict.DELIVER;
import static io.netlink4j.engine.Verdict.DISCARD;
import static io.netlink4j.engine.Verdict.SKIP;
import static io.netlink4j.testing.NetlinkTestPeer.datagram;
import static io.netlink4j.testing.NetlinkTestPeer.message;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The protocol state of a single request or dump, fed bytes directly: no socket, no thread, no
 * clock. Each test is a datagram sequence the kernel (or a misbehaving peer) could send.
 */
class ExchangeStateTest {
    static final int TYPE = 0x20;
    static final int PORT = 4711;
    static final int SEQ = 100;

    /** The request the state answers, as a peer would have received it. */
    static ReceivedRequest request(int seq) {
        return new ReceivedRequest(TYPE, Netlink.NLM_F_REQUEST | Netlink.NLM_F_ACK, seq, PORT,
                message(TYPE, Netlink.NLM_F_REQUEST | Netlink.NLM_F_ACK, seq, PORT, new byte[0]), PORT);
    }

    static byte[] data(int seq, int pid, int flags) {
        return message(TYPE, flags, seq, pid, new byte[] {1, 2, 3, 4});
    }

    static byte[] ack(int seq) {
        return NetlinkTestPeer.ack(request(seq), 0);
    }

    /** Feeds every message of {@code datagram} to {@code state}; the verdicts, in order. */
    static List<Verdict> feed(ExchangeState state, byte[] datagram) {
        List<Verdict> out = new ArrayList<>();
        MessageReader r = MessageReader.of(Unpooled.wrappedBuffer(datagram), 0, datagram.length);
        while (r.next()) {
            out.add(state.onMessage(r));
        }
        return out;
    }

    /** Feeds a datagram of one message to a batch state; its verdict. */
    static Verdict feedOne(BatchState state, byte[] message) {
        MessageReader r = MessageReader.of(Unpooled.wrappedBuffer(message), 0, message.length);
        assertTrue(r.next());
        return state.onMessage(r);
    }

    static ExchangeState request() {
        return new ExchangeState("op", SEQ, PORT, false);
    }

    static ExchangeState dump() {
        return new ExchangeState("dump", SEQ, PORT, true);
    }

    @Test
    void replyThenAckCompletesWithSuccess() {
        ExchangeState s = request();
        assertEquals(List.of(DELIVER), feed(s, data(SEQ, PORT, 0)));
        assertFalse(s.isComplete());
        assertEquals(List.of(COMPLETE), feed(s, ack(SEQ)));
        assertTrue(s.isComplete());
        assertNull(s.outcome());
        assertEquals(1, s.delivered());
    }

    @Test
    void lateRepliesWithOldSequenceNumbersAreDiscarded() {
        ExchangeState s = request();
        assertEquals(List.of(DISCARD, DISCARD, DELIVER, COMPLETE),
                feed(s, datagram(data(SEQ - 1, PORT, 0), ack(SEQ - 1), data(SEQ, PORT, 0), ack(SEQ))));
        assertNull(s.outcome());
    }

    @Test
    void repliesForAnotherPortAreDiscardedAndPortZeroIsAccepted() {
        ExchangeState s = request();
        assertEquals(List.of(DISCARD, DELIVER, DELIVER), feed(s, datagram(data(SEQ, PORT + 1, 0), data(SEQ, 0, 0), data(SEQ, PORT, 0))));
        byte[] foreignAck = NetlinkTestPeer.ack(new ReceivedRequest(TYPE, 0, SEQ, PORT + 1, message(TYPE, 0, SEQ, PORT + 1, new byte[0]), PORT + 1), 0);
        assertEquals(List.of(DISCARD), feed(s, foreignAck));
        assertFalse(s.isComplete(), "an ACK for another port does not complete this request");
    }

    @Test
    void duplicateAckAndEverythingAfterCompletionIsDiscarded() {
        ExchangeState s = request();
        assertEquals(List.of(COMPLETE, DISCARD, DISCARD), feed(s, datagram(ack(SEQ), ack(SEQ), data(SEQ, PORT, 0))));
        assertNull(s.outcome());
    }

    @Test
    void ackBeforeReplyCompletesWithoutDelivering() {
        ExchangeState s = request();
        assertEquals(List.of(COMPLETE), feed(s, ack(SEQ)));
        assertEquals(List.of(DISCARD), feed(s, data(SEQ, PORT, 0)));
        assertEquals(0, s.delivered(), "request() turns this into 'acknowledged without a reply'");
    }

    @Test
    void errorWithExtendedAckIsTheOutcome() {
        ExchangeState s = request();
        assertEquals(List.of(COMPLETE), feed(s, NetlinkTestPeer.error(request(SEQ), Errno.EEXIST, "object exists")));
        NetlinkErrnoException e = assertInstanceOf(NetlinkErrnoException.class, s.outcome());
        assertEquals(Errno.EEXIST, e.errno());
        assertEquals("object exists", e.extendedAck().message());
        assertEquals("op", e.operation());
    }

    @Test
    void doneCompletesADumpWithItsErrnoAndExtendedAck() {
        ExchangeState s = dump();
        byte[] done = new NetlinkBytes().message(Netlink.NLMSG_DONE, Netlink.NLM_F_MULTI | Netlink.NLM_F_ACK_TLVS, SEQ, PORT)
                .u32(-Errno.EBUSY).attrString(ControlMessages.NLMSGERR_ATTR_MSG, "table busy").endMessage().toArray();
        assertEquals(List.of(DELIVER, DELIVER, COMPLETE),
                feed(s, datagram(data(SEQ, PORT, Netlink.NLM_F_MULTI), data(SEQ, PORT, Netlink.NLM_F_MULTI), done)));
        NetlinkErrnoException e = assertInstanceOf(NetlinkErrnoException.class, s.outcome());
        assertEquals(Errno.EBUSY, e.errno());
        assertEquals("table busy", e.extendedAck().message());
        assertEquals("dump", e.operation());
    }

    @Test
    void doneIsNotTheEndOfAPlainRequest() {
        ExchangeState s = request();
        assertEquals(List.of(DISCARD), feed(s, NetlinkTestPeer.done(request(SEQ), 0)));
        assertFalse(s.isComplete());
    }

    @Test
    void dumpInterruptedInTheMiddleIsReportedAtTheEnd() {
        ExchangeState s = dump();
        assertEquals(List.of(DELIVER, DELIVER, DELIVER), feed(s, datagram(data(SEQ, PORT, Netlink.NLM_F_MULTI),
                data(SEQ, PORT, Netlink.NLM_F_MULTI | Netlink.NLM_F_DUMP_INTR), data(SEQ, PORT, Netlink.NLM_F_MULTI))));
        assertEquals(List.of(COMPLETE), feed(s, NetlinkTestPeer.done(request(SEQ), 0)));
        assertInstanceOf(NetlinkDumpInterruptedException.class, s.outcome());
    }

    @Test
    void overrunMidDumpStopsDeliveryDrainsToDoneAndIsTheOutcome() {
        ExchangeState s = dump();
        assertEquals(List.of(DELIVER), feed(s, data(SEQ, PORT, Netlink.NLM_F_MULTI)));
        s.overrun();
        assertFalse(s.receiveNonBlocking(), "a dump keeps waiting for its DONE");
        assertEquals(List.of(SKIP, SKIP, COMPLETE), feed(s, datagram(data(SEQ, PORT, Netlink.NLM_F_MULTI),
                data(SEQ, PORT, Netlink.NLM_F_MULTI | Netlink.NLM_F_DUMP_INTR), NetlinkTestPeer.done(request(SEQ), 0))));
        NetlinkOverrunException e = assertInstanceOf(NetlinkOverrunException.class, s.outcome());
        assertEquals("dump", e.operation());
    }

    @Test
    void overrunBeforeTheAckOfARequestReadsOnlyWhatIsQueued() {
        ExchangeState s = request();
        s.overrun();
        assertTrue(s.receiveNonBlocking());
        NetlinkOverrunException e = assertInstanceOf(NetlinkOverrunException.class, s.timedOut(Duration.ofSeconds(3)));
        assertEquals("op", e.operation());
        assertTrue(s.isComplete());
    }

    @Test
    void timeoutIsNotAnErrnoFailure() {
        ExchangeState s = request();
        NetlinkTimeoutException e = assertInstanceOf(NetlinkTimeoutException.class, s.timedOut(Duration.ofMillis(300)));
        assertEquals("op: no reply within PT0.3S", e.getMessage());
        assertFalse(NetlinkErrnoException.class.isInstance(e));
        assertEquals(List.of(DISCARD), feed(s, ack(SEQ)), "the late ACK after a timeout");
    }

    @Test
    void handlerFailureStopsDeliveryAndWinsOverTheKernelsErrno() {
        ExchangeState s = request();
        RuntimeException boom = new IllegalStateException("boom");
        assertEquals(List.of(DELIVER), feed(s, data(SEQ, PORT, 0)));
        s.handlerFailed(boom);
        assertTrue(s.hasFailed());
        assertEquals(List.of(SKIP, COMPLETE), feed(s, datagram(data(SEQ, PORT, 0), NetlinkTestPeer.error(request(SEQ), Errno.EPERM, null))));
        assertSame(boom, s.outcome());
    }

    @Test
    void controlMessagesOfTheExchangeAreSkipped() {
        ExchangeState s = request();
        assertEquals(List.of(SKIP, DELIVER), feed(s, datagram(message(Netlink.NLMSG_NOOP, 0, SEQ, PORT, new byte[4]), data(SEQ, PORT, 0))));
    }

    @Test
    void outcomeOfAnIncompleteExchangeIsAProgrammingError() {
        assertThrows(IllegalStateException.class, () -> request().outcome());
    }
}
