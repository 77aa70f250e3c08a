// SPDX-FileCopyrightText: 2026 The netlink4j Authors
// SPDX-License-Identifier: Apache-2.0
package io.netlink4j.route;

import io.netlink4j.AddressFamily;
import io.netlink4j.Errno;
import io.netlink4j.NetlinkDumpInterruptedException;
import io.netlink4j.NetlinkClosedException;
import io.netlink4j.NetlinkErrnoException;
import io.netlink4j.NetlinkOverrunException;
import io.netlink4j.NetlinkTimeoutException;
import io.netlink4j.engine.NetlinkConnection;
import io.netlink4j.engine.NetlinkOptions;
import io.netlink4j.engine.ReplyDecoder;
import io.netlink4j.engine.ReplyHandler;
import io.netlink4j.engine.RequestBody;
import io.netlink4j.internal.InetAddresses;
import io.netlink4j.route.RouteErrors.Subject;
import io.netlink4j.socket.NetlinkProtocol;

import java.net.InetAddress;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * A handle on the links, addresses and routes of one network namespace (rtnetlink): list, look
 * up, create, change and delete links; list, add and delete IPv4 and IPv6 addresses; list, look
 * up, add, replace and delete IPv4 and IPv6 routes.
 *
 * <pre>{@code
 * try (RouteHandle route = RouteHandle.open(Path.of("/var/run/netns/lb"))) {
 *     route.newLink(LinkSpec.dummy("dummy0"));
 *     int dummy0 = route.getLink("dummy0").index();
 *     route.newAddress(dummy0, AddressSpec.of(InetAddress.getByName("10.1.1.1"), 24));
 *     route.updateLink(LinkChange.builder(dummy0).up(true).build());
 *     route.newRoute(RouteSpec.builder(InetAddress.getByName("10.2.0.0"), 16)
 *             .gateway(InetAddress.getByName("10.1.1.254")).build());
 *     route.getRoutes(AddressFamily.INET).forEach(System.out::println);
 *     for (Link link : route.getLinks()) {
 *         System.out.println(link + " " + route.getAddresses(link.index()));
 *     }
 * }
 * }</pre>
 *
 * <p>The methods use the kernel's verbs: {@code new} creates (and fails if the object exists),
 * {@code update} changes, {@code replace} changes or creates in one request (routes), {@code del} deletes, {@code get} reads one object or lists them,
 * {@code forEach} streams a listing in bounded memory. Each method sends one request, except
 * where its documentation says otherwise: rtnetlink names links by name or index, but addresses
 * only by the link's index, so the address methods that take a link's name look the index up
 * first (a second round trip); pass the index to avoid it.
 *
 * <p>{@link #open()} and {@link #open(Path)} use {@link #defaultOptions()}: strict checking
 * (NETLINK_GET_STRICT_CHK), so that the kernel filters dumps and rejects malformed requests instead
 * of ignoring what it does not understand, and extended ACKs, whose text each
 * {@link RouteException} keeps ({@link RouteException#extendedAck()}). {@link #open(NetlinkOptions)}
 * uses exactly the options it is given. Arguments are validated before anything is sent. The handle
 * is safe for concurrent use by many threads. Changes need CAP_NET_ADMIN in the namespace.
 *
 * <p>Every method that talks to the kernel may also throw {@link io.netlink4j.NetlinkTimeoutException}
 * (no answer in time), {@link io.netlink4j.NetlinkClosedException} (the handle was closed) and
 * {@link RouteException} for any other refusal; each says which more specific exceptions it throws.
 */
public final class RouteHandle implements AutoCloseable {
    private static final Comparator<Address> ADDRESS_ORDER = Comparator.comparingInt(Address::linkIndex)
            .thenComparingInt(a -> a.addressFamily().value());

    /** By table number, unsigned; a stable sort keeps the kernel's order within a table. */
    private static final Comparator<Route> ROUTE_ORDER = (a, b) -> Integer.compareUnsigned(a.table(), b.table());

    private final NetlinkConnection connection;

    private RouteHandle(NetlinkConnection connection) {
        this.connection = connection;
    }

    /**
     * The options {@link #open()} and {@link #open(Path)} use, to adjust and pass to
     * {@link #open(NetlinkOptions)}: NetlinkOptions' defaults (send timeout 30 s, receive timeout
     * 3 s) with strict checking and extended ACKs turned on.
     *
     * @return a new builder holding the defaults
     */
    public static NetlinkOptions.Builder defaultOptions() {
        return NetlinkOptions.builder().strictCheck(true).extendedAck(true);
    }

    /**
     * A handle on the caller's network namespace, with {@link #defaultOptions()}.
     *
     * @return the handle
     * @throws io.netlink4j.NetlinkErrnoException if the socket cannot be opened
     */
    public static RouteHandle open() {
        return open(defaultOptions().build());
    }

    /**
     * A handle on the network namespace at {@code netns}, with {@link #defaultOptions()}.
     *
     * @param netns the namespace, e.g. {@code /var/run/netns/NAME} or {@code /proc/PID/ns/net}
     * @return the handle
     * @throws io.netlink4j.NetlinkErrnoException if the namespace cannot be entered or the socket opened
     */
    public static RouteHandle open(Path netns) {
        Objects.requireNonNull(netns, "netns");
        return open(defaultOptions().netns(netns).build());
    }

    /**
     * A handle with exactly these options: start from {@link #defaultOptions()} to keep strict
     * checking and extended ACKs.
     *
     * @param options the namespace, timeouts, buffers, checking and peer of the handle's socket
     * @return the handle
     * @throws io.netlink4j.NetlinkErrnoException if the namespace cannot be entered or the socket opened
     */
    public static RouteHandle open(NetlinkOptions options) {
        Objects.requireNonNull(options, "options");
        return open(NetlinkConnection.open(NetlinkProtocol.ROUTE, options));
    }

    /**
     * A handle that sends its requests over {@code connection}, as it is: its options decide
     * strict checking and extended ACKs. The handle takes ownership and closes the connection when
     * it is closed. This is how a handle talks to a scripted peer
     * ({@link io.netlink4j.testing.NetlinkTestPeer}) in tests.
     *
     * @param connection a connection to the kernel's NETLINK_ROUTE, or to a peer that speaks it
     * @return the handle
     */
    public static RouteHandle open(NetlinkConnection connection) {
        return new RouteHandle(Objects.requireNonNull(connection, "connection"));
    }

    /**
     * The request engine underneath (for diagnostics and statistics).
     *
     * @return the connection this handle owns
     */
    public NetlinkConnection connection() {
        return connection;
    }

    // Links.

    /**
     * Every link of the namespace (ip link show), ordered by index. The dump is made again, up to
     * three times in all, when it lost messages or the kernel flagged it inconsistent.
     *
     * @return every link of the namespace (ip link show), ordered by index
     * @throws NetlinkTimeoutException if the kernel does not answer in time
     * @throws NetlinkClosedException   if the handle is closed
     * @throws RouteException           if the kernel refuses for another reason (errno() says which)
     */
    public List<Link> getLinks() {
        List<Link> links = dump(RouteCommand.GET_LINKS, new Subject("all links", null, null),
                w -> RouteCodec.writeLinkHeader(w, 0, 0, 0, 0, 0), RouteCodec::decodeLink);
        links.sort(Comparator.comparingInt(Link::index));
        return List.copyOf(links);
    }

    /**
     * Streams every link to {@code action} as it is decoded, in the kernel's order, in bounded
     * memory. Not made again on an overrun or an inconsistent dump: {@code action} has seen part of
     * the links by then.
     *
     * @param action receives each one, on the calling thread
     * @throws NetlinkTimeoutException if the kernel does not answer in time
     * @throws NetlinkClosedException   if the handle is closed
     * @throws RouteException           if the kernel refuses for another reason (errno() says which)
     */
    public void forEachLink(Consumer<? super Link> action) {
        Objects.requireNonNull(action, "action");
        dumpEach(RouteCommand.GET_LINKS, new Subject("all links", null, null), w -> RouteCodec.writeLinkHeader(w, 0, 0, 0, 0, 0),
                msg -> action.accept(RouteCodec.decodeLink(msg)));
    }

    /**
     * The link called {@code name}.
     *
     * @param name the link's name
     * @return the link called {@code name}
     * @throws NoSuchLinkException if there is none
     * @throws NetlinkTimeoutException if the kernel does not answer in time
     * @throws NetlinkClosedException   if the handle is closed
     * @throws RouteException           if the kernel refuses for another reason (errno() says which)
     */
    public Link getLink(String name) {
        Names.checkInterfaceName("link name", name);
        return request(RouteCommand.GET_LINK, Subject.link(0, name), w -> RouteCodec.writeLinkSelector(w, 0, name),
                RouteCodec::decodeLink);
    }

    /**
     * The link with index {@code index}.
     *
     * @param index the link's index
     * @return the link with index {@code index}
     * @throws NoSuchLinkException if there is none
     * @throws NetlinkTimeoutException if the kernel does not answer in time
     * @throws NetlinkClosedException   if the handle is closed
     * @throws RouteException           if the kernel refuses for another reason (errno() says which)
     */
    public Link getLink(int index) {
        checkIndex(index);
        return request(RouteCommand.GET_LINK, Subject.link(index, null), w -> RouteCodec.writeLinkSelector(w, index, null),
                RouteCodec::decodeLink);
    }

    /**
     * Whether there is a link called {@code name}.
     *
     * @param name the link's name
     * @return whether there is a link called {@code name}
     * @throws NetlinkTimeoutException if the kernel does not answer in time
     * @throws NetlinkClosedException   if the handle is closed
     */
    public boolean isLinkPresent(String name) {
        Names.checkInterfaceName("link name", name);
        return isPresent(() -> getLink(name));
    }

    /**
     * Whether there is a link with index {@code index}.
     *
     * @param index the link's index
     * @return whether there is a link with index {@code index}
     * @throws NetlinkTimeoutException if the kernel does not answer in time
     * @throws NetlinkClosedException   if the handle is closed
     */
    public boolean isLinkPresent(int index) {
        checkIndex(index);
        return isPresent(() -> getLink(index));
    }

    private static boolean isPresent(Runnable get) {
        try {
            get.run();
            return true;
        } catch (NoSuchLinkException e) {
            return false;
        }
    }

    /**
     * Creates a link (ip link add).
     *
     * @param spec the specification
     * @throws LinkExistsException      a link of that name exists
     * @throws UnknownLinkKindException the kernel has no driver for the kind
     * @throws NetlinkTimeoutException if the kernel does not answer in time
     * @throws NetlinkClosedException   if the handle is closed
     * @throws RouteException           if the kernel refuses for another reason (errno() says which)
     */
    public void newLink(LinkSpec spec) {
        Objects.requireNonNull(spec, "spec");
        execute(RouteCommand.NEW_LINK, new Subject(spec.describe(), null, spec.kind()), w -> RouteCodec.writeLinkSpec(w, spec));
    }

    /**
     * Applies {@code change} to an existing link (ip link set), in one request. Renaming a link
     * named by name costs a second one: the kernel takes the name as the link to change, so the
     * index is looked up first (name the link by index to avoid it).
     *
     * @param change the changes and the link they apply to
     * @throws NoSuchLinkException if the link does not exist
     * @throws NetlinkTimeoutException if the kernel does not answer in time
     * @throws NetlinkClosedException   if the handle is closed
     * @throws RouteException           if the kernel refuses for another reason (errno() says which)
     */
    public void updateLink(LinkChange change) {
        Objects.requireNonNull(change, "change");
        String target = change.target().orElse(null);
        int index = change.linkIndex() == 0 && change.name().isPresent() ? getLink(target).index() : change.linkIndex();
        execute(RouteCommand.UPDATE_LINK, Subject.link(change.linkIndex(), target), w -> RouteCodec.writeLinkChange(w, index, change));
    }

    /**
     * Deletes the link called {@code name} (ip link del); for a veth, its peer goes too.
     *
     * @param name the link's name
     * @throws NoSuchLinkException if there is none
     * @throws NetlinkTimeoutException if the kernel does not answer in time
     * @throws NetlinkClosedException   if the handle is closed
     * @throws RouteException           if the kernel refuses for another reason (errno() says which)
     */
    public void delLink(String name) {
        Names.checkInterfaceName("link name", name);
        execute(RouteCommand.DEL_LINK, Subject.link(0, name), w -> RouteCodec.writeLinkSelector(w, 0, name));
    }

    /**
     * Deletes the link with index {@code index}; for a veth, its peer goes too.
     *
     * @param index the link's index
     * @throws NoSuchLinkException if there is none
     * @throws NetlinkTimeoutException if the kernel does not answer in time
     * @throws NetlinkClosedException   if the handle is closed
     * @throws RouteException           if the kernel refuses for another reason (errno() says which)
     */
    public void delLink(int index) {
        checkIndex(index);
        execute(RouteCommand.DEL_LINK, Subject.link(index, null), w -> RouteCodec.writeLinkSelector(w, index, null));
    }

    // Addresses.

    /**
     * Every address of every link, IPv4 and IPv6 and any other family (ip addr show), ordered by
     * link index, then family number, then as the kernel lists a link's addresses of one family
     * (an order that carries meaning: for IPv4, primary addresses come before their secondaries).
     * The dump is made again, up to three times in all, when it lost messages or the kernel
     * flagged it inconsistent.
     *
     * @return every address of every link, IPv4 and IPv6 and any other family (ip addr show), ordered by link index, then family number, then as the kernel lists a link's addresses of one family (an order that carries meaning: for IPv4, primary addresses come before their secondaries)
     * @throws NetlinkTimeoutException if the kernel does not answer in time
     * @throws NetlinkClosedException   if the handle is closed
     * @throws RouteException           if the kernel refuses for another reason (errno() says which)
     */
    public List<Address> getAddresses() {
        return addressList(0, "all links");
    }

    /**
     * The addresses of the link with index {@code linkIndex}, in the order of
     * {@link #getAddresses()}. The kernel does the filtering.
     *
     * @param linkIndex the link's index
     * @return the addresses of the link with index {@code linkIndex}, in the order of {@link #getAddresses()}
     * @throws NetlinkTimeoutException if the kernel does not answer in time
     * @throws NetlinkClosedException   if the handle is closed
     * @throws RouteException           if the kernel refuses for another reason (errno() says which)
     */
    public List<Address> getAddresses(int linkIndex) {
        checkIndex(linkIndex);
        return addressList(linkIndex, Subject.link(linkIndex, null).link());
    }

    /**
     * The addresses of the link called {@code link}, in the order of {@link #getAddresses()}.
     * Costs two round trips: one to look up the link's index, one for the dump.
     *
     * @param link the link's name
     * @return the addresses of the link called {@code link}, in the order of {@link #getAddresses()}
     * @throws NoSuchLinkException if there is no such link
     * @throws NetlinkTimeoutException if the kernel does not answer in time
     * @throws NetlinkClosedException   if the handle is closed
     * @throws RouteException           if the kernel refuses for another reason (errno() says which)
     */
    public List<Address> getAddresses(String link) {
        return getAddresses(getLink(link).index());
    }

    private List<Address> addressList(int linkIndex, String link) {
        List<Address> out = dump(RouteCommand.GET_ADDRESSES, new Subject(link, null, null),
                w -> RouteCodec.writeAddressDump(w, AddressFamily.UNSPEC, linkIndex), RouteCodec::decodeAddress);
        out.sort(ADDRESS_ORDER);
        return List.copyOf(out);
    }

    /**
     * Streams addresses to {@code action} as they are decoded, in the kernel's order, in bounded
     * memory: those of {@code addressFamily} ({@link AddressFamily#UNSPEC} for all) on the link with index
     * {@code linkIndex} (0 for all links). The kernel does the filtering. Not made again on an
     * overrun or an inconsistent dump.
     *
     * @param addressFamily the address family, or {@link AddressFamily#UNSPEC} for all
     * @param linkIndex the link's index
     * @param action receives each one, on the calling thread
     * @throws NetlinkTimeoutException if the kernel does not answer in time
     * @throws NetlinkClosedException   if the handle is closed
     * @throws RouteException           if the kernel refuses for another reason (errno() says which)
     */
    public void forEachAddress(AddressFamily addressFamily, int linkIndex, Consumer<? super Address> action) {
        Objects.requireNonNull(addressFamily, "addressFamily");
        Objects.requireNonNull(action, "action");
        if (linkIndex < 0) {
            throw new IllegalArgumentException("link index: " + linkIndex + " (expected: > 0, or 0 for all links)");
        }
        Subject subject = linkIndex == 0 ? new Subject("all links", null, null) : Subject.link(linkIndex, null);
        dumpEach(RouteCommand.GET_ADDRESSES, subject, w -> RouteCodec.writeAddressDump(w, addressFamily, linkIndex),
                msg -> action.accept(RouteCodec.decodeAddress(msg)));
    }

    /**
     * Adds an address to the link with index {@code linkIndex} (ip addr add ADDRESS dev LINK).
     *
     * @param linkIndex the link's index
     * @param spec the specification
     * @throws AddressExistsException if the link has it already
     * @throws NoSuchLinkException    if there is no such link
     * @throws NetlinkTimeoutException if the kernel does not answer in time
     * @throws NetlinkClosedException   if the handle is closed
     * @throws RouteException           if the kernel refuses for another reason (errno() says which)
     */
    public void newAddress(int linkIndex, AddressSpec spec) {
        checkIndex(linkIndex);
        Objects.requireNonNull(spec, "spec");
        newAddress(linkIndex, Subject.link(linkIndex, null), spec);
    }

    /**
     * Adds an address to the link called {@code link}. Costs two round trips, one to look up the
     * link's index (rtnetlink names an address's link only by index) and one to add the address:
     * to add many addresses, look the index up once ({@code getLink(name).index()}) and use
     * {@link #newAddress(int, AddressSpec)}.
     *
     * @param link the link's name
     * @param spec the specification
     * @throws AddressExistsException if the link has it already
     * @throws NoSuchLinkException    if there is no such link
     * @throws NetlinkTimeoutException if the kernel does not answer in time
     * @throws NetlinkClosedException   if the handle is closed
     * @throws RouteException           if the kernel refuses for another reason (errno() says which)
     */
    public void newAddress(String link, AddressSpec spec) {
        Objects.requireNonNull(spec, "spec");
        newAddress(getLink(link).index(), Subject.link(0, link), spec);
    }

    private void newAddress(int index, Subject link, AddressSpec spec) {
        execute(RouteCommand.NEW_ADDRESS, link.address(spec), w -> RouteCodec.writeAddressAdd(w, index, spec));
    }

    /**
     * Deletes an address from the link with index {@code linkIndex} (ip addr del), matched by
     * address, prefix length, peer and label.
     *
     * @param linkIndex the link's index
     * @param spec the specification
     * @throws NoSuchAddressException if the link does not have it
     * @throws NetlinkTimeoutException if the kernel does not answer in time
     * @throws NetlinkClosedException   if the handle is closed
     * @throws RouteException           if the kernel refuses for another reason (errno() says which)
     */
    public void delAddress(int linkIndex, AddressSpec spec) {
        checkIndex(linkIndex);
        Objects.requireNonNull(spec, "spec");
        delAddress(linkIndex, Subject.link(linkIndex, null), spec);
    }

    /**
     * Deletes an address from the link called {@code link}. Costs two round trips, as
     * {@link #newAddress(String, AddressSpec)} does.
     *
     * @param link the link's name
     * @param spec the specification
     * @throws NoSuchAddressException if the link does not have it
     * @throws NoSuchLinkException    if there is no such link
     * @throws NetlinkTimeoutException if the kernel does not answer in time
     * @throws NetlinkClosedException   if the handle is closed
     * @throws RouteException           if the kernel refuses for another reason (errno() says which)
     */
    public void delAddress(String link, AddressSpec spec) {
        Objects.requireNonNull(spec, "spec");
        delAddress(getLink(link).index(), Subject.link(0, link), spec);
    }

    /**
     * Deletes an address as {@link #getAddresses()} lists it (matched by link, address, prefix
     * length and peer).
     *
     * @param address the address, as listed
     * @throws IllegalArgumentException if it is not an IPv4 or IPv6 address
     * @throws NoSuchAddressException   if the link no longer has it
     * @throws NetlinkTimeoutException if the kernel does not answer in time
     * @throws NetlinkClosedException   if the handle is closed
     * @throws RouteException           if the kernel refuses for another reason (errno() says which)
     */
    public void delAddress(Address address) {
        Objects.requireNonNull(address, "address");
        if (address.address().isEmpty()) {
            throw new IllegalArgumentException("address: " + address + " (expected: an IPv4 or IPv6 address)");
        }
        AddressSpec.Builder spec = AddressSpec.builder(address.address().get(), address.prefixLength());
        address.peer().ifPresent(spec::peer);
        delAddress(address.linkIndex(), spec.build());
    }

    private void delAddress(int index, Subject link, AddressSpec spec) {
        execute(RouteCommand.DEL_ADDRESS, link.address(spec), w -> RouteCodec.writeAddressDelete(w, index, spec));
    }

    // Routes.

    /**
     * The routes of {@code addressFamily} in the main table, what {@code ip route show} (IPv4) and
     * {@code ip -6 route show} list, in the order of {@link #getRoutes(AddressFamily, int)}.
     *
     * @param addressFamily {@link AddressFamily#INET} or {@link AddressFamily#INET6}
     * @return the routes of the main table
     * @throws IllegalArgumentException if {@code addressFamily} is not INET or INET6
     * @throws NetlinkTimeoutException if the kernel does not answer in time
     * @throws NetlinkClosedException   if the handle is closed
     * @throws RouteException           if the kernel refuses for another reason (errno() says which)
     */
    public List<Route> getRoutes(AddressFamily addressFamily) {
        return getRoutes(addressFamily, RouteTables.MAIN);
    }

    /**
     * The routes of {@code addressFamily} in table {@code table}, or in every table
     * ({@link RouteTables#UNSPEC}, {@code ip route show table all}): ordered by table number
     * (unsigned), then as the kernel lists a table, which is the order it looks routes up in (IPv4:
     * by destination, the longer prefix of a destination first; IPv6: its prefix tree's order, and
     * routes to the same prefix by priority). Routes the kernel caches (exceptions, RTM_F_CLONED)
     * are not listed. A table that does not exist has no routes. With strict checking (the
     * default options) the kernel filters by table; without, this method does. The dump is made
     * again, up to three times in all, when it lost messages or the kernel flagged it inconsistent.
     *
     * @param addressFamily {@link AddressFamily#INET} or {@link AddressFamily#INET6}
     * @param table         the table's number ({@link RouteTables} names some), or {@link RouteTables#UNSPEC} for every table
     * @return the routes, in the order described
     * @throws IllegalArgumentException if {@code addressFamily} is not INET or INET6
     * @throws NetlinkTimeoutException if the kernel does not answer in time
     * @throws NetlinkClosedException   if the handle is closed
     * @throws RouteException           if the kernel refuses for another reason (errno() says which)
     */
    public List<Route> getRoutes(AddressFamily addressFamily, int table) {
        checkRouteFamily(addressFamily);
        Subject subject = routesSubject(addressFamily, table);
        List<Route> out;
        try {
            out = dump(RouteCommand.GET_ROUTES, subject, w -> RouteCodec.writeRouteDump(w, addressFamily, table), RouteCodec::decodeRoute);
        } catch (RouteException e) {
            if (isMissingTable(e, table)) {
                return List.of();
            }
            throw e;
        }
        if (table != RouteTables.UNSPEC) {
            out.removeIf(r -> r.table() != table);
        }
        out.sort(ROUTE_ORDER);
        return List.copyOf(out);
    }

    /**
     * Streams the routes of {@code addressFamily} in table {@code table} (or every table, with
     * {@link RouteTables#UNSPEC}) to {@code action} as they are decoded, in the kernel's order, in
     * bounded memory: what {@link #getRoutes(AddressFamily, int)} lists, without sorting by table.
     * Not made again on an overrun or an inconsistent dump: {@code action} has seen part of the
     * routes by then.
     *
     * @param addressFamily {@link AddressFamily#INET} or {@link AddressFamily#INET6}
     * @param table         the table's number, or {@link RouteTables#UNSPEC} for every table
     * @param action        receives each one, on the calling thread
     * @throws IllegalArgumentException if {@code addressFamily} is not INET or INET6
     * @throws NetlinkTimeoutException if the kernel does not answer in time
     * @throws NetlinkClosedException   if the handle is closed
     * @throws RouteException           if the kernel refuses for another reason (errno() says which)
     */
    public void forEachRoute(AddressFamily addressFamily, int table, Consumer<? super Route> action) {
        checkRouteFamily(addressFamily);
        Objects.requireNonNull(action, "action");
        try {
            dumpEach(RouteCommand.GET_ROUTES, routesSubject(addressFamily, table), w -> RouteCodec.writeRouteDump(w, addressFamily, table),
                    msg -> {
                        Route route = RouteCodec.decodeRoute(msg);
                        if (table == RouteTables.UNSPEC || route.table() == table) {
                            action.accept(route);
                        }
                    });
        } catch (RouteException e) {
            if (!isMissingTable(e, table)) {
                throw e;
            }
        }
    }

    /**
     * The route the kernel would use to reach {@code destination} ({@code ip route get}): the
     * destination as a host route, with the gateway, link, preferred source and table the lookup
     * found (RTM_GETROUTE; for IPv4 with RTM_F_LOOKUP_TABLE), flagged {@link RouteFlags#CLONED} as
     * the kernel reports a lookup's result.
     *
     * @param destination the address to look up, IPv4 or IPv6
     * @return the route to it
     * @throws NoSuchRouteException    if no route leads there (ENETUNREACH)
     * @throws NetlinkTimeoutException if the kernel does not answer in time
     * @throws NetlinkClosedException   if the handle is closed
     * @throws RouteException           if the kernel refuses for another reason: EHOSTUNREACH (an
     *                                  unreachable route), EACCES (prohibit), EINVAL (blackhole), ...
     */
    public Route getRoute(InetAddress destination) {
        Objects.requireNonNull(destination, "destination");
        return request(RouteCommand.GET_ROUTE, Subject.route("to " + InetAddresses.toText(destination)),
                w -> RouteCodec.writeRouteLookup(w, destination), RouteCodec::decodeRoute);
    }

    /**
     * Adds a route ({@code ip route add}).
     *
     * @param spec the specification
     * @throws RouteExistsException    if the table has a route to the prefix with the same type of
     *                                 service and priority (IPv4) or the same priority (IPv6)
     * @throws NoSuchLinkException     if a link the route names does not exist
     * @throws NetlinkTimeoutException if the kernel does not answer in time
     * @throws NetlinkClosedException   if the handle is closed
     * @throws RouteException           if the kernel refuses for another reason (errno() says
     *                                  which; ENETUNREACH: a gateway is not on any link)
     */
    public void newRoute(RouteSpec spec) {
        Objects.requireNonNull(spec, "spec");
        execute(RouteCommand.NEW_ROUTE, Subject.route(spec.describe()), w -> RouteCodec.writeRouteSpec(w, spec, true));
    }

    /**
     * Replaces an existing route ({@code ip route change}; {@link #replaceRoute(RouteSpec)} also
     * creates one, as {@code ip route replace} does): the route to the same prefix in the same
     * table, with the same type of service and priority (IPv4) or the same priority (IPv6), becomes
     * {@code spec}.
     *
     * @param spec the specification
     * @throws NoSuchRouteException    if there is no such route to replace
     * @throws NoSuchLinkException     if a link the route names does not exist
     * @throws NetlinkTimeoutException if the kernel does not answer in time
     * @throws NetlinkClosedException   if the handle is closed
     * @throws RouteException           if the kernel refuses for another reason (errno() says which)
     */
    public void updateRoute(RouteSpec spec) {
        Objects.requireNonNull(spec, "spec");
        execute(RouteCommand.UPDATE_ROUTE, Subject.route(spec.describe()), w -> RouteCodec.writeRouteSpec(w, spec, true));
    }

    /**
     * Replaces a route, or adds it if there is none ({@code ip route replace}): the route to the
     * same prefix in the same table, with the same type of service and priority (IPv4) or the same
     * priority (IPv6), becomes {@code spec}; without one, {@code spec} is added. One request
     * ({@code NLM_F_CREATE | NLM_F_REPLACE}), which the kernel carries out atomically: a lookup
     * meanwhile finds the old route or the new one, never neither. Unset values are those of
     * {@link #newRoute(RouteSpec)}.
     *
     * @param spec the specification
     * @throws NoSuchLinkException     if a link the route names does not exist
     * @throws NetlinkTimeoutException if the kernel does not answer in time
     * @throws NetlinkClosedException   if the handle is closed
     * @throws RouteException           if the kernel refuses for another reason (errno() says
     *                                  which; ENETUNREACH: a gateway is not on any link)
     */
    public void replaceRoute(RouteSpec spec) {
        Objects.requireNonNull(spec, "spec");
        execute(RouteCommand.REPLACE_ROUTE, Subject.route(spec.describe()), w -> RouteCodec.writeRouteSpec(w, spec, true));
    }

    /**
     * Deletes a route ({@code ip route del}): the first in the table to the prefix that matches what
     * {@code spec} sets. An unset protocol or scope, a priority of 0 and an absent gateway or link
     * match any; so does the type {@link RouteType#UNSPEC} (what {@code ip route del} sends without a
     * type), while any other type counts for IPv4 ({@link RouteType#UNICAST} unless set; the kernel's
     * IPv6 delete matches any type).
     *
     * @param spec the specification
     * @throws NoSuchRouteException    if no route matches
     * @throws NetlinkTimeoutException if the kernel does not answer in time
     * @throws NetlinkClosedException   if the handle is closed
     * @throws RouteException           if the kernel refuses for another reason (errno() says which)
     */
    public void delRoute(RouteSpec spec) {
        Objects.requireNonNull(spec, "spec");
        execute(RouteCommand.DEL_ROUTE, Subject.route(spec.describe()), w -> RouteCodec.writeRouteSpec(w, spec, false));
    }

    /**
     * Deletes a route as {@link #getRoutes(AddressFamily, int)} lists it: {@code delRoute(RouteSpec.of(route))}.
     *
     * @param route the route, as listed
     * @throws NoSuchRouteException    if the table no longer has it
     * @throws NetlinkTimeoutException if the kernel does not answer in time
     * @throws NetlinkClosedException   if the handle is closed
     * @throws RouteException           if the kernel refuses for another reason (errno() says which)
     */
    public void delRoute(Route route) {
        delRoute(RouteSpec.of(route));
    }

    private static void checkRouteFamily(AddressFamily addressFamily) {
        Objects.requireNonNull(addressFamily, "addressFamily");
        if (!addressFamily.isIp()) {
            throw new IllegalArgumentException("addressFamily: " + addressFamily + " (expected: INET or INET6)");
        }
    }

    private static Subject routesSubject(AddressFamily addressFamily, int table) {
        return Subject.route("s of " + addressFamily + (table == RouteTables.UNSPEC ? " in every table" : " in table "
                + Integer.toUnsignedString(table)));
    }

    /** The kernel refuses a dump filtered by a table that does not exist with ENOENT ("FIB table does not exist"). */
    private static boolean isMissingTable(RouteException e, int table) {
        return table != RouteTables.UNSPEC && e.errno() == Errno.ENOENT;
    }

    // Notifications.

    /**
     * A monitor of what this handle talks to, on a socket of its own (see {@link RouteMonitor}),
     * opened with this handle's options: the same namespace, peer and timeouts, and a receive
     * buffer of at least {@link RouteMonitor#DEFAULT_SOCKET_RECEIVE_BUFFER}.
     *
     * @param groups the groups to join, at least one to join, at least one
     * @return the monitor, which the caller closes
     * @throws IllegalArgumentException if no group is given
     * @throws io.netlink4j.NetlinkErrnoException if the namespace cannot be entered or the socket opened
     */
    public RouteMonitor monitor(RouteGroup... groups) {
        NetlinkOptions options = connection.options();
        NetlinkOptions.Builder monitor = options.toBuilder();
        if (options.socketReceiveBufferSize() < RouteMonitor.DEFAULT_SOCKET_RECEIVE_BUFFER) {
            monitor.socketReceiveBufferSize(RouteMonitor.DEFAULT_SOCKET_RECEIVE_BUFFER);
        }
        return RouteMonitor.open(monitor.build(), groups);
    }

    // The four exchanges, each with the command's error mapping.

    private void execute(RouteCommand command, Subject subject, RequestBody body) {
        try {
            connection.execute(command.operation(subject), command.type(), command.flags(), body);
        } catch (NetlinkErrnoException e) {
            throw RouteErrors.map(command, subject, e);
        }
    }

    private <T> T request(RouteCommand command, Subject subject, RequestBody body, ReplyDecoder<T> decoder) {
        try {
            return connection.request(command.operation(subject), command.type(), command.flags(), body, decoder);
        } catch (NetlinkErrnoException e) {
            throw RouteErrors.map(command, subject, e);
        }
    }

    /**
     * A dump as a list of its own (to sort); the engine makes it again after an overrun or an
     * interruption, up to {@code NetlinkOptions.dumpAttempts()} times in all.
     */
    private <T> List<T> dump(RouteCommand command, Subject subject, RequestBody body, ReplyDecoder<T> decoder) {
        try {
            return connection.dump(command.operation(subject), command.type(), command.flags(), body, decoder);
        } catch (NetlinkErrnoException e) {
            throw RouteErrors.map(command, subject, e);
        }
    }

    private void dumpEach(RouteCommand command, Subject subject, RequestBody body, ReplyHandler handler) {
        try {
            connection.dumpEach(command.operation(subject), command.type(), command.flags(), body, handler);
        } catch (NetlinkErrnoException e) {
            throw RouteErrors.map(command, subject, e);
        }
    }

    private static void checkIndex(int index) {
        if (index <= 0) {
            throw new IllegalArgumentException("link index: " + index + " (expected: > 0)");
        }
    }

    /** Closes the connection. Idempotent. */
    @Override
    public void close() {
        connection.close();
    }

    @Override
    public String toString() {
        return "RouteHandle[" + connection + "]";
    }
}
