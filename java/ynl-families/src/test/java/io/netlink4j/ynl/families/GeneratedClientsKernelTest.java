// SPDX-FileCopyrightText: 2026 The netlink4j Authors
// SPDX-License-Identifier: Apache-2.0
package io.netlink4j.ynl.families;

import io.netlink4j.Errno;
import io.netlink4j.NetlinkErrnoException;
import io.netlink4j.codec.MessageReader;
import io.netlink4j.codec.Netlink;
import io.netlink4j.engine.NetlinkEventHandler;
import io.netlink4j.engine.NetlinkOptions;
import io.netlink4j.engine.NetlinkSubscription;
import io.netlink4j.genl.Genl;
import io.netlink4j.socket.NetlinkProtocol;
import io.netlink4j.testsupport.Netns;
import io.netlink4j.ynl.YnlFamily;
import io.netlink4j.ynl.YnlSpec;
import io.netlink4j.ynl.testsupport.KernelSpecs;
import io.netlink4j.ynl.codegen.JavaNames;
import io.netlink4j.ynl.families.ethtool.EthtoolClient;
import io.netlink4j.ynl.families.ethtool.Header;
import io.netlink4j.ynl.families.netdev.Dev;
import io.netlink4j.ynl.families.netdev.NetdevClient;
import io.netlink4j.ynl.families.netdev.NetdevNotification;
import io.netlink4j.ynl.families.netdev.XdpAct;
import io.netlink4j.ynl.families.rtroute.RouteAttrs;
import io.netlink4j.ynl.families.rtroute.RouteAttrsMessage;
import io.netlink4j.ynl.families.rtroute.RtRouteClient;
import io.netlink4j.ynl.families.rtroute.RtmType;
import io.netlink4j.ynl.families.rtroute.Rtmsg;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import java.lang.reflect.InvocationTargetException;
import java.net.InetAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The generated clients on this host's kernel, in a throwaway namespace with {@code lo} and a veth
 * pair, each compared with the dynamic client ({@link YnlFamily}, itself compared with the kernel's
 * cli.py) for the same state: the same values (see {@link SameValues}).
 */
@Tag("kernel")
class GeneratedClientsKernelTest {
    private Netns ns;

    @AfterEach
    void tearDown() {
        if (ns != null) {
            ns.close();
        }
    }

    private static YnlSpec spec(String family) {
        return KernelSpecs.spec(family);
    }

    private Netns netns() {
        Assumptions.assumeTrue(Netns.available(), "needs root and iproute2 for a network namespace");
        ns = Netns.create("nl4j-gen");
        ns.exec("ip", "link", "set", "lo", "up");
        ns.exec("ip", "link", "add", "veth0", "type", "veth", "peer", "name", "veth1");
        ns.exec("ip", "link", "set", "veth0", "up");
        ns.exec("ip", "link", "set", "veth1", "up");
        ns.exec("ip", "addr", "add", "10.61.0.1/24", "dev", "veth0");
        ns.exec("ip", "-6", "addr", "add", "2001:db8:61::1/64", "dev", "veth0", "nodad");
        return ns;
    }

    private int ifindex(String dev) {
        return Integer.parseInt(ns.exec("cat", "/sys/class/net/" + dev + "/ifindex").strip());
    }

