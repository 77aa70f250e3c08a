// SPDX-FileCopyrightText: 2026 The netlink4j Authors
// SPDX-License-Identifier: Apache-2.0
package io.netlink4j.engine;

import io.netlink4j.NetlinkClosedException;
import io.netlink4j.internal.HostOrder;
import io.netlink4j.codec.MessageReader;
import io.netlink4j.codec.Netlink;
import io.netlink4j.testing.NetlinkTestPeer;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

import static io.netlink4j.testing.NetlinkTestPeer.datagram;
import static io.netlink4j.testing.NetlinkTestPeer.message;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The subscription and the listener against a scripted peer that sends unsolicited datagrams:
 * delivery, control messages, foreign senders, timeouts, close from any thread, listener life cycle.
 */
@Tag("kernel")
class NetlinkSubscriptionTest {
    static final int TYPE = 0x20;

    static byte[] event(int value) {
        return message(TYPE, 0, 0, 0, ByteBuffer.allocate(4).order(ByteOrder.nativeOrder()).putInt(value).array());
    }

    static int value(MessageReader m) {
        return HostOrder.getI32(m.buffer(), m.payloadOffset());
    }

    static NetlinkTestPeer silentPeer() {
        return NetlinkTestPeer.start(req -> List.of());
    }

    static NetlinkSubscription subscribe(NetlinkTestPeer peer) {
        return NetlinkSubscription.open(NetlinkTestPeer.PROTOCOL, peer.clientOptions().build());
    }

    /** Records what it is given. */
    static final class Recorder implements NetlinkEventHandler {
        final List<Integer> values = new ArrayList<>();
        final List<Integer> types = new ArrayList<>();
        int overruns;

        @Override
        public void onMessage(MessageReader message) {
            types.add(message.type());
            values.add(value(message));
        }

        @Override
        public void onOverrun() {
            overruns++;
        }
    }

    @Test
    void deliversEveryMessageOfADatagramAndSkipsControlMessages() {
        try (NetlinkTestPeer peer = silentPeer(); NetlinkSubscription sub = subscribe(peer)) {
            byte[] noop = message(Netlink.NLMSG_NOOP, 0, 0, 0, new byte[4]);
            peer.send(sub.portId(), datagram(event(1), noop, event(2)));
            peer.send(sub.portId(), event(3));
            Recorder r = new Recorder();
            assertEquals(2, sub.poll(Duration.ofSeconds(3), r));
            assertEquals(1, sub.poll(Duration.ofSeconds(3), r));
            assertEquals(List.of(1, 2, 3), r.values);
            assertEquals(List.of(TYPE, TYPE, TYPE), r.types);
            assertEquals(0, r.overruns);
        }
    }

    @Test
    void messagesFromOtherSendersAreDiscardedAndCounted() {
        try (NetlinkTestPeer peer = silentPeer(); NetlinkTestPeer stranger = silentPeer(); NetlinkSubscription sub = subscribe(peer)) {
            stranger.send(sub.portId(), event(66));
            peer.send(sub.portId(), event(1));
            Recorder r = new Recorder();
            assertEquals(1, sub.poll(Duration.ofSeconds(3), r));
            assertEquals(List.of(1), r.values);
            assertEquals(1, sub.discardedMessages());
        }
    }

    @Test
    void pollReturnsZeroWhenTheTimeoutExpires() {
        try (NetlinkTestPeer peer = silentPeer(); NetlinkSubscription sub = subscribe(peer)) {
            Recorder r = new Recorder();
            long start = System.nanoTime();
            assertEquals(0, sub.poll(Duration.ofMillis(30), r));
            long waited = System.nanoTime() - start;
            assertTrue(waited >= TimeUnit.MILLISECONDS.toNanos(30) && waited < TimeUnit.SECONDS.toNanos(5), waited + " ns");
            start = System.nanoTime();
            assertEquals(0, sub.poll(Duration.ofMillis(250), r), "longer than one wake-up slice");
            waited = System.nanoTime() - start;
            assertTrue(waited >= TimeUnit.MILLISECONDS.toNanos(250) && waited < TimeUnit.SECONDS.toNanos(5), waited + " ns");
            assertEquals(0, sub.poll(Duration.ZERO, r), "zero: only what is queued");
            peer.send(sub.portId(), event(7));
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(3);
            while (r.values.isEmpty() && System.nanoTime() < deadline) {
                sub.poll(Duration.ZERO, r);
            }
            assertEquals(List.of(7), r.values);
            assertThrows(IllegalArgumentException.class, () -> sub.poll(Duration.ofMillis(-1), r));
        }
    }

