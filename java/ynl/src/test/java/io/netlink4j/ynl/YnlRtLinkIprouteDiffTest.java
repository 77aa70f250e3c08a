// SPDX-FileCopyrightText: 2026 The netlink4j Authors
// SPDX-License-Identifier: Apache-2.0
package io.netlink4j.ynl;

import io.netlink4j.ynl.testsupport.KernelSpecs;
import io.netlink4j.codec.AttributeReader;
import io.netlink4j.testsupport.Netns;
import io.netlink4j.ynl.testsupport.KernelYnl;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.HashMap;
import java.util.Map;

import static io.netlink4j.ynl.testsupport.KernelYnl.cliRefused;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Links whose link-info format 6.12's {@code rt_link} spec lacks (macvlan, vxlan): the kernel's
 * {@code cli.py} cannot decode them even with {@code --process-unknown}, so netlink4j's tree is
 * compared with iproute2's {@code ip -j -d link show} instead. netlink4j keeps the kind's data as
 * bytes; they are read here as the netlink attributes of {@code if_link.h} ({@code IFLA_MACVLAN_*},
 * {@code IFLA_VXLAN_*}) and carry what {@code ip} shows.
 */
@Tag("kernel")
class YnlRtLinkIprouteDiffTest {
    private static final int IFLA_MACVLAN_MODE = 1;
    private static final int IFLA_MACVLAN_BC_QUEUE_LEN = 7;
    private static final int MACVLAN_MODE_BRIDGE = 4;
    private static final int IFLA_VXLAN_ID = 1;
    private static final int IFLA_VXLAN_LINK = 3;
    private static final int IFLA_VXLAN_LOCAL = 4;
    private static final int IFLA_VXLAN_TTL = 5;
    private static final int IFLA_VXLAN_AGEING = 8;
    private static final int IFLA_VXLAN_PORT = 15;

    private static Netns ns;

    @BeforeAll
    static void namespace() {
        Assumptions.assumeTrue(Netns.available(), "needs root and iproute2 for a network namespace");
        ns = Netns.create("nl4j-ynl-iplink");
        ns.exec("ip", "link", "add", "veth0", "type", "veth", "peer", "name", "veth1");
        ns.exec("ip", "addr", "add", "10.66.0.1/24", "dev", "veth0");
        ns.exec("ip", "link", "set", "veth0", "up");
    }

    /** Adds a link of a kind whose driver may be a module this kernel lacks: then the test is skipped, saying so. */
    private static void add(String kind, String... command) {
        try {
            ns.exec(command);
        } catch (IllegalStateException e) {
            if (e.getMessage().contains("Unknown device type") || e.getMessage().contains("Operation not supported")) {
                Assumptions.abort("this kernel has no " + kind + " links: " + e.getMessage());
            }
            throw e;
        }
    }

    @AfterAll
    static void deleteNamespace() {
        if (ns != null) {
            ns.close();
        }
    }

    private static JsonNode ip(String link) {
        JsonNode all = KernelYnl.JSON.readTree(ns.exec("ip", "-j", "-d", "link", "show", "dev", link));
        assertEquals(1, all.size(), all::toString);
        return all.get(0);
    }

    private static Map<String, Object> getlink(String link) {
        try (YnlFamily rtLink = YnlFamily.open(KernelSpecs.spec("rt_link"), ns.path())) {
            return rtLink.request("getlink", Map.of("ifname", link));
        }
    }

    /** The members both carry, netlink4j's by the spec's names, ip's by its own. */
    private static void assertSameLink(JsonNode ip, Map<String, Object> ours) {
        assertEquals(ip.get("ifindex").asLong(), ours.get("ifi-index"));
        assertEquals(ip.get("ifname").asString(), ours.get("ifname"));
        assertEquals(ip.get("mtu").asLong(), ours.get("mtu"));
        assertEquals(ip.get("address").asString(), ours.get("address"));
        assertEquals(ip.get("broadcast").asString(), ours.get("broadcast"));
        assertEquals(ip.get("txqlen").asLong(), ours.get("txqlen"));
        assertEquals(ip.get("num_tx_queues").asLong(), ours.get("num-tx-queues"));
        assertEquals(ip.get("num_rx_queues").asLong(), ours.get("num-rx-queues"));
        assertEquals(ip.get("gso_max_size").asLong(), ours.get("gso-max-size"));
        assertEquals(ip.get("gso_max_segs").asLong(), ours.get("gso-max-segs"));
        assertEquals(ip.get("tso_max_size").asLong(), ours.get("tso-max-size"));
        assertEquals(ip.get("gro_max_size").asLong(), ours.get("gro-max-size"));
        assertEquals(ip.get("min_mtu").asLong(), ours.get("min-mtu"));
        assertEquals(ip.get("max_mtu").asLong(), ours.get("max-mtu"));
        Map<?, ?> info = assertInstanceOf(Map.class, ours.get("linkinfo"));
        assertEquals(ip.get("linkinfo").get("info_kind").asString(), info.get("kind"));
    }

