// SPDX-FileCopyrightText: 2026 The netlink4j Authors
// SPDX-License-Identifier: Apache-2.0
package io.netlink4j.route;

import io.netlink4j.AddressFamily;
import io.netlink4j.NetlinkErrnoException;
import io.netlink4j.engine.NetlinkConnection;
import io.netlink4j.engine.NetlinkOptions;
import io.netlink4j.engine.ReplyDecoder;
import io.netlink4j.engine.ReplyHandler;
import io.netlink4j.engine.RequestBody;
import io.netlink4j.route.RouteErrors.Subject;
import io.netlink4j.socket.NetlinkProtocol;

import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * A handle on the links and addresses of one network namespace (rtnetlink): list, look up,
 * create, change and delete links; list, add and delete IPv4 and IPv6 addresses.
 *
 * <pre>{@code
 * try (RouteHandle route = RouteHandle.open(Path.of("/var/run/netns/lb"))) {
 *     route.newLink(LinkSpec.dummy("dummy0"));
 *     int dummy0 = route.getLink("dummy0").index();
 *     route.newAddress(dummy0, AddressSpec.of(InetAddress.getByName("10.1.1.1"), 24));
 *     route.updateLink(LinkChange.builder(dummy0).up(true).build());
 *     for (Link link : route.getLinks()) {
 *         System.out.println(link + " " + route.getAddresses(link.index()));
 *     }
 * }
 * }</pre>
 *
 * <p>The methods use the kernel's verbs: {@code new} creates (and fails if the object exists),
 * {@code update} changes, {@code del} deletes, {@code get} reads one object or lists them,
 * {@code forEach} streams a listing in bounded memory. Each method sends one request, except
 * where its documentation says otherwise: rtnetlink names links by name or index, but addresses
 * only by the link's index, so the address methods that take a link's name look the index up
 * first (a second round trip); pass the index to avoid it.
 *
 * <p>Requests are sent with strict checking (NETLINK_GET_STRICT_CHK), so the kernel filters dumps
 * and rejects malformed requests instead of ignoring what it does not understand, and with
 * extended ACKs, whose text ends up in the message of every {@link RouteException}. Arguments are
 * validated before anything is sent. The handle is safe for concurrent use by many threads.
 * Changes need CAP_NET_ADMIN in the namespace.
 */
public final class RouteHandle implements AutoCloseable {
    /** How often list-returning dumps are made by default (the engine restarts them). */
    static final int DUMP_ATTEMPTS = NetlinkOptions.DEFAULT_DUMP_ATTEMPTS;

    private static final Comparator<Address> ADDRESS_ORDER = Comparator.comparingInt(Address::index)
            .thenComparingInt(a -> a.family().value());

    private final NetlinkConnection connection;

    private RouteHandle(NetlinkConnection connection) {
        this.connection = connection;
    }

    /** A handle on the caller's network namespace, with the default timeouts (send 30 s, receive 3 s). */
    public static RouteHandle open() {
        return open(NetlinkOptions.defaults());
    }

    /** A handle on the network namespace at {@code netns}, e.g. {@code /var/run/netns/NAME} or {@code /proc/PID/ns/net}. */
    public static RouteHandle open(Path netns) {
        Objects.requireNonNull(netns, "netns");
        return open(NetlinkOptions.builder().netns(netns).build());
    }

    /** A handle with explicit options; strict checking and extended ACKs are turned on whatever they say. */
    public static RouteHandle open(NetlinkOptions options) {
        Objects.requireNonNull(options, "options");
        NetlinkOptions strict = options.toBuilder().strictCheck(true).extendedAck(true).build();
        return open(NetlinkConnection.open(NetlinkProtocol.ROUTE, strict));
    }

    /**
     * A handle that sends its requests over {@code connection}, as it is: its options decide
     * strict checking and extended ACKs. The handle takes ownership and closes the connection when
     * it is closed. This is how a handle talks to a scripted peer
     * ({@link io.netlink4j.testing.NetlinkTestPeer}) in tests.
     */
    public static RouteHandle open(NetlinkConnection connection) {
        return new RouteHandle(Objects.requireNonNull(connection, "connection"));
    }

    /** The request engine underneath (for diagnostics and statistics). */
    public NetlinkConnection connection() {
        return connection;
    }

    // Links.

    /**
     * Every link of the namespace (ip link show), ordered by index. The dump is made again, up to
     * three times in all, when it lost messages or the kernel flagged it inconsistent.
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
     */
    public void forEachLink(Consumer<? super Link> action) {
        Objects.requireNonNull(action, "action");
        dumpEach(RouteCommand.GET_LINKS, new Subject("all links", null, null), w -> RouteCodec.writeLinkHeader(w, 0, 0, 0, 0, 0),
                msg -> action.accept(RouteCodec.decodeLink(msg)));
    }

    /**
     * The link called {@code name}.
     *
     * @throws NoSuchLinkException if there is none
     */
    public Link getLink(String name) {
        Names.checkInterfaceName("link name", name);
        return request(RouteCommand.GET_LINK, Subject.link(0, name), w -> RouteCodec.writeLinkSelector(w, 0, name),
                RouteCodec::decodeLink);
    }

