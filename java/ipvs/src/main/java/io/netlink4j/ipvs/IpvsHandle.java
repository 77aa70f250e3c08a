// SPDX-FileCopyrightText: 2026 The netlink4j Authors
// SPDX-License-Identifier: Apache-2.0
package io.netlink4j.ipvs;

import io.netlink4j.AddressFamily;
import io.netlink4j.NetlinkDumpInterruptedException;
import io.netlink4j.NetlinkErrnoException;
import io.netlink4j.NetlinkOverrunException;
import io.netlink4j.engine.NetlinkOptions;
import io.netlink4j.engine.ReplyHandler;
import io.netlink4j.engine.RequestBody;
import io.netlink4j.genl.GenericNetlink;
import io.netlink4j.genl.GenlFamily;
import io.netlink4j.genl.GenlFamilyNotFoundException;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Consumer;
import java.util.function.Predicate;

/**
 * A handle on the IPVS of one network namespace: create, change, list and delete virtual
 * services, their destinations, the timeouts and the sync daemons.
 *
 * <pre>{@code
 * try (IpvsHandle ipvs = IpvsHandle.open()) {
 *     Service web = Service.builder().protocol(Protocol.TCP)
 *             .address(InetAddress.getByName("10.0.0.1")).port(80).schedName(Schedulers.ROUND_ROBIN).build();
 *     ipvs.newService(web);
 *     ipvs.newDestination(web, Destination.builder().address(InetAddress.getByName("10.1.1.2")).port(8080).weight(5).build());
 *     for (Service s : ipvs.getServices()) {
 *         System.out.println(s + " -> " + ipvs.getDestinations(s));
 *     }
 * }
 * }</pre>
 *
 * <p>Every method validates its arguments before anything is sent; kernel refusals become
 * {@link IpvsException}s naming the service or destination. The handle is safe for concurrent use
 * by many threads without outside locking. Operations need CAP_NET_ADMIN in the namespace.
 */
public final class IpvsHandle implements AutoCloseable {
    /** Receive buffer requested by {@link #open()}: room for the ACKs of large batches. */
    public static final int DEFAULT_SOCKET_RECEIVE_BUFFER = 4 << 20;
    /** How often list-returning dumps are restarted after a receive-buffer overrun. */
    static final int DUMP_ATTEMPTS = 3;

    private final GenericNetlink genl;
    private final GenlFamily family;

    private IpvsHandle(GenericNetlink genl, GenlFamily family) {
        this.genl = genl;
        this.family = family;
    }

    /** A handle on the caller's network namespace, with the default timeouts (send 30 s, receive 3 s). */
    public static IpvsHandle open() {
        return open(defaultOptions().build());
    }

    /** A handle on the network namespace at {@code netns}, e.g. {@code /var/run/netns/NAME} or {@code /proc/PID/ns/net}. */
    public static IpvsHandle open(Path netns) {
        Objects.requireNonNull(netns, "netns");
        return open(defaultOptions().netns(netns).build());
    }

    /** Options with this class's defaults, to adjust timeouts, namespace or buffers. */
    public static NetlinkOptions.Builder defaultOptions() {
        return NetlinkOptions.builder().socketReceiveBufferSize(DEFAULT_SOCKET_RECEIVE_BUFFER);
    }

    /**
     * A handle with explicit options.
     *
     * @throws IpvsException.UnavailableException the kernel has no IPVS
     */
    public static IpvsHandle open(NetlinkOptions options) {
        GenericNetlink genl = GenericNetlink.open(options);
        try {
            GenlFamily family = genl.family(Ipvs.FAMILY_NAME);
            return new IpvsHandle(genl, family);
        } catch (GenlFamilyNotFoundException e) {
            genl.close();
            throw new IpvsException.UnavailableException("IPVS is not available in this kernel"
                    + (options.netns() != null ? " (namespace " + options.netns() + ")" : "")
                    + ": load the ip_vs kernel module (modprobe ip_vs)", e);
        } catch (RuntimeException | Error e) {
            genl.close();
            throw e;
        }
    }

    /** The IPVS generic netlink family as resolved when the handle was opened. */
    public GenlFamily family() {
        return family;
    }

    /** The generic netlink connection underneath (for diagnostics and statistics). */
    public GenericNetlink genericNetlink() {
        return genl;
    }

    // Services.

