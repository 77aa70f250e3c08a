// SPDX-FileCopyrightText: 2026 The netlink4j Authors
// SPDX-License-Identifier: Apache-2.0
package io.netlink4j.route;

import io.netlink4j.NetlinkDecodeException;
import io.netlink4j.NetlinkDumpInterruptedException;
import io.netlink4j.NetlinkErrnoException;
import io.netlink4j.NetlinkOverrunException;
import io.netlink4j.codec.Netlink;
import io.netlink4j.engine.NetlinkConnection;
import io.netlink4j.engine.NetlinkOptions;
import io.netlink4j.engine.ReplyHandler;
import io.netlink4j.engine.RequestBody;
import io.netlink4j.socket.NetlinkProtocol;

import java.net.InetAddress;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * A handle on the links and addresses of one network namespace (rtnetlink): list, look up,
 * create, change and delete links; list, add and delete IPv4 and IPv6 addresses.
 *
 * <pre>{@code
 * try (RouteHandle route = RouteHandle.open(Path.of("/var/run/netns/lb"))) {
 *     route.createDummy("dummy0");
 *     route.addAddress("dummy0", InetAddress.getByName("10.1.1.1"), 24);
 *     route.setUp("dummy0");
 *     for (Link link : route.links()) {
 *         System.out.println(link + " " + route.addresses(link.name()));
 *     }
 * }
 * }</pre>
 *
 * <p>Requests are sent with strict checking (NETLINK_GET_STRICT_CHK), so the kernel filters dumps
 * and rejects malformed requests instead of ignoring what it does not understand, and with
 * extended ACKs, whose text ends up in the message of every {@link RouteException}. Arguments are
 * validated before anything is sent. The handle is safe for concurrent use by many threads.
 * Changes need CAP_NET_ADMIN in the namespace.
 */
