// SPDX-FileCopyrightText: 2026 The netlink4j Authors
// SPDX-License-Identifier: Apache-2.0
package io.netlink4j.ipvs;

import io.netlink4j.NetlinkErrnoException;
import io.netlink4j.NetlinkException;
import io.netlink4j.engine.BatchResult;
import io.netlink4j.engine.ReplyHandler;
import io.netlink4j.engine.Request;
import io.netlink4j.genl.GenlFamily;
import io.netlink4j.genl.GenlFamilyClient;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Many IPVS operations applied with as few system calls as the socket allows: the requests are
 * packed into large datagrams sized so their answers never overflow the receive buffer, the kernel
 * answers each operation it refuses with its error, and one ACK per datagram (on its last request)
 * says that every other operation of the datagram succeeded ({@link
 * io.netlink4j.engine.NetlinkConnection#batch}); {@link #apply()} reports each operation's outcome.
 * Operations are applied in order; a failed one does not stop the rest.
 *
 * <pre>{@code
 * IpvsBatch batch = ipvs.batch();
 * for (Service s : services) {
 *     batch.newService(s);
 * }
 * IpvsBatch.Result result = batch.apply();
 * result.failures().forEach(f -> log.warn(f.operation() + ": " + f.exception().getMessage()));
 * }</pre>
 *
 * Each method queues the request {@link IpvsHandle}'s method of the same name sends, and its
 * failure is reported as the same exception. Arguments are checked when queued. Not thread safe
 * (build a batch on one thread); {@link #apply()} itself may run concurrently with other calls on
 * the same handle.
 *
 * <p>A batch is sent under the IPVS family id the handle knows when {@link #apply()} runs. Unlike
 * the handle's own methods, a batch does not look the family up again when the kernel answers
 * ENOENT: after the ip_vs module was removed and loaded again, the first batch fails with ENOENT
 * in every operation unless a call on the handle (any call) has already found the new id.
 */
public final class IpvsBatch {
    private final GenlFamilyClient ipvs;
    private final List<Queued<?>> queued = new ArrayList<>();

    /** One queued operation: its command, argument, and the change it carries out if any. */
    private record Queued<A>(IpvsCommand<A, Void> command, A argument, IpvsChange change) {
        Request request(GenlFamily family) {
            return command.request(family, argument);
        }

        Failure failure(int index, NetlinkException raw) {
            NetlinkException e = raw instanceof NetlinkErrnoException refusal ? command.refused(argument, refusal) : raw;
            return new Failure(index, command.describe(argument), e, Optional.ofNullable(change));
        }
    }

    IpvsBatch(GenlFamilyClient ipvs) {
        this.ipvs = ipvs;
    }

    private <A> IpvsBatch queue(IpvsCommand<A, Void> command, A argument, String what, IpvsChange change) {
        queued.add(new Queued<>(command, command.checked(argument, what), change));
        return this;
    }

    /** Queues {@link IpvsHandle#newService}. */
    public IpvsBatch newService(Service service) {
        return queue(IpvsCommand.NEW_SERVICE, service, "service", null);
    }

    /** Queues {@link IpvsHandle#updateService}. */
    public IpvsBatch updateService(Service service) {
        return queue(IpvsCommand.SET_SERVICE, service, "service", null);
    }

    /** Queues {@link IpvsHandle#delService}. */
    public IpvsBatch delService(Service service) {
        return queue(IpvsCommand.DEL_SERVICE, service, "service", null);
    }

    /** Queues {@link IpvsHandle#newDestination}. */
    public IpvsBatch newDestination(Service service, Destination destination) {
        return queue(IpvsCommand.NEW_DEST, new IpvsCommand.ServiceDestination(service, destination), null, null);
    }

    /** Queues {@link IpvsHandle#updateDestination}. */
    public IpvsBatch updateDestination(Service service, Destination destination) {
        return queue(IpvsCommand.SET_DEST, new IpvsCommand.ServiceDestination(service, destination), null, null);
    }

    /** Queues {@link IpvsHandle#delDestination}. */
    public IpvsBatch delDestination(Service service, Destination destination) {
        return queue(IpvsCommand.DEL_DEST, new IpvsCommand.ServiceDestination(service, destination), null, null);
    }

    /** Queues {@link IpvsHandle#flush}. */
    public IpvsBatch flush() {
        return queue(IpvsCommand.FLUSH, null, null, null);
    }

    /** Queues {@link IpvsHandle#setConfig}. */
    public IpvsBatch setConfig(Config config) {
        return queue(IpvsCommand.SET_CONFIG, config, "config", null);
    }

    /** Queues {@link IpvsHandle#zero(Service)}. */
    public IpvsBatch zero(Service service) {
        return queue(IpvsCommand.ZERO_SERVICE, service, "service", null);
    }

    /** Queues the operation that carries out {@code change}; a failure of it names the change. */
    public IpvsBatch add(IpvsChange change) {
        Objects.requireNonNull(change, "change");
        Service s = change.service();
        Destination d = change.destination().orElse(null);
        return switch (change.kind()) {
            case DEL_DESTINATION -> queue(IpvsCommand.DEL_DEST, new IpvsCommand.ServiceDestination(s, d), null, change);
            case DEL_SERVICE -> queue(IpvsCommand.DEL_SERVICE, s, "service", change);
            case UPDATE_SERVICE -> queue(IpvsCommand.SET_SERVICE, s, "service", change);
            case NEW_SERVICE -> queue(IpvsCommand.NEW_SERVICE, s, "service", change);
            case UPDATE_DESTINATION -> queue(IpvsCommand.SET_DEST, new IpvsCommand.ServiceDestination(s, d), null, change);
            case NEW_DESTINATION -> queue(IpvsCommand.NEW_DEST, new IpvsCommand.ServiceDestination(s, d), null, change);
        };
    }

    /** Queues the operations that carry out {@code changes}, in order. */
    public IpvsBatch addAll(List<IpvsChange> changes) {
        Objects.requireNonNull(changes, "changes");
        for (IpvsChange c : changes) {
            add(c);
        }
        return this;
    }

    /** Operations queued so far. */
    public int size() {
        return queued.size();
    }

    /**
     * Sends every queued operation and reports each one's outcome, then empties the batch.
     *
     * @throws io.netlink4j.NetlinkClosedException the handle was closed (the batch keeps its operations)
     */
    public Result apply() {
        List<Queued<?>> ops = List.copyOf(queued);
        List<Request> requests = new ArrayList<>(ops.size());
        GenlFamily current = ipvs.family();
        for (Queued<?> op : ops) {
            requests.add(op.request(current));
        }
        BatchResult raw = ipvs.genericNetlink().connection().batch(requests, ReplyHandler.IGNORE);
        queued.clear();
        List<Failure> failures = new ArrayList<>();
        for (BatchResult.Failure f : raw.failures()) {
            failures.add(ops.get(f.index()).failure(f.index(), f.exception()));
        }
        return new Result(ops.size(), failures, raw.datagramsSent());
    }

    /**
     * One operation of a batch that did not succeed: the kernel refused it (an
     * {@link IpvsException}, naming the object, as {@link IpvsHandle}'s method would throw it), or
     * its outcome is unknown because its datagram's ACK never arrived (a timeout), or an overrun may
     * have lost its error.
     * It answers as {@link BatchResult.Failure} does, and names the change it carried out, if any.
     *
     * @param index     the operation's position in the batch, from 0, in the order the operations were queued
     * @param operation the operation and its object, e.g. {@code IPVS NEW_DEST TCP 10.0.0.1:80 -> 10.1.1.2:8080}
     * @param exception why it failed, or why its outcome is unknown
     * @param change    the change the operation carried out, when it was queued as one ({@link #add},
     *                  {@link IpvsHandle#sync}); else empty
     */
    public record Failure(int index, String operation, NetlinkException exception, Optional<IpvsChange> change) {
        /**
         * Checks the components.
         *
         * @throws IllegalArgumentException if {@code index} is negative
         */
        public Failure {
            Checks.range("index", index, 0, Integer.MAX_VALUE);
            Objects.requireNonNull(operation, "operation");
            Objects.requireNonNull(exception, "exception");
            Objects.requireNonNull(change, "change");
        }

        /** {@code #1 IPVS NEW_SERVICE TCP 10.0.0.1:80: service TCP 10.0.0.1:80 already exists}. */
        @Override
        public String toString() {
            return "#" + index + " " + operation + ": " + exception.getMessage();
        }
    }

    /** What happened to the operations of one {@link #apply()}, in the order they were queued. */
    public static final class Result {
        private final int size;
        private final List<Failure> failures;
        private final int datagramsSent;

        private Result(int size, List<Failure> failures, int datagramsSent) {
            this.size = size;
            this.failures = Collections.unmodifiableList(failures);
            this.datagramsSent = datagramsSent;
        }

        /** How many operations were applied. */
        public int size() {
            return size;
        }

        /** Whether the kernel acknowledged operation {@code index}. */
        public boolean succeeded(int index) {
            return failure(index).isEmpty();
        }

        /**
         * Why operation {@code index} failed, or empty if it succeeded.
         *
         * @throws IndexOutOfBoundsException unless {@code 0 <= index < size()}
         */
        public Optional<Failure> failure(int index) {
            Objects.checkIndex(index, size);
            int lo = 0;
            int hi = failures.size() - 1;
            while (lo <= hi) {
                int mid = (lo + hi) >>> 1;
                int at = failures.get(mid).index();
                if (at == index) {
                    return Optional.of(failures.get(mid));
                }
                if (at < index) {
                    lo = mid + 1;
                } else {
                    hi = mid - 1;
                }
            }
            return Optional.empty();
        }

        /** Whether every operation succeeded. */
        public boolean allSucceeded() {
            return failures.isEmpty();
        }

        /** The operations that failed, only they, in the order they were queued. */
        public List<Failure> failures() {
            return failures;
        }

        /** How many datagrams (sendmsg calls) the batch took. */
        public int datagramsSent() {
            return datagramsSent;
        }

        @Override
        public String toString() {
            return "IpvsBatch.Result[" + size + " operations, " + failures.size() + " failed, " + datagramsSent + " datagrams"
                    + (failures.isEmpty() ? "" : ", first failure " + failures.get(0)) + "]";
        }
    }
}