    /** The kind's data, kept as bytes, read as netlink attributes: type to payload. */
    private static Map<Integer, byte[]> keptData(Map<String, Object> ours) {
        Object data = ((Map<?, ?>) ours.get("linkinfo")).get("data");
        byte[] bytes = assertInstanceOf(byte[].class, data, "the data of a kind the spec lacks is kept as bytes");
        Map<Integer, byte[]> out = new HashMap<>();
        ByteBuf buf = Unpooled.wrappedBuffer(bytes);
        try {
            AttributeReader r = AttributeReader.of(buf, 0, bytes.length);
            while (r.next()) {
                byte[] payload = new byte[r.payloadLength()];
                buf.getBytes(r.payloadOffset(), payload);
                out.put(r.type(), payload);
            }
        } finally {
            buf.release();
        }
        return out;
    }

    private static long u32(byte[] b) {
        return ByteBuffer.wrap(b).order(ByteOrder.nativeOrder()).getInt() & 0xffffffffL;
    }

    @Test
    void macvlan() {
        add("macvlan", "ip", "link", "add", "mv0", "link", "veth0", "type", "macvlan", "mode", "bridge");
        JsonNode ip = ip("mv0");
        Map<String, Object> ours = getlink("mv0");
        assertSameLink(ip, ours);
        JsonNode ipData = ip.get("linkinfo").get("info_data");
        assertEquals("bridge", ipData.get("mode").asString(), ipData::toString);
        Map<Integer, byte[]> data = keptData(ours);
        assertEquals(MACVLAN_MODE_BRIDGE, u32(data.get(IFLA_MACVLAN_MODE)));
        assertEquals(ipData.get("bcqueuelen").asLong(), u32(data.get(IFLA_MACVLAN_BC_QUEUE_LEN)));
        // The lower link, by index in netlink, by name in ip.
        assertEquals(ip.get("link").asString(), "veth0");
        assertEquals(Long.parseLong(ns.exec("cat", "/sys/class/net/veth0/ifindex").strip()), ours.get("link"));

        String theirs = cliRefused(ns, "rt_link", "--do", "getlink", "--json", "{\"ifname\": \"mv0\"}", "--process-unknown");
        assertTrue(theirs.contains("No message format for 'macvlan'"), theirs);
    }

    @Test
    void vxlan() {
        add("vxlan", "ip", "link", "add", "vx0", "type", "vxlan", "id", "4242", "dstport", "4789", "local", "10.66.0.1",
                "dev", "veth0", "ttl", "5", "ageing", "600");
        JsonNode ip = ip("vx0");
        Map<String, Object> ours = getlink("vx0");
        assertSameLink(ip, ours);
        JsonNode ipData = ip.get("linkinfo").get("info_data");
        Map<Integer, byte[]> data = keptData(ours);
        assertEquals(4242, ipData.get("id").asLong(), ipData::toString);
        assertEquals(ipData.get("id").asLong(), u32(data.get(IFLA_VXLAN_ID)));
        assertEquals(4789, ipData.get("port").asInt(), ipData::toString);
        byte[] port = data.get(IFLA_VXLAN_PORT);
        assertEquals(ipData.get("port").asInt(), ((port[0] & 0xff) << 8) | (port[1] & 0xff), "network order");
        byte[] local = data.get(IFLA_VXLAN_LOCAL);
        assertEquals(ipData.get("local").asString(),
                (local[0] & 0xff) + "." + (local[1] & 0xff) + "." + (local[2] & 0xff) + "." + (local[3] & 0xff));
        assertEquals(ipData.get("ttl").asInt(), data.get(IFLA_VXLAN_TTL)[0] & 0xff);
        assertEquals(600, ipData.get("ageing").asLong(), ipData::toString);
        assertEquals(ipData.get("ageing").asLong(), u32(data.get(IFLA_VXLAN_AGEING)));
        assertEquals(ipData.get("link").asString(), "veth0");
        assertEquals(Long.parseLong(ns.exec("cat", "/sys/class/net/veth0/ifindex").strip()), u32(data.get(IFLA_VXLAN_LINK)));

        String theirs = cliRefused(ns, "rt_link", "--do", "getlink", "--json", "{\"ifname\": \"vx0\"}", "--process-unknown");
        assertTrue(theirs.contains("No message format for 'vxlan'"), theirs);
    }
}