public final class RouteHandle implements AutoCloseable {
    /** How often list-returning dumps are restarted after an overrun or an interrupted dump. */
    static final int DUMP_ATTEMPTS = 3;

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
        return new RouteHandle(NetlinkConnection.open(NetlinkProtocol.ROUTE, strict));
    }

    /** The request engine underneath (for diagnostics and statistics). */
    public NetlinkConnection connection() {
        return connection;
    }

    // Links.

    /** Every link of the namespace (ip link show). Restarted if the dump lost messages or was interrupted. */
    public List<Link> links() {
        for (int attempt = 1; ; attempt++) {
            List<Link> out = new ArrayList<>();
            try {
                forEachLink(out::add);
                return out;
            } catch (NetlinkOverrunException | NetlinkDumpInterruptedException e) {
                if (attempt == DUMP_ATTEMPTS) {
                    throw e;
                }
            }
        }
    }

    /** Streams every link to {@code action} as it is decoded. Not restarted on overrun. */
    public void forEachLink(Consumer<? super Link> action) {
        Objects.requireNonNull(action, "action");
        try {
            connection.dumpEach("RTM_GETLINK dump", Rtnetlink.RTM_GETLINK, 0,
                    w -> RouteCodec.writeLinkHeader(w, 0, 0, 0, 0, 0), msg -> action.accept(RouteCodec.decodeLink(msg)));
        } catch (NetlinkErrnoException e) {
            throw RouteErrors.map(Rtnetlink.RTM_GETLINK, "all links", null, null, e);
        }
    }

    /**
     * The link called {@code name}.
     *
     * @throws RouteException.NoSuchLinkException if there is none
     */
    public Link link(String name) {
        Names.checkInterfaceName("link name", name);
        return getLink(0, name);
    }

    /**
     * The link with index {@code index}.
     *
     * @throws RouteException.NoSuchLinkException if there is none
     */
    public Link link(int index) {
        checkIndex(index);
        return getLink(index, null);
    }

    private Link getLink(int index, String name) {
        String what = describe(index, name);
        Link[] found = new Link[1];
        run(Rtnetlink.RTM_GETLINK, 0, what, null, null, w -> RouteCodec.writeLinkSelector(w, index, name),
                msg -> found[0] = RouteCodec.decodeLink(msg));
        if (found[0] == null) {
            throw new NetlinkDecodeException("RTM_GETLINK " + what + " acknowledged without a reply");
        }
        return found[0];
    }

    /**
     * Creates a link (ip link add).
     *
     * @throws RouteException.LinkExistsException      a link of that name exists
     * @throws RouteException.UnknownLinkKindException the kernel has no driver for the kind
     */
    public void createLink(LinkSpec spec) {
        Objects.requireNonNull(spec, "spec");
        run(Rtnetlink.RTM_NEWLINK, Netlink.NLM_F_CREATE | Netlink.NLM_F_EXCL, spec.describe(), null, spec.kind(),
                w -> RouteCodec.writeLinkSpec(w, spec), ReplyHandler.IGNORE);
    }

    /** Creates a dummy link (ip link add NAME type dummy). */
    public void createDummy(String name) {
        createLink(LinkSpec.dummy(name));
    }

    /** Creates a veth pair in this namespace (ip link add NAME type veth peer name PEER). */
    public void createVeth(String name, String peerName) {
        createLink(LinkSpec.veth(name, peerName));
    }

    /**
     * Applies {@code change} (ip link set). A link named by name is looked up first when it is
     * also renamed.
     *
     * @throws RouteException.NoSuchLinkException if the link does not exist
     */
    public void changeLink(LinkChange change) {
        Objects.requireNonNull(change, "change");
        int index = change.index() == 0 && change.name() != null ? link(change.target()).index() : change.index();
        run(Rtnetlink.RTM_SETLINK, 0, change.describeTarget(), null, null, w -> RouteCodec.writeLinkChange(w, index, change),
                ReplyHandler.IGNORE);
    }

    /** Brings the link up (ip link set NAME up). */
    public void setUp(String name) {
        changeLink(LinkChange.of(name).up(true).build());
    }

    /** Takes the link down (ip link set NAME down). */
    public void setDown(String name) {
        changeLink(LinkChange.of(name).up(false).build());
    }

    /** Sets the MTU (ip link set NAME mtu MTU). */
    public void setMtu(String name, int mtu) {
        changeLink(LinkChange.of(name).mtu(mtu).build());
    }

    /** Renames a link (ip link set NAME name NEWNAME); the kernel refuses while it is up. */
    public void rename(String name, String newName) {
        changeLink(LinkChange.of(name).name(newName).build());
    }

    /**
     * Deletes a link (ip link del); for a veth, its peer goes too.
     *
     * @throws RouteException.NoSuchLinkException if there is none
     */
    public void deleteLink(String name) {
        Names.checkInterfaceName("link name", name);
        run(Rtnetlink.RTM_DELLINK, 0, describe(0, name), null, null, w -> RouteCodec.writeLinkSelector(w, 0, name),
                ReplyHandler.IGNORE);
    }

    /** Deletes the link with index {@code index}. */
    public void deleteLink(int index) {
        checkIndex(index);
        run(Rtnetlink.RTM_DELLINK, 0, describe(index, null), null, null, w -> RouteCodec.writeLinkSelector(w, index, null),
                ReplyHandler.IGNORE);
    }

    // Addresses.

    /** Every address of every link, IPv4 and IPv6 and any other family (ip addr show). */
    public List<Address> addresses() {
        return addressList(AddressFamily.UNSPEC, 0);
    }

    /**
     * The addresses of the link called {@code link}.
     *
     * @throws RouteException.NoSuchLinkException if there is no such link
     */
    public List<Address> addresses(String link) {
        return addressList(AddressFamily.UNSPEC, link(link).index());
    }

    private List<Address> addressList(AddressFamily family, int index) {
        for (int attempt = 1; ; attempt++) {
            List<Address> out = new ArrayList<>();
            try {
                forEachAddress(family, index, out::add);
                return out;
            } catch (NetlinkOverrunException | NetlinkDumpInterruptedException e) {
                if (attempt == DUMP_ATTEMPTS) {
                    throw e;
                }
            }
        }
    }

    /**
     * Streams addresses to {@code action} as they are decoded: those of {@code family}
     * ({@link AddressFamily#UNSPEC} for all) on the link with index {@code linkIndex} (0 for all
     * links). The kernel does the filtering. Not restarted on overrun.
     */
    public void forEachAddress(AddressFamily family, int linkIndex, Consumer<? super Address> action) {
        Objects.requireNonNull(family, "family");
        Objects.requireNonNull(action, "action");
        if (linkIndex < 0) {
            throw new IllegalArgumentException("link index: " + linkIndex + " (expected: > 0, or 0 for all links)");
        }
        try {
            connection.dumpEach("RTM_GETADDR dump", Rtnetlink.RTM_GETADDR, 0, w -> RouteCodec.writeAddressDump(w, family, linkIndex),
                    msg -> action.accept(RouteCodec.decodeAddress(msg)));
        } catch (NetlinkErrnoException e) {
            throw RouteErrors.map(Rtnetlink.RTM_GETADDR, linkIndex == 0 ? "all links" : describe(linkIndex, null), null, null, e);
        }
    }

    /** Adds {@code address/prefixLength} to the link called {@code link} (ip addr add ADDRESS/PREFIX dev LINK). */
    public void addAddress(String link, InetAddress address, int prefixLength) {
        addAddress(link, AddressSpec.of(address, prefixLength));
    }

    /**
     * Adds an address to the link called {@code link}.
     *
     * @throws RouteException.AddressExistsException if the link has it already
     * @throws RouteException.NoSuchLinkException    if there is no such link
     */
    public void addAddress(String link, AddressSpec spec) {
        Objects.requireNonNull(spec, "spec");
        addAddress(link(link).index(), describe(0, link), spec);
    }

    /** Adds an address to the link with index {@code index}. */
    public void addAddress(int index, AddressSpec spec) {
        checkIndex(index);
        Objects.requireNonNull(spec, "spec");
        addAddress(index, describe(index, null), spec);
    }

    private void addAddress(int index, String link, AddressSpec spec) {
        run(Rtnetlink.RTM_NEWADDR, Netlink.NLM_F_CREATE | Netlink.NLM_F_EXCL, link, "address " + spec.describe(), null,
                w -> RouteCodec.writeAddressAdd(w, index, spec), ReplyHandler.IGNORE);
    }

    /**
     * Deletes an address from the link called {@code link} (ip addr del).
     *
     * @throws RouteException.NoSuchAddressException if the link does not have it
     */
    public void deleteAddress(String link, AddressSpec spec) {
        Objects.requireNonNull(spec, "spec");
        deleteAddress(link(link).index(), describe(0, link), spec);
    }

    /** Deletes an address from the link with index {@code index}. */
    public void deleteAddress(int index, AddressSpec spec) {
        checkIndex(index);
        Objects.requireNonNull(spec, "spec");
        deleteAddress(index, describe(index, null), spec);
    }

    /** Deletes an address as listed by {@link #addresses()} (matched by link, address, prefix length and peer). */
    public void deleteAddress(Address address) {
        Objects.requireNonNull(address, "address");
        if (address.address() == null) {
            throw new IllegalArgumentException(address + ": only IPv4 and IPv6 addresses can be deleted");
        }
        deleteAddress(address.index(), AddressSpec.builder(address.address(), address.prefixLength()).peer(address.peer()).build());
    }

    private void deleteAddress(int index, String link, AddressSpec spec) {
        run(Rtnetlink.RTM_DELADDR, 0, link, "address " + spec.describe(), null,
                w -> RouteCodec.writeAddressDelete(w, index, spec), ReplyHandler.IGNORE);
    }

    // Notifications.

    /** A monitor of this handle's namespace, on a socket of its own (see {@link RouteMonitor}). */
    public RouteMonitor monitor(RouteGroup... groups) {
        return RouteMonitor.open(RouteMonitor.defaultOptions().netns(connection.options().netns()).build(), groups);
    }

    private void run(int type, int flags, String link, String address, LinkKind kind, RequestBody body, ReplyHandler handler) {
        String operation = Rtnetlink.typeName(type) + " " + (address == null ? link : address + " on " + link);
        try {
            connection.execute(operation, type, flags, body, handler);
        } catch (NetlinkErrnoException e) {
            throw RouteErrors.map(type, link, address, kind, e);
        }
    }

    private static String describe(int index, String name) {
        return name != null ? "link '" + name + "'" : "link " + index;
    }

    private static void checkIndex(int index) {
        if (index <= 0) {
            throw new IllegalArgumentException("link index: " + index + " (expected: > 0)");
        }
    }

    @Override
    public void close() {
        connection.close();
    }

    @Override
    public String toString() {
        return "RouteHandle[" + connection + "]";
    }
}
