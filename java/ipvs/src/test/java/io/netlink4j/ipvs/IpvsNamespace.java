// SPDX-FileCopyrightText: 2026 The netlink4j Authors
// SPDX-License-Identifier: Apache-2.0
package io.netlink4j.ipvs;

import io.netlink4j.route.AddressFlags;
import io.netlink4j.route.AddressSpec;
import io.netlink4j.route.LinkChange;
import io.netlink4j.route.LinkSpec;
import io.netlink4j.route.RouteHandle;
import io.netlink4j.testsupport.Netns;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

import java.net.InetAddress;
import java.net.UnknownHostException;

/**
 * A fresh network namespace for an IPVS test: loopback up and a dummy interface holding
 * 10.1.1.1/24 and 2001:db8:1::1/64 (set up through netlink4j's own rtnetlink client), so
 * destinations in those subnets are routable; plus a handle on the namespace's IPVS. Closing deletes the namespace and everything in it.
 *
 * <p>A test class that shares one namespace among its tests registers one as an extension, which
 * creates it before the class's first test (and its {@code @BeforeAll} methods) and deletes it after
 * the last: {@code @RegisterExtension static final IpvsNamespace ns = IpvsNamespace.perClass();}, or
 * {@link #perClassFlushed()} to also delete every service after each test.
 */
final class IpvsNamespace implements AutoCloseable, BeforeAllCallback, AfterEachCallback, AfterAllCallback {
    Netns netns;
    IpvsHandle ipvs;
    private final boolean flushAfterEach;

    private IpvsNamespace(Netns netns, IpvsHandle ipvs, boolean flushAfterEach) {
        this.netns = netns;
        this.ipvs = ipvs;
        this.flushAfterEach = flushAfterEach;
    }

    /** One namespace for a test class's tests, made and deleted as an extension. */
    static IpvsNamespace perClass() {
        return new IpvsNamespace(null, null, false);
    }

    /** As {@link #perClass()}, and every service flushed after each test (ipvsadm -C). */
    static IpvsNamespace perClassFlushed() {
        return new IpvsNamespace(null, null, true);
    }

    static IpvsNamespace create() {
        IpvsNamespace ns = perClass();
        ns.open();
        return ns;
    }

    private void open() {
        Netns ns = Netns.create("nl4j-ipvs");
        try {
            try (RouteHandle route = RouteHandle.open(ns.path())) {
                route.updateLink(LinkChange.builder("lo").up(true).build());
                route.newLink(LinkSpec.dummy("dummy0"));
                route.updateLink(LinkChange.builder("dummy0").multicast(true).up(true).build());
                route.newAddress("dummy0", AddressSpec.of(ip("10.1.1.1"), 24));
                route.newAddress("dummy0", AddressSpec.builder(ip("2001:db8:1::1"), 64).flags(AddressFlags.NODAD).build());
            }
            ipvs = IpvsHandle.open(ns.path());
            netns = ns;
        } catch (RuntimeException e) {
            ns.close();
            throw e;
        }
    }

    @Override
    public void beforeAll(ExtensionContext context) {
        open();
    }

    @Override
    public void afterEach(ExtensionContext context) {
        if (flushAfterEach) {
            ipvs.flush();
        }
    }

    @Override
    public void afterAll(ExtensionContext context) {
        close();
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
            if (ipvs != null) {
                ipvs.close();
            }
        } finally {
            if (netns != null) {
                netns.close();
            }
            ipvs = null;
            netns = null;
        }
    }
}