    /**
     * The link with index {@code index}.
     *
     * @throws NoSuchLinkException if there is none
     */
    public Link getLink(int index) {
        checkIndex(index);
        return request(RouteCommand.GET_LINK, Subject.link(index, null), w -> RouteCodec.writeLinkSelector(w, index, null),
                RouteCodec::decodeLink);
    }

    /** Whether there is a link called {@code name}. */
    public boolean isLinkPresent(String name) {
        Names.checkInterfaceName("link name", name);
        return isPresent(() -> getLink(name));
    }

    /** Whether there is a link with index {@code index}. */
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
     * @throws LinkExistsException      a link of that name exists
     * @throws UnknownLinkKindException the kernel has no driver for the kind
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
     * @throws NoSuchLinkException if the link does not exist
     */
    public void updateLink(LinkChange change) {
        Objects.requireNonNull(change, "change");
        int index = change.index() == 0 && change.name() != null ? getLink(change.target()).index() : change.index();
        execute(RouteCommand.UPDATE_LINK, Subject.link(change.index(), change.target()), w -> RouteCodec.writeLinkChange(w, index, change));
    }

    /**
     * Deletes the link called {@code name} (ip link del); for a veth, its peer goes too.
     *
     * @throws NoSuchLinkException if there is none
     */
    public void delLink(String name) {
        Names.checkInterfaceName("link name", name);
        execute(RouteCommand.DEL_LINK, Subject.link(0, name), w -> RouteCodec.writeLinkSelector(w, 0, name));
    }

    /**
     * Deletes the link with index {@code index}; for a veth, its peer goes too.
     *
     * @throws NoSuchLinkException if there is none
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
     */
    public List<Address> getAddresses() {
        return addressList(0, "all links");
    }

    /**
     * The addresses of the link with index {@code linkIndex}, in the order of
     * {@link #getAddresses()}. The kernel does the filtering.
     */
    public List<Address> getAddresses(int linkIndex) {
        checkIndex(linkIndex);
        return addressList(linkIndex, Subject.link(linkIndex, null).link());
    }

    /**
     * The addresses of the link called {@code link}, in the order of {@link #getAddresses()}.
     * Costs two round trips: one to look up the link's index, one for the dump.
     *
     * @throws NoSuchLinkException if there is no such link
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
     * memory: those of {@code family} ({@link AddressFamily#UNSPEC} for all) on the link with index
     * {@code linkIndex} (0 for all links). The kernel does the filtering. Not made again on an
     * overrun or an inconsistent dump.
     */
    public void forEachAddress(AddressFamily family, int linkIndex, Consumer<? super Address> action) {
        Objects.requireNonNull(family, "family");
        Objects.requireNonNull(action, "action");
        if (linkIndex < 0) {
            throw new IllegalArgumentException("link index: " + linkIndex + " (expected: > 0, or 0 for all links)");
        }
        Subject subject = linkIndex == 0 ? new Subject("all links", null, null) : Subject.link(linkIndex, null);
        dumpEach(RouteCommand.GET_ADDRESSES, subject, w -> RouteCodec.writeAddressDump(w, family, linkIndex),
                msg -> action.accept(RouteCodec.decodeAddress(msg)));
    }

    /**
     * Adds an address to the link with index {@code linkIndex} (ip addr add ADDRESS dev LINK).
     *
     * @throws AddressExistsException if the link has it already
     * @throws NoSuchLinkException    if there is no such link
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
     * @throws AddressExistsException if the link has it already
     * @throws NoSuchLinkException    if there is no such link
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
     * @throws NoSuchAddressException if the link does not have it
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
     * @throws NoSuchAddressException if the link does not have it
     * @throws NoSuchLinkException    if there is no such link
     */
    public void delAddress(String link, AddressSpec spec) {
        Objects.requireNonNull(spec, "spec");
        delAddress(getLink(link).index(), Subject.link(0, link), spec);
    }

    /**
     * Deletes an address as {@link #getAddresses()} lists it (matched by link, address, prefix
     * length and peer).
     *
     * @throws IllegalArgumentException if it is not an IPv4 or IPv6 address
     * @throws NoSuchAddressException   if the link no longer has it
     */
    public void delAddress(Address address) {
        Objects.requireNonNull(address, "address");
        if (address.address() == null) {
            throw new IllegalArgumentException(address + ": only IPv4 and IPv6 addresses can be deleted");
        }
        delAddress(address.index(), AddressSpec.builder(address.address(), address.prefixLength()).peer(address.peer()).build());
    }

    private void delAddress(int index, Subject link, AddressSpec spec) {
        execute(RouteCommand.DEL_ADDRESS, link.address(spec), w -> RouteCodec.writeAddressDelete(w, index, spec));
    }

    // Notifications.

    /** A monitor of this handle's namespace, on a socket of its own (see {@link RouteMonitor}). */
    public RouteMonitor monitor(RouteGroup... groups) {
        NetlinkOptions.Builder options = RouteMonitor.defaultOptions();
        connection.options().netns().ifPresent(options::netns);
        return RouteMonitor.open(options.build(), groups);
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
