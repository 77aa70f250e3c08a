// SPDX-FileCopyrightText: 2026 The netlink4j Authors
// SPDX-License-Identifier: Apache-2.0
package io.netlink4j.engine;

import io.netlink4j.NetlinkErrnoException;
import io.netlink4j.NetlinkException;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The outcome of {@link NetlinkConnection#batch}: for each request, in request order, whether the
 * kernel acknowledged it. A request that did not succeed has a {@link Failure}: a
 * {@link NetlinkErrnoException} when the kernel refused it, any other {@link NetlinkException}
 * when its outcome is unknown (its datagram's ACK did not arrive in time, or an answer was lost
 * to a receive-buffer overrun) or it was never sent (its body failed to encode). Immutable.
 */
public final class BatchResult {
    private final int size;
    private final List<Failure> failures;
    private final Failure[] byIndex;
    private final int datagramsSent;

    /**
     * One request that did not succeed: which one ({@link #index()}, {@link #operation()},
     * {@link #request()}) and why ({@link #exception()}).
     *
     * @param index     the request's position in the batch, from 0
     * @param request   the request
     * @param exception why it failed: a {@link NetlinkErrnoException} when the kernel refused it,
     *                  another {@link NetlinkException} when its outcome is unknown or it was
     *                  never sent
     */
    public record Failure(int index, Request request, NetlinkException exception) {
        /**
         * Validates the components.
         *
         * @param index     the request's position in the batch, from 0
         * @param request   the request
         * @param exception why it failed
         * @throws IllegalArgumentException if {@code index} is negative
         * @throws NullPointerException     if {@code request} or {@code exception} is null
         */
        public Failure {
            if (index < 0) {
                throw new IllegalArgumentException("index: " + index + " (expected: >= 0)");
            }
            Objects.requireNonNull(request, "request");
            Objects.requireNonNull(exception, "exception");
        }

        /**
         * The operation that failed, as the request names it ({@link Request#operation()}).
         *
         * @return the operation, e.g. {@code "IPVS NEW_SERVICE"}
         */
        public String operation() {
            return request.operation();
        }
    }

    /**
     * @param requests      the batch's requests, in order
     * @param outcomes      per request: null for success, else its exception
     * @param datagramsSent how many datagrams the batch took
     */
    BatchResult(List<Request> requests, NetlinkException[] outcomes, int datagramsSent) {
        if (requests.size() != outcomes.length) {
            throw new IllegalArgumentException("outcomes: " + outcomes.length + " (expected: " + requests.size() + ")");
        }
        this.size = outcomes.length;
        this.byIndex = new Failure[size];
        List<Failure> list = new ArrayList<>();
        for (int i = 0; i < size; i++) {
            if (outcomes[i] != null) {
                Failure f = new Failure(i, requests.get(i), outcomes[i]);
                byIndex[i] = f;
                list.add(f);
            }
        }
        this.failures = Collections.unmodifiableList(list);
        this.datagramsSent = datagramsSent;
    }

    /**
     * The number of requests in the batch.
     *
     * @return the batch's size
     */
    public int size() {
        return size;
    }

    /**
     * Whether the kernel acknowledged request {@code index} without an error.
     *
     * @param index the request's position in the batch
     * @return true if it succeeded
     * @throws IndexOutOfBoundsException if {@code index} is not in {@code [0, size())}
     */
    public boolean succeeded(int index) {
        return byIndex[Objects.checkIndex(index, size)] == null;
    }

    /**
     * The failure of request {@code index}, if it did not succeed.
     *
     * @param index the request's position in the batch
     * @return its failure, or empty when it succeeded
     * @throws IndexOutOfBoundsException if {@code index} is not in {@code [0, size())}
     */
    public Optional<Failure> failure(int index) {
        return Optional.ofNullable(byIndex[Objects.checkIndex(index, size)]);
    }

    /**
     * The requests that did not succeed, in request order; empty when all succeeded. Never
     * contains null.
     *
     * @return an unmodifiable list of failures
     */
    public List<Failure> failures() {
        return failures;
    }

    /**
     * Whether every request succeeded.
     *
     * @return true if {@link #failures()} is empty
     */
    public boolean allSucceeded() {
        return failures.isEmpty();
    }

    /**
     * How many datagrams (sendmsg calls) the batch took.
     *
     * @return the number of datagrams sent
     */
    public int datagramsSent() {
        return datagramsSent;
    }

    @Override
    public String toString() {
        return "BatchResult[size=" + size + ", failures=" + failures.size() + ", datagramsSent=" + datagramsSent + "]";
    }
}
