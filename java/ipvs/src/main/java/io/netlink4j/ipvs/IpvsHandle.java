// SPDX-FileCopyrightText: 2026 The netlink4j Authors
// SPDX-License-Identifier: Apache-2.0
package io.netlink4j.ipvs;

import io.netlink4j.engine.NetlinkConnection;
import io.netlink4j.engine.NetlinkOptions;
import io.netlink4j.genl.GenericNetlink;
import io.netlink4j.genl.GenlFamily;
import io.netlink4j.genl.GenlFamilyClient;
import io.netlink4j.genl.GenlFamilyNotFoundException;
import io.netlink4j.ipvs.internal.Ipvs;
import io.netlink4j.socket.NetlinkProtocol;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.function.Predicate;

/**
 * A handle on the IPVS of one network namespace: create, change, list and delete virtual
 * services, their destinations, the timeouts and the sync daemons.
 *
 * <pre>{@code
 * try (IpvsHandle ipvs = IpvsHandle.open()) {
 *     Service web = Service.builder().protocol(Protocol.TCP)
 *             .address(InetAddress.getByName("10.0.0.1")).port(80).scheduler(Scheduler.RR).build();
 *     ipvs.newService(web);
 *     ipvs.newDestination(web, Destination.builder().address(InetAddress.getByName("10.1.1.2")).port(8080).weight(5).build());
 *     for (Service s : ipvs.getServices()) {
 *         System.out.println(s + " -> " + ipvs.getDestinations(s));
 *     }
 * }
 * }</pre>
 *
 * <p>Every method validates its arguments before anything is sent; kernel refusals become
 * {@link IpvsException}s naming the service or destination ({@link ServiceExistsException},
 * {@link NoSuchServiceException} and the other subclasses for the conditions worth branching on). The handle is safe for concurrent use
 * by many threads without outside locking. Operations need CAP_NET_ADMIN in the namespace.
 *
 * <p>Every method that sends a request may also throw what any exchange with the kernel may:
 * {@link io.netlink4j.NetlinkTimeoutException} when no answer came in the receive timeout (the
 * outcome is then unknown), {@link io.netlink4j.NetlinkClosedException} when the handle is or
 * gets closed, and {@link io.netlink4j.NetlinkDecodeException} for a malformed reply; a dump may
 * also throw {@link io.netlink4j.NetlinkOverrunException} or
 * {@link io.netlink4j.NetlinkDumpInterruptedException} (after its restarts, for the list forms).
 * An {@link IpvsException} with errno EPERM says the caller lacks CAP_NET_ADMIN.
 *
 * <p>The handle follows the IPVS family when the ip_vs module is removed and loaded again (the
 * kernel registers the family under another id), as {@link GenlFamilyClient} describes: while
 * IPVS is gone every operation throws a {@link GenlFamilyNotFoundException} that says to load
 * ip_vs, and once it is back the handle works again without being reopened. The price is on
 * refusals with ENOENT alone, which IPVS also gives for an absent destination or an unknown
 * scheduler: each costs one more small request to nlctrl (never a second IPVS request).
 */
public final class IpvsHandle implements AutoCloseable {
    /** The generic netlink family name the kernel registers IPVS under: {@code "IPVS"}. */
    public static final String FAMILY_NAME = Ipvs.FAMILY_NAME;

    /** Receive buffer requested by {@link #open()}: room for the ACKs of large batches. */
    public static final int DEFAULT_SOCKET_RECEIVE_BUFFER = 4 << 20;

    /** The order of {@link #getDaemons()}: by state number, MASTER (1) before BACKUP (2). */
    private static final Comparator<DaemonConfig> DAEMON_ORDER = Comparator.comparingInt(d -> d.state().value());

    /** The IPVS family, followed when the kernel registers it anew (ip_vs reloaded): see {@link GenlFamilyClient}. */
    private final GenlFamilyClient ipvs;

    private IpvsHandle(GenlFamilyClient ipvs) {
        this.ipvs = ipvs;
    }

    /**
     * A handle on the caller's network namespace, with {@link #defaultOptions()}: a receive buffer of
     * {@link #DEFAULT_SOCKET_RECEIVE_BUFFER} bytes and {@link NetlinkOptions}' defaults for the rest
     * (send timeout 30 s, receive timeout 3 s).
     *
     * @throws GenlFamilyNotFoundException the kernel has no IPVS (the message says to load ip_vs)
     */
    public static IpvsHandle open() {
        return open(defaultOptions().build());
    }

