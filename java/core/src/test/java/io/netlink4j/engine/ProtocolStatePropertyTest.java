// SPDX-FileCopyrightText: 2026 The netlink4j Authors
// SPDX-License-Identifier: Apache-2.0
package io.netlink4j.engine;

import io.netlink4j.Errno;
import io.netlink4j.NetlinkDumpInterruptedException;
import io.netlink4j.NetlinkErrnoException;
import io.netlink4j.codec.Netlink;
import io.netlink4j.testing.NetlinkTestPeer;
import org.junit.jupiter.api.Test;
import org.quicktheories.core.Gen;

import java.util.ArrayList;
import java.util.List;

import static io.netlink4j.engine.ExchangeStateTest.PORT;
import static io.netlink4j.engine.ExchangeStateTest.SEQ;
import static io.netlink4j.engine.ExchangeStateTest.request;
import static io.netlink4j.testing.NetlinkTestPeer.datagram;
import static io.netlink4j.testing.NetlinkTestPeer.message;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.booleans;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;

/**
 * Properties of the protocol states over arbitrary message sequences: whatever a peer sends, a
 * message is delivered or completes the exchange only if it carries the request's sequence number
 * and port, the exchange completes at most once and only on its own ACK or DONE, and in a batch
 * every request gets the outcome of its own first ACK, in whatever order the ACKs come (or, when
 * only the last request of a datagram asks for an ACK, its own error or the last request's ACK).
 */
class ProtocolStatePropertyTest {
    static final int DATA = 0;
    static final int ACK = 1;
    static final int ERROR = 2;
    static final int DONE = 3;
    static final int NOOP = 4;

    /** One message a peer might send: its kind, a sequence number offset, a port choice, DUMP_INTR. */
    record Spec(int kind, int seqDelta, int portChoice, boolean intr) {
        int seq() {
            return SEQ + seqDelta;
        }

        int pid() {
            return portChoice == 0 ? PORT : portChoice == 1 ? 0 : PORT + 1;
        }

        boolean ours() {
            return seqDelta == 0 && portChoice != 2;
        }

        byte[] bytes() {
            NetlinkTestPeer.ReceivedRequest req = new NetlinkTestPeer.ReceivedRequest(0x20, 0, seq(), pid(),
                    message(0x20, 0, seq(), pid(), new byte[0]), pid());
            return switch (kind) {
                case DATA -> message(0x20, Netlink.NLM_F_MULTI | (intr ? Netlink.NLM_F_DUMP_INTR : 0), seq(), pid(), new byte[4]);
                case ACK -> NetlinkTestPeer.ack(req, 0);
                case ERROR -> NetlinkTestPeer.error(req, Errno.EEXIST, "exists");
                case DONE -> NetlinkTestPeer.done(req, 0);
                default -> message(Netlink.NLMSG_NOOP, 0, seq(), pid(), new byte[4]);
            };
        }
    }

    static Gen<Spec> specs() {
        return integers().between(0, 4).zip(integers().between(-1, 1), integers().between(0, 2), booleans().all(), Spec::new);
    }

    @Test
    void anExchangeDeliversAndCompletesOnlyOnItsOwnMessages() {
        qt().withExamples(2000).forAll(lists().of(specs()).ofSizeBetween(0, 12), booleans().all()).checkAssert((specs, dump) -> {
            ExchangeState state = new ExchangeState("op", SEQ, PORT, dump);
            List<byte[]> messages = new ArrayList<>();
            specs.forEach(s -> messages.add(s.bytes()));
            List<Verdict> verdicts = specs.isEmpty() ? List.of() : ExchangeStateTest.feed(state, datagram(messages.toArray(byte[][]::new)));

            boolean complete = false;
            boolean interrupted = false;
            Spec ending = null;
            int delivered = 0;
            for (int i = 0; i < specs.size(); i++) {
                Spec s = specs.get(i);
                Verdict expected;
                if (complete || !s.ours()) {
                    expected = Verdict.DISCARD;
                } else {
                    switch (s.kind()) {
                        case DATA -> {
                            expected = Verdict.DELIVER;
                            interrupted |= s.intr();
                            delivered++;
                        }
                        case ACK, ERROR -> expected = Verdict.COMPLETE;
                        case DONE -> expected = dump ? Verdict.COMPLETE : Verdict.DISCARD;
                        default -> expected = Verdict.SKIP;
                    }
                    if (expected == Verdict.COMPLETE) {
                        complete = true;
                        ending = s;
                    }
                }
                assertEquals(expected, verdicts.get(i), "message " + i + " of " + specs);
            }
            assertEquals(complete, state.isComplete());
            assertEquals(delivered, state.delivered());
            if (complete) {
                if (ending.kind() == ERROR) {
                    assertEquals(Errno.EEXIST, assertInstanceOf(NetlinkErrnoException.class, state.outcome()).errno());
                } else if (interrupted) {
                    assertInstanceOf(NetlinkDumpInterruptedException.class, state.outcome());
                } else {
                    assertNull(state.outcome());
                }
            }
        });
    }