    @Test
    void closeFromAnotherThreadEndsABlockedPoll() throws Exception {
        try (NetlinkTestPeer peer = silentPeer()) {
            NetlinkSubscription sub = subscribe(peer);
            CompletableFuture<Integer> poll = CompletableFuture.supplyAsync(() -> sub.poll(Duration.ofSeconds(30), new Recorder()));
            Thread.sleep(50);
            sub.close();
            ExecutionException e = assertThrows(ExecutionException.class, () -> poll.get(5, TimeUnit.SECONDS), "a 30 s poll ends within 5 s of close");
            assertInstanceOf(NetlinkClosedException.class, e.getCause());
            assertThrows(NetlinkClosedException.class, () -> sub.poll(Duration.ZERO, new Recorder()));
            sub.close();
        }
    }

    @Test
    void aHandlerMayCloseItsOwnSubscription() {
        try (NetlinkTestPeer peer = silentPeer()) {
            NetlinkSubscription sub = subscribe(peer);
            peer.send(sub.portId(), datagram(event(1), event(2)));
            List<Integer> seen = new ArrayList<>();
            int n = sub.poll(Duration.ofSeconds(3), new NetlinkEventHandler() {
                @Override
                public void onMessage(MessageReader message) {
                    seen.add(value(message));
                    sub.close();
                }

                @Override
                public void onOverrun() {
                }
            });
            assertEquals(1, n, "delivery stops at the close");
            assertEquals(List.of(1), seen);
            assertTrue(sub.isClosed());
        }
    }

    @Test
    void groupsAreValidatedBeforeTheSocketIsUsed() {
        try (NetlinkTestPeer peer = silentPeer()) {
            assertThrows(IllegalArgumentException.class,
                    () -> NetlinkSubscription.open(NetlinkTestPeer.PROTOCOL, peer.clientOptions().build(), 1, 0));
        }
    }

    @Test
    void listenerDeliversUntilClosed() throws Exception {
        try (NetlinkTestPeer peer = silentPeer()) {
            NetlinkSubscription sub = subscribe(peer);
            BlockingQueue<Integer> values = new LinkedBlockingQueue<>();
            NetlinkEventLoop listener = NetlinkEventLoop.start(sub, new NetlinkEventHandler() {
                @Override
                public void onMessage(MessageReader message) {
                    values.add(value(message));
                }

                @Override
                public void onOverrun() {
                }
            });
            try {
                assertTrue(listener.isRunning());
                for (int i = 1; i <= 3; i++) {
                    peer.send(sub.portId(), event(i));
                }
                for (int i = 1; i <= 3; i++) {
                    assertEquals(i, values.poll(3, TimeUnit.SECONDS));
                }
            } finally {
                listener.close();
            }
            assertTrue(!listener.isRunning() && sub.isClosed());
            assertTrue(listener.failure().isEmpty());
            listener.close();
        }
    }

    @Test
    void aHandlerFailureStopsTheListenerAndIsKept() throws Exception {
        try (NetlinkTestPeer peer = silentPeer()) {
            NetlinkSubscription sub = subscribe(peer);
            IllegalStateException boom = new IllegalStateException("boom");
            AtomicReference<Throwable> uncaught = new AtomicReference<>();
            NetlinkEventLoop listener = NetlinkEventLoop.start(sub, new NetlinkEventHandler() {
                @Override
                public void onMessage(MessageReader message) {
                    throw boom;
                }

                @Override
                public void onOverrun() {
                }
            }, r -> {
                Thread t = new Thread(r, "test-listener");
                t.setUncaughtExceptionHandler((thread, e) -> uncaught.set(e));
                return t;
            });
            peer.send(sub.portId(), event(1));
            assertTrue(listener.awaitTermination(Duration.ofSeconds(5)));
            assertSame(boom, listener.failure().orElseThrow());
            assertSame(boom, uncaught.get());
            assertTrue(sub.isClosed(), "the listener closes its subscription when it stops");
            listener.close();
        }
    }

    @Test
    void closingTheSubscriptionStopsTheListenerQuietly() throws Exception {
        try (NetlinkTestPeer peer = silentPeer()) {
            NetlinkSubscription sub = subscribe(peer);
            NetlinkEventLoop listener = NetlinkEventLoop.start(sub, new Recorder());
            sub.close();
            assertTrue(listener.awaitTermination(Duration.ofSeconds(5)));
            assertTrue(listener.failure().isEmpty());
        }
    }
}