    /**
     * A handle on the network namespace at {@code netns}, e.g. {@code /var/run/netns/NAME} or
     * {@code /proc/PID/ns/net}, with {@link #defaultOptions()}, as {@link #open()} has.
     *
     * @throws GenlFamilyNotFoundException the kernel has no IPVS (the message says to load ip_vs)
     */
    public static IpvsHandle open(Path netns) {
        Objects.requireNonNull(netns, "netns");
        return open(defaultOptions().netns(netns).build());
    }

    /**
     * The options {@link #open()} and {@link #open(Path)} use, as a builder to adjust timeouts,
     * namespace or buffers before {@link #open(NetlinkOptions)}: {@link NetlinkOptions}' defaults
     * with a receive buffer of {@link #DEFAULT_SOCKET_RECEIVE_BUFFER} bytes.
     */
    public static NetlinkOptions.Builder defaultOptions() {
        return NetlinkOptions.builder().socketReceiveBufferSize(DEFAULT_SOCKET_RECEIVE_BUFFER);
    }

    /**
     * A handle with exactly {@code options}: none of {@link #defaultOptions()} is added (start from
     * it to keep them).
     *
     * @throws GenlFamilyNotFoundException the kernel has no IPVS (the message says to load ip_vs)
     */
    public static IpvsHandle open(NetlinkOptions options) {
        Objects.requireNonNull(options, "options");
        return open(NetlinkConnection.open(NetlinkProtocol.GENERIC, options));
    }

    /**
     * A handle over {@code connection}, a generic netlink connection, which the handle then owns
     * (closing the handle closes it, and so does a failure here). The IPVS family is resolved over
     * the connection through nlctrl, once. Any connection works: one to the kernel's
     * NETLINK_GENERIC in some namespace, or one to a {@link io.netlink4j.testing.NetlinkTestPeer}
     * that scripts the kernel's answers.
     *
     * @throws GenlFamilyNotFoundException the peer has no IPVS family (the message says to load ip_vs)
     */
    public static IpvsHandle open(NetlinkConnection connection) {
        GenericNetlink genl = GenericNetlink.open(Objects.requireNonNull(connection, "connection"));
        try {
            return new IpvsHandle(genl.familyClient(FAMILY_NAME));
        } catch (GenlFamilyNotFoundException e) {
            genl.close();
            throw new GenlFamilyNotFoundException(FAMILY_NAME, "IPVS is not available in this kernel"
                    + connection.options().netns().map(netns -> " (namespace " + netns + ")").orElse("")
                    + ": load the ip_vs kernel module (modprobe ip_vs)", e);
        } catch (RuntimeException | Error e) {
            genl.close();
            throw e;
        }
    }

    /** The IPVS generic netlink family as last resolved (when the handle was opened, or again after a reload of ip_vs). */
    GenlFamily family() {
        return ipvs.family();
    }

    /**
     * The connection underneath, which the handle owns: for its options, diagnostics and
     * statistics. Requests sent on it directly are the caller's business; closing it closes the
     * handle.
     */
    public NetlinkConnection connection() {
        return ipvs.genericNetlink().connection();
    }

    // Services.

    /**
     * Creates a service (ipvsadm -A).
     *
     * @throws ServiceExistsException     a service with its identity exists
     * @throws UnknownSchedulerException  the kernel lacks its scheduler or persistence engine
     * @throws IpvsException              the kernel refused it otherwise
     */
    public void newService(Service service) {
        execute(IpvsCommand.NEW_SERVICE, service, "service");
    }

    /**
     * Changes a service's scheduler, flags, timeout, netmask and persistence engine (ipvsadm -E).
     *
     * @throws NoSuchServiceException     no service has its identity
     * @throws UnknownSchedulerException  the kernel lacks its scheduler or persistence engine
     * @throws IpvsException              the kernel refused it otherwise
     */
    public void updateService(Service service) {
        execute(IpvsCommand.SET_SERVICE, service, "service");
    }

    /**
     * Deletes a service and its destinations (ipvsadm -D).
     *
     * @throws NoSuchServiceException no service has its identity
     * @throws IpvsException          the kernel refused it otherwise
     */
    public void delService(Service service) {
        execute(IpvsCommand.DEL_SERVICE, service, "service");
    }

