// SPDX-FileCopyrightText: 2026 The netlink4j Authors
// SPDX-License-Identifier: Apache-2.0
package io.netlink4j.ynl;

import io.netlink4j.ynl.testsupport.KernelSpecs;
import io.netlink4j.AddressFamily;
import io.netlink4j.ipvs.Config;
import io.netlink4j.ipvs.DaemonConfig;
import io.netlink4j.ipvs.Destination;
import io.netlink4j.ipvs.ForwardingMethod;
import io.netlink4j.ipvs.Info;
import io.netlink4j.ipvs.IpvsHandle;
import io.netlink4j.ipvs.Netmask;
import io.netlink4j.ipvs.PersistenceEngine;
import io.netlink4j.ipvs.Protocol;
import io.netlink4j.ipvs.Scheduler;
import io.netlink4j.ipvs.Service;
import io.netlink4j.ipvs.ServiceFlags;
import io.netlink4j.ipvs.TunnelFlags;
import io.netlink4j.ipvs.TunnelType;
import io.netlink4j.testsupport.Netns;
import io.netlink4j.ynl.testsupport.KernelYnl;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.net.InetAddress;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;

import static io.netlink4j.ynl.testsupport.KernelYnl.assertSameJsonInAnyOrder;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * java/ynl/specs/ipvs.yaml on a kernel with IPVS (the test VM): the dynamic client
 * ({@link YnlFamily}) and the kernel's own {@code cli.py}, both driven by the spec, read what
 * {@link IpvsHandle} writes and write what it and ipvsadm read, in a throwaway namespace. The four
 * agree field for field; the two spec-driven tools give the same JSON value (member order and the
 * order of flag sets aside) and the same refusals.
 */
@Tag("kernel-vm")
class IpvsSpecVmTest {
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    static Netns ns;
    static IpvsHandle ipvs;
    static YnlFamily ynl;

    @BeforeAll
    static void setUp() {
        ns = Netns.create("nl4j-ipvs-ynl");
        ns.exec("ip", "link", "set", "lo", "up");
        ns.exec("ip", "link", "add", "dummy0", "type", "dummy");
        ns.exec("ip", "link", "set", "dummy0", "multicast", "on", "up");
        ns.exec("ip", "addr", "add", "10.1.1.1/24", "dev", "dummy0");
        ns.exec("ip", "-6", "addr", "add", "2001:db8:1::1/64", "dev", "dummy0", "nodad");
        ipvs = IpvsHandle.open(ns.path());
        ynl = YnlFamily.open(IpvsSpec.spec(), ns.path());
    }

    @AfterAll
    static void tearDown() throws Exception {
        try {
            stopPython();
            ynl.close();
            ipvs.close();
        } finally {
            ns.close();
        }
    }

    @AfterEach
    void flush() {
        ipvs.flush();
    }

    // ---------------------------------------------------------------------------------------
    // Reading what IpvsHandle wrote

    @Test
    void tableWrittenByIpvsHandleReadsTheSameInAllFour() {
        Service web = Service.builder().protocol(Protocol.TCP).address(ip("10.0.0.1")).port(80).scheduler(Scheduler.WRR)
                .persistent(300).netmask(Netmask.ofPrefix(24)).build();
        Service dns = Service.builder().protocol(Protocol.UDP).address(ip("2001:db8::53")).port(53).scheduler(Scheduler.SH)
                .flags(ServiceFlags.ONEPACKET | ServiceFlags.SCHED1).build();
        Service mark = Service.builder().fwMark(5).addressFamily(AddressFamily.INET).scheduler(Scheduler.RR).build();
        Service sip = Service.builder().protocol(Protocol.UDP).address(ip("10.0.0.5")).port(5060).scheduler(Scheduler.LC)
                .persistent(120).persistenceEngine(PersistenceEngine.SIP).netmask(Netmask.ofPrefix(16)).build();
        Service v6 = Service.builder().protocol(Protocol.TCP).address(ip("2001:db8::80")).port(443).scheduler(Scheduler.MH)
                .flags(ServiceFlags.SCHED1 | ServiceFlags.SCHED2).build();
        for (Service s : List.of(web, dns, mark, sip, v6)) {
            ipvs.newService(s);
        }
        ipvs.newDestination(web, Destination.builder().address(ip("10.1.1.2")).port(8080).weight(5).build());
        ipvs.newDestination(web, Destination.builder().address(ip("10.1.1.3")).port(8080).weight(2)
                .forwardingMethod(ForwardingMethod.DIRECT_ROUTE).upperThreshold(100).lowerThreshold(50).build());
        ipvs.newDestination(dns, Destination.builder().address(ip("2001:db8:1::2")).port(53)
                .forwardingMethod(ForwardingMethod.TUNNEL).tunnelType(TunnelType.GUE).tunnelPort(6080)
                .tunnelFlags(TunnelFlags.CSUM).build());
        ipvs.newDestination(mark, Destination.builder().address(ip("10.1.1.4")).port(0).weight(0).build());
        ipvs.newDestination(sip, Destination.builder().address(ip("10.1.1.5")).port(5060).weight(3)
                .forwardingMethod(ForwardingMethod.TUNNEL).tunnelType(TunnelType.GRE).tunnelFlags(TunnelFlags.REMCSUM).build());
        ipvs.newDestination(v6, Destination.builder().address(ip("2001:db8:1::7")).port(8443).weight(1000).build());

        List<Map<String, Object>> ours = ynl.dump("get-service", Map.of());
        // cli.py itself, as docs/ynl.md shows it; then the kernel's library for each operation.
        KernelYnl.Result dumped = realCli("--dump", "get-service");
        assertEquals(0, dumped.exit(), () -> dumped.err() + dumped.out());
        assertSameJsonInAnyOrder(JSON.readTree(dumped.out()), ours);
        assertSameJsonInAnyOrder(cli("--dump", "get-service"), ours);
        assertEquals(5, ours.size(), ours::toString);
        List<Service> handles = ipvs.getServices();
        assertEquals(5, handles.size());
        List<String> saved = new ArrayList<>();
        for (Service s : handles) {
            Map<String, Object> tree = ours.stream().map(m -> nest(m, "service")).filter(t -> sameIdentity(s, t))
                    .findFirst().orElseThrow(() -> new AssertionError(s + " not in " + ours));
            assertSameService(s, tree);
            Map<String, Object> identity = identity(tree);
            Map<String, Object> request = Map.of("service", identity);
            // The do form too, from both tools.
            Map<String, Object> one = ynl.request("get-service", request);
            assertSameJsonInAnyOrder(cli("--do", "get-service", "--json", cliJson(request)), one);
            assertEquals(tree, nest(one, "service"));

            List<Map<String, Object>> dests = ynl.dump("get-dest", request);
            assertSameJsonInAnyOrder(cli("--dump", "get-dest", "--json", cliJson(request)), dests);
            List<Destination> handleDests = ipvs.getDestinations(s);
            assertEquals(handleDests.size(), dests.size(), () -> dests + " " + handleDests);
            saved.add(saveLine(tree));
            for (Destination d : handleDests) {
                Map<String, Object> dt = dests.stream().map(m -> nest(m, "dest"))
                        .filter(t -> address(t.get("addr"), d.addressFamily()).equals(d.address())
                                && ((Number) t.get("port")).intValue() == d.port())
                        .findFirst().orElseThrow(() -> new AssertionError(d + " not in " + dests));
                assertSameDestination(d, dt);
                saved.add(saveLine(tree, dt));
            }
        }
        // ipvsadm -S -n, each line rendered from the spec-driven trees.
        List<String> theirs = new ArrayList<>(ipvsadm("-S", "-n").lines().toList());
        assertEquals(new TreeSet<>(saved), new TreeSet<>(theirs), "ipvsadm -S -n");
        assertEquals(saved.size(), theirs.size());
        // Thresholds: ipvsadm --thresholds and the trees.
        assertTrue(ipvsadm("-Ln", "--thresholds", "-t", "10.0.0.1:80").lines()
                .anyMatch(l -> l.matches("\\s*-> 10\\.1\\.1\\.3:8080\\s+100\\s+50\\s.*")));
    }