    /** Creates a service (ipvsadm -A). */
    public void newService(Service service) {
        Objects.requireNonNull(service, "service");
        run(Ipvs.CMD_NEW_SERVICE, service, null, w -> IpvsCodec.writeService(w, service));
    }

    /** Changes a service's scheduler, flags, timeout, netmask and persistence engine (ipvsadm -E). */
    public void updateService(Service service) {
        Objects.requireNonNull(service, "service");
        run(Ipvs.CMD_SET_SERVICE, service, null, w -> IpvsCodec.writeService(w, service));
    }

    /** Deletes a service and its destinations (ipvsadm -D). */
    public void delService(Service service) {
        Objects.requireNonNull(service, "service");
        run(Ipvs.CMD_DEL_SERVICE, service, null, w -> IpvsCodec.writeServiceIdentity(w, service));
    }

    /** Whether the service (matched by protocol, address and port, or fwmark) exists. */
    public boolean isServicePresent(Service service) {
        try {
            getService(service);
            return true;
        } catch (IpvsException.NoSuchServiceException e) {
            return false;
        }
    }

    /**
     * The kernel's current view of {@code service} (matched by its identity), with stats.
     *
     * @throws IpvsException.NoSuchServiceException if it does not exist
     */
    public Service getService(Service service) {
        Objects.requireNonNull(service, "service");
        Service[] found = new Service[1];
        call(Ipvs.CMD_GET_SERVICE, service, null, w -> IpvsCodec.writeServiceIdentity(w, service),
                msg -> found[0] = IpvsCodec.decodeService(msg));
        if (found[0] == null) {
            throw new io.netlink4j.NetlinkDecodeException("IPVS GET_SERVICE " + service.describe() + " acknowledged without a reply");
        }
        return found[0];
    }

    /** Every service (ipvsadm -L). Restarted if the dump lost messages. */
    public List<Service> getServices() {
        return collect(this::forEachService);
    }

    /**
     * Runs a streaming dump into a new list, from the start again when the kernel reports lost
     * messages (an overrun, or a table changed during the dump), at most {@link #DUMP_ATTEMPTS} times.
     */
    private static <T> List<T> collect(Consumer<Consumer<T>> dump) {
        for (int attempt = 1; ; attempt++) {
            List<T> out = new ArrayList<>();
            try {
                dump.accept(out::add);
                return out;
            } catch (NetlinkOverrunException | NetlinkDumpInterruptedException e) {
                if (attempt == DUMP_ATTEMPTS) {
                    throw e;
                }
            }
        }
    }

    /**
     * Streams every service to {@code action} as it is decoded, without holding the whole table:
     * for very large tables. Not restarted on overrun (the action has already seen some services).
     */
    public void forEachService(Consumer<? super Service> action) {
        Objects.requireNonNull(action, "action");
        try {
            genl.dumpEach("IPVS GET_SERVICE dump", family, Ipvs.CMD_GET_SERVICE, RequestBody.EMPTY,
                    msg -> action.accept(IpvsCodec.decodeService(msg)));
        } catch (NetlinkErrnoException e) {
            throw IpvsErrors.map(Ipvs.CMD_GET_SERVICE, null, null, null, e);
        }
    }

    /** Deletes every service (ipvsadm -C). */
    public void flush() {
        run(Ipvs.CMD_FLUSH, null, null, RequestBody.EMPTY);
    }

    // Destinations.

    /** Adds a destination to a service (ipvsadm -a). */
    public void newDestination(Service service, Destination destination) {
        Objects.requireNonNull(service, "service");
        Objects.requireNonNull(destination, "destination");
        run(Ipvs.CMD_NEW_DEST, service, destination, w -> {
            IpvsCodec.writeServiceIdentity(w, service);
            IpvsCodec.writeDestination(w, destination);
        });
    }

    /** Changes a destination's weight, method, thresholds and tunnel (ipvsadm -e). */
    public void updateDestination(Service service, Destination destination) {
        Objects.requireNonNull(service, "service");
        Objects.requireNonNull(destination, "destination");
        run(Ipvs.CMD_SET_DEST, service, destination, w -> {
            IpvsCodec.writeServiceIdentity(w, service);
            IpvsCodec.writeDestination(w, destination);
        });
    }

    /** Removes a destination from a service (ipvsadm -d). */
    public void delDestination(Service service, Destination destination) {
        Objects.requireNonNull(service, "service");
        Objects.requireNonNull(destination, "destination");
        run(Ipvs.CMD_DEL_DEST, service, destination, w -> {
            IpvsCodec.writeServiceIdentity(w, service);
            IpvsCodec.writeDestinationIdentity(w, destination);
        });
    }