    /** Whether the service (matched by protocol, address and port, or fwmark) exists: one request. */
    public boolean isServicePresent(Service service) {
        try {
            getService(service);
            return true;
        } catch (NoSuchServiceException e) {
            return false;
        }
    }

    /**
     * The kernel's current view of {@code service} (matched by its identity), with stats.
     *
     * @throws NoSuchServiceException if it does not exist
     */
    public Service getService(Service service) {
        return request(IpvsCommand.GET_SERVICE, service, "service");
    }

    /**
     * Every service (ipvsadm -L), in {@link Service#IDENTITY_ORDER}, the order
     * {@code ipvsadm -S -n} and {@link IpvsTable} list services in (the kernel's own order is that of
     * its hash table). The dump is restarted from the start, up to three times in all, when the
     * kernel reports lost messages (a receive-buffer overrun) or a table changed during the dump
     * (NLM_F_DUMP_INTR).
     *
     * @return an unmodifiable list
     */
    public List<Service> getServices() {
        return sorted(IpvsCommand.GET_SERVICES.list(ipvs, null), Service.IDENTITY_ORDER);
    }

    /**
     * Streams every service to {@code action} as it is decoded, without holding the whole table:
     * for very large tables. The services come in the kernel's order, that of its hash table,
     * which is not stable: sort them if the order matters, or use {@link #getServices()}. Not restarted (the action has already seen some services): an overrun
     * or interrupted dump is thrown after the action saw what arrived. What {@code action} throws
     * ends the dump and is rethrown unchanged.
     */
    public void forEachService(Consumer<? super Service> action) {
        Objects.requireNonNull(action, "action");
        IpvsCommand.GET_SERVICES.forEach(ipvs, null, action);
    }

    /** Deletes every service (ipvsadm -C). */
    public void flush() {
        execute(IpvsCommand.FLUSH, null, null);
    }

    // Destinations.

    /**
     * Adds a destination to a service (ipvsadm -a).
     *
     * @throws NoSuchServiceException      no service has the identity of {@code service}
     * @throws DestinationExistsException  the service has that destination already
     * @throws IpvsException               the kernel refused it otherwise (EINVAL: an address it
     *                                     cannot route to, such as a multicast one)
     */
    public void newDestination(Service service, Destination destination) {
        execute(IpvsCommand.NEW_DEST, new IpvsCommand.ServiceDestination(service, destination), null);
    }

    /**
     * Changes a destination's weight, method, thresholds and tunnel (ipvsadm -e).
     *
     * @throws NoSuchServiceException      no service has the identity of {@code service}
     * @throws NoSuchDestinationException  the service has no such destination
     */
    public void updateDestination(Service service, Destination destination) {
        execute(IpvsCommand.SET_DEST, new IpvsCommand.ServiceDestination(service, destination), null);
    }

    /**
     * Removes a destination from a service (ipvsadm -d).
     *
     * @throws NoSuchServiceException      no service has the identity of {@code service}
     * @throws NoSuchDestinationException  the service has no such destination
     */
    public void delDestination(Service service, Destination destination) {
        execute(IpvsCommand.DEL_DEST, new IpvsCommand.ServiceDestination(service, destination), null);
    }

    /**
     * Drains a real server with {@link DrainOptions#DEFAULTS} and no progress callback; see
     * {@link #drainDestination(Service, Destination, DrainOptions, Consumer)}.
     */
    public DrainResult drainDestination(Service service, Destination destination) {
        return drainDestination(service, destination, DrainOptions.DEFAULTS, p -> { });
    }