    @Test
    void netdevDevGetDump() {
        Netns n = netns();
        YnlSpec spec = spec("netdev");
        try (NetdevClient typed = NetdevClient.open(n.path()); YnlFamily dynamic = YnlFamily.open(spec, n.path())) {
            List<Dev> devs = typed.devGetDump();
            List<Map<String, Object>> trees = dynamic.dump("dev-get", Map.of());
            assertEquals(3, devs.size(), "lo, veth0, veth1: " + devs);
            assertEquals(trees.size(), devs.size());
            SameValues same = new SameValues(spec);
            for (int i = 0; i < devs.size(); i++) {
                same.set("dev", devs.get(i), trees.get(i), "dev-get[" + i + "]");
            }
            // veth does XDP: the typed flags say so.
            Dev veth0 = typed.devGet(Dev.builder().ifindex(ifindex("veth0")).build());
            assertTrue(veth0.xdpFeatures().orElseThrow().contains(XdpAct.BASIC), veth0.toString());
            same.set("dev", veth0, dynamic.request("dev-get", Map.of("ifindex", ifindex("veth0"))), "dev-get do");
            List<Dev> streamed = new ArrayList<>();
            typed.devGetDumpEach(streamed::add);
            assertEquals(devs, streamed);
            // A refusal is the kernel's errno, naming the operation.
            NetlinkErrnoException e = assertThrows(NetlinkErrnoException.class, () -> typed.devGet(Dev.builder().build()));
            assertEquals(Errno.EINVAL, e.errno());
            assertTrue(e.getMessage().startsWith("dev-get do"), e.getMessage());
        }
    }

    @Test
    void netdevNotificationsAreTyped() {
        Netns n = netns();
        YnlSpec spec = spec("netdev");
        try (NetdevClient typed = NetdevClient.open(n.path()); YnlFamily dynamic = YnlFamily.open(spec, n.path());
             NetlinkSubscription sub = NetlinkSubscription.open(NetlinkProtocol.GENERIC,
                     NetlinkOptions.builder().netns(n.path()).build(), typed.family().group("mgmt").orElseThrow().id())) {
            n.exec("ip", "link", "add", "veth2", "type", "veth", "peer", "name", "veth3");
            int veth2 = ifindex("veth2");
            List<NetdevNotification> got = new ArrayList<>();
            List<Map<String, Object>> trees = new ArrayList<>();
            NetlinkEventHandler handler = new NetlinkEventHandler() {
                @Override
                public void onMessage(MessageReader message) {
                    NetdevClient.decodeNotification(message).ifPresent(got::add);
                    // The same message by the dynamic codec (the notification's attributes are dev-get's).
                    trees.add(dynamic.codec().decodeMessage(spec.operation("dev-get"), message.buffer(),
                            message.payloadOffset() + Genl.HEADER_SIZE, message.payloadLength() - Genl.HEADER_SIZE));
                }

                @Override
                public void onOverrun() {
                    throw new AssertionError("overrun");
                }
            };
            // Waits for the event (up to 50 polls of 200 ms); nothing is asserted about the time it takes.
            for (int i = 0; i < 50 && added(got, veth2) == null; i++) {
                sub.poll(Duration.ofMillis(200), handler);
            }
            NetdevNotification.DevAddNtf add = added(got, veth2);
            assertTrue(add != null, "no dev-add-ntf for veth2 among " + got);
            assertEquals(got.size(), trees.size(), "every message of the group is a netdev notification");
            // The device's state when it was announced (its XDP features come later), by both decoders.
            new SameValues(spec).set("dev", add.value(), trees.get(got.indexOf(add)), "dev-add-ntf");
            assertEquals(veth2, add.value().ifindex().orElseThrow());
        }
    }

    private static NetdevNotification.DevAddNtf added(List<NetdevNotification> got, int ifindex) {
        for (NetdevNotification x : got) {
            if (x instanceof NetdevNotification.DevAddNtf a && a.value().ifindex().orElse(-1) == ifindex) {
                return a;
            }
        }
        return null;
    }

