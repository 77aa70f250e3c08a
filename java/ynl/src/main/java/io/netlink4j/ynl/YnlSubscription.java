// SPDX-FileCopyrightText: 2026 The netlink4j Authors
// SPDX-License-Identifier: Apache-2.0
package io.netlink4j.ynl;

import io.netlink4j.NetlinkOverrunException;
import io.netlink4j.codec.MessageReader;
import io.netlink4j.engine.NetlinkEventHandler;
import io.netlink4j.engine.NetlinkEventLoop;
import io.netlink4j.engine.NetlinkSubscription;

import java.time.Duration;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;

/**
 * A family's multicast groups joined by their spec names ({@link YnlFamily#subscribe}), and its
 * notifications decoded by the spec. A {@link NetlinkSubscription} of the engine underneath
 * (its own socket, in the family's network namespace): poll it here, on the caller's thread, or
 * run it on a {@link NetlinkEventLoop} with {@link #start}.
 *
 * <p>Which operation a message is decoded as: a notification of the spec ({@code notify:} or
 * {@code event:}) whose message number is the message's (its generic netlink command, or a
 * {@code netlink-raw} family's message type), as the kernel's {@code ynl.py} finds it. A
 * {@code netlink-raw} spec without notifications (6.12's {@code rt_addr}, {@code rt_link}) still
 * has operations for the message types rtnetlink multicasts: {@code RTM_NEWADDR} is decoded as
 * {@code newaddr}, {@code RTM_DELLINK} as {@code dellink} (the operation whose request has that
 * type, else the one whose reply has it), where {@code ynl.py} drops them. A message no operation
 * describes is counted ({@link #unknownMessages()}) and left out.
 *
 * <p>Thread safety: as {@link NetlinkSubscription}; polls are serialised.
 */
public final class YnlSubscription implements AutoCloseable {
    private final YnlFamily family;
    private final NetlinkSubscription subscription;
    private final Set<String> groups = new LinkedHashSet<>();
    private final AtomicLong unknown = new AtomicLong();

    YnlSubscription(YnlFamily family, NetlinkSubscription subscription) {
        this.family = family;
        this.subscription = subscription;
    }

    /**
     * Joins the multicast group {@code group} of the spec.
     *
     * @param group a group's name in the spec's {@code mcast-groups}
     * @throws IllegalArgumentException the spec (or, for generic netlink, the kernel's family) has
     *                                  no such group; the message lists those there are
     * @throws io.netlink4j.NetlinkErrnoException the kernel refused
     */
    public void join(String group) {
        subscription.join(family.mcastGroupId(group));
        synchronized (groups) {
            groups.add(group);
        }
    }

    /**
     * Leaves the multicast group {@code group} of the spec.
     *
     * @param group a group's name in the spec's {@code mcast-groups}
     * @throws IllegalArgumentException no such group
     */
    public void leave(String group) {
        subscription.leave(family.mcastGroupId(group));
        synchronized (groups) {
            groups.remove(group);
        }
    }

    /**
     * The groups joined.
     *
     * @return their spec names, in the order they were joined
     */
    public List<String> groups() {
        synchronized (groups) {
            return List.copyOf(groups);
        }
    }

    /**
     * The engine's subscription underneath.
     *
     * @return it, for its counters and options
     */
    public NetlinkSubscription subscription() {
        return subscription;
    }

    /**
     * Messages no operation of the spec describes, left out.
     *
     * @return the count since the subscription was opened
     */
    public long unknownMessages() {
        return unknown.get();
    }

    /**
     * Waits up to {@code timeout} for one datagram and hands its notifications to
     * {@code consumer}. A zero timeout only takes what is already queued.
     *
     * @param timeout  how long to wait
     * @param consumer receives each notification, decoded
     * @return the number of notifications handed out; 0 when the timeout expired
     * @throws NetlinkOverrunException notifications were lost (the socket's receive buffer
     *                                 overflowed); the subscription keeps working
     * @throws io.netlink4j.NetlinkDecodeException a notification the spec describes but whose
     *                                             bytes do not match it
     * @throws io.netlink4j.NetlinkClosedException the subscription was closed
     */
    public int poll(Duration timeout, Consumer<? super YnlNotification> consumer) {
        Objects.requireNonNull(consumer, "consumer");
        int[] count = {0};
        subscription.poll(timeout, handler(n -> {
            count[0]++;
            consumer.accept(n);
        }, () -> {
            throw new NetlinkOverrunException(family.spec().name() + " notifications",
                    "the receive buffer overflowed and notifications were lost");
        }));
        return count[0];
    }

    /**
     * An event handler of the engine that decodes each message and hands it to
     * {@code notifications}, and reports overruns to {@code overruns}.
     *
     * @param notifications receives each notification, decoded
     * @param overruns      runs when notifications were lost
     * @return the handler, for {@link NetlinkSubscription#poll} or a {@link NetlinkEventLoop}
     */
    public NetlinkEventHandler handler(Consumer<? super YnlNotification> notifications, Runnable overruns) {
        Objects.requireNonNull(notifications, "notifications");
        Objects.requireNonNull(overruns, "overruns");
        return new NetlinkEventHandler() {
            @Override
            public void onMessage(MessageReader message) {
                Optional<YnlNotification> n = decode(message);
                if (n.isPresent()) {
                    notifications.accept(n.get());
                }
            }

            @Override
            public void onOverrun() {
                overruns.run();
            }
        };
    }

    /**
     * Starts a thread that hands every notification to {@code notifications} until the loop (or
     * this subscription) is closed.
     *
     * @param notifications receives each notification, decoded, on the loop's thread
     * @param overruns      runs on the loop's thread when notifications were lost
     * @return the running loop
     */
    public NetlinkEventLoop start(Consumer<? super YnlNotification> notifications, Runnable overruns) {
        return NetlinkEventLoop.start(subscription, handler(notifications, overruns));
    }

    /**
     * Decodes one message by the spec.
     *
     * @param message a reader positioned on a message of this family
     * @return the notification; empty for a message no operation describes (counted)
     * @throws io.netlink4j.NetlinkDecodeException its bytes do not match the operation
     */
    public Optional<YnlNotification> decode(MessageReader message) {
        Objects.requireNonNull(message, "message");
        Optional<YnlNotification> n = family.notification(message);
        if (n.isEmpty()) {
            unknown.incrementAndGet();
        }
        return n;
    }

    /** Closes the subscription's socket. */
    @Override
    public void close() {
        subscription.close();
    }

    @Override
    public String toString() {
        return "YnlSubscription[" + family.spec().name() + ", groups " + groups() + "]";
    }
}
