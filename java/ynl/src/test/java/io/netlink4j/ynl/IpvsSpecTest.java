// SPDX-FileCopyrightText: 2026 The netlink4j Authors
// SPDX-License-Identifier: Apache-2.0
package io.netlink4j.ynl;

import io.netlink4j.AddressFamily;
import io.netlink4j.codec.AttributeReader;
import io.netlink4j.codec.MessageWriter;
import io.netlink4j.codec.Netlink;
import io.netlink4j.ipvs.DaemonConfig;
import io.netlink4j.ipvs.Destination;
import io.netlink4j.ipvs.ForwardingMethod;
import io.netlink4j.ipvs.Netmask;
import io.netlink4j.ipvs.PersistenceEngine;
import io.netlink4j.ipvs.Protocol;
import io.netlink4j.ipvs.Scheduler;
import io.netlink4j.ipvs.Service;
import io.netlink4j.ipvs.ServiceFlags;
import io.netlink4j.ipvs.TunnelFlags;
import io.netlink4j.ipvs.TunnelType;
import io.netlink4j.ipvs.internal.Ipvs;
import io.netlink4j.ipvs.internal.IpvsCodec;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.net.InetAddress;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.function.Function;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * java/ynl/specs/ipvs.yaml without a kernel (the host has no IPVS; IpvsSpecVmTest speaks to one):
 * it validates against the kernel's genetlink-legacy schema, the kernel's own YNL library reads
 * the same operations and attributes from it, its numbers are those of the hand-written IPVS
 * client (io.netlink4j.ipvs.internal.Ipvs, checked in the VM against the kernel), and bytes that
 * client writes decode by the spec, and back, field for field.
 */
class IpvsSpecTest {
    private static final String KERNEL_SPEC_LICENSE = "((GPL-2.0 WITH Linux-syscall-note) OR BSD-3-Clause)";

    @Test
    void validatesAgainstTheKernelsSchema() throws IOException {
        YnlSpec spec = IpvsSpec.spec();
        assertEquals("IPVS", spec.name());
        assertEquals(YnlProtocol.GENETLINK_LEGACY, spec.protocol());
        assertEquals("# SPDX-License-Identifier: " + KERNEL_SPEC_LICENSE,
                Files.readAllLines(IpvsSpec.file()).get(0));
        assertEquals(List.of("new-service", "set-service", "del-service", "get-service", "new-dest", "set-dest",
                "del-dest", "get-dest", "new-daemon", "del-daemon", "get-daemon", "set-config", "get-config",
                "get-info", "zero", "flush"), List.copyOf(spec.operations().keySet()));
        assertEquals(List.of("cmd-attrs", "svc-attrs", "dest-attrs", "daemon-attrs", "stats-attrs", "stats64-attrs",
                "info-attrs"), List.copyOf(spec.attributeSets().keySet()));
        for (YnlOperation op : spec.operations().values()) {
            assertTrue(!op.doc().isBlank(), op.name());
            assertEquals(List.of("admin-perm"), op.flags(), op.name());
        }
        for (YnlAttributeSet set : spec.attributeSets().values()) {
            for (YnlAttribute a : set.attributes()) {
                assertTrue(a.type() == YnlType.PAD || !a.doc().isBlank(), set.name() + "." + a.name() + " has no doc");
            }
        }
    }

    /** Attribute sets and the prefix of their numbers in the hand-written client. */
    private static final Map<String, String> PREFIXES = Map.of(
            "cmd-attrs", "CMD_ATTR_", "svc-attrs", "SVC_ATTR_", "dest-attrs", "DEST_ATTR_",
            "daemon-attrs", "DAEMON_ATTR_", "stats-attrs", "STATS_ATTR_", "stats64-attrs", "STATS_ATTR_",
            "info-attrs", "INFO_ATTR_");