    @Test
    void everyRequestOfABatchGetsTheOutcomeOfItsOwnFirstAck() {
        // An ACK order: a list of window positions (repeats are duplicate ACKs), each with an errno choice.
        Gen<List<Integer>> order = lists().of(integers().between(-1, 8)).ofSizeBetween(0, 30);
        qt().withExamples(2000).forAll(integers().between(1, 8), order, lists().of(booleans().all()).ofSize(30))
                .checkAssert((count, positions, refuse) -> {
                    int first = Integer.MAX_VALUE - 3; // the window may wrap around
                    BatchState state = new BatchState(first, count, PORT, k -> "op " + k, true);
                    Boolean[] expected = new Boolean[count];
                    int pending = count;
                    for (int i = 0; i < positions.size(); i++) {
                        int k = positions.get(i);
                        int seq = first + k;
                        boolean no = refuse.get(i);
                        byte[] ack = no ? BatchStateTest.error(seq, Errno.EPERM) : ExchangeStateTest.ack(seq);
                        Verdict v = ExchangeStateTest.feedOne(state, ack);
                        if (k < 0 || k >= count || expected[k] != null) {
                            assertEquals(Verdict.DISCARD, v, "ACK " + i + " for position " + k);
                        } else {
                            expected[k] = no;
                            pending--;
                            assertEquals(pending == 0 ? Verdict.COMPLETE : Verdict.SKIP, v, "ACK " + i + " for position " + k);
                        }
                    }
                    assertEquals(pending == 0, state.isComplete());
                    for (int k = 0; k < count; k++) {
                        if (expected[k] == null) {
                            assertNull(state.outcome(k));
                            assertTrue(!state.isAcknowledged(k));
                        } else if (expected[k]) {
                            NetlinkErrnoException e = assertInstanceOf(NetlinkErrnoException.class, state.outcome(k));
                            assertEquals("op " + k, e.operation());
                        } else {
                            assertNull(state.outcome(k));
                        }
                    }
                });
    }

    @Test
    void withTheAckOnTheLastRequestEachRequestGetsItsOwnErrorOrTheLastAnswersOutcome() {
        // What a peer answers, in order: positions (-1 and count are outside the window; repeats are
        // duplicates), each an error or an ACK; the window completes on the last position's answer.
        Gen<List<Integer>> order = lists().of(integers().between(-1, 8)).ofSizeBetween(0, 30);
        qt().withExamples(2000).forAll(integers().between(1, 8), order, lists().of(booleans().all()).ofSize(30))
                .checkAssert((count, positions, refuse) -> {
                    int first = Integer.MAX_VALUE - 3;
                    BatchState state = new BatchState(first, count, PORT, k -> "op " + k, false);
                    Boolean[] expected = new Boolean[count];
                    boolean complete = false;
                    for (int i = 0; i < positions.size(); i++) {
                        int k = positions.get(i);
                        boolean no = refuse.get(i);
                        byte[] answer = no ? BatchStateTest.error(first + k, Errno.EPERM) : ExchangeStateTest.ack(first + k);
                        Verdict v = ExchangeStateTest.feedOne(state, answer);
                        if (k < 0 || k >= count || complete || expected[k] != null) {
                            assertEquals(Verdict.DISCARD, v, "answer " + i + " for position " + k);
                        } else {
                            expected[k] = no;
                            complete = k == count - 1;
                            assertEquals(complete ? Verdict.COMPLETE : Verdict.SKIP, v, "answer " + i + " for position " + k);
                        }
                    }
                    assertEquals(complete, state.isComplete());
                    for (int k = 0; k < count; k++) {
                        if (Boolean.TRUE.equals(expected[k])) {
                            assertEquals("op " + k, assertInstanceOf(NetlinkErrnoException.class, state.outcome(k)).operation());
                        } else {
                            assertNull(state.outcome(k), "request " + k);
                            assertEquals(expected[k] != null || complete, state.isAcknowledged(k));
                        }
                    }
                });
    }
}