    /**
     * The destinations of {@code service}. For a service that does not exist the kernel answers
     * with an empty list, and so does this method: use {@link #isServicePresent} to tell the two
     * apart.
     */
    public List<Destination> getDestinations(Service service) {
        Objects.requireNonNull(service, "service");
        return collect(action -> forEachDestination(service, action));
    }

    /** Streams the destinations of {@code service} to {@code action} as they are decoded. */
    public void forEachDestination(Service service, Consumer<? super Destination> action) {
        Objects.requireNonNull(service, "service");
        Objects.requireNonNull(action, "action");
        AddressFamily af = service.addressFamily();
        try {
            genl.dumpEach("IPVS GET_DEST dump " + service.describe(), family, Ipvs.CMD_GET_DEST,
                    w -> IpvsCodec.writeServiceIdentity(w, service),
                    msg -> action.accept(IpvsCodec.decodeDestination(msg, af)));
        } catch (NetlinkErrnoException e) {
            throw IpvsErrors.map(Ipvs.CMD_GET_DEST, service, null, null, e);
        }
    }

    // Timeouts, information, counters.

    /** The TCP, TCP FIN and UDP timeouts (ipvsadm -L --timeout). */
    public Config getConfig() {
        Config[] out = new Config[1];
        call(Ipvs.CMD_GET_CONFIG, null, null, RequestBody.EMPTY, msg -> out[0] = IpvsCodec.decodeConfig(msg));
        return required(out[0], "GET_CONFIG");
    }

    /** Sets the timeouts; a zero duration leaves that one unchanged (ipvsadm --set). */
    public void setConfig(Config config) {
        Objects.requireNonNull(config, "config");
        run(Ipvs.CMD_SET_CONFIG, null, null, w -> IpvsCodec.writeConfig(w, config));
    }

    /** The IPVS version and connection table size. */
    public Info getInfo() {
        Info[] out = new Info[1];
        call(Ipvs.CMD_GET_INFO, null, null, RequestBody.EMPTY, msg -> out[0] = IpvsCodec.decodeInfo(msg));
        return required(out[0], "GET_INFO");
    }

    /** Zeroes the counters of every service (ipvsadm -Z). */
    public void zero() {
        run(Ipvs.CMD_ZERO, null, null, RequestBody.EMPTY);
    }

    /** Zeroes the counters of one service (ipvsadm -Z -t ...). */
    public void zero(Service service) {
        Objects.requireNonNull(service, "service");
        run(Ipvs.CMD_ZERO, service, null, w -> IpvsCodec.writeServiceIdentity(w, service));
    }

    // Sync daemons.

    /** Starts a connection-synchronisation daemon (ipvsadm --start-daemon). */
    public void newDaemon(DaemonConfig daemon) {
        Objects.requireNonNull(daemon, "daemon");
        try {
            genl.execute("IPVS NEW_DAEMON " + daemon.state(), family, Ipvs.CMD_NEW_DAEMON,
                    w -> IpvsCodec.writeDaemon(w, daemon), ReplyHandler.IGNORE);
        } catch (NetlinkErrnoException e) {
            throw IpvsErrors.map(Ipvs.CMD_NEW_DAEMON, null, null, daemon.state(), e);
        }
    }

    /** Stops the sync daemon in {@code state} (ipvsadm --stop-daemon). */
    public void delDaemon(DaemonConfig.State state) {
        Objects.requireNonNull(state, "state");
        try {
            genl.execute("IPVS DEL_DAEMON " + state, family, Ipvs.CMD_DEL_DAEMON,
                    w -> IpvsCodec.writeDaemonState(w, state), ReplyHandler.IGNORE);
        } catch (NetlinkErrnoException e) {
            throw IpvsErrors.map(Ipvs.CMD_DEL_DAEMON, null, null, state, e);
        }
    }

    /** The running sync daemons (ipvsadm -L --daemon). */
    public List<DaemonConfig> getDaemons() {
        List<DaemonConfig> out = new ArrayList<>();
        try {
            genl.dumpEach("IPVS GET_DAEMON dump", family, Ipvs.CMD_GET_DAEMON, RequestBody.EMPTY,
                    msg -> out.add(IpvsCodec.decodeDaemon(msg)));
        } catch (NetlinkErrnoException e) {
            throw IpvsErrors.map(Ipvs.CMD_GET_DAEMON, null, null, null, e);
        }
        return out;
    }