    @Test
    void ethtoolGetsOnAVeth() throws Exception {
        Netns n = netns();
        YnlSpec spec = spec("ethtool");
        SameValues same = new SameValues(spec);
        List<String> answered = new ArrayList<>();
        List<String> refused = new ArrayList<>();
        try (EthtoolClient typed = EthtoolClient.open(n.path()); YnlFamily dynamic = YnlFamily.open(spec, n.path())) {
            for (String op : List.of("linkinfo-get", "linkmodes-get", "linkstate-get", "debug-get", "wol-get",
                    "features-get", "privflags-get", "rings-get", "channels-get", "coalesce-get", "pause-get",
                    "eee-get", "tsinfo-get")) {
                String setName = spec.operation(op).attributeSet().orElseThrow();
                Class<?> set = Class.forName("io.netlink4j.ynl.families.ethtool." + JavaNames.type(setName));
                Object builder = set.getMethod("builder").invoke(null);
                builder.getClass().getMethod("header", Header.class).invoke(builder, Header.builder().devName("veth0").build());
                Object request = builder.getClass().getMethod("build").invoke(builder);
                Object reply = null;
                NetlinkErrnoException typedRefusal = null;
                try {
                    reply = EthtoolClient.class.getMethod(JavaNames.member(op), set).invoke(typed, request);
                } catch (InvocationTargetException e) {
                    if (!(e.getCause() instanceof NetlinkErrnoException ne)) {
                        throw e;
                    }
                    typedRefusal = ne;
                }
                Map<String, Object> tree = null;
                NetlinkErrnoException dynamicRefusal = null;
                try {
                    tree = dynamic.request(op, Map.of("header", Map.of("dev-name", "veth0")));
                } catch (NetlinkErrnoException e) {
                    dynamicRefusal = e;
                }
                if (tree != null) {
                    assertTrue(reply != null, op + ": the typed client was refused: " + typedRefusal);
                    same.set(setName, reply, tree, op);
                    answered.add(op);
                } else {
                    assertTrue(typedRefusal != null, op + ": the typed client got " + reply);
                    assertEquals(dynamicRefusal.errno(), typedRefusal.errno(), op);
                    refused.add(op + " " + typedRefusal.errno());
                }
            }
        }
        // What a veth answers on this kernel: at least its link info, channels and features.
        assertTrue(answered.containsAll(List.of("linkinfo-get", "channels-get", "features-get")),
                "answered " + answered + ", refused " + refused);
    }

    private static RouteAttrsMessage route(int family, int dstLen, RouteAttrs attributes) {
        return new RouteAttrsMessage(new Rtmsg(family, dstLen, 0, 0, 254, 4, 0, RtmType.UNICAST, 0), attributes);
    }

    private record RouteDumps(List<RouteAttrsMessage> typed, List<Map<String, Object>> trees) {
    }

    /**
     * The typed and the dynamic dump of one family's routes, taken while the table holds still: the
     * kernel adds IPv6 routes of its own (link-local addresses and their local routes) a moment
     * after a link comes up, so the dumps are taken again (a bounded number of times) until a typed
     * dump before and one after the dynamic dump have as many routes as the dynamic one.
     */
    private static RouteDumps routeDumps(RtRouteClient typed, YnlFamily dynamic, int family) throws InterruptedException {
        for (int attempt = 1; ; attempt++) {
            List<RouteAttrsMessage> before = typed.getrouteDump(filter(family));
            List<Map<String, Object>> trees = dynamic.dump("getroute", Map.of("rtm-family", family));
            List<RouteAttrsMessage> after = typed.getrouteDump(filter(family));
            if (before.size() == trees.size() && after.size() == trees.size() || attempt == 20) {
                return new RouteDumps(after, trees);
            }
            Thread.sleep(250);
        }
    }

    private static RouteAttrsMessage filter(int family) {
        return new RouteAttrsMessage(new Rtmsg(family, 0, 0, 0, 0, 0, 0, RtmType.of(0), 0), RouteAttrs.builder().build());
    }

