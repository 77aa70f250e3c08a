// SPDX-FileCopyrightText: 2026 The netlink4j Authors
// SPDX-License-Identifier: Apache-2.0
package io.netlink4j.ipvs;

import io.netlink4j.NetlinkErrnoException;
import io.netlink4j.NetlinkException;
import io.netlink4j.engine.BatchResult;
import io.netlink4j.engine.ReplyHandler;
import io.netlink4j.engine.Request;
import io.netlink4j.genl.GenericNetlink;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Many IPVS operations applied with as few system calls as the socket allows: the requests are
 * packed into large datagrams sized so their ACKs never overflow the receive buffer, every ACK is
 * matched to its operation, and {@link #apply()} reports each operation's outcome. Operations are
 * applied in order; a failed one does not stop the rest.
 *
 * <pre>{@code
 * IpvsBatch batch = ipvs.batch();
 * for (Service s : services) {
 *     batch.newService(s);
 * }
 * IpvsBatch.Result result = batch.apply();
 * result.failures().forEach(f -> log.warn(f.getMessage()));
 * }</pre>
 *
 * Not thread safe (build a batch on one thread); {@link #apply()} itself may run concurrently with
 * other calls on the same handle.
 */
public final class IpvsBatch {
    private final IpvsHandle handle;
    private final List<Op> ops = new ArrayList<>();

    private record Op(int cmd, Service service, Destination destination, Request request) {
    }

    IpvsBatch(IpvsHandle handle) {
        this.handle = handle;
    }

    private IpvsBatch add(int cmd, Service s, Destination d, io.netlink4j.engine.RequestBody body) {
        ops.add(new Op(cmd, s, d, GenericNetlink.request(IpvsHandle.operation(cmd), handle.family(), cmd, body)));
        return this;
    }

    public IpvsBatch newService(Service s) {
        Objects.requireNonNull(s, "service");
        return add(Ipvs.CMD_NEW_SERVICE, s, null, w -> IpvsCodec.writeService(w, s));
    }

    public IpvsBatch updateService(Service s) {
        Objects.requireNonNull(s, "service");
        return add(Ipvs.CMD_SET_SERVICE, s, null, w -> IpvsCodec.writeService(w, s));
    }

    public IpvsBatch delService(Service s) {
        Objects.requireNonNull(s, "service");
        return add(Ipvs.CMD_DEL_SERVICE, s, null, w -> IpvsCodec.writeServiceIdentity(w, s));
    }

    public IpvsBatch newDestination(Service s, Destination d) {
        Objects.requireNonNull(s, "service");
        Objects.requireNonNull(d, "destination");
        return add(Ipvs.CMD_NEW_DEST, s, d, w -> {
            IpvsCodec.writeServiceIdentity(w, s);
            IpvsCodec.writeDestination(w, d);
        });
    }

    public IpvsBatch updateDestination(Service s, Destination d) {
        Objects.requireNonNull(s, "service");
        Objects.requireNonNull(d, "destination");
        return add(Ipvs.CMD_SET_DEST, s, d, w -> {
            IpvsCodec.writeServiceIdentity(w, s);
            IpvsCodec.writeDestination(w, d);
        });
    }

    public IpvsBatch delDestination(Service s, Destination d) {
        Objects.requireNonNull(s, "service");
        Objects.requireNonNull(d, "destination");
        return add(Ipvs.CMD_DEL_DEST, s, d, w -> {
            IpvsCodec.writeServiceIdentity(w, s);
            IpvsCodec.writeDestinationIdentity(w, d);
        });
    }

    public IpvsBatch flush() {
        return add(Ipvs.CMD_FLUSH, null, null, io.netlink4j.engine.RequestBody.EMPTY);
    }

    public IpvsBatch setConfig(Config c) {
        Objects.requireNonNull(c, "config");
        return add(Ipvs.CMD_SET_CONFIG, null, null, w -> IpvsCodec.writeConfig(w, c));
    }

    public IpvsBatch zero(Service s) {
        Objects.requireNonNull(s, "service");
        return add(Ipvs.CMD_ZERO, s, null, w -> IpvsCodec.writeServiceIdentity(w, s));
    }

    /** Queues the operation that carries out {@code change}. */
    public IpvsBatch add(IpvsChange change) {
        Objects.requireNonNull(change, "change");
        return switch (change.kind()) {
            case DELETE_DESTINATION -> delDestination(change.service(), change.destination());
            case DELETE_SERVICE -> delService(change.service());
            case UPDATE_SERVICE -> updateService(change.service());
            case CREATE_SERVICE -> newService(change.service());
            case UPDATE_DESTINATION -> updateDestination(change.service(), change.destination());
            case CREATE_DESTINATION -> newDestination(change.service(), change.destination());
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
        return ops.size();
    }

    /** Sends every queued operation and reports each one's outcome. The batch is emptied. */
    public Result apply() {
        List<Request> requests = new ArrayList<>(ops.size());
        for (Op op : ops) {
            requests.add(op.request());
        }
        BatchResult raw = handle.genl().connection().batch(requests, ReplyHandler.IGNORE);
        List<NetlinkException> failures = new ArrayList<>(ops.size());
        for (int i = 0; i < ops.size(); i++) {
            NetlinkException f = raw.failure(i).map(BatchResult.Failure::exception).orElse(null);
            Op op = ops.get(i);
            if (f instanceof NetlinkErrnoException e) {
                f = IpvsErrors.map(op.cmd(), op.service(), op.destination(), null, e);
            }
            failures.add(f);
        }
        List<Op> applied = List.copyOf(ops);
        ops.clear();
        return new Result(applied, failures, raw.datagramsSent());
    }

    /**
     * What happened to each operation, in the order they were added: null where the kernel
     * acknowledged it, else why it failed (or why its outcome is unknown).
     */
    public static final class Result {
        private final List<Op> ops;
        private final List<NetlinkException> outcomes;
        private final int datagramsSent;

        private Result(List<Op> ops, List<NetlinkException> outcomes, int datagramsSent) {
            this.ops = ops;
            this.outcomes = java.util.Collections.unmodifiableList(outcomes);
            this.datagramsSent = datagramsSent;
        }

        public int size() {
            return outcomes.size();
        }

        /** Each operation's outcome: null for success. */
        public List<NetlinkException> outcomes() {
            return outcomes;
        }

        /** A description of operation {@code index}, e.g. {@code IPVS NEW_SERVICE TCP 10.0.0.1:80}. */
        public String operation(int index) {
            Op op = ops.get(index);
            return IpvsHandle.describe(op.cmd(), op.service(), op.destination());
        }

        public boolean succeeded(int index) {
            return outcomes.get(index) == null;
        }

        public boolean allSucceeded() {
            return outcomes.stream().allMatch(Objects::isNull);
        }

        /** The failures only, in order. */
        public List<NetlinkException> failures() {
            return outcomes.stream().filter(Objects::nonNull).toList();
        }

        /** How many sendmsg calls the batch took. */
        public int datagramsSent() {
            return datagramsSent;
        }

        @Override
        public String toString() {
            return "IpvsBatch.Result[" + size() + " operations, " + failures().size() + " failed, " + datagramsSent + " datagrams]";
        }
    }
}