    @Test
    void numbersAreThoseOfTheHandWrittenClient() throws IllegalAccessException {
        YnlSpec spec = IpvsSpec.spec();
        Map<String, Integer> constants = new TreeMap<>();
        for (Field f : Ipvs.class.getFields()) {
            if (Modifier.isStatic(f.getModifiers()) && f.getType() == int.class) {
                constants.put(f.getName(), f.getInt(null));
            }
        }
        // Every attribute of every set, and every attribute constant in a set.
        PREFIXES.forEach((setName, prefix) -> {
            YnlAttributeSet set = spec.attributeSet(setName);
            Set<String> named = new TreeSet<>();
            for (YnlAttribute a : set.attributes()) {
                String constant = prefix + a.name().toUpperCase(Locale.ROOT).replace('-', '_');
                named.add(constant);
                assertEquals(constants.get(constant), Integer.valueOf(a.value()), setName + "." + a.name());
            }
            Set<String> all = new TreeSet<>(constants.keySet());
            all.removeIf(c -> !c.startsWith(prefix));
            assertEquals(all, named, setName);
        });
        // Commands: requests by name, replies as the kernel sends them.
        Map<String, String> replies = Map.of("get-service", "CMD_NEW_SERVICE", "get-dest", "CMD_NEW_DEST",
                "get-daemon", "CMD_NEW_DAEMON", "get-config", "CMD_SET_CONFIG", "get-info", "CMD_SET_INFO");
        Set<Integer> commands = new TreeSet<>();
        for (YnlOperation op : spec.operations().values()) {
            String constant = "CMD_" + op.name().toUpperCase(Locale.ROOT).replace('-', '_');
            assertEquals(constants.get(constant), Integer.valueOf(op.requestValue().orElseThrow()), op.name());
            commands.add(op.requestValue().getAsInt());
            if (replies.containsKey(op.name())) {
                assertEquals(constants.get(replies.get(op.name())), Integer.valueOf(op.replyValue().orElseThrow()),
                        op.name() + " reply");
                commands.add(op.replyValue().getAsInt());
            } else {
                assertTrue(op.replyValue().isEmpty(), op.name() + " has no reply");
            }
        }
        Set<Integer> all = new TreeSet<>();
        constants.forEach((name, value) -> {
            if (name.startsWith("CMD_") && !name.startsWith("CMD_ATTR_")) {
                all.add(value);
            }
        });
        assertEquals(all, commands, "every command is a request or a reply");
        // Enums and flags.
        assertEquals(Ipvs.GENL_VERSION, 1);
        assertEquals(Ipvs.FAMILY_NAME, spec.name());
        YnlEnum fwd = spec.enumDefinition("fwd-method");
        for (ForwardingMethod m : List.of(ForwardingMethod.MASQUERADE, ForwardingMethod.LOCAL, ForwardingMethod.TUNNEL,
                ForwardingMethod.DIRECT_ROUTE, ForwardingMethod.BYPASS)) {
            assertTrue(fwd.entry(m.value()).isPresent(), m.toString());
        }
        assertEquals(5, fwd.entries().size());
        YnlEnum tun = spec.enumDefinition("tun-type");
        assertEquals("gue", tun.entry(TunnelType.GUE.value()).orElseThrow().name());
        assertEquals("gre", tun.entry(TunnelType.GRE.value()).orElseThrow().name());
        assertEquals(TunnelFlags.CSUM, spec.enumDefinition("tun-flags").entry("csum").orElseThrow().mask());
        assertEquals(TunnelFlags.REMCSUM, spec.enumDefinition("tun-flags").entry("remcsum").orElseThrow().mask());
        YnlEnum flags = spec.enumDefinition("svc-flags");
        assertEquals(ServiceFlags.PERSISTENT, flags.entry("persistent").orElseThrow().mask());
        assertEquals(ServiceFlags.ONEPACKET, flags.entry("onepacket").orElseThrow().mask());
        assertEquals(ServiceFlags.SCHED1, flags.entry("sched1").orElseThrow().mask());
        assertEquals(ServiceFlags.SCHED2, flags.entry("sched2").orElseThrow().mask());
        assertEquals(ServiceFlags.SCHED3, flags.entry("sched3").orElseThrow().mask());
        assertEquals(DaemonConfig.State.MASTER.value(), spec.enumDefinition("daemon-state").entry("master").orElseThrow().value());
        assertEquals(DaemonConfig.State.BACKUP.value(), spec.enumDefinition("daemon-state").entry("backup").orElseThrow().value());
        assertEquals(AddressFamily.INET6.value(), spec.enumDefinition("address-family").entry("inet6").orElseThrow().value());
        assertEquals(Protocol.SCTP.value(), spec.enumDefinition("protocol").entry("sctp").orElseThrow().value());
    }

