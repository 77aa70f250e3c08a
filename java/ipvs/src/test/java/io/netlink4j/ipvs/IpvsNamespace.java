// SPDX-FileCopyrightText: 2026 The netlink4j Authors
// SPDX-License-Identifier: Apache-2.0
package io.netlink4j.ipvs;

import io.netlink4j.route.AddressFlags;
import io.netlink4j.route.AddressSpec;
import io.netlink4j.route.LinkChange;
import io.netlink4j.route.LinkSpec;
import io.netlink4j.route.RouteHandle;
import io.netlink4j.testsupport.Netns;

import java.net.InetAddress;
import java.net.UnknownHostException;

/**
 * A fresh network namespace for an IPVS test: loopback up and a dummy interface holding
 * 10.1.1.1/24 and 2001:db8:1::1/64 (set up through netlink4j's own rtnetlink client), so
 * destinations in those subnets are routable; plus a handle on the namespace's IPVS. Closing deletes the namespace and everything in it.
 */
final class IpvsNamespace implements AutoCloseable {
    final Netns netns;
    final IpvsHandle ipvs;

    private IpvsNamespace(Netns netns, IpvsHandle ipvs) {
        this.netns = netns;
        this.ipvs = ipvs;
    }

    static IpvsNamespace create() {
        Netns ns = Netns.create("nl4j-ipvs");
        try {
            try (RouteHandle route = RouteHandle.open(ns.path())) {
                route.updateLink(LinkChange.builder("lo").up(true).build());
                route.newLink(LinkSpec.dummy("dummy0"));
                route.updateLink(LinkChange.builder("dummy0").multicast(true).up(true).build());
                route.newAddress("dummy0", AddressSpec.of(ip("10.1.1.1"), 24));
                route.newAddress("dummy0", AddressSpec.builder(ip("2001:db8:1::1"), 64).flags(AddressFlags.NODAD).build());
            }
            return new IpvsNamespace(ns, IpvsHandle.open(ns.path()));
        } catch (RuntimeException e) {
            ns.close();
            throw e;
        }
    }

    /** Runs ipvsadm inside the namespace and returns its standard output. */
    String ipvsadm(String... args) {
        String[] cmd = new String[args.length + 1];
        cmd[0] = "ipvsadm";
        System.arraycopy(args, 0, cmd, 1, args.length);
        return netns.exec(cmd);
    }

    static InetAddress ip(String text) {
        try {
            return InetAddress.getByName(text);
        } catch (UnknownHostException e) {
            throw new IllegalArgumentException(text, e);
        }
    }

    @Override
    public void close() {
        try {
            ipvs.close();
        } finally {
            netns.close();
        }
    }
}