    @Test
    void rtRouteDumpNewAndDel() throws Exception {
        Netns n = netns();
        YnlSpec spec = spec("rt_route");
        SameValues same = new SameValues(spec);
        int veth0 = ifindex("veth0");
        byte[] dst4 = InetAddress.getByName("10.62.0.0").getAddress();
        byte[] dst6 = InetAddress.getByName("2001:db8:62::").getAddress();
        RouteAttrsMessage v4 = route(2, 24, RouteAttrs.builder().rtaDst(dst4)
                .rtaGateway(InetAddress.getByName("10.61.0.2").getAddress()).rtaOif(veth0).build());
        RouteAttrsMessage v6 = route(10, 64, RouteAttrs.builder().rtaDst(dst6).rtaOif(veth0).rtaPriority(1024).build());
        try (RtRouteClient typed = RtRouteClient.open(n.path()); YnlFamily dynamic = YnlFamily.open(spec, n.path())) {
            typed.newroute(v4, Netlink.NLM_F_CREATE | Netlink.NLM_F_EXCL);
            typed.newroute(v6, Netlink.NLM_F_CREATE | Netlink.NLM_F_EXCL);
            NetlinkErrnoException exists = assertThrows(NetlinkErrnoException.class,
                    () -> typed.newroute(v4, Netlink.NLM_F_CREATE | Netlink.NLM_F_EXCL));
            assertEquals(Errno.EEXIST, exists.errno());
            assertTrue(ns.exec("ip", "route", "show").contains("10.62.0.0/24 via 10.61.0.2 dev veth0 proto static"),
                    ns.exec("ip", "route", "show"));

            for (int family : List.of(2, 10)) {
                RouteDumps dumps = routeDumps(typed, dynamic, family);
                List<RouteAttrsMessage> routes = dumps.typed();
                List<Map<String, Object>> trees = dumps.trees();
                assertEquals(trees.size(), routes.size(), routes.toString());
                for (int i = 0; i < routes.size(); i++) {
                    same.message("rtmsg", "route-attrs", routes.get(i), trees.get(i), "getroute[" + family + "][" + i + "]");
                }
                byte[] dst = family == 2 ? dst4 : dst6;
                assertTrue(routes.stream().anyMatch(r -> r.attributes().rtaDst().map(d -> java.util.Arrays.equals(d, dst))
                        .orElse(false) && r.header().rtmProtocol() == 4), routes.toString());
            }
            List<RouteAttrsMessage> streamed = new ArrayList<>();
            typed.getrouteDumpEach(filter(2), streamed::add);
            assertEquals(typed.getrouteDump(filter(2)), streamed);

            // getroute do: the route to one address, as the kernel resolves it.
            RouteAttrsMessage query = new RouteAttrsMessage(new Rtmsg(2, 32, 0, 0, 0, 0, 0, RtmType.of(0), 0),
                    RouteAttrs.builder().rtaDst(InetAddress.getByName("10.62.0.5").getAddress()).build());
            RouteAttrsMessage resolved = typed.getroute(query);
            assertEquals(veth0, resolved.attributes().rtaOif().orElseThrow());
            // Two requests: the cache info's last use may differ between them.
            new SameValues(spec, "rta-cacheinfo").message("rtmsg", "route-attrs", resolved,
                    dynamic.request("getroute", Map.of("rtm-family", 2, "rtm-dst-len", 32, "rta-dst", "10.62.0.5")), "getroute do");

            typed.delroute(v4);
            typed.delroute(v6);
            assertFalse(ns.exec("ip", "route", "show").contains("10.62.0.0"));
            for (int family : List.of(2, 10)) {
                RouteDumps dumps = routeDumps(typed, dynamic, family);
                List<RouteAttrsMessage> routes = dumps.typed();
                List<Map<String, Object>> trees = dumps.trees();
                assertEquals(trees.size(), routes.size());
                for (int i = 0; i < routes.size(); i++) {
                    same.message("rtmsg", "route-attrs", routes.get(i), trees.get(i), "after delroute[" + i + "]");
                }
                byte[] dst = family == 2 ? dst4 : dst6;
                assertTrue(routes.stream().noneMatch(r -> r.attributes().rtaDst().map(d -> java.util.Arrays.equals(d, dst))
                        .orElse(false)), routes.toString());
            }
            NetlinkErrnoException gone = assertThrows(NetlinkErrnoException.class, () -> typed.delroute(v4));
            assertEquals(Errno.ESRCH, gone.errno());
        }
    }
}