    // ---------------------------------------------------------------------------------------
    // Writing by the dynamic client

    @Test
    void servicesAndDestinationsWrittenByTheDynamicClient() {
        Map<String, Object> id = new LinkedHashMap<>();
        id.put("af", "inet");
        id.put("protocol", "udp");
        id.put("addr", "10.0.0.9");
        id.put("port", 53);
        Map<String, Object> svc = new LinkedHashMap<>(id);
        svc.put("sched-name", "wlc");
        svc.put("flags", Map.of("flags", Set.of(), "mask", 0xFFFFFFFFL));
        svc.put("timeout", 0);
        svc.put("netmask", 0xFFFFFFFFL);
        ynl.execute("new-service", Map.of("service", svc));
        Service expected = Service.builder().protocol(Protocol.UDP).address(ip("10.0.0.9")).port(53).build();
        assertEquals(List.of(expected), ipvs.getServices().stream().map(Service::withoutStats).toList());

        Map<String, Object> dest = new LinkedHashMap<>();
        dest.put("addr", "10.1.1.20");
        dest.put("port", 5353);
        dest.put("fwd-method", "masq");
        dest.put("weight", 4);
        dest.put("u-thresh", 0);
        dest.put("l-thresh", 0);
        ynl.execute("new-dest", Map.of("service", id, "dest", dest));
        assertEquals(List.of(Destination.builder().address(ip("10.1.1.20")).port(5353).weight(4).build()),
                ipvs.getDestinations(expected).stream().map(Destination::withoutStats).toList());
        assertEquals(Set.of("-A -u 10.0.0.9:53 -s wlc", "-a -u 10.0.0.9:53 -r 10.1.1.20:5353 -m -w 4"),
                Set.copyOf(ipvsadm("-S", "-n").lines().toList()));

        dest.put("weight", 9);
        dest.put("u-thresh", 500);
        dest.put("l-thresh", 20);
        ynl.execute("set-dest", Map.of("service", id, "dest", dest));
        assertEquals(List.of(Destination.builder().address(ip("10.1.1.20")).port(5353).weight(9).upperThreshold(500)
                        .lowerThreshold(20).build()),
                ipvs.getDestinations(expected).stream().map(Destination::withoutStats).toList());
        assertTrue(ipvsadm("-Ln", "--thresholds").lines().anyMatch(l -> l.matches("\\s*-> 10\\.1\\.1\\.20:5353\\s+500\\s+20\\s.*")));

        // set-service: the mask says which flags to take.
        svc.put("sched-name", "rr");
        svc.put("flags", Map.of("flags", Set.of("persistent"), "mask", ServiceFlags.PERSISTENT));
        svc.put("timeout", 100);
        ynl.execute("set-service", Map.of("service", svc));
        Service persistent = ipvs.getService(expected);
        assertEquals(Scheduler.RR, persistent.scheduler());
        assertTrue(persistent.isPersistent());
        assertEquals(100, persistent.timeout());
        assertTrue(ipvsadm("-S", "-n").contains("-A -u 10.0.0.9:53 -s rr -p 100"), ipvsadm("-S", "-n"));

        ynl.execute("del-dest", Map.of("service", id, "dest", Map.of("addr", "10.1.1.20", "port", 5353)));
        assertEquals(List.of(), ipvs.getDestinations(expected));
        ynl.execute("zero", Map.of("service", id));
        ynl.execute("del-service", Map.of("service", id));
        assertEquals(List.of(), ipvs.getServices());
        assertEquals("", ipvsadm("-S", "-n"));

        // An IPv6 service by firewall mark, and flush.
        ynl.execute("new-service", Map.of("service", Map.of("af", "inet6", "fwmark", 42, "sched-name", "sed",
                "flags", Map.of("flags", Set.of(), "mask", 0), "timeout", 0, "netmask", 128)));
        assertEquals(List.of(Service.builder().fwMark(42).addressFamily(AddressFamily.INET6).scheduler(Scheduler.SED)
                .build()), ipvs.getServices().stream().map(Service::withoutStats).toList());
        assertEquals(List.of("-A -f 42 -6 -s sed"), ipvsadm("-S", "-n").lines().toList());
        ynl.execute("flush", Map.of());
        assertEquals(List.of(), ipvs.getServices());
    }