    /**
     * Drains a real server gracefully, as orchestrators do by hand: sets the destination's weight
     * to 0 (no new connections are scheduled to it; its other settings are kept), then looks at
     * its connections every {@link DrainOptions#interval()} until its active connections are at
     * most {@link DrainOptions#threshold()}, and deletes it. Each look is reported to
     * {@code progress} (on this thread) before it is judged.
     *
     * <p>When {@link DrainOptions#timeout()} expires first, the destination is left in place with
     * weight 0 ({@link DrainResult.Outcome#TIMED_OUT}, with the remaining counts), or deleted if
     * {@link DrainOptions#force()} ({@link DrainResult.Outcome#FORCED}). A destination that
     * disappears meanwhile ends the drain with {@link DrainResult.Outcome#GONE}. Costs one dump
     * of the service's destinations per look.
     *
     * @param service     the service (its identity)
     * @param destination the destination (its identity; its other fields are read from the kernel)
     * @param options     timeout, interval, threshold, force
     * @param progress    told of every look; an exception it throws ends the drain, leaving the
     *                    destination with weight 0
     * @return how it ended
     * @throws NoSuchServiceException      no service has the identity of {@code service}
     * @throws NoSuchDestinationException  the service has no such destination
     * @throws DrainInterruptedException   the thread was interrupted while waiting; the destination
     *                                     stays in place with weight 0
     */
    public DrainResult drainDestination(Service service, Destination destination, DrainOptions options,
                                        Consumer<? super DrainProgress> progress) {
        Objects.requireNonNull(service, "service");
        Objects.requireNonNull(destination, "destination");
        Objects.requireNonNull(options, "options");
        Objects.requireNonNull(progress, "progress");
        Destination current = find(service, destination);
        if (current == null) {
            // The kernel's own refusal: no such service or no such destination.
            updateDestination(service, destination.toBuilder().weight(0).build());
            current = destination;
        } else if (current.weight() != 0) {
            updateDestination(service, current.toBuilder().weight(0).build());
        }
        long start = System.nanoTime();
        long timeout = options.timeout().toNanos();
        DrainProgress last = null;
        for (int poll = 1; ; poll++) {
            Destination now = find(service, destination);
            Duration elapsed = Duration.ofNanos(System.nanoTime() - start);
            if (now == null) {
                return last == null ? new DrainResult(DrainResult.Outcome.GONE, 0, 0, elapsed)
                        : new DrainResult(DrainResult.Outcome.GONE, last.activeConnections(), last.inactiveConnections(), elapsed);
            }
            last = new DrainProgress(poll, now.activeConnections(), now.inactiveConnections(), elapsed);
            progress.accept(last);
            boolean drained = now.activeConnections() <= options.threshold();
            boolean late = System.nanoTime() - start >= timeout;
            if (drained || (late && options.force())) {
                try {
                    delDestination(service, now);
                } catch (NoSuchDestinationException | NoSuchServiceException e) {
                    return new DrainResult(DrainResult.Outcome.GONE, now.activeConnections(), now.inactiveConnections(), elapsed);
                }
                return new DrainResult(drained ? DrainResult.Outcome.DRAINED : DrainResult.Outcome.FORCED,
                        now.activeConnections(), now.inactiveConnections(), elapsed);
            }
            if (late) {
                return new DrainResult(DrainResult.Outcome.TIMED_OUT, now.activeConnections(), now.inactiveConnections(), elapsed);
            }
            long remaining = timeout - (System.nanoTime() - start);
            try {
                TimeUnit.NANOSECONDS.sleep(Math.max(1, Math.min(options.interval().toNanos(), remaining)));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new DrainInterruptedException("interrupted while draining " + destination.describe() + " of "
                        + service.describe() + " (left with weight 0, " + last.activeConnections() + " active, "
                        + last.inactiveConnections() + " inactive connections)", last, e);
            }
        }
    }

    private Destination find(Service service, Destination destination) {
        for (Destination d : getDestinations(service)) {
            if (d.sameIdentity(destination)) {
                return d;
            }
        }
        return null;
    }

    /**
     * The destinations of {@code service}, in {@link Destination#IDENTITY_ORDER}, the order
     * {@code ipvsadm -S -n} and {@link IpvsTable} list them in; restarted as
     * {@link #getServices()} is. For a service that does not exist the kernel answers with an empty
     * list, and so does this method: use {@link #isServicePresent} to tell the two apart.
     *
     * @return an unmodifiable list
     */
    public List<Destination> getDestinations(Service service) {
        return sorted(IpvsCommand.GET_DESTS.list(ipvs, IpvsCommand.GET_DESTS.checked(service, "service")), Destination.IDENTITY_ORDER);
    }

    /**
     * Streams the destinations of {@code service} to {@code action} as they are decoded, in the
     * kernel's order (the order they were added in), not restarted, as {@link #forEachService} is.
     */
    public void forEachDestination(Service service, Consumer<? super Destination> action) {
        Objects.requireNonNull(action, "action");
        Service checked = IpvsCommand.GET_DESTS.checked(service, "service");
        IpvsCommand.GET_DESTS.forEach(ipvs, checked, action);
    }

