// SPDX-FileCopyrightText: 2026 The netlink4j Authors
// SPDX-License-Identifier: Apache-2.0
package io.netlink4j.cli.route;

import io.netlink4j.route.Address;
import io.netlink4j.route.AddressEvent;
import io.netlink4j.route.Link;
import io.netlink4j.route.LinkEvent;
import io.netlink4j.route.RouteEvent;
import io.netlink4j.route.RouteEventHandler;
import io.netlink4j.route.RouteHandle;
import io.netlink4j.route.RouteTableEvent;

import java.io.PrintWriter;
import java.net.InetAddress;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Prints a monitor's events as they come, a line each, and stops after a number of them or when
 * standard output fails (closed). It keeps the links and addresses it knows, read at the start
 * and updated by the events, to tell an object that appears ({@code added}) from one that
 * {@code changed} (the kernel announces both alike) and to name devices; routes say themselves
 * whether they replaced one. After an overrun it reads the links and addresses again and prints a
 * line saying that events were lost.
 */
final class EventPrinter implements RouteEventHandler {
    /** An address as the kernel identifies it on a link. */
    private record AddressKey(int index, InetAddress address, int prefixLength, InetAddress peer) {
        static AddressKey of(Address a) {
            return new AddressKey(a.linkIndex(), a.address().orElseThrow(), a.prefixLength(), a.peer().orElse(null));
        }
    }

    private final RouteHandle route;
    private final boolean showLinks;
    private final boolean showAddresses;
    private final boolean showRoutes;
    private final boolean json;
    private final long limit;
    private final PrintWriter out;
    private final LinkTable links = new LinkTable(List.of());
    private final Set<AddressKey> addresses = new HashSet<>();
    private long printed;
    private volatile boolean stopped;

    /**
     * @param route the namespace's handle, to read links and addresses from
     * @param limit how many events to print before stopping; 0 for no limit
     */
    EventPrinter(RouteHandle route, boolean showLinks, boolean showAddresses, boolean showRoutes, boolean json, long limit,
                 PrintWriter out) {
        this.route = route;
        this.showLinks = showLinks;
        this.showAddresses = showAddresses;
        this.showRoutes = showRoutes;
        this.json = json;
        this.limit = limit;
        this.out = out;
    }

    /** Reads the links, and the addresses when they are shown, afresh. */
    void resync() {
        links.reset(route.getLinks());
        addresses.clear();
        if (showAddresses) {
            for (Address a : route.getAddresses()) {
                if (a.address().isPresent()) {
                    addresses.add(AddressKey.of(a));
                }
            }
        }
    }

    /** Whether it has printed enough events, or output failed, or {@link #stop()} was called. */
    boolean isStopped() {
        return stopped;
    }

    /** Prints nothing more. */
    void stop() {
        stopped = true;
    }

    @Override
    public void onEvent(RouteEvent event) {
        if (stopped) {
            return;
        }
        if (event instanceof LinkEvent e) {
            Link link = e.link();
            String action;
            if (e.action() == RouteEvent.Action.DEL) {
                links.remove(link.index());
                addresses.removeIf(k -> k.index() == link.index());
                action = "deleted";
            } else {
                action = links.put(link) ? "changed" : "added";
            }
            if (showLinks) {
                print(json ? RouteJson.linkEvent(action, link, links) : RouteText.linkEvent(action, link, links), true);
            }
        } else if (event instanceof AddressEvent e && e.address().address().isPresent() && showAddresses) {
            Address address = e.address();
            String action;
            if (e.action() == RouteEvent.Action.DEL) {
                addresses.remove(AddressKey.of(address));
                action = "deleted";
            } else {
                action = addresses.add(AddressKey.of(address)) ? "added" : "changed";
            }
            print(json ? RouteJson.addressEvent(action, address, links) : RouteText.addressEvent(action, address, links), true);
        }
    }

    /** A route as {@code ip monitor route} prints it, with the kernel's word for what happened (it says whether it replaced one). */
    @Override
    public void onRoute(RouteTableEvent event) {
        if (stopped || !showRoutes) {
            return;
        }
        String action = event.action() == RouteEvent.Action.DEL ? "deleted" : event.replaced() ? "replaced" : "added";
        print(json ? RouteJson.routeEvent(action, event.route(), links) : "route " + action + " " + RoutePrinter.text(event.route(), links, true),
                true);
    }

    @Override
    public void onOverrun() {
        if (stopped) {
            return;
        }
        resync();
        print(json ? RouteJson.overrun(links.size(), addresses.size(), showAddresses)
                : RouteText.overrun(links.size(), addresses.size(), showAddresses), false);
    }

    private void print(String line, boolean event) {
        out.print(line);
        if (out.checkError()) { // flushes; fails once standard output is closed
            stopped = true;
            return;
        }
        if (event && limit > 0 && ++printed >= limit) {
            stopped = true;
        }
    }
}