    @Test
    void configInfoAndDaemonsByTheDynamicClient() {
        Config before = ipvs.getConfig();
        try {
            ynl.execute("set-config", Map.of("timeout-tcp", 100, "timeout-tcp-fin", 20, "timeout-udp", 30));
            assertEquals(new Config(Duration.ofSeconds(100), Duration.ofSeconds(20), Duration.ofSeconds(30)), ipvs.getConfig());
            Map<String, Object> config = ynl.request("get-config", Map.of());
            assertEquals(Map.of("timeout-tcp", 100L, "timeout-tcp-fin", 20L, "timeout-udp", 30L), config);
            assertSameJsonInAnyOrder(cli("--do", "get-config"), config);
            assertTrue(ipvsadm("-L", "--timeout").contains("Timeout (tcp tcpfin udp): 100 20 30"));
            // 0 leaves a timeout unchanged.
            ynl.execute("set-config", Map.of("timeout-udp", 0, "timeout-tcp", 200));
            assertEquals(Map.of("timeout-tcp", 200L, "timeout-tcp-fin", 20L, "timeout-udp", 30L), ynl.request("get-config", Map.of()));
        } finally {
            ipvs.setConfig(before);
        }

        Map<String, Object> info = ynl.request("get-info", Map.of());
        assertSameJsonInAnyOrder(cli("--do", "get-info"), info);
        Info handle = ipvs.getInfo();
        assertEquals(Map.of("version", (long) handle.version(), "conn-tab-size", handle.connectionTableSize()), info);
        assertEquals("IP Virtual Server version " + handle.versionString() + " (size=" + info.get("conn-tab-size") + ")",
                ipvsadm("-Ln").lines().findFirst().orElseThrow());

        Map<String, Object> master = new LinkedHashMap<>();
        master.put("state", "master");
        master.put("mcast-ifn", "dummy0");
        master.put("sync-id", 5);
        master.put("sync-maxlen", 1400);
        master.put("mcast-group", "239.1.2.3");
        master.put("mcast-port", 8849);
        master.put("mcast-ttl", 2);
        ynl.execute("new-daemon", Map.of("daemon", master));
        try {
            ipvs.newDaemon(DaemonConfig.builder().state(DaemonConfig.State.BACKUP).multicastInterface("dummy0").syncId(5)
                    .multicastGroup(ip("ff02::1:5")).build());
            assertEquals(DaemonConfig.builder().state(DaemonConfig.State.MASTER).multicastInterface("dummy0").syncId(5)
                            .syncMaxLength(1400).multicastGroup(ip("239.1.2.3")).multicastPort(8849).multicastTtl(2).build(),
                    ipvs.getDaemons().stream().filter(d -> d.state() == DaemonConfig.State.MASTER).findFirst().orElseThrow());
            List<Map<String, Object>> daemons = ynl.dump("get-daemon", Map.of());
            assertSameJsonInAnyOrder(cli("--dump", "get-daemon"), daemons);
            assertEquals(2, daemons.size(), daemons::toString);
            Map<String, Object> m = nest(daemons.stream().filter(d -> "master".equals(nest(d, "daemon").get("state")))
                    .findFirst().orElseThrow(), "daemon");
            assertEquals("239.1.2.3", m.get("mcast-group"));
            assertEquals(8849L, m.get("mcast-port"));
            Map<String, Object> b = nest(daemons.stream().filter(d -> "backup".equals(nest(d, "daemon").get("state")))
                    .findFirst().orElseThrow(), "daemon");
            assertEquals("ff02::1:5", b.get("mcast-group6"));
            String listed = ipvsadm("-L", "--daemon");
            assertTrue(listed.contains("master sync daemon (mcast=dummy0, syncid=5"), listed);
            assertTrue(listed.contains("backup sync daemon (mcast=dummy0, syncid=5"), listed);
            ynl.execute("del-daemon", Map.of("daemon", Map.of("state", "backup")));
            assertEquals(List.of(DaemonConfig.State.MASTER), ipvs.getDaemons().stream().map(DaemonConfig::state).toList());
        } finally {
            ynl.execute("del-daemon", Map.of("daemon", Map.of("state", "master")));
        }
        assertEquals(List.of(), ipvs.getDaemons());
        assertEquals(List.of(), ynl.dump("get-daemon", Map.of()));
    }

