// SPDX-FileCopyrightText: 2026 The netlink4j Authors
// SPDX-License-Identifier: Apache-2.0
package io.netlink4j.cli.route;

import io.netlink4j.cli.Main;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

import static org.junit.jupiter.api.Assertions.fail;

/**
 * netlink4j running in this JVM on a thread of its own, for commands that run until something
 * happens ({@code monitor}). Its standard output is read line by line as it is written, and can be
 * held (writes block) or closed (writes fail) like a pipe whose reader is slow or gone.
 */
final class Background {
    /** How long a wait for the command may take before the test gives up: a guard against hanging, not a measurement. */
    static final Duration GIVE_UP = Duration.ofSeconds(60);

    private final Output out = new Output();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();
    private final Thread thread;
    private volatile int exitCode = -1;

    private Background(String[] args) {
        thread = new Thread(() -> exitCode = Main.run(args, new ByteArrayInputStream(new byte[0]), out, err),
                "netlink4j " + String.join(" ", args));
        thread.setDaemon(true);
    }

    static Background start(String... args) {
        Background b = new Background(args);
        b.thread.start();
        return b;
    }

    /** Runs {@code poke} until a line is printed: the command is then listening. */
    void pokeUntilItPrints(Runnable poke) throws InterruptedException {
        long deadline = System.nanoTime() + GIVE_UP.toNanos();
        do {
            poke.run();
            if (out.await(line -> true, Duration.ofMillis(100))) {
                return;
            }
        } while (System.nanoTime() < deadline && thread.isAlive());
        fail("printed nothing: " + this);
    }

    /** Runs {@code poke} until the command has ended. */
    void pokeUntilItEnds(Runnable poke) throws InterruptedException {
        long deadline = System.nanoTime() + GIVE_UP.toNanos();
        while (thread.isAlive()) {
            if (System.nanoTime() > deadline) {
                fail("did not end: " + this);
            }
            poke.run();
            thread.join(20);
        }
    }

    /** Waits for a line that matches; fails if none comes. */
    void awaitLine(Predicate<String> match) throws InterruptedException {
        if (!out.await(match, GIVE_UP)) {
            fail("no such line: " + this);
        }
    }

    /** Makes writes block until {@link #release()}; returns a latch opened when one blocks. */
    CountDownLatch hold() {
        return out.hold();
    }

    void release() {
        out.release();
    }

    /** Makes writes fail, as they do once the reader of a pipe is gone. */
    void closeOutput() {
        out.closed = true;
    }

    List<String> lines() {
        return out.lines();
    }

    int exitCode() {
        return exitCode;
    }

    String err() {
        synchronized (err) {
            return err.toString(StandardCharsets.UTF_8);
        }
    }

    @Override
    public String toString() {
        return thread.getName() + (thread.isAlive() ? " (running)" : " (exit " + exitCode + ")") + "\n--- stdout ---\n"
                + String.join("\n", lines()) + "\n--- stderr ---\n" + err();
    }

    /** Standard output: complete lines, kept in order. */
    private static final class Output extends OutputStream {
        private final List<String> lines = new ArrayList<>();
        private final ByteArrayOutputStream partial = new ByteArrayOutputStream();
        private volatile boolean closed;
        private volatile CountDownLatch gate;
        private volatile CountDownLatch blocked;

        @Override
        public void write(int b) throws IOException {
            write(new byte[] {(byte) b}, 0, 1);
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            CountDownLatch g = gate;
            if (g != null) {
                blocked.countDown();
                try {
                    g.await();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IOException("interrupted", e);
                }
            }
            if (closed) {
                throw new IOException("Broken pipe");
            }
            synchronized (this) {
                for (int i = off; i < off + len; i++) {
                    if (b[i] == '\n') {
                        lines.add(partial.toString(StandardCharsets.UTF_8));
                        partial.reset();
                    } else {
                        partial.write(b[i]);
                    }
                }
                notifyAll();
            }
        }

        synchronized boolean await(Predicate<String> match, Duration timeout) throws InterruptedException {
            long deadline = System.nanoTime() + timeout.toNanos();
            for (int from = 0; ; ) {
                for (; from < lines.size(); from++) {
                    if (match.test(lines.get(from))) {
                        return true;
                    }
                }
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    return false;
                }
                TimeUnit.NANOSECONDS.timedWait(this, left);
            }
        }

        synchronized List<String> lines() {
            return List.copyOf(lines);
        }

        CountDownLatch hold() {
            blocked = new CountDownLatch(1);
            gate = new CountDownLatch(1);
            return blocked;
        }

        void release() {
            CountDownLatch g = gate;
            gate = null;
            g.countDown();
        }
    }
}