    /**
     * The kernel's tools/net/ynl library (lib/nlspec.py, with its schema check) reads the spec to
     * the same operation numbers (directional: requests and replies apart) and attributes. Offline:
     * cli.py itself would resolve the family, which this host's kernel lacks.
     */
    @Test
    void theKernelsLibraryReadsTheSameSpec() throws Exception {
        String script = String.join("\n",
                "import json, sys",
                "sys.path.insert(0, sys.argv[1])",
                "from lib.nlspec import SpecFamily",
                "f = SpecFamily(sys.argv[2], sys.argv[3])",
                "ops = {n: [o.req_value, o.rsp_value, o.attr_set.name, sorted(o.modes)] for n, o in f.msgs.items()}",
                "sets = {n: {a.name: [a.value, a.type, a.byte_order, a.display_hint, a.get('enum'), a.struct_name,",
                "        a.get('nested-attributes')] for a in s.attrs.values()} for n, s in f.attr_sets.items()}",
                "print(json.dumps({'name': f.name, 'version': f.yaml['version'], 'ops': ops, 'sets': sets}))");
        List<String> cmd = List.of("python3", "-c", script, IpvsSpec.tools().toString(), IpvsSpec.file().toString(),
                IpvsSpec.schema().toString());
        Process p = new ProcessBuilder(cmd).start();
        p.getOutputStream().close();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        String err = new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(60, TimeUnit.SECONDS));
        assertEquals(0, p.exitValue(), err + out);
        JsonNode theirs = JsonMapper.builder().build().readTree(out);

