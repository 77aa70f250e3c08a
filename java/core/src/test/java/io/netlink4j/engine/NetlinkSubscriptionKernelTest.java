// SPDX-FileCopyrightText: 2026 The netlink4j Authors
// SPDX-License-Identifier: Apache-2.0
package io.netlink4j.engine;

import io.netlink4j.codec.AttributeReader;
import io.netlink4j.codec.MessageReader;
import io.netlink4j.genl.GenericNetlink;
import io.netlink4j.genl.Genl;
import io.netlink4j.genl.GenlFamily;
import io.netlink4j.genl.GenlFamilyNotFoundException;
import io.netlink4j.socket.NetlinkProtocol;
import io.netlink4j.testsupport.Netns;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Generic netlink notifications from the host's kernel: the netdev family announces each network
 * device of a namespace on its "mgmt" group, joined with NETLINK_ADD_MEMBERSHIP.
 */
@Tag("kernel")
class NetlinkSubscriptionKernelTest {
    static final int NETDEV_CMD_DEV_ADD_NTF = 2;
    static final int NETDEV_A_DEV_IFINDEX = 1;

    /** Joins netdev's "mgmt" group in {@code ns}; skips the test when the kernel has no netdev family. */
    static NetlinkSubscription subscribeNetdev(Netns ns, NetlinkOptions.Builder options, int[] familyId) {
        NetlinkOptions opts = options.netns(ns.path()).build();
        try (GenericNetlink genl = GenericNetlink.open(opts)) {
            GenlFamily netdev = genl.getFamily("netdev");
            familyId[0] = netdev.id();
            int group = netdev.group("mgmt").orElseThrow().id();
            return NetlinkSubscription.open(NetlinkProtocol.GENERIC, opts, group);
        } catch (GenlFamilyNotFoundException e) {
            assumeTrue(false, "kernel without the netdev generic netlink family");
            throw e;
        }
    }

    /** Collects the ifindex of every DEV_ADD notification of the netdev family. */
    static final class Added implements NetlinkEventHandler {
        final int familyId;
        final List<Integer> ifindexes = new ArrayList<>();
        int overruns;

        Added(int familyId) {
            this.familyId = familyId;
        }

        @Override
        public void onMessage(MessageReader m) {
            if (m.type() != familyId || Genl.command(m) != NETDEV_CMD_DEV_ADD_NTF) {
                return;
            }
            AttributeReader attrs = Genl.attributes(m, 0, new AttributeReader());
            while (attrs.next()) {
                if (attrs.type() == NETDEV_A_DEV_IFINDEX) {
                    ifindexes.add(attrs.u32());
                }
            }
        }

        @Override
        public void onOverrun() {
            overruns++;
        }
    }

    static List<Integer> ifindexes(Netns ns, String... names) {
        List<Integer> out = new ArrayList<>();
        for (String name : names) {
            String line = Netns.run("ip", "-n", ns.name(), "-o", "link", "show", "dev", name);
            out.add(Integer.parseInt(line.substring(0, line.indexOf(':'))));
        }
        return out;
    }

    @Test
    void genericNetlinkGroupDeliversTheNamespacesNotifications() {
        assumeTrue(Netns.available(), "needs root and iproute2 to create a network namespace");
        try (Netns ns = Netns.create("nl4j-sub")) {
            int[] family = new int[1];
            try (NetlinkSubscription sub = subscribeNetdev(ns, NetlinkOptions.builder(), family)) {
                Netns.run("ip", "-n", ns.name(), "link", "add", "a0", "type", "veth", "peer", "name", "b0");
                List<Integer> expected = ifindexes(ns, "a0", "b0");
                Added added = new Added(family[0]);
                long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
                while (added.ifindexes.size() < 2 && System.nanoTime() < deadline) {
                    sub.poll(Duration.ofMillis(100), added);
                }
                assertEquals(expected.stream().sorted().toList(), added.ifindexes.stream().sorted().toList());
                assertEquals(0, added.overruns);
            }
        }
    }

    @Test
    void floodOverrunsATinyReceiveBufferAndTheSubscriptionKeepsWorking() {
        assumeTrue(Netns.available(), "needs root and iproute2 to create a network namespace");
        try (Netns ns = Netns.create("nl4j-sub")) {
            int[] family = new int[1];
            try (NetlinkSubscription sub = subscribeNetdev(ns, NetlinkOptions.builder().socketReceiveBufferSize(8192), family)) {
                StringBuilder batch = new StringBuilder();
                for (int i = 0; i < 40; i++) {
                    batch.append("link add f").append(i).append(" type veth peer name g").append(i).append('\n');
                }
                Netns.run("sh", "-c", "printf '" + batch + "' | ip -n " + ns.name() + " -batch -");
                Added added = new Added(family[0]);
                long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
                while (added.overruns == 0 && System.nanoTime() < deadline) {
                    sub.poll(Duration.ofMillis(100), added);
                }
                assertEquals(1, added.overruns);
                assertEquals(1, sub.overruns());
                assertTrue(added.ifindexes.size() < 80, "notifications were lost: " + added.ifindexes.size());

                added.ifindexes.clear();
                Netns.run("ip", "-n", ns.name(), "link", "add", "after0", "type", "veth", "peer", "name", "after1");
                List<Integer> expected = ifindexes(ns, "after0", "after1");
                deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
                while (added.ifindexes.size() < 2 && System.nanoTime() < deadline) {
                    sub.poll(Duration.ofMillis(100), added);
                }
                assertEquals(expected.stream().sorted().toList(), added.ifindexes.stream().sorted().toList());
            }
        }
    }
}