    // ---------------------------------------------------------------------------------------
    // Writing by the kernel's cli.py

    @Test
    void writtenByTheKernelsCli() {
        KernelYnl.Result ops = runCli(IpvsSpec.file(), "--list-ops");
        assertEquals(0, ops.exit(), () -> ops.err() + ops.out());
        assertEquals(IpvsSpec.spec().operations().size(), ops.out().lines().count(), ops.out());
        assertTrue(ops.out().contains("get-service  [ dump, do ]") || ops.out().contains("get-service  [ do, dump ]"), ops.out());
        String id = "{\"af\": 10, \"protocol\": 6, \"addr\": \"" + hex("2001:db8::80") + "\", \"port\": 443}";
        // cli.py itself for the first; then the kernel's library the way cli.py calls it.
        KernelYnl.Result created = realCli("--do", "new-service", "--json", "{\"service\": {\"af\": 10, \"protocol\": 6, \"addr\": \""
                + hex("2001:db8::80") + "\", \"port\": 443, \"sched-name\": \"lc\", \"flags\": {\"flags\": 1, \"mask\": 1},"
                + " \"timeout\": 600, \"netmask\": 64}}");
        assertEquals(0, created.exit(), () -> created.err() + created.out());
        assertEquals("null", created.out().strip());
        cli("--do", "new-dest", "--json", "{\"service\": " + id + ", \"dest\": {\"addr\": \"" + hex("2001:db8:1::5")
                + "\", \"port\": 443, \"fwd-method\": 3, \"weight\": 2, \"u-thresh\": 0, \"l-thresh\": 0}}");
        cli("--do", "new-service", "--json", "{\"service\": {\"af\": 2, \"fwmark\": 7, \"sched-name\": \"nq\","
                + " \"flags\": {\"flags\": 0, \"mask\": 0}, \"timeout\": 0, \"netmask\": 4294967295}}");
        cli("--do", "new-dest", "--json", "{\"service\": {\"af\": 2, \"fwmark\": 7}, \"dest\": {\"addr\": \""
                + hex("10.1.1.8") + "\", \"port\": 0, \"fwd-method\": 0, \"weight\": 1, \"u-thresh\": 10, \"l-thresh\": 1}}");

        Service v6 = Service.builder().protocol(Protocol.TCP).address(ip("2001:db8::80")).port(443).scheduler(Scheduler.LC)
                .persistent(600).netmask(Netmask.ofPrefix(AddressFamily.INET6, 64)).build();
        Service mark = Service.builder().fwMark(7).addressFamily(AddressFamily.INET).scheduler(Scheduler.NQ).build();
        assertEquals(Set.of(v6, mark), Set.copyOf(ipvs.getServices().stream().map(Service::withoutStats).toList()));
        assertEquals(List.of(Destination.builder().address(ip("2001:db8:1::5")).port(443).weight(2)
                        .forwardingMethod(ForwardingMethod.DIRECT_ROUTE).build()),
                ipvs.getDestinations(v6).stream().map(Destination::withoutStats).toList());
        assertEquals(List.of(Destination.builder().address(ip("10.1.1.8")).port(0).weight(1).upperThreshold(10)
                        .lowerThreshold(1).build()),
                ipvs.getDestinations(mark).stream().map(Destination::withoutStats).toList());
        assertEquals(Set.of("-A -t [2001:db8::80]:443 -s lc -p 600 -M 64", "-a -t [2001:db8::80]:443 -r [2001:db8:1::5]:443 -g -w 2",
                        "-A -f 7 -s nq", "-a -f 7 -r 10.1.1.8:0 -m -w 1"),
                Set.copyOf(ipvsadm("-S", "-n").lines().toList()));

        cli("--do", "set-dest", "--json", "{\"service\": " + id + ", \"dest\": {\"addr\": \"" + hex("2001:db8:1::5")
                + "\", \"port\": 443, \"fwd-method\": 3, \"weight\": 7, \"u-thresh\": 0, \"l-thresh\": 0}}");
        assertEquals(7, ipvs.getDestinations(v6).get(0).weight());
        cli("--do", "del-dest", "--json", "{\"service\": " + id + ", \"dest\": {\"addr\": \"" + hex("2001:db8:1::5")
                + "\", \"port\": 443}}");
        assertEquals(List.of(), ipvs.getDestinations(v6));
        cli("--do", "del-service", "--json", "{\"service\": " + id + "}");
        assertEquals(List.of(mark), ipvs.getServices().stream().map(Service::withoutStats).toList());
        cli("--do", "flush");
        assertEquals("", ipvsadm("-S", "-n"));
    }

    // ---------------------------------------------------------------------------------------
    // Refusals