    // Whole tables.

    /**
     * Every service with its destinations: one service dump, then one destination dump per
     * service. Not atomic: the kernel has no such dump, so a table changed meanwhile by someone
     * else may be read half before and half after the change (a service deleted meanwhile shows
     * no destinations, and an entry the kernel's dump repeats is kept once).
     */
    public IpvsTable getTable() {
        return getTable(s -> true);
    }

    /**
     * The services {@code scope} accepts, with their destinations, as {@link #getTable()} reads
     * them; only their destinations are read.
     */
    public IpvsTable getTable(Predicate<? super Service> scope) {
        Objects.requireNonNull(scope, "scope");
        IpvsTable.Builder b = IpvsTable.builder();
        for (Service s : getServices()) {
            if (scope.test(s)) {
                b.addReported(s, getDestinations(s));
            }
        }
        return b.build();
    }

    /**
     * Makes the kernel's table equal {@code desired}: reads the table, works out what differs
     * ({@link IpvsTable#changesTo}) and applies only that, as one batch. Services and destinations
     * that are already as desired are not touched, so their connections and counters carry on.
     * Returns the batch's result: one outcome per change, empty when nothing differed. A failed
     * change does not stop the others; when someone else changes the table at the same time, a
     * change may fail (say, a service already exists), and the next sync brings the table in line.
     */
    public IpvsBatch.Result sync(IpvsTable desired) {
        Objects.requireNonNull(desired, "desired");
        return batch().addAll(getTable().changesTo(desired)).apply();
    }

    /**
     * Like {@link #sync(IpvsTable)}, for a controller that owns only the services {@code scope}
     * accepts: services outside it are neither read into the comparison nor changed, so other
     * tools and controllers can keep services of their own in the same table.
     *
     * @throws IllegalArgumentException if {@code desired} has a service outside {@code scope}
     *                                  (nothing is sent)
     */
    public IpvsBatch.Result sync(IpvsTable desired, Predicate<? super Service> scope) {
        Objects.requireNonNull(desired, "desired");
        Objects.requireNonNull(scope, "scope");
        for (Service s : desired.services()) {
            if (!scope.test(s)) {
                throw new IllegalArgumentException("desired service " + s.describe()
                        + " is outside the scope (expected: only services the scope accepts)");
            }
        }
        return batch().addAll(getTable(scope).changesTo(desired)).apply();
    }

    // Batches.

    /** A batch of operations to apply with few system calls; see {@link IpvsBatch}. */
    public IpvsBatch batch() {
        return new IpvsBatch(this);
    }

    GenericNetlink genl() {
        return genl;
    }

    private void run(int cmd, Service service, Destination dest, RequestBody body) {
        call(cmd, service, dest, body, ReplyHandler.IGNORE);
    }

    private void call(int cmd, Service service, Destination dest, RequestBody body, ReplyHandler handler) {
        try {
            genl.execute(operation(cmd), family, cmd, body, handler);
        } catch (NetlinkErrnoException e) {
            throw IpvsErrors.map(cmd, service, dest, null, e);
        }
    }

    /**
     * The engine-level name of a command. Kept constant so that nothing is formatted on the hot
     * path; the domain exception built by {@link IpvsErrors} names the service and destination.
     */
    static String operation(int cmd) {
        return OPERATIONS[cmd < OPERATIONS.length ? cmd : 0];
    }

    private static final String[] OPERATIONS = new String[Ipvs.CMD_FLUSH + 1];

    static {
        for (int i = 0; i < OPERATIONS.length; i++) {
            OPERATIONS[i] = "IPVS " + Ipvs.commandName(i);
        }
    }

    /** A description of an operation for messages: {@code IPVS NEW_DEST TCP 10.0.0.1:80 -> 10.1.1.2:80}. */
    static String describe(int cmd, Service service, Destination dest) {
        String op = operation(cmd);
        if (service != null) {
            op += " " + service.describe();
        }
        if (dest != null) {
            op += " -> " + dest.describe();
        }
        return op;
    }

    private static <T> T required(T value, String cmd) {
        if (value == null) {
            throw new io.netlink4j.NetlinkDecodeException("IPVS " + cmd + " acknowledged without a reply");
        }
        return value;
    }

    /** Closes the socket. Idempotent; other threads' calls fail with a closed-handle exception. */
    @Override
    public void close() {
        genl.close();
    }
}