    // The connection table.

    /**
     * The connection table of the handle's namespace ({@code ipvsadm -Lc}): connections and
     * persistence templates, with their persistence engine data, in the kernel's order (its hash
     * table's: the same table lists in the same order). Read from {@code /proc/net/ip_vs_conn},
     * opened inside the namespace; the kernel prints it piece by piece while connections come and
     * go, so an entry created or expiring during the read may be missing. Memory grows with the
     * table: {@link #forEachConnection} streams.
     *
     * @throws IpvsException                         the table cannot be read (ip_vs not loaded, no permission)
     * @throws io.netlink4j.NetlinkDecodeException   a line is malformed (the message quotes it)
     */
    public List<IpvsConnection> getConnections() {
        List<IpvsConnection> list = new ArrayList<>();
        forEachConnection(list::add);
        return list;
    }

    /**
     * Streams the connection table ({@link #getConnections()}) to {@code action}, one entry at a
     * time, in bounded memory.
     *
     * @throws IpvsException                         the table cannot be read
     * @throws io.netlink4j.NetlinkDecodeException   a line is malformed (the message quotes it)
     */
    public void forEachConnection(Consumer<? super IpvsConnection> action) {
        Objects.requireNonNull(action, "action");
        procFiles().forEachConnection(ProcFiles.CONN, action);
    }

    /**
     * The connection table with each entry's {@link IpvsConnection#origin() origin}: created here
     * ({@code LOCAL}) or learned from a sync master ({@code SYNC}), from {@code /proc/net/ip_vs_conn_sync}
     * (without persistence engine data). As {@link #getConnections()} otherwise.
     *
     * @throws IpvsException                         the table cannot be read
     * @throws io.netlink4j.NetlinkDecodeException   a line is malformed (the message quotes it)
     */
    public List<IpvsConnection> getSyncConnections() {
        List<IpvsConnection> list = new ArrayList<>();
        procFiles().forEachConnection(ProcFiles.CONN_SYNC, list::add);
        return list;
    }

    // Sysctls.

    /**
     * The IPVS sysctl settings ({@code net.ipv4.vs.*}) of the handle's namespace: every setting the
     * kernel has (those of {@link IpvsSysctl#values()} it has, and any newer ones), in name order.
     * Costs one open and read of a file per setting, each inside the namespace; not one snapshot
     * of the kernel (a setting changed meanwhile may be read before or after the change).
     *
     * @throws IpvsException the kernel has no IPVS sysctls (ip_vs not loaded), or a file cannot be read
     */
    public IpvsSysctls getSysctls() {
        return procFiles().readAll();
    }

    /**
     * The value of one IPVS sysctl setting in the handle's namespace (one file read).
     *
     * @throws IpvsException the kernel does not have the setting (the message names the setting,
     *                       the kernel release and why: a newer kernel, a module not loaded), or refused
     */
    public IpvsSysctlValue getSysctl(IpvsSysctl sysctl) {
        return procFiles().read(Objects.requireNonNull(sysctl, "sysctl"));
    }

    /**
     * Sets one IPVS sysctl setting in the handle's namespace (one file write, {@code sysctl -w}).
     * Needs CAP_NET_ADMIN in the namespace's owning user namespace.
     *
     * @throws IpvsException the kernel does not have the setting, or refused the value (EINVAL; EBUSY
     *                       for sync_ports while a sync daemon runs; EPERM)
     */
    public void setSysctl(IpvsSysctlValue value) {
        procFiles().write(Objects.requireNonNull(value, "value"));
    }

    /**
     * Sets one IPVS sysctl setting to {@code value}, checked as {@link IpvsSysctlValue#of(IpvsSysctl, String)} does.
     *
     * @throws IllegalArgumentException the value is not allowed (the message names the allowed values)
     * @throws IpvsException            as {@link #setSysctl(IpvsSysctlValue)}
     */
    public void setSysctl(IpvsSysctl sysctl, String value) {
        setSysctl(IpvsSysctlValue.of(sysctl, value));
    }

    private ProcFiles procFiles() {
        return new ProcFiles(connection().options().netns());
    }