    @Test
    void refusalsAreTheSameFromBothTools() {
        Map<String, Object> id = Map.of("af", "inet", "protocol", "tcp", "addr", "10.0.0.1", "port", 80);
        String cliId = "{\"af\": 2, \"protocol\": 6, \"addr\": \"" + hex("10.0.0.1") + "\", \"port\": 80}";
        Map<String, Object> svc = new LinkedHashMap<>(id);
        svc.put("sched-name", "rr");
        svc.put("flags", Map.of("flags", 0, "mask", 0));
        svc.put("timeout", 0);
        svc.put("netmask", 0xFFFFFFFFL);
        String cliSvc = cliId.substring(0, cliId.length() - 1)
                + ", \"sched-name\": \"rr\", \"flags\": {\"flags\": 0, \"mask\": 0}, \"timeout\": 0, \"netmask\": 4294967295}";

        // No such service: ESRCH for get, set, delete and zero; new-dest too.
        refused("ESRCH", () -> ynl.request("get-service", Map.of("service", id)), "--do", "get-service", "--json",
                "{\"service\": " + cliId + "}");
        refused("ESRCH", () -> ynl.execute("del-service", Map.of("service", id)), "--do", "del-service", "--json",
                "{\"service\": " + cliId + "}");
        refused("ESRCH", () -> ynl.execute("set-service", Map.of("service", svc)), "--do", "set-service", "--json",
                "{\"service\": " + cliSvc + "}");
        refused("ESRCH", () -> ynl.execute("zero", Map.of("service", id)), "--do", "zero", "--json",
                "{\"service\": " + cliId + "}");
        Map<String, Object> dest = Map.of("addr", "10.1.1.2", "port", 80, "fwd-method", "masq", "weight", 1,
                "u-thresh", 0, "l-thresh", 0);
        String cliDest = "{\"addr\": \"" + hex("10.1.1.2") + "\", \"port\": 80, \"fwd-method\": 0, \"weight\": 1,"
                + " \"u-thresh\": 0, \"l-thresh\": 0}";
        refused("ESRCH", () -> ynl.execute("new-dest", Map.of("service", id, "dest", dest)), "--do", "new-dest", "--json",
                "{\"service\": " + cliId + ", \"dest\": " + cliDest + "}");
        // A dump of the destinations of no service is empty, not an error.
        assertEquals(List.of(), ynl.dump("get-dest", Map.of("service", id)));
        assertEquals(NODES.arrayNode(), cli("--dump", "get-dest", "--json", "{\"service\": " + cliId + "}"));

        // It exists: EEXIST, for the service and then its destination.
        ynl.execute("new-service", Map.of("service", svc));
        refused("EEXIST", () -> ynl.execute("new-service", Map.of("service", svc)), "--do", "new-service", "--json",
                "{\"service\": " + cliSvc + "}");
        ynl.execute("new-dest", Map.of("service", id, "dest", dest));
        refused("EEXIST", () -> ynl.execute("new-dest", Map.of("service", id, "dest", dest)), "--do", "new-dest",
                "--json", "{\"service\": " + cliId + ", \"dest\": " + cliDest + "}");
        // No such destination: ENOENT.
        Map<String, Object> other = Map.of("addr", "10.1.1.99", "port", 80);
        refused("ENOENT", () -> ynl.execute("del-dest", Map.of("service", id, "dest", other)), "--do", "del-dest", "--json",
                "{\"service\": " + cliId + ", \"dest\": {\"addr\": \"" + hex("10.1.1.99") + "\", \"port\": 80}}");
        // A missing mandatory attribute (the service's scheduler): EINVAL; IPVS names none.
        Map<String, Object> partial = new LinkedHashMap<>(svc);
        partial.remove("sched-name");
        partial.put("port", 81);
        YnlException missing = refused("EINVAL", () -> ynl.execute("new-service", Map.of("service", partial)), "--do",
                "new-service", "--json", "{\"service\": {\"af\": 2, \"protocol\": 6, \"addr\": \"" + hex("10.0.0.1")
                        + "\", \"port\": 81, \"flags\": {\"flags\": 0, \"mask\": 0}, \"timeout\": 0, \"netmask\": 0}}");
        assertTrue(missing.missingAttribute().isEmpty() && missing.attributePath().isEmpty(), missing::getMessage);
        // An unknown scheduler: ENOENT.
        Map<String, Object> badSched = new LinkedHashMap<>(svc);
        badSched.put("port", 82);
        badSched.put("sched-name", "nosuch");
        refused("ENOENT", () -> ynl.execute("new-service", Map.of("service", badSched)), "--do", "new-service", "--json",
                "{\"service\": " + cliSvc.replace("\"rr\"", "\"nosuch\"").replace("\"port\": 80", "\"port\": 82") + "}");
    }

    /**
     * Top-level attributes are checked against the family's policy, and the kernel points at a bad
     * one: a spec that gets an attribute's type wrong (timeout-tcp as u8, below NLA_U32) is refused
     * with the attribute named by both tools.
     */
    @Test
    void aBadAttributeIsNamedByBothTools() throws IOException {
        String text = Files.readString(IpvsSpec.file());
        String wrong = text.replace("        name: timeout-tcp\n        type: u32", "        name: timeout-tcp\n        type: u8");
        assertTrue(!wrong.equals(text));
        Path file = Files.createTempFile("ipvs-wrong", ".yaml");
        try {
            Files.writeString(file, wrong);
            YnlSpec spec = YnlSpec.load(file, KernelSpecs.schemas());
            try (YnlFamily broken = YnlFamily.open(spec, ns.path())) {
                YnlException e = assertThrows(YnlException.class,
                        () -> broken.execute("set-config", Map.of("timeout-tcp", 5)));
                String theirs = cliRefused(file, "--do", "set-config", "--json", "{\"timeout-tcp\": 5}");
                assertTrue(theirs.contains("error: -" + e.errno()), theirs);
                assertEquals(".timeout-tcp", e.attributePath().orElseThrow(), e::getMessage);
                assertTrue(theirs.contains("'bad-attr': '.timeout-tcp'"), theirs);
            }
        } finally {
            Files.delete(file);
        }
    }

    // ---------------------------------------------------------------------------------------

    private static YnlException refused(String errno, Runnable ours, String... cliArgs) {
        YnlException e = assertThrows(YnlException.class, ours::run);
        assertEquals(errno, e.errnoName(), e::getMessage);
        String theirs = cliRefused(IpvsSpec.file(), cliArgs);
        assertTrue(theirs.contains("error: -" + e.errno()), () -> String.join(" ", cliArgs) + ": " + theirs);
        return e;
    }

