// SPDX-FileCopyrightText: 2026 The netlink4j Authors
// SPDX-License-Identifier: Apache-2.0
package io.netlink4j.engine;

import io.netlink4j.NetlinkClosedException;

import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;

/**
 * A thread that polls a {@link NetlinkSubscription} and hands every notification to a
 * {@link NetlinkEventHandler} until closed. Overruns go to {@link NetlinkEventHandler#onOverrun()}
 * and the loop keeps running.
 *
 * <pre>{@code
 * NetlinkSubscription sub = NetlinkSubscription.open(NetlinkProtocol.GENERIC, NetlinkOptions.defaults(), groupId);
 * try (NetlinkEventLoop loop = NetlinkEventLoop.start(sub, handler)) {
 *     ...
 * }
 * }</pre>
 *
 * <p>The loop owns the subscription and closes it when it stops; closing the subscription
 * also stops the loop. Anything the handler throws,
 * and any socket failure other than an overrun, stops the loop: the exception is kept
 * ({@link #failure()}) and then rethrown on the loop's thread, so its uncaught-exception
 * handler (set through the {@link ThreadFactory}) sees it too.
 */
public final class NetlinkEventLoop implements AutoCloseable {
    private final NetlinkSubscription subscription;
    private final NetlinkEventHandler handler;
    private final Thread thread;
    private volatile boolean stopping;
    private volatile Throwable failure;

    private NetlinkEventLoop(NetlinkSubscription subscription, NetlinkEventHandler handler, ThreadFactory threads) {
        this.subscription = subscription;
        this.handler = handler;
        this.thread = threads.newThread(this::run);
        if (thread == null) {
            throw new IllegalStateException("thread factory " + threads + " returned no thread");
        }
    }

    /**
     * Starts a daemon thread named {@code netlink-events-PORTID} that polls {@code subscription}.
     *
     * @param subscription the subscription, which the loop then owns (it closes it when it stops)
     * @param handler      receives the notifications, on the loop's thread
     * @return the running loop
     */
    public static NetlinkEventLoop start(NetlinkSubscription subscription, NetlinkEventHandler handler) {
        Objects.requireNonNull(subscription, "subscription");
        String name = "netlink-events-" + Integer.toUnsignedString(subscription.portId());
        return start(subscription, handler, r -> {
            Thread t = new Thread(r, name);
            t.setDaemon(true);
            return t;
        });
    }

    /**
     * Starts a thread made by {@code threads} that polls {@code subscription}.
     *
     * @param subscription the subscription, which the loop then owns (it closes it when it stops)
     * @param handler      receives the notifications, on the loop's thread
     * @param threads      makes the loop's thread
     * @return the running loop
     * @throws IllegalStateException if {@code threads} returns no thread
     */
    public static NetlinkEventLoop start(NetlinkSubscription subscription, NetlinkEventHandler handler, ThreadFactory threads) {
        Objects.requireNonNull(subscription, "subscription");
        Objects.requireNonNull(handler, "handler");
        Objects.requireNonNull(threads, "threads");
        NetlinkEventLoop loop = new NetlinkEventLoop(subscription, handler, threads);
        loop.thread.start();
        return loop;
    }

    private void run() {
        try {
            while (!stopping) {
                subscription.poll(NetlinkConnection.WAKEUP_INTERVAL, handler);
            }
        } catch (NetlinkClosedException e) {
            if (!subscription.isClosed()) {
                failure = e;
                throw e;
            }
        } catch (RuntimeException | Error e) {
            failure = e;
            throw e;
        } finally {
            subscription.close();
        }
    }

    /**
     * The subscription this loop polls.
     *
     * @return the subscription
     */
    public NetlinkSubscription subscription() {
        return subscription;
    }

    /**
     * Whether the thread is still polling.
     *
     * @return true while the thread is alive
     */
    public boolean isRunning() {
        return thread.isAlive();
    }

    /**
     * What stopped the loop.
     *
     * @return the exception that stopped it, or empty while it runs or after a normal close
     */
    public Optional<Throwable> failure() {
        return Optional.ofNullable(failure);
    }

    /**
     * Waits up to {@code timeout} for the thread to end.
     *
     * @param timeout how long to wait at most
     * @return true if it has ended
     * @throws InterruptedException if the waiting thread was interrupted
     */
    public boolean awaitTermination(Duration timeout) throws InterruptedException {
        Objects.requireNonNull(timeout, "timeout");
        TimeUnit.NANOSECONDS.timedJoin(thread, timeout.toNanos());
        return !thread.isAlive();
    }

    /**
     * Stops the thread and closes the subscription. Idempotent. Waits for the thread to end
     * (about 100 ms at most, plus a handler call in progress),
     * unless called from the handler itself.
     */
    @Override
    public void close() {
        stopping = true;
        subscription.close();
        if (Thread.currentThread() == thread) {
            return;
        }
        boolean interrupted = false;
        while (thread.isAlive()) {
            try {
                thread.join();
            } catch (InterruptedException e) {
                interrupted = true;
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public String toString() {
        return "NetlinkEventLoop[" + subscription + (isRunning() ? ", running" : ", stopped")
                + (failure != null ? ", failed: " + failure : "") + "]";
    }
}
