// SPDX-FileCopyrightText: 2026 The netlink4j Authors
// SPDX-License-Identifier: Apache-2.0
package io.netlink4j.fuzz;

import io.netlink4j.NetlinkDecodeException;
import io.netlink4j.testsupport.LeakDetection;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.PooledByteBufAllocator;

import java.util.List;
import java.util.function.Consumer;
import java.util.function.Supplier;

/** What every fuzz target shares: input buffers, the parser oracle and leak checks. */
public final class Fuzzing {
    /** How often a long fuzzing run asks the leak detector (it collects garbage, so not per input). */
    private static final long LEAK_CHECK_INTERVAL_NANOS = 30_000_000_000L;
    private static long lastLeakCheck = System.nanoTime();

    private Fuzzing() {}

    /**
     * A pooled direct buffer of exactly {@code data.length} bytes holding {@code data}, like the
     * connection's receive buffer: any read past the end throws instead of reading stale memory.
     */
    public static ByteBuf buffer(byte[] data) {
        return embedded(data, 0, 0, (byte) 0);
    }

    /** {@code data} at offset {@code before}, with {@code before} and {@code after} bytes of {@code fill} around it. */
    public static ByteBuf embedded(byte[] data, int before, int after, byte fill) {
        int capacity = before + data.length + after;
        ByteBuf buf = PooledByteBufAllocator.DEFAULT.directBuffer(capacity, capacity);
        for (int i = 0; i < before; i++) {
            buf.writeByte(fill);
        }
        buf.writeBytes(data);
        for (int i = 0; i < after; i++) {
            buf.writeByte(fill);
        }
        return buf;
    }

    /**
     * Runs {@code body} over a buffer holding {@code data} and releases it. Fails if the code
     * under test kept a reference to it, and, every half minute of a fuzzing run, if Netty's
     * paranoid leak detector reported a leak.
     */
    public static void withBuffer(byte[] data, Consumer<ByteBuf> body) {
        ByteBuf buf = buffer(data);
        try {
            body.accept(untraced(buf));
        } finally {
            release(buf);
        }
        checkLeaksPeriodically();
    }

    /**
     * The buffer itself rather than the paranoid leak detector's wrapper around it, which records
     * a stack trace on every access and would slow fuzzing down fifty-fold. The allocation stays
     * tracked: release the wrapper. The reference count is shared, so {@link #release} still sees
     * a reference the code under test kept.
     */
    public static ByteBuf untraced(ByteBuf buf) {
        ByteBuf inner = buf.unwrap();
        return inner != null ? inner : buf;
    }

    /** Releases a buffer the harness owns; fails if someone else still holds a reference. */
    public static void release(ByteBuf buf) {
        if (buf.capacity() == 0) {
            return; // the allocator's shared empty buffer, which is never freed
        }
        if (!buf.release()) {
            throw new AssertionError("buffer still referenced (refCnt " + buf.refCnt() + ") after the code under test returned");
        }
    }

    /**
     * The parser oracle: {@code parser}'s result, or null if it rejected the input with
     * {@link NetlinkDecodeException}, the one exception a parser may throw. Anything else it
     * throws propagates and is a finding.
     */
    public static <T> T decodeOrNull(Supplier<T> parser) {
        try {
            return parser.get();
        } catch (NetlinkDecodeException e) {
            if (e.getMessage() == null || e.getMessage().isEmpty()) {
                throw new AssertionError("NetlinkDecodeException without a message", e);
            }
            return null;
        }
    }

    /** Like {@link #decodeOrNull} for a parser without a result; true if it accepted the input. */
    public static boolean decodes(Runnable parser) {
        return decodeOrNull(() -> {
            parser.run();
            return Boolean.TRUE;
        }) != null;
    }

    private static void checkLeaksPeriodically() {
        long now = System.nanoTime();
        if (now - lastLeakCheck < LEAK_CHECK_INTERVAL_NANOS) {
            return;
        }
        lastLeakCheck = now;
        List<String> leaks = LeakDetection.collectLeaks();
        if (!leaks.isEmpty()) {
            throw new AssertionError(leaks.size() + " ByteBuf leak(s):\n" + String.join("\n", leaks));
        }
    }
}