    private static void assertSameService(Service s, Map<String, Object> t) {
        assertEquals(s.scheduler().name(), t.get("sched-name"));
        Map<String, Object> flags = nest(t, "flags");
        assertEquals("0xffffffff", flags.get("mask"));
        Set<String> names = new TreeSet<>(names(flags.get("flags")));
        assertTrue(names.remove("hashed"), "a service in the table is hashed");
        assertEquals(s.flags(), mask("svc-flags", names), () -> s + " " + t);
        assertEquals(s.timeout(), ((Number) t.get("timeout")).longValue());
        long netmask = ((Number) t.get("netmask")).longValue();
        if (s.addressFamily().equals(AddressFamily.INET)) {
            byte[] b = ByteBuffer.allocate(4).order(ByteOrder.nativeOrder()).putInt((int) netmask).array();
            assertEquals(s.netmask().value(), ByteBuffer.wrap(b).getInt(), "IPv4 netmask, network order");
        } else {
            assertEquals(s.netmask().prefixLength().orElseThrow(), (int) netmask, "IPv6 prefix length");
        }
        assertEquals(s.persistenceEngine().map(PersistenceEngine::name).orElse(null), t.get("pe-name"));
        assertTrue(t.containsKey("stats") && t.containsKey("stats64"), t::toString);
    }

    private static void assertSameDestination(Destination d, Map<String, Object> t) {
        assertEquals(spec().enumDefinition("fwd-method").entry(d.forwardingMethod().value()).orElseThrow().name(),
                t.get("fwd-method"));
        assertEquals((long) d.weight(), t.get("weight"));
        assertEquals(d.upperThreshold(), t.get("u-thresh"));
        assertEquals(d.lowerThreshold(), t.get("l-thresh"));
        assertEquals(d.activeConnections(), t.get("active-conns"));
        assertEquals(d.inactiveConnections(), t.get("inact-conns"));
        assertEquals(d.persistentConnections(), t.get("persist-conns"));
        assertEquals(d.addressFamily().equals(AddressFamily.INET) ? "inet" : "inet6", t.get("addr-family"));
        assertEquals(spec().enumDefinition("tun-type").entry(d.tunnelType().value()).orElseThrow().name(), t.get("tun-type"));
        assertEquals((long) d.tunnelPort(), t.get("tun-port"));
        assertEquals(d.tunnelFlags(), mask("tun-flags", names(t.get("tun-flags"))));
        assertTrue(t.containsKey("stats") && t.containsKey("stats64"), t::toString);
    }

    /** A service tree's identity, as get-service and get-dest take it. */
    private static Map<String, Object> identity(Map<String, Object> t) {
        Map<String, Object> id = new LinkedHashMap<>();
        for (String k : List.of("af", "fwmark", "protocol", "addr", "port")) {
            if (t.containsKey(k)) {
                id.put(k, t.get(k));
            }
        }
        return id;
    }

    private static boolean sameIdentity(Service s, Map<String, Object> t) {
        AddressFamily af = "inet".equals(t.get("af")) ? AddressFamily.INET : AddressFamily.INET6;
        if (!af.equals(s.addressFamily())) {
            return false;
        }
        if (s.isFwMark()) {
            return t.containsKey("fwmark") && ((Number) t.get("fwmark")).longValue() == s.fwMark();
        }
        return !t.containsKey("fwmark") && t.get("protocol").equals(spec().enumDefinition("protocol").entry(s.protocol().value()).orElseThrow().name())
                && address(t.get("addr"), af).equals(s.address()) && ((Number) t.get("port")).intValue() == s.port();
    }

    /** An address as the spec shows it (16 bytes as IPv6 text) in the family the kernel meant. */
    private static InetAddress address(Object text, AddressFamily af) {
        byte[] b = ip((String) text).getAddress();
        return af.equals(AddressFamily.INET) ? ip(b, 4) : ip(b, 16);
    }

    /** One line of {@code ipvsadm -S -n} for a service tree. */
    private static String saveLine(Map<String, Object> t) {
        StringBuilder sb = new StringBuilder("-A ").append(serviceOption(t));
        if (t.containsKey("fwmark") && "inet6".equals(t.get("af"))) {
            sb.append(" -6");
        }
        sb.append(" -s ").append(t.get("sched-name"));
        Set<String> flags = names(nest(t, "flags").get("flags"));
        if (flags.contains("persistent")) {
            sb.append(" -p ").append(t.get("timeout"));
            long netmask = ((Number) t.get("netmask")).longValue();
            if ("inet".equals(t.get("af"))) {
                byte[] b = ByteBuffer.allocate(4).order(ByteOrder.nativeOrder()).putInt((int) netmask).array();
                if (netmask != 0xFFFFFFFFL) {
                    sb.append(" -M ").append(ip(b, 4).getHostAddress());
                }
            } else if (netmask != 128) {
                sb.append(" -M ").append(netmask);
            }
        }
        if (t.containsKey("pe-name")) {
            sb.append(" --pe ").append(t.get("pe-name"));
        }
        if (flags.contains("onepacket")) {
            sb.append(" -o");
        }
        String sched = (String) t.get("sched-name");
        List<String> schedFlags = new ArrayList<>();
        if (flags.contains("sched1")) {
            schedFlags.add(sched + "-fallback");
        }
        if (flags.contains("sched2")) {
            schedFlags.add(sched + "-port");
        }
        if (!schedFlags.isEmpty()) {
            sb.append(" -b ").append(String.join(",", schedFlags));
        }
        return sb.toString();
    }