        YnlSpec spec = IpvsSpec.spec();
        assertEquals(spec.name(), theirs.get("name").asString());
        assertEquals(1, theirs.get("version").asInt());
        assertEquals(spec.operations().size(), theirs.get("ops").size());
        for (YnlOperation op : spec.operations().values()) {
            JsonNode o = theirs.get("ops").get(op.name());
            assertEquals(op.requestValue().getAsInt(), o.get(0).asInt(), op.name());
            assertEquals(op.replyValue().isPresent() ? op.replyValue().getAsInt() : null,
                    o.get(1).isNull() ? null : o.get(1).asInt(), op.name());
            assertEquals(op.attributeSet().orElseThrow(), o.get(2).asString(), op.name());
            List<String> modes = new ArrayList<>();
            o.get(3).forEach(m -> modes.add(m.asString()));
            List<String> ours = new ArrayList<>();
            if (op.hasDo()) {
                ours.add("do");
            }
            if (op.hasDump()) {
                ours.add(0, "dump");
            }
            assertEquals(ours.stream().sorted().toList(), modes, op.name());
        }
        assertEquals(spec.attributeSets().size(), theirs.get("sets").size());
        for (YnlAttributeSet set : spec.attributeSets().values()) {
            JsonNode s = theirs.get("sets").get(set.name());
            assertEquals(set.attributes().size(), s.size(), set.name());
            for (YnlAttribute a : set.attributes()) {
                JsonNode t = s.get(a.name());
                String where = set.name() + "." + a.name();
                assertEquals(a.value(), t.get(0).asInt(), where);
                assertEquals(a.type().specName(), t.get(1).asString(), where);
                assertEquals(a.byteOrder() == YnlByteOrder.BIG_ENDIAN ? "big-endian" : null,
                        t.get(2).isNull() ? null : t.get(2).asString(), where);
                assertEquals(a.displayHint() == YnlDisplayHint.NONE ? null : a.displayHint().name().toLowerCase(Locale.ROOT),
                        t.get(3).isNull() ? null : t.get(3).asString(), where);
                assertEquals(a.enumName().orElse(null), t.get(4).isNull() ? null : t.get(4).asString(), where);
                assertEquals(a.struct().orElse(null), t.get(5).isNull() ? null : t.get(5).asString(), where);
                assertEquals(a.nestedAttributes().orElse(null), t.get(6).isNull() ? null : t.get(6).asString(), where);
            }
        }
    }

    // ---------------------------------------------------------------------------------------
    // The bytes of the hand-written client, by the spec

    @Test
    void servicesWrittenByTheHandWrittenClientDecodeBySpec() {
        YnlCodec codec = new YnlCodec(IpvsSpec.spec());
        Service web = Service.builder().protocol(Protocol.TCP).address(ip("10.0.0.1")).port(8080).scheduler(Scheduler.WRR)
                .persistent(300).netmask(Netmask.ofPrefix(24)).build();
        Map<String, Object> svc = nest(decode(codec, w -> IpvsCodec.writeService(w, web)), "service");
        assertEquals("inet", svc.get("af"));
        assertEquals("tcp", svc.get("protocol"));
        // 16 bytes, the IPv4 address first (union nf_inet_addr), as the kernel replies: the format
        // has no hint for an address whose family is in another attribute, so it shows as IPv6.
        assertEquals("a00:1::", svc.get("addr"));
        assertEquals(8080L, svc.get("port"));
        assertEquals("wrr", svc.get("sched-name"));
        assertEquals(Map.of("flags", Set.of("persistent"), "mask", "0xffffffff"), svc.get("flags"));
        assertEquals(300L, svc.get("timeout"));
        // The IPv4 mask's bytes in network order, read as a host-order u32 as the kernel's policy has it.
        assertEquals(hostU32(new byte[] {(byte) 255, (byte) 255, (byte) 255, 0}), svc.get("netmask"));

        Service dns = Service.builder().protocol(Protocol.UDP).address(ip("2001:db8::53")).port(53).scheduler(Scheduler.SH)
                .flags(ServiceFlags.ONEPACKET | ServiceFlags.SCHED1).build();
        svc = nest(decode(codec, w -> IpvsCodec.writeService(w, dns)), "service");
        assertEquals("inet6", svc.get("af"));
        assertEquals("udp", svc.get("protocol"));
        assertEquals("2001:db8::53", svc.get("addr"));
        assertEquals(53L, svc.get("port"));
        assertEquals(Set.of("onepacket", "sched1"), nest(svc, "flags").get("flags"));

        Service mark = Service.builder().fwMark(77).addressFamily(AddressFamily.INET6).scheduler(Scheduler.RR)
                .persistent(60).netmask(Netmask.ofPrefix(AddressFamily.INET6, 64))
                .persistenceEngine(PersistenceEngine.SIP).build();
        svc = nest(decode(codec, w -> IpvsCodec.writeService(w, mark)), "service");
        assertEquals(77L, svc.get("fwmark"));
        assertEquals(64L, svc.get("netmask"), "an IPv6 prefix length in host order");
        assertEquals("sip", svc.get("pe-name"));
        assertTrue(!svc.containsKey("port") && !svc.containsKey("addr"), svc::toString);
    }

    @Test
    void servicesWrittenBySpecDecodeByTheHandWrittenClient() {
        YnlCodec codec = new YnlCodec(IpvsSpec.spec());
        Map<String, Object> tree = new LinkedHashMap<>();
        tree.put("af", "inet6");
        tree.put("protocol", "sctp");
        tree.put("addr", "2001:db8::1");
        tree.put("port", 3868);
        tree.put("sched-name", "mh");
        tree.put("flags", Map.of("flags", Set.of("sched1", "sched2"), "mask", 0xFFFFFFFFL));
        tree.put("timeout", 0);
        tree.put("netmask", 128);
        Service decoded = IpvsCodec.decodeServiceAttributes(attributes(codec, "svc-attrs", tree));
        assertEquals(Service.builder().protocol(Protocol.SCTP).address(ip("2001:db8::1")).port(3868).scheduler(Scheduler.MH)
                .flags(ServiceFlags.SCHED1 | ServiceFlags.SCHED2).build(), decoded.withoutStats());
    }

    @Test
    void destinationsBothWays() {
        YnlCodec codec = new YnlCodec(IpvsSpec.spec());
        Destination gue = Destination.builder().address(ip("10.1.1.2")).port(53).weight(7)
                .forwardingMethod(ForwardingMethod.TUNNEL).tunnelType(TunnelType.GUE).tunnelPort(6080)
                .tunnelFlags(TunnelFlags.CSUM | TunnelFlags.REMCSUM).upperThreshold(100).lowerThreshold(10).build();
        Map<String, Object> dest = nest(decode(codec, w -> IpvsCodec.writeDestination(w, gue)), "dest");
        assertEquals("a01:102::", dest.get("addr"));
        assertEquals(53L, dest.get("port"));
        assertEquals("inet", dest.get("addr-family"));
        assertEquals("tunnel", dest.get("fwd-method"));
        assertEquals(7L, dest.get("weight"));
        assertEquals(100L, dest.get("u-thresh"));
        assertEquals(10L, dest.get("l-thresh"));
        assertEquals("gue", dest.get("tun-type"));
        assertEquals(6080L, dest.get("tun-port"));
        assertEquals(Set.of("csum", "remcsum"), dest.get("tun-flags"));

        Map<String, Object> tree = new LinkedHashMap<>();
        tree.put("addr", "2001:db8:1::2");
        tree.put("port", 8443);
        tree.put("fwd-method", "droute");
        tree.put("weight", 3);
        tree.put("u-thresh", 0);
        tree.put("l-thresh", 0);
        tree.put("addr-family", "inet6");
        tree.put("tun-type", "ipip");
        tree.put("tun-port", 0);
        tree.put("tun-flags", Set.of());
        assertEquals(Destination.builder().address(ip("2001:db8:1::2")).port(8443).weight(3)
                        .forwardingMethod(ForwardingMethod.DIRECT_ROUTE).build(),
                IpvsCodec.decodeDestinationAttributes(attributes(codec, "dest-attrs", tree), AddressFamily.INET6)
                        .withoutStats());
    }

    @Test
    void daemonsWrittenByTheHandWrittenClientDecodeBySpec() {
        YnlCodec codec = new YnlCodec(IpvsSpec.spec());
        DaemonConfig master = DaemonConfig.builder().state(DaemonConfig.State.MASTER).multicastInterface("dummy0")
                .syncId(9).syncMaxLength(1400).multicastGroup(ip("224.0.0.99")).multicastPort(8849).multicastTtl(3).build();
        Map<String, Object> d = nest(decode(codec, w -> IpvsCodec.writeDaemon(w, master)), "daemon");
        assertEquals("master", d.get("state"));
        assertEquals("dummy0", d.get("mcast-ifn"));
        assertEquals(9L, d.get("sync-id"));
        assertEquals(1400L, d.get("sync-maxlen"));
        assertEquals("224.0.0.99", d.get("mcast-group"));
        assertEquals(8849L, d.get("mcast-port"), "the multicast port is in host order");
        assertEquals(3L, d.get("mcast-ttl"));
        DaemonConfig backup = DaemonConfig.builder().state(DaemonConfig.State.BACKUP).multicastInterface("eth1")
                .syncId(1).multicastGroup(ip("ff02::1:2")).build();
        d = nest(decode(codec, w -> IpvsCodec.writeDaemon(w, backup)), "daemon");
        assertEquals("backup", d.get("state"));
        assertEquals("ff02::1:2", d.get("mcast-group6"));
    }

    /**
     * An address attribute with a display hint takes the address as text or, as cli.py takes every
     * binary value in its --json, bytes as hex; IPVS's addresses (hint ipv6) take IPv4 text too.
     */
    @Test
    void addressesAsTextOrHex() {
        YnlCodec codec = new YnlCodec(IpvsSpec.spec());
        Function<Object, Object> addr = v -> codec.decodeAttributes("svc-attrs",
                attributes(codec, "svc-attrs", Map.of("addr", v))).get("addr");
        assertEquals("10.0.0.9", addr.apply("10.0.0.9"));
        assertEquals("10.0.0.9", addr.apply("0a000009"));
        assertEquals("2001:db8::9", addr.apply("2001:db8::9"));
        assertEquals("2001:db8::9", addr.apply("20010db8000000000000000000000009"));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> addr.apply("10.0.0.256"));
        assertEquals("svc-attrs.addr: 10.0.0.256 (expected: an IPv4 address, a.b.c.d)", e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> addr.apply("0a00000"));
        assertTrue(e.getMessage().startsWith("svc-attrs.addr: 0a00000 (expected: bytes as hex)"), e::getMessage);
    }

    // ---------------------------------------------------------------------------------------

    /** What {@code write} puts after a netlink header, decoded as the top level of IPVS commands. */
    private static Map<String, Object> decode(YnlCodec codec, Consumer<MessageWriter> write) {
        ByteBuf buf = Unpooled.buffer();
        try {
            MessageWriter w = new MessageWriter().begin(buf, 0, 0, 0, 0);
            write.accept(w);
            w.end();
            return codec.decodeAttributes("cmd-attrs", AttributeReader.of(buf, Netlink.HEADER_SIZE, buf.writerIndex()));
        } finally {
            buf.release();
        }
    }

    /** {@code tree} encoded by the spec as attributes of {@code set}, for a reader of the hand-written client. */
    private static AttributeReader attributes(YnlCodec codec, String set, Map<String, Object> tree) {
        ByteBuf buf = Unpooled.buffer();
        MessageWriter w = new MessageWriter().begin(buf, 0, 0, 0, 0);
        codec.encodeAttributes(set, tree, w);
        w.end();
        byte[] bytes = new byte[buf.writerIndex() - Netlink.HEADER_SIZE];
        buf.getBytes(Netlink.HEADER_SIZE, bytes);
        buf.release();
        // Unreleased on purpose: a heap buffer the reader keeps; garbage once the test ends.
        return AttributeReader.of(Unpooled.wrappedBuffer(bytes), 0, bytes.length);
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> nest(Map<String, Object> tree, String name) {
        Object v = tree.get(name);
        assertTrue(v instanceof Map, () -> name + " in " + tree);
        return (Map<String, Object>) v;
    }

    private static long hostU32(byte[] b) {
        return ByteBuffer.wrap(b).order(ByteOrder.nativeOrder()).getInt() & 0xFFFFFFFFL;
    }

    static InetAddress ip(String text) {
        try {
            return InetAddress.getByName(text);
        } catch (IOException e) {
            throw new IllegalArgumentException(text, e);
        }
    }
}