    // Timeouts, information, counters.

    /** The TCP, TCP FIN and UDP timeouts (ipvsadm -L --timeout). */
    public Config getConfig() {
        return request(IpvsCommand.GET_CONFIG, null, null);
    }

    /** Sets the timeouts; a zero duration leaves that one unchanged (ipvsadm --set). */
    public void setConfig(Config config) {
        execute(IpvsCommand.SET_CONFIG, config, "config");
    }

    /** The IPVS version and connection table size. */
    public Info getInfo() {
        return request(IpvsCommand.GET_INFO, null, null);
    }

    /** Zeroes the counters of every service (ipvsadm -Z). */
    public void zero() {
        execute(IpvsCommand.ZERO_ALL, null, null);
    }

    /**
     * Zeroes the counters of one service (ipvsadm -Z -t ...).
     *
     * @throws NoSuchServiceException no service has its identity
     */
    public void zero(Service service) {
        execute(IpvsCommand.ZERO_SERVICE, service, "service");
    }

    // Sync daemons.

    /**
     * Starts a connection-synchronisation daemon (ipvsadm --start-daemon).
     *
     * @throws IpvsException with errno EEXIST if a daemon in that state is already running
     */
    public void newDaemon(DaemonConfig daemon) {
        execute(IpvsCommand.NEW_DAEMON, daemon, "daemon");
    }

    /**
     * Stops the sync daemon in {@code state} (ipvsadm --stop-daemon).
     *
     * @throws IpvsException with errno ESRCH if no daemon in that state is running
     */
    public void delDaemon(DaemonConfig.State state) {
        execute(IpvsCommand.DEL_DAEMON, state, "state");
    }

    /**
     * The running sync daemons (ipvsadm -L --daemon), by state: the master before the backup;
     * restarted as {@link #getServices()} is.
     *
     * @return an unmodifiable list of at most one daemon per state
     */
    public List<DaemonConfig> getDaemons() {
        return sorted(IpvsCommand.GET_DAEMONS.list(ipvs, null), DAEMON_ORDER);
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
        // The kernel's order: the table sorts its services and destinations once, when built.
        for (Service s : dumpServices()) {
            if (scope.test(s)) {
                b.addReported(s, dumpDestinations(s));
            }
        }
        return b.build();
    }

    /** The service dump as the kernel lists it (restarted as {@link #getServices()} is), unsorted. */
    private List<Service> dumpServices() {
        return IpvsCommand.GET_SERVICES.list(ipvs, null);
    }

    /** The destination dump of a service the kernel reported, as the kernel lists it, unsorted. */
    private List<Destination> dumpDestinations(Service reported) {
        return IpvsCommand.GET_DESTS.list(ipvs, reported);
    }

    /**
     * What {@code getTable(scope).changesTo(desired)} returns, computed as the dumps arrive: each
     * service the kernel reports is compared with {@code desired} directly, without building,
     * sorting and indexing a table of the kernel's side first.
     */
    private List<IpvsChange> changesFromKernel(IpvsTable desired, Predicate<? super Service> scope) {
        List<Service> services = dumpServices();
        IpvsTable.Reconciliation r = desired.reconciliation(services.size());
        for (Service s : services) {
            if (scope.test(s)) {
                r.reported(s, dumpDestinations(s));
            }
        }
        return r.changes();
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
        return batch().addAll(changesFromKernel(desired, s -> true)).apply();
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
        return batch().addAll(changesFromKernel(desired, scope)).apply();
    }

    // Batches.

    /** A batch of operations to apply with few system calls; see {@link IpvsBatch}. */
    public IpvsBatch batch() {
        return new IpvsBatch(ipvs);
    }

    private <A> void execute(IpvsCommand<A, Void> command, A argument, String what) {
        command.execute(ipvs, command.checked(argument, what));
    }

    private <A, R> R request(IpvsCommand<A, R> command, A argument, String what) {
        return command.request(ipvs, command.checked(argument, what));
    }

    private static <T> List<T> sorted(List<T> values, Comparator<? super T> order) {
        List<T> out = new ArrayList<>(values);
        out.sort(order);
        return Collections.unmodifiableList(out);
    }

    /** Closes the socket. Idempotent; other threads' calls fail with a closed-handle exception. */
    @Override
    public void close() {
        ipvs.genericNetlink().close();
    }
}