    /** One line of {@code ipvsadm -S -n} for a destination tree of a service tree. */
    private static String saveLine(Map<String, Object> svc, Map<String, Object> d) {
        AddressFamily af = "inet".equals(d.get("addr-family")) ? AddressFamily.INET : AddressFamily.INET6;
        String method = switch ((String) d.get("fwd-method")) {
            case "masq" -> "-m";
            case "droute" -> "-g";
            case "tunnel" -> "-i";
            default -> throw new AssertionError(d);
        };
        StringBuilder sb = new StringBuilder("-a ").append(serviceOption(svc)).append(" -r ")
                .append(hostPort(address(d.get("addr"), af), ((Number) d.get("port")).intValue()))
                .append(' ').append(method).append(" -w ").append(d.get("weight"));
        if ("tunnel".equals(d.get("fwd-method"))) {
            sb.append(" --tun-type ").append(d.get("tun-type"));
            if ("gue".equals(d.get("tun-type"))) {
                sb.append(" --tun-port ").append(d.get("tun-port"));
            }
            Set<String> tf = names(d.get("tun-flags"));
            if (!"ipip".equals(d.get("tun-type"))) {
                sb.append(tf.contains("csum") ? " --tun-csum" : tf.contains("remcsum") ? " --tun-remcsum" : " --tun-nocsum");
            }
        }
        return sb.toString();
    }

    private static String serviceOption(Map<String, Object> t) {
        if (t.containsKey("fwmark")) {
            return "-f " + t.get("fwmark");
        }
        AddressFamily af = "inet".equals(t.get("af")) ? AddressFamily.INET : AddressFamily.INET6;
        String proto = switch ((String) t.get("protocol")) {
            case "tcp" -> "-t";
            case "udp" -> "-u";
            case "sctp" -> "--sctp-service";
            default -> throw new AssertionError(t);
        };
        return proto + " " + hostPort(address(t.get("addr"), af), ((Number) t.get("port")).intValue());
    }

    private static String hostPort(InetAddress a, int port) {
        String host = a.getHostAddress();
        if (a.getAddress().length == 16) {
            host = "[" + canonicalIpv6(a.getAddress()) + "]";
        }
        return host + ":" + port;
    }

    private static String canonicalIpv6(byte[] b) {
        // The shortest form, as ipvsadm prints it (inet_ntop).
        return new YnlCodec(spec()).decodeAttributes("daemon-attrs",
                io.netlink4j.codec.AttributeReader.of(io.netty.buffer.Unpooled.wrappedBuffer(attr(6, b)), 0, 20))
                .get("mcast-group6").toString();
    }

    private static byte[] attr(int type, byte[] payload) {
        ByteBuffer bb = ByteBuffer.allocate(4 + payload.length).order(ByteOrder.nativeOrder());
        bb.putShort((short) (4 + payload.length)).putShort((short) type).put(payload);
        return bb.array();
    }

    @SuppressWarnings("unchecked")
    private static Set<String> names(Object set) {
        Set<String> out = new TreeSet<>();
        ((Collection<Object>) set).forEach(o -> out.add(o.toString()));
        return out;
    }

    private static int mask(String enumName, Set<String> names) {
        YnlEnum e = spec().enumDefinition(enumName);
        int m = 0;
        for (String n : names) {
            m |= (int) e.entry(n).orElseThrow(() -> new AssertionError(enumName + " has no " + n)).mask();
        }
        return m;
    }

    private static YnlSpec spec() {
        return IpvsSpec.spec();
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> nest(Map<String, Object> tree, String name) {
        Object v = tree.get(name);
        assertTrue(v instanceof Map, () -> name + " in " + tree);
        return (Map<String, Object>) v;
    }

    private static String ipvsadm(String... args) {
        String[] cmd = new String[args.length + 1];
        cmd[0] = "ipvsadm";
        System.arraycopy(args, 0, cmd, 1, args.length);
        return ns.exec(cmd);
    }

    static InetAddress ip(String text) {
        try {
            return InetAddress.getByName(text);
        } catch (IOException e) {
            throw new IllegalArgumentException(text, e);
        }
    }

    private static InetAddress ip(byte[] b, int length) {
        try {
            return InetAddress.getByAddress(Arrays.copyOf(b, length));
        } catch (IOException e) {
            throw new IllegalArgumentException(HexFormat.of().formatHex(b), e);
        }
    }

    /** An address's bytes in hex, as cli.py takes a binary value in --json. */
    private static String hex(String address) {
        return HexFormat.of().formatHex(ip(address).getAddress());
    }

    /** A tree as JSON for cli.py's --json: addresses as hex. */
    private static String cliJson(Map<String, Object> tree) {
        return JSON.writeValueAsString(cliValue(tree, null));
    }

    private static Object cliValue(Object value, String key) {
        if (value instanceof Map<?, ?> m) {
            Map<String, Object> out = new LinkedHashMap<>();
            m.forEach((k, v) -> out.put((String) k, cliValue(v, (String) k)));
            return out;
        }
        if ("addr".equals(key)) {
            return hex((String) value);
        }
        if ("af".equals(key)) {
            return "inet".equals(value) ? 2 : 10;
        }
        if ("protocol".equals(key)) {
            return switch ((String) value) {
                case "tcp" -> 6;
                case "udp" -> 17;
                default -> 132;
            };
        }
        return value;
    }

    // ---------------------------------------------------------------------------------------
    // The kernel's cli.py, driven by ipvs.yaml, in the namespace

    /**
     * The kernel's lib/ynl.py for {@code --do OP [--json TEXT]} or {@code --dump OP [--json TEXT]},
     * which must succeed: its result as cli.py --output-json prints it (null for none).
     */
    private static JsonNode cli(String... args) {
        JsonNode r = ynlPy(IpvsSpec.file(), args);
        assertTrue(r.has("ok"), () -> "ynl.py " + String.join(" ", args) + ": " + r);
        return r.get("ok");
    }

    /** As {@link #cli}, but it must be refused: the error as cli.py prints it. */
    private static String cliRefused(Path spec, String... args) {
        JsonNode r = ynlPy(spec, args);
        assertTrue(r.has("error"), () -> "ynl.py " + String.join(" ", args) + " succeeded: " + r);
        return r.get("error").asString();
    }

    /**
     * The kernel's cli.py is a thin wrapper of lib/ynl.py (YnlFamily: do, dump; JSON with bytes in
     * hex and sets as lists). Started as a process per call it costs seconds in the emulated VM
     * (the interpreter, the library and its schema check), so the operations go to one Python
     * process in the namespace that runs them with the kernel's library exactly as cli.py does,
     * a JSON line in and out each; {@link #realCli} runs cli.py itself.
     */
    private static synchronized JsonNode ynlPy(Path spec, String... args) {
        if (!args[0].equals("--do") && !args[0].equals("--dump")) {
            throw new IllegalArgumentException(String.join(" ", args));
        }
        ObjectNode request = NODES.objectNode();
        request.put("spec", spec.toString());
        request.put("schema", IpvsSpec.schema().toString());
        request.put("op", args[1]);
        request.put("dump", args[0].equals("--dump"));
        request.set("attrs", args.length > 3 && args[2].equals("--json") ? JSON.readTree(args[3]) : NODES.objectNode());
        try {
            if (python == null) {
                String script = String.join("\n",
                        "import json, sys",
                        "sys.path.insert(0, sys.argv[1])",
                        "from lib import YnlFamily, NlError",
                        "class Encoder(json.JSONEncoder):",
                        "    def default(self, obj):",
                        "        if isinstance(obj, bytes):",
                        "            return bytes.hex(obj)",
                        "        if isinstance(obj, set):",
                        "            return list(obj)",
                        "        return json.JSONEncoder.default(self, obj)",
                        "families = {}",
                        "for line in sys.stdin:",
                        "    req = json.loads(line)",
                        "    if req['spec'] not in families:",
                        "        families[req['spec']] = YnlFamily(req['spec'], req['schema'])",
                        "    ynl = families[req['spec']]",
                        "    try:",
                        "        if req['dump']:",
                        "            out = {'ok': ynl.dump(req['op'], req['attrs'])}",
                        "        else:",
                        "            out = {'ok': ynl.do(req['op'], req['attrs'], None)}",
                        "    except NlError as e:",
                        "        out = {'error': str(e)}",
                        "    print('@ynl ' + json.dumps(out, cls=Encoder), flush=True)");
                pythonErr = Files.createTempFile("ynl-py", ".err");
                ProcessBuilder pb = new ProcessBuilder("ip", "netns", "exec", ns.name(), "python3", "-u", "-c", script,
                        IpvsSpec.tools().toString()).redirectError(pythonErr.toFile());
                pb.environment().put("PYTHONDONTWRITEBYTECODE", "1");
                python = pb.start();
                pythonIn = new java.io.PrintWriter(new java.io.OutputStreamWriter(python.getOutputStream(), StandardCharsets.UTF_8), true);
                pythonOut = new java.io.BufferedReader(new java.io.InputStreamReader(python.getInputStream(), StandardCharsets.UTF_8));
            }
            pythonIn.println(JSON.writeValueAsString(request));
            List<String> other = new ArrayList<>();
            String line;
            while ((line = pythonOut.readLine()) != null && !line.startsWith("@ynl ")) {
                other.add(line);
            }
            if (line == null) {
                throw new AssertionError("ynl.py ended: " + Files.readString(pythonErr) + String.join("\n", other));
            }
            // ynl.py prints what it does not expect (a reply of another command) and goes on.
            assertEquals(List.of(), other, "ynl.py printed besides its result");
            return JSON.readTree(line.substring(5));
        } catch (IOException e) {
            throw new AssertionError("ynl.py: " + e, e);
        }
    }

    private static Process python;
    private static java.io.PrintWriter pythonIn;
    private static java.io.BufferedReader pythonOut;
    private static Path pythonErr;

    static void stopPython() throws IOException, InterruptedException {
        if (python != null) {
            pythonIn.close();
            assertTrue(python.waitFor(60, TimeUnit.SECONDS), "ynl.py did not end");
            Files.delete(pythonErr);
            python = null;
        }
    }

    /** The kernel's cli.py itself, in the namespace, with --output-json: exit status, stdout, stderr. */
    private static KernelYnl.Result realCli(String... args) {
        return runCli(IpvsSpec.file(), args);
    }

    private static KernelYnl.Result runCli(Path spec, String... args) {
        List<String> cmd = new ArrayList<>(List.of("ip", "netns", "exec", ns.name(), "python3",
                IpvsSpec.tools().resolve("cli.py").toString(), "--spec", spec.toString(),
                "--schema", IpvsSpec.schema().toString()));
        cmd.addAll(List.of(args));
        cmd.add("--output-json");
        ProcessBuilder pb = new ProcessBuilder(cmd);
        pb.environment().put("PYTHONDONTWRITEBYTECODE", "1");
        try {
            return KernelYnl.finish(pb.start(), cmd);
        } catch (IOException e) {
            throw new AssertionError("cannot run " + cmd, e);
        }
    }
}
